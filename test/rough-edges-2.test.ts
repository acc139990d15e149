// More surprises new users hit, round 2, each as the user meets it: the message, its place, the exit code.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, errorsOf, mapOf, runBin, tempDir } from './helpers.js';
import { pngSize } from './read-back.js';

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
