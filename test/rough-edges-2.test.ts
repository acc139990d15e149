// More surprises new users hit, round 2, each as the user meets it: the message, its place, the exit code.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { EMOTION_WORDS, emotionHeadwordList, emotionScoreOf } from '../src/core/emotion.js';
import { jsonSchema } from '../src/core/json-schema.js';
import { loadMap } from '../src/core/load.js';
import { LOCALES, UI } from '../src/core/locale.js';
import { CHANNEL_WORDS, channelIcon } from '../src/render/icons.js';
import { EXAMPLES, ROOT, errorsOf, mapOf, run, runBin, tempDir } from './helpers.js';
import { pngSize } from './read-back.js';
import { TEMPLATES } from '../src/templates/registry.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('a YAML 1.1 map', () => {
  it('reads `updated: 2026-11-01` as the date it is, and a date as a stage name as written', () => {
    const map = mapOf('%YAML 1.1\n---\ntemplate: current-state\ntitle: T\nupdated: 2026-11-01\nstages:\n  - name: 2026-11-02\n');
    expect(map.updated).toBe('2026-11-01');
    expect(map.stages[0]!.name).toBe('2026-11-02');
  });

  it('never calls a set, binary data or an ordered mapping a mapping', () => {
    expect(errorsOf('%YAML 1.1\n---\ntemplate: current-state\ntitle: T\nowners: !!set {a, b}\npersona: !!binary aGVsbG8=\nstages:\n  - name: A\n    notes: !!omap [a: 1]\n')).toEqual([
      'map.yaml:5:15 error yaml: `!!set` makes a set, which journey files have no place for: remove the tag',
      'map.yaml:6:19 error yaml: `!!binary` makes binary data, which journey files have no place for: remove the tag',
      'map.yaml:9:19 error yaml: `!!omap` makes an ordered mapping, which journey files have no place for: remove the tag',
    ]);
  });
});

describe('messages quote what the map wrote', () => {
  it('a duplicate stage name with spaces is quoted', () => {
    expect(errorsOf('template: current-state\ntitle: T\nstages:\n  - name: Al binario\n  - name: In stazione\n  - name: In stazione\n  - name: In Stazione\n')).toEqual([
      'map.yaml:6:11 error stages[2].name: two stages are named "In stazione" (stages 2 and 3): rename one or give each an `id`',
      'map.yaml:7:11 error stages[3].name: stages 2 and 4 are named "In stazione" and "In Stazione", which give the same id `in-stazione`: rename one or give each an `id`',
    ]);
  });

  it('the fix for a colon in a value is whole: key, both quotes, and the value shortened in its middle when long', () => {
    const long = 'Nota: il negozio è chiuso la domenica e nessuno lo dice sul sito, nemmeno nella pagina degli orari';
    expect(errorsOf(`template: current-state\ntitle: T\nstages:\n  - name: A\n    thinking: ${long}\n`)).toEqual([
      'map.yaml:5:15 error yaml: this value contains `: `, which YAML reads as the start of another key: put the value in quotes (`thinking: "Nota: il negozio è chiuso la domenica e … pagina degli orari"`)',
    ]);
    expect(errorsOf('template: current-state\ntitle: T\nstages:\n  - name: A\n    thinking: Nota: piove\n')).toEqual([
      'map.yaml:5:15 error yaml: this value contains `: `, which YAML reads as the start of another key: put the value in quotes (`thinking: "Nota: piove"`)',
    ]);
  });
});

describe('the figures the README quotes', () => {
  it('the PNG size comes from the command it names, within the spread fonts make', async () => {
    const said = /`(journey build examples\/current-state\.yaml -f png)` gives a picture of about ([\d,]+) × ([\d,]+) pixels\s+\((\d+) KB\)/.exec(README);
    expect(said).not.toBeNull();
    const [, command, width, height, kb] = said!;
    const out = join(tempDir(), 'map.png');
    const r = await runBin([...command!.split(' ').slice(1), '-o', out]);
    expect(r.code).toBe(0);
    const size = pngSize(out);
    const near = (actual: number, quoted: string, spread: number) => expect(Math.abs(actual / Number(quoted.replace(/,/g, '')) - 1)).toBeLessThan(spread);
    near(size.width, width!, 0.1);
    near(size.height, height!, 0.1);
    near(statSync(out).size / 1024, kb!, 0.25);
  }, 120_000);

  it('the preview latency names the command that measures it', () => {
    expect(README).toContain('How fast a save shows: `npm run bench`');
    expect(README).toMatch(/\*\*\d+ ms median, [\d–]+ ms over \d+\s+saves/);
  });
});

describe('a map’s own language: emotion words', () => {
  const map = (locale: string, emotion: string) => `template: day-in-the-life\ntitle: T\nlocale: ${locale}\nstages:\n  - name: Sveglia\n    emotion: ${emotion}\n`;

  it('an Italian map takes Italian words, in every gender and number, and English ones', () => {
    const scores = ['felice', 'felici', 'contenta', 'neutrale', 'neutra', 'frustrato', 'frustrate', 'molto-positiva', 'molto-negativo', 'preoccupata', 'entusiasta', 'happy'].map(
      (word) => mapOf(map('it', word)).stages[0]!.emotion,
    );
    expect(scores).toEqual([1, 1, 1, 0, 0, -2, -2, 2, -2, -1, 2, 1]);
  });

  it('a Polish map takes Polish words, in every gender and number', () => {
    const scores = ['zadowolony', 'zadowolona', 'zadowoleni', 'sfrustrowany', 'sfrustrowana', 'neutralny', 'szczęśliwa', 'bardzo-pozytywne', 'zmartwiony', 'zachwycona'].map(
      (word) => mapOf(map('pl', word)).stages[0]!.emotion,
    );
    expect(scores).toEqual([1, 1, 1, -2, -2, 0, 1, 2, -1, 2]);
  });

  it('the config file’s locale is the map’s when it sets none', () => {
    const result = loadMap('map.yaml', 'template: current-state\ntitle: T\nstages:\n  - name: A\n    emotion: felice\n', { templates: TEMPLATES, defaultLocale: 'it' });
    expect(result.ok && result.map.stages[0]!.emotion).toBe(1);
  });

  it('a word of another language is refused, with its word in the map’s language and the locale that takes it', () => {
    expect(errorsOf(map('en', 'felice'))).toEqual([
      'map.yaml:6:14 error stages[0].emotion: expected an emotion: a whole number from -2 to 2 or one of `very-negative`, `frustrated`, `negative`, `worried`, `neutral`, `positive`, `happy`, `very-positive` or `delighted`, found text "felice"; `felice` is Italian: did you mean `happy`? (or set `locale: it` to write the map in Italian)',
    ]);
    expect(errorsOf(map('pl', 'frustrata'))[0]).toContain('found text "frustrata"; `frustrata` is Italian: did you mean `sfrustrowany`? (or set `locale: it` to write the map in Italian)');
  });

  it('the message lists the words of the map’s language, and suggests near misses', () => {
    expect(errorsOf(map('it', 'felicce'))).toEqual([
      'map.yaml:6:14 error stages[0].emotion: expected an emotion: a whole number from -2 to 2 or one of `very-negative`, `frustrated`, `negative`, `worried`, `neutral`, `positive`, `happy`, `very-positive` or `delighted`, or in Italian `molto-negativo`, `frustrato`, `negativo`, `preoccupato`, `neutrale`, `neutro`, `positivo`, `felice`, `contento`, `molto-positivo` or `entusiasta` (in any gender and number), found text "felicce"; did you mean `felice`?',
    ]);
    expect(errorsOf(map('pl', 'Zadowolona'))[0]).toMatch(/found text "Zadowolona"; did you mean `zadowolona`\?$/);
  });

  it('import reads the same words: a sheet’s Italian and Polish scores', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'map.csv'), 'Title,Giornata\nStage,Sveglia,Treno,Ufficio,Casa\nEmozione,felice,frustrata,neutrale,zadowolony\n');
    const r = await run(['import', 'map.csv', '-o', 'map.yaml'], { cwd: dir });
    expect(r.stderr).not.toContain('error');
    expect(r.code).toBe(0);
    expect(mapOf(readFileSync(join(dir, 'map.yaml'), 'utf8')).stages.map((s) => s.emotion)).toEqual([1, -2, 0, 1]);
  });
});

describe('the emotion vocabulary', () => {
  it('the JSON Schema takes every locale’s words, since a map’s locale may come from the config file', () => {
    const validate = new Ajv2020({ strict: false }).compile(jsonSchema(TEMPLATES, 'current-state'));
    const map = (emotion: string) => ({ template: 'current-state', title: 'T', stages: [{ name: 'A', emotion }] });
    for (const word of ['happy', 'felice', 'frustrata', 'zadowolona', 'szczęśliwi']) expect(validate(map(word)), word).toBe(true);
    expect(validate(map('feliz'))).toBe(false);
  });

  it('holds each locale’s own names of the scale, and gives a word the same score in every locale', () => {
    for (const l of LOCALES) {
      for (const [score, label] of Object.entries(UI[l].emotions)) expect(emotionScoreOf(label, [l])).toBe(Number(score));
    }
    const scores = new Map<string, number>();
    for (const l of LOCALES) {
      for (const [word, score] of Object.entries(EMOTION_WORDS[l])) {
        expect(scores.get(word) ?? score).toBe(score);
        scores.set(word, score);
      }
    }
  });
});

describe('a map’s own language: channel icons', () => {
  it('Italian and Polish channels get their icon, in any case and spacing, Polish also without accents', () => {
    const words = ['negozio', 'Telefono', 'sito web', 'Sito_Web', 'app', 'e-mail', 'chat', 'posta', 'sportello', 'sklep', 'telefon', 'Strona internetowa', 'przegladarka', 'czat na żywo'];
    expect(words.map(channelIcon)).toEqual(['store', 'phone', 'web', 'web', 'app', 'email', 'chat', 'post', 'store', 'store', 'phone', 'web', 'web', 'chat']);
    // English maps keep their icons: `mail` is still the post.
    expect(channelIcon('mail')).toBe('post');
  });

  it('no word gives two icons, and the README lists every word of every language', () => {
    const seen = new Map<string, string>();
    const section = README.slice(README.indexOf('A map in Italian or Polish'), README.indexOf('Polish words also without their accents'));
    for (const [locale, byIcon] of Object.entries(CHANNEL_WORDS)) {
      for (const [icon, words] of Object.entries(byIcon)) {
        for (const word of words) {
          expect(seen.get(word) ?? icon, word).toBe(icon);
          seen.set(word, icon);
          if (locale !== 'en') expect(section.replace(/\s+/g, ' '), word).toContain(word.replace(/-/g, ' '));
        }
      }
    }
    for (const l of ['it', 'pl'] as const) for (const word of emotionHeadwordList(l)) expect(section, word).toContain(`\`${word}\``);
  });

  it('an Italian map’s touchpoints show their icons in the document', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'map.yaml'), 'template: current-state\ntitle: T\nlocale: it\nstages:\n  - name: A\n    emotion: felice\n    touchpoints:\n      - { name: Vetrina, channel: negozio }\n      - { name: Assistenza, channel: telefono }\n');
    const r = await run(['build', 'map.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, 'map.html'), 'utf8');
    expect(html).toContain('<use href="#i-store"/>');
    expect(html).toContain('<use href="#i-phone"/>');
  });
});

describe('did you mean', () => {
  it('a part of a template’s name: `blueprint` → `service-blueprint`', () => {
    expect(errorsOf('template: blueprint\ntitle: T\nstages:\n  - name: A\n')).toEqual([
      'map.yaml:1:11 error template: unknown template "blueprint": expected one of `current-state`, `future-state`, `day-in-the-life` or `service-blueprint`; did you mean `service-blueprint`?',
    ]);
  });

  it('a key written in Italian or Polish, with or without its accents, and a long shared start', () => {
    const stage = (key: string) => errorsOf(`template: day-in-the-life\ntitle: T\nlocale: it\nstages:\n  - name: Sveglia\n    ${key}: x\n`)[0];
    expect(stage('priorita')).toBe('map.yaml:6:5 error stages[0].priorita: unknown key `priorita`: did you mean `priorities`?');
    expect(stage('priorità')).toBe('map.yaml:6:5 error stages[0]["priorità"]: unknown key `priorità`: did you mean `priorities`?');
    expect(stage('punti_critici')).toContain('unknown key `punti_critici`: did you mean `pain_points`?');
    expect(stage('pensieri')).toContain('did you mean `thinking`?');
    expect(stage('priorytety')).toContain('did you mean `priorities`?');
    expect(stage('product_usage')).toContain('did you mean `product_use`?');
    expect(errorsOf('template: current-state\ntitolo: T\ntitle: T\nstages:\n  - name: A\n')[0]).toContain('unknown key `titolo`: did you mean `title`?');
  });

  it('no guess where two candidates fit alike', () => {
    expect(errorsOf('template: state\ntitle: T\nstages:\n  - name: A\n')[0]).toMatch(/`service-blueprint`$/);
    expect(errorsOf(`template: current-state\ntitle: T\nstages:\n  - name: A\n    emotion: very-happy\n`)[0]).toMatch(/found text "very-happy"$/);
  });
});

describe('the examples’ editor modelines', () => {
  // A schema an example names is committed beside it, so an editor finds it in a fresh clone; it must
  // be what `journey schema` prints today. After a change to the format, regenerate it:
  //   node bin/journey.js schema -o examples/journey.schema.json
  //   node bin/journey.js schema --persona -o examples/persona.schema.json
  const COMMANDS: Record<string, string[]> = { 'journey.schema.json': ['schema'], 'persona.schema.json': ['schema', '--persona'] };

  it('every `$schema` modeline in examples/ names a file that exists and equals `journey schema`', async () => {
    const files = readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' }).filter((f) => /\.ya?ml$/.test(f));
    const named = files.flatMap((f) => {
      const m = /^# yaml-language-server: \$schema=(\S+)/m.exec(readFileSync(join(EXAMPLES, f), 'utf8'));
      return m ? [{ map: f, schema: resolve(EXAMPLES, dirname(f), m[1]!) }] : [];
    });
    expect(named.map((n) => n.map).sort()).toEqual(['portfolio/personas/giulia.yaml', 'rich-map.yaml']);
    for (const { map, schema } of named) {
      expect(existsSync(schema), `${map} names ${schema}`).toBe(true);
      const command = COMMANDS[basename(schema)];
      expect(command, `${map}: no command gives ${basename(schema)}`).toBeDefined();
      const printed = await run(command!);
      expect(readFileSync(schema, 'utf8') === printed.stdout, `${relative(ROOT, schema)} differs from \`journey ${command!.join(' ')}\`: regenerate it`).toBe(true);
    }
  });
});

describe('a syntax error hides nothing else', () => {
  const HEAD = 'template: current-state\ntitle: T\nstages:\n';
  it('journey validate reports the rest of the file’s problems beside the syntax error, each at its place', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'map.yaml'), `template: blueprint\ntitle: T\nstages:\n  - name: A\n    thinking: Nota: piove\n  - name: B\n    emotion: felice\n  - name: C\n    thinkng: x\n`);
    const r = await run(['validate', 'map.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      [
        'map.yaml:1:11 error template: unknown template "blueprint": expected one of `current-state`, `future-state`, `day-in-the-life` or `service-blueprint`; did you mean `service-blueprint`?',
        'map.yaml:5:15 error yaml: this value contains `: `, which YAML reads as the start of another key: put the value in quotes (`thinking: "Nota: piove"`)',
        'map.yaml:7:14 error stages[1].emotion: expected an emotion: a whole number from -2 to 2 or one of `very-negative`, `frustrated`, `negative`, `worried`, `neutral`, `positive`, `happy`, `very-positive` or `delighted`, found text "felice"; `felice` is Italian: did you mean `happy`? (or set `locale: it` to write the map in Italian)',
        '✗ 3 errors in 1 file',
        '',
      ].join('\n'),
    );
  });

  it('reports nothing the slip itself causes: the key a spoiled line held, the entries after a spoiled one', () => {
    // `name` is on the spoiled line: no "missing `name`"; the stages after it keep their numbers.
    expect(errorsOf(`${HEAD}  - name: A: b\n    emotion: 1\n  - name: B\n    emotion: 9\n`).map((l) => l.slice(0, 60))).toEqual([
      'map.yaml:4:11 error yaml: this value contains `: `, which YA',
      'map.yaml:7:14 error stages[1].emotion: expected an emotion: ',
    ]);
    // A tab, an unclosed quote, a duplicate key, a wrong indentation: the next stage is still checked.
    for (const slip of ['\tthinking: x', '    thinking: "never closed', '    notes: a\n    notes: b', '   notes: a']) {
      const found = errorsOf(`${HEAD}  - name: A\n${slip}\n  - name: B\n    emotion: 9\n`);
      expect(found, slip).toHaveLength(2);
      expect(found[1], slip).toMatch(/error stages\[1\]\.emotion: expected an emotion: .*found the number 9$/);
    }
    // The problems of a stage that holds a slip wait for it to be fixed: its keys may have moved.
    expect(errorsOf(`${HEAD}  - name: A\n    emotion: 3\n    thinking: Note: x\n`)).toHaveLength(1);
  });

  it('says what it could not check: the rest after a slip that spoils it', () => {
    expect(errorsOf(`${HEAD}  - name: A\n    owners: [a, b]]\n  - name: B\n    emotion: 9\n`)).toEqual([
      'map.yaml:5:19 error yaml: this `]` closes nothing: remove it, or add the `[` it should close',
      'map.yaml:5:19 warning yaml: the rest of this file, after line 5, is checked once its YAML syntax is fixed',
    ]);
  });
});
