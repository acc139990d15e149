// The locale modules: every language has every word English has and no other, and the pages made
// beyond the documents (the site, the preview) speak the portfolio's or the map's language.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { unzipSync } from 'fflate';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCALES, MESSAGES } from '../src/core/locale.js';
import { run, startJourney, tempDir, type RunningJourney } from './helpers.js';

/** Every word's path (`site.groups.tag`), with what it says for a sample input when it is a function of one. */
function words(value: unknown, at = ''): [string, unknown][] {
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => words(v, at ? `${at}.${k}` : k));
  return [[at, value]];
}

describe('the locale modules', () => {
  const english = new Map(words(MESSAGES.en));

  it.each(LOCALES.filter((l) => l !== 'en'))('%s has every word English has, and no other', (locale) => {
    const own = new Map(words(MESSAGES[locale]));
    expect([...own.keys()].filter((k) => !english.has(k))).toEqual([]);
    expect([...english.keys()].filter((k) => !own.has(k))).toEqual([]);
  });

  it.each(LOCALES)('%s says something for every word, of the same kind as English', (locale) => {
    for (const [key, word] of words(MESSAGES[locale])) {
      expect(typeof word, key).toBe(typeof english.get(key));
      const said = typeof word === 'function' ? (word as (...a: unknown[]) => unknown)(3, 4) : word;
      expect(typeof said === 'string' && said.trim().length > 0, key).toBe(true);
    }
  });
});

/** An Italian portfolio: two maps sharing a persona file, one broken, and `locale: it` in the config. */
function italianPortfolio(config = 'locale: it\n'): string {
  const root = tempDir();
  mkdirSync(join(root, 'maps'));
  writeFileSync(join(root, 'journey.config.yaml'), config);
  writeFileSync(join(root, 'maps', 'giulia.yaml'), 'name: Giulia\ngoals: [Restituire le scarpe senza code]\n');
  const map = (title: string) =>
    `template: current-state\ntitle: ${title}\npersona: giulia.yaml\nupdated: 2020-01-01\nstages:\n  - name: Ordine\n    emotion: felice\n  - name: Reso\n    emotion: frustrato\n    pain_points: [Etichetta da stampare]\n`;
  writeFileSync(join(root, 'maps', 'resi.yaml'), map('Restituire un ordine'));
  writeFileSync(join(root, 'maps', 'acquisto.yaml'), map('Comprare le scarpe'));
  writeFileSync(join(root, 'maps', 'rotta.yaml'), 'template: current-state\ntitle: Rotta\nstages: 3\n');
  return root;
}

describe('journey site of an Italian portfolio', () => {
  it('has its index, health and persona pages in Italian, with lang="it"', async () => {
    const root = italianPortfolio();
    const r = await run(['site', 'maps', '-o', 'site'], { cwd: root });
    expect(r.code).toBe(1); // the broken map
    const page = (name: string) => readFileSync(join(root, 'site', name), 'utf8');

    const index = page('index.html');
    expect(index).toContain('<html lang="it">');
    expect(index).toContain('<h1>Mappe del percorso cliente</h1>');
    expect(index).toContain('3 mappe, 1 persona condivisa.');
    expect(index).toContain('<th scope="col">Mappa</th><th scope="col">Modello</th><th scope="col">Persona</th><th scope="col">Responsabili</th><th scope="col">Ultima revisione</th>');
    expect(index).toContain('Per modello');
    expect(index).toContain('Stato attuale');
    expect(index).toContain('>da rivedere</span>');
    expect(index).toContain('>Tutte le mappe</a>');
    expect(index).not.toMatch(/All maps|Portfolio health|By template|shared persona|no findings/);

    const health = page('health.html');
    expect(health).toContain('<html lang="it">');
    expect(health).toContain('<h1>Stato di salute del portfolio</h1>');
    expect(health).toContain('3 mappe: 1 con problemi, 2 da rivedere, 10 segnalazioni.');
    expect(health).toContain('Mappe con problemi');
    expect(health).toContain('Punti critici senza opportunità');
    expect(health).toContain('title="Reso: molto negativa"');
    expect(health).toContain('>avviso</span>');
    expect(health).not.toMatch(/Stale maps|Every lint finding|>warning</);

    const persona = page('personas/giulia.html');
    expect(persona).toContain('<html lang="it">');
    expect(persona).toContain('<h2 id="journeys-title">Percorsi</h2>');
    expect(persona).toContain('<th scope="col">Emozione media</th>');
    expect(persona).toContain('Obiettivi');
    expect(persona).not.toMatch(/Journeys|Average emotion|>Goals</);
  });

  it('takes the language the maps share when the config names none, and English when they differ', async () => {
    const root = italianPortfolio('');
    writeFileSync(join(root, 'maps', 'rotta.yaml'), 'template: current-state\ntitle: Rotta\nlocale: it\nstages:\n  - name: Uno\n');
    for (const f of ['resi.yaml', 'acquisto.yaml']) writeFileSync(join(root, 'maps', f), `locale: it\n${readFileSync(join(root, 'maps', f), 'utf8')}`);
    await run(['site', 'maps', '-o', 'site'], { cwd: root });
    expect(readFileSync(join(root, 'site', 'index.html'), 'utf8')).toContain('<html lang="it">');

    writeFileSync(join(root, 'maps', 'rotta.yaml'), 'template: current-state\ntitle: In English\nstages:\n  - name: One\n');
    await run(['site', 'maps', '-o', 'site'], { cwd: root });
    const index = readFileSync(join(root, 'site', 'index.html'), 'utf8');
    expect(index).toContain('<html lang="en">');
    expect(index).toContain('<h1>Journey maps</h1>');
    // A map's page speaks its map's language, navigation included.
    const map = readFileSync(join(root, 'site', 'maps', 'resi.html'), 'utf8');
    expect(map).toContain('<html lang="it">');
    expect(map).toContain('<nav class="site-nav" aria-label="Sito">');
    expect(map).toContain('>Persona: Giulia</a>');
  });
});

describe('journey preview of an Italian map', () => {
  const running: RunningJourney[] = [];
  afterEach(async () => {
    for (const j of running.splice(0)) await j.stop('SIGKILL');
  });
  async function serve(cwd: string): Promise<{ journey: RunningJourney; port: number }> {
    const journey = startJourney(['preview', 'map.yaml', '--port', '0'], cwd);
    running.push(journey);
    await journey.waitFor('Press Ctrl-C to stop.');
    return { journey, port: Number(/127\.0\.0\.1:(\d+)/.exec(journey.stderr)![1]) };
  }
  /** A page as a browser gets it. */
  const get = (port: number, path: string) =>
    new Promise<string>((done, fail) => {
      const req = request({ host: '127.0.0.1', port, path }, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => done(body));
      });
      req.on('error', fail).end();
    });
  /** The first state the page's script receives: the problems, and the overlay's words. */
  const state = (port: number) =>
    new Promise<{ heading: string; note: string; problems: { where: string; message: string }[] }>((done, fail) => {
      const req = request({ host: '127.0.0.1', port, path: '/__journey/events' }, (res) => {
        let body = '';
        res.on('data', (d) => {
          body += d;
          const m = /event: state\ndata: (.*)\n\n/.exec(body);
          if (m) (done(JSON.parse(m[1]!)), req.destroy());
        });
      });
      req.on('error', fail).end();
    });
  const italian = (emotion: string) => `template: current-state\ntitle: Restituire un ordine\nlocale: it\nstages:\n  - name: Reso\n    emotion: ${emotion}\n`;

  it('serves the map in Italian, and the overlay lists a save\'s problems in Italian', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'map.yaml'), italian('felice'));
    const { journey, port } = await serve(cwd);
    expect(await get(port, '/')).toContain('<html lang="it">');
    expect((await state(port)).problems).toEqual([]);

    const from = journey.stderr.length;
    writeFileSync(join(cwd, 'map.yaml'), italian('felicissimo'));
    await journey.waitFor('map.yaml:6:14', from);
    const shown = await state(port);
    expect(shown.heading).toBe('1 problema');
    expect(shown.note).toBe('La pagina mostra l’ultima versione senza problemi. Correggi il file e salva.');
    expect(shown.problems.map((p) => p.where)).toEqual(['map.yaml:6:14']);
    // The page under the overlay is the last good one, still in Italian.
    expect(await get(port, '/')).toContain('<html lang="it">');
  });

  it('says in the config\'s language that a map never valid has no page yet', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'journey.config.yaml'), 'locale: pl\n');
    writeFileSync(join(cwd, 'map.yaml'), 'template: current-state\ntitle: Zwrot\nstages: 3\n');
    const { port } = await serve(cwd);
    const page = await get(port, '/');
    expect(page).toContain('<html lang="pl">');
    expect(page).toContain('map.yaml nie ma jeszcze wersji bez problemów');
    expect((await state(port)).heading).toBe('Problemy: 1');
  });
});

describe('journey export of an Italian map', () => {
  it('names the spreadsheet\'s sheet in Italian', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'map.yaml'), 'template: current-state\ntitle: Resi\nlocale: it\nstages:\n  - name: Reso\n');
    expect((await run(['export', 'map.yaml', '-f', 'xlsx'], { cwd })).code).toBe(0);
    const workbook = new TextDecoder().decode(unzipSync(readFileSync(join(cwd, 'map.xlsx')))['xl/workbook.xml']!);
    expect(workbook).toContain('name="Mappa del percorso"');
  });
});

describe('words of a language written without their accents', () => {
  it('are read by journey import as they are by a map: `szczesliwy` is `szczęśliwy`', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'sheet.csv'), 'Zakupy\n,Etap 1,Etap 2\nEmocje,szczesliwy,Sfrustrowana\n');
    const r = await run(['import', 'sheet.csv', '-o', 'map.yaml'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(cwd, 'map.yaml'), 'utf8')).toContain('  - name: Etap 1\n    emotion: 1\n  - name: Etap 2\n    emotion: -2');
  });
});
