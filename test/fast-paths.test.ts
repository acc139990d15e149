// The speed-ups must not change a single byte of what users get: these tests hold the fast paths
// to the reference paths.
import { copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMap } from '../src/core/load.js';
import { quickLoad } from '../src/core/quick-load.js';
import { EXAMPLES, ROOT, run, runBin, tempDir } from './helpers.js';
import { TEMPLATES } from '../src/templates/registry.js';

const maps = [
  ...readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml')).map((f) => join(EXAMPLES, f)),
  ...readdirSync(join(ROOT, 'test/fixtures/valid')).map((f) => join(ROOT, 'test/fixtures/valid', f)),
  join(ROOT, 'test/fixtures/hostile/injection.yaml'),
];

describe('the quick path for valid maps', () => {
  it.each(maps)('gives the same model as the positioned path: %s', (file) => {
    const text = readFileSync(file, 'utf8');
    const reference = loadMap(file, text, { templates: TEMPLATES });
    expect(reference.ok).toBe(true);
    expect(quickLoad(text, { templates: TEMPLATES })).toEqual(reference.ok && reference.map);
  });

  it('leaves to the positioned path anything it cannot settle', () => {
    expect(quickLoad('template: current-state\ntitle: T\nstages: [{ name: A, emotion: 9 }]\n', { templates: TEMPLATES })).toBeUndefined();
    expect(quickLoad('template: current-state\ntitle: "unclosed\n', { templates: TEMPLATES })).toBeUndefined();
    // Aliases always go to the parser that bounds their expansion.
    expect(quickLoad('template: current-state\ntitle: &t T\nsummary: *t\nstages: [{ name: A }]\n', { templates: TEMPLATES })).toBeUndefined();
    expect(loadMap('m.yaml', 'template: current-state\ntitle: &t T\nsummary: *t\nstages: [{ name: A }]\n', { templates: TEMPLATES }).ok).toBe(true);
  });
});

describe('precompiled layouts (the bundle) and source layouts (in-process)', () => {
  it.each(['current-state', 'future-state', 'day-in-the-life', 'service-blueprint'])('render %s byte for byte the same', async (name) => {
    const dir = tempDir();
    copyFileSync(join(EXAMPLES, `${name}.yaml`), join(dir, 'map.yaml'));
    expect((await runBin(['build', 'map.yaml', '-f', 'html,md'], { cwd: dir })).code).toBe(0);
    for (const format of ['html', 'md']) {
      const inProcess = await run(['build', 'map.yaml', '-f', format, '-o', '-'], { cwd: dir });
      expect(readFileSync(join(dir, `map.${format}`), 'utf8')).toBe(inProcess.stdout);
    }
  });
});

describe('a batch large enough for several threads', () => {
  it('builds every map, reports problems in input order, and matches a one-thread build', async () => {
    const dir = tempDir();
    const source = readFileSync(join(EXAMPLES, 'day-in-the-life.yaml'), 'utf8');
    for (let i = 0; i < 90; i++) writeFileSync(join(dir, `map-${String(i).padStart(2, '0')}.yaml`), source.replace('title: A weekday', `title: Weekday ${i}`));
    for (const i of ['07', '50']) writeFileSync(join(dir, `map-${i}.yaml`), 'template: day-in-the-life\ntitle: Broken\nstages: []\n');
    const { code, stdout } = await runBin(['build', '.', '-f', 'html,md', '-r', 'json'], { cwd: dir });
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.summary).toMatchObject({ files: 90, failed: 2, built: 88 });
    expect(report.files.map((f: { file: string }) => f.file)).toEqual(Array.from({ length: 90 }, (_, i) => `map-${String(i).padStart(2, '0')}.yaml`));
    expect(report.files.filter((f: { ok: boolean }) => !f.ok).map((f: { file: string }) => f.file)).toEqual(['map-07.yaml', 'map-50.yaml']);
    expect(report.files[50].problems[0]).toMatchObject({ line: 3, col: 9, path: 'stages' });
    // The documents are the ones a single in-process build writes.
    const single = await run(['build', 'map-33.yaml', '-o', '-'], { cwd: dir });
    expect(readFileSync(join(dir, 'map-33.html'), 'utf8')).toBe(single.stdout);
    expect(readdirSync(dir).filter((f) => f.endsWith('.md'))).toHaveLength(88);
  });
});

