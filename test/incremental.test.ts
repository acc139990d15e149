// Incremental builds, with the real executable: a build makes again exactly the documents whose
// inputs changed (the map, the files it names, the metric values it shows, the config, the layout,
// journey's version), leaves every other document as it was (same bytes, same time), and never
// trusts a manifest it did not write.
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultFindContext, findBrowser } from '../src/browser/find.js';
import { EXAMPLES, ROOT, runBin, startJourney, tempDir } from './helpers.js';

const stage = (extra = '') => `stages:\n  - name: Search\n    emotion: 1\n    actions: [Searches]${extra}\n`;
const MAPS: Record<string, string> = {
  'a.yaml': `template: current-state\ntitle: A\npersona: personas/giulia.yaml\n${stage()}`,
  'b.yaml': `template: future-state\ntitle: B\nbased_on: a.yaml\n${stage()}`,
  'c.yaml': `template: current-state\ntitle: C\n${stage('\n    image: screens/shop.png\n    image_alt: The shop')}`,
  'd.yaml': `template: current-state\ntitle: D\n${stage('\n    kpis:\n      - { name: Conversion, metric: conversion, target: "3%" }')}`,
  'e.yaml': `template: current-state\ntitle: E\n${stage()}`,
};
const DOCS = ['a.html', 'b.html', 'c.html', 'd.html', 'e.html'];

/** A project of five maps: one names a persona file (with a picture), one is based on it, one has a stage picture, one shows a metric. */
function project(): string {
  const cwd = tempDir();
  mkdirSync(join(cwd, 'maps/personas'), { recursive: true });
  mkdirSync(join(cwd, 'maps/screens'));
  for (const [name, text] of Object.entries(MAPS)) writeFileSync(join(cwd, 'maps', name), text);
  writeFileSync(join(cwd, 'maps/personas/giulia.yaml'), 'name: Giulia\nimage: giulia.png\n');
  copyFileSync(join(EXAMPLES, 'screens/checkout.png'), join(cwd, 'maps/personas/giulia.png'));
  copyFileSync(join(EXAMPLES, 'screens/checkout.png'), join(cwd, 'maps/screens/shop.png'));
  writeFileSync(join(cwd, 'metrics.csv'), 'metric,value,date\nconversion,3.5%,2026-11-20\nnps,41,2026-11-20\n');
  writeFileSync(join(cwd, 'journey.config.yaml'), 'inputs: [maps]\nout_dir: out\nmetrics: metrics.csv\n');
  return cwd;
}

interface Built {
  code: number;
  stderr: string;
  /** The maps the build made again, and those it found up to date (its JSON report). */
  built: string[];
  upToDate: string[];
  /** The documents whose bytes or time changed. */
  touched: string[];
}

type Snapshot = Map<string, { mtimeMs: number; bytes: string }>;
const snapshot = (cwd: string): Snapshot =>
  new Map((existsSync(join(cwd, 'out')) ? readdirSync(join(cwd, 'out')) : []).filter((f) => f.endsWith('.html')).map((f) => [f, { mtimeMs: statSync(join(cwd, 'out', f)).mtimeMs, bytes: readFileSync(join(cwd, 'out', f), 'latin1') }]));

async function build(cwd: string, args: string[] = []): Promise<Built> {
  const before = snapshot(cwd);
  const { code, stdout, stderr } = await runBin(['build', '--reporter', 'json', ...args], { cwd });
  const report = JSON.parse(stdout) as { files: { file: string; ok: boolean; upToDate?: boolean }[] };
  const after = snapshot(cwd);
  const name = (f: string) => f.replace(/^maps\//, '');
  return {
    code,
    stderr,
    built: report.files.filter((f) => f.ok && !f.upToDate).map((f) => name(f.file)).sort(),
    upToDate: report.files.filter((f) => f.upToDate).map((f) => name(f.file)).sort(),
    touched: [...after].filter(([f, s]) => before.get(f)?.mtimeMs !== s.mtimeMs || before.get(f)?.bytes !== s.bytes).map(([f]) => f).sort(),
  };
}

/** A project built once from scratch. */
async function builtProject(): Promise<string> {
  const cwd = project();
  const first = await build(cwd);
  expect(first.code, first.stderr).toBe(0);
  expect(first.built).toEqual(Object.keys(MAPS));
  expect(first.touched).toEqual(DOCS);
  return cwd;
}

describe('incremental builds', () => {
  it('builds nothing again when nothing changed, and says so', async () => {
    const cwd = await builtProject();
    const again = await build(cwd);
    expect(again).toEqual({ code: 0, stderr: '', built: [], upToDate: Object.keys(MAPS), touched: [] });
    const text = await runBin(['build'], { cwd });
    expect(text.stderr).toMatch(/^✓ 0 built, 5 up to date, 0 failed, [\d.]+ s\n$/);
  });

  it.each([
    ['the map', 'maps/e.yaml', (cwd: string) => writeFileSync(join(cwd, 'maps/e.yaml'), MAPS['e.yaml']!.replace('title: E', 'title: E2')), ['e.yaml']],
    ['a map another is based on', 'maps/a.yaml', (cwd: string) => writeFileSync(join(cwd, 'maps/a.yaml'), MAPS['a.yaml']!.replace('title: A', 'title: A2')), ['a.yaml', 'b.yaml']],
    ['a persona file', 'personas/giulia.yaml', (cwd: string) => writeFileSync(join(cwd, 'maps/personas/giulia.yaml'), 'name: Giulia B\nimage: giulia.png\n'), ['a.yaml']],
    ['a persona picture', 'personas/giulia.png', (cwd: string) => copyFileSync(join(EXAMPLES, 'screens/product-page.png'), join(cwd, 'maps/personas/giulia.png')), ['a.yaml']],
    ['a stage picture', 'screens/shop.png', (cwd: string) => copyFileSync(join(EXAMPLES, 'screens/product-page.png'), join(cwd, 'maps/screens/shop.png')), ['c.yaml']],
    ['a metric value a map shows', 'metrics.csv', (cwd: string) => writeFileSync(join(cwd, 'metrics.csv'), 'metric,value,date\nconversion,2.5%,2026-11-27\nnps,41,2026-11-20\n'), ['d.yaml']],
    ['a metric value no map shows', 'metrics.csv', (cwd: string) => writeFileSync(join(cwd, 'metrics.csv'), 'metric,value,date\nconversion,3.5%,2026-11-20\nnps,45,2026-11-27\n'), []],
    ['the config', 'journey.config.yaml', (cwd: string) => writeFileSync(join(cwd, 'journey.config.yaml'), 'inputs: [maps]\nout_dir: out\nmetrics: metrics.csv\ntheme: { accent: teal }\n'), Object.keys(MAPS)],
  ])('after a change to %s (%s), builds exactly the maps that depend on it', async (_what, _file, change, expected) => {
    const cwd = await builtProject();
    change(cwd);
    const after = await build(cwd);
    expect(after.code, after.stderr).toBe(0);
    expect(after.built).toEqual(expected);
    expect(after.upToDate).toEqual(Object.keys(MAPS).filter((m) => !expected.includes(m)));
    // The others' documents are untouched: same bytes, same time. Rebuilt ones are written again.
    expect(after.touched.filter((d) => !expected.includes(d.replace('.html', '.yaml')))).toEqual([]);
    // And the build after that has nothing left to do.
    expect((await build(cwd)).built).toEqual([]);
  });

  it('builds everything again after a change to the layout', async () => {
    const cwd = await builtProject();
    writeFileSync(join(cwd, 'brand.hbs'), '{{#> page}}<h1>{{title}}</h1>{{/page}}\n');
    expect((await build(cwd, ['--layout', 'brand.hbs'])).built).toEqual(Object.keys(MAPS));
    expect((await build(cwd, ['--layout', 'brand.hbs'])).built).toEqual([]);
    writeFileSync(join(cwd, 'brand.hbs'), '{{#> page}}<h1>{{title}}!</h1>{{/page}}\n');
    const after = await build(cwd, ['--layout', 'brand.hbs']);
    expect(after.built).toEqual(Object.keys(MAPS));
    expect(readFileSync(join(cwd, 'out/e.html'), 'utf8')).toContain('<h1>E!</h1>');
  });

  it('builds a map again when its document was deleted or edited', async () => {
    const cwd = await builtProject();
    rmSync(join(cwd, 'out/b.html'));
    writeFileSync(join(cwd, 'out/c.html'), 'edited by hand');
    const after = await build(cwd);
    expect(after.built).toEqual(['b.yaml', 'c.yaml']);
    expect(readFileSync(join(cwd, 'out/c.html'), 'utf8')).toContain('<title>C</title>');
  });

  it('builds everything again with --force, and for another version of journey', async () => {
    const cwd = await builtProject();
    expect((await build(cwd, ['--force'])).built).toEqual(Object.keys(MAPS));
    const manifest = join(cwd, 'out/.journey-build.json');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/"journey":"[^"]*"/, '"journey":"0.0.1-older"'));
    const after = await build(cwd);
    expect(after.built).toEqual(Object.keys(MAPS));
    expect(after.touched).toEqual(DOCS);
  });

  it('builds everything again after another build of the same version (a clone rebuilt after a pull)', async () => {
    const cwd = await builtProject();
    const manifest = join(cwd, 'out/.journey-build.json');
    const text = readFileSync(manifest, 'utf8');
    // The build's id: journey's version and a hash of the sources it was bundled from.
    const [, version, sources] = /"journey":"([^"+]+)\+([\w-]+)"/.exec(text)!;
    expect(version).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    writeFileSync(manifest, text.replace(`+${sources}"`, '+changed"'));
    const after = await build(cwd);
    expect(after.built).toEqual(Object.keys(MAPS));
  });

  it.each([
    ['damaged', (path: string) => writeFileSync(path, '{"format":1,"journey":')],
    ['of another shape', (path: string) => writeFileSync(path, JSON.stringify({ format: 1, journey: 'x', entries: { 'a.html': { map: 1 } } }))],
    ['huge', (path: string) => (writeFileSync(path, ''), truncateSync(path, 64 * 1024 * 1024))],
    ['a symbolic link', (path: string) => (copyFileSync(path, `${path}.real`), rmSync(path), symlinkSync(`${path}.real`, path))],
    ['a folder', (path: string) => (rmSync(path), mkdirSync(path))],
  ])('ignores a manifest that is %s: a full build, no crash', async (_what, spoil) => {
    const cwd = await builtProject();
    spoil(join(cwd, 'out/.journey-build.json'));
    const after = await build(cwd);
    expect(after.code, after.stderr).toBe(0);
    expect(after.built).toEqual(Object.keys(MAPS));
    expect(after.touched).toEqual(DOCS);
  });

  it('never skips a build to standard output; -o and shards are incremental', async () => {
    const cwd = await builtProject();
    const piped = await runBin(['build', 'maps/e.yaml', '-o', '-'], { cwd });
    expect(piped.stdout).toContain('<title>E</title>');
    expect((await runBin(['build', '-', '-f', 'md'], { cwd, input: MAPS['e.yaml'] })).stdout).toContain('# E');
    // One map to one file.
    await runBin(['build', 'maps/e.yaml', '-o', 'single/e.html'], { cwd });
    const single = await runBin(['build', 'maps/e.yaml', '-o', 'single/e.html', '--reporter', 'json'], { cwd });
    expect(JSON.parse(single.stdout).files[0]).toMatchObject({ file: 'maps/e.yaml', upToDate: true, outputs: ['single/e.html'] });
    // Shards of a CI matrix share one output folder and its manifest.
    rmSync(join(cwd, 'out'), { recursive: true });
    const first = await build(cwd, ['--shard', '1/2']);
    const second = await build(cwd, ['--shard', '2/2']);
    expect([...first.built, ...second.built].sort()).toEqual(Object.keys(MAPS));
    expect((await build(cwd)).upToDate).toEqual(Object.keys(MAPS));
  });

  it('watches the files an up-to-date map names: a saved persona file rebuilds exactly the maps that name it', async () => {
    const cwd = await builtProject();
    const before = snapshot(cwd);
    const watching = startJourney(['build', '--watch'], cwd);
    try {
      await watching.waitFor('Watching 5 maps');
      expect(snapshot(cwd)).toEqual(before); // the first build found every document up to date
      writeFileSync(join(cwd, 'maps/personas/giulia.yaml'), 'name: Giulia C\nimage: giulia.png\n');
      await watching.waitFor('↻ maps/a.yaml');
      const after = snapshot(cwd);
      expect([...after].filter(([f, s]) => before.get(f)?.mtimeMs !== s.mtimeMs).map(([f]) => f)).toEqual(['a.html']);
      expect(after.get('a.html')!.bytes).toContain('Giulia C');
    } finally {
      await watching.stop();
    }
    // The watch rebuild was recorded: nothing is left for the next build.
    expect((await build(cwd)).built).toEqual([]);
  });

  it('builds a PDF again with another browser', { timeout: 180_000 }, async () => {
    const found = findBrowser(undefined, defaultFindContext(process.env));
    if (!found.ok) throw new Error('no browser found for the PDF test');
    const cwd = tempDir();
    writeFileSync(join(cwd, 'map.yaml'), MAPS['e.yaml']!);
    const pdf = async (...args: string[]) => JSON.parse((await runBin(['build', 'map.yaml', '-f', 'pdf', '--reporter', 'json', ...args], { cwd })).stdout).files[0];
    expect(await pdf()).toMatchObject({ ok: true, outputs: ['map.pdf'] });
    expect(await pdf()).toMatchObject({ ok: true, upToDate: true });
    // The same browser by another path (a wrapper, as a CI image might have): the documents are made again.
    const wrapper = join(cwd, 'chrome.sh');
    writeFileSync(wrapper, `#!/bin/sh\nexec '${found.path}' "$@"\n`);
    chmodSync(wrapper, 0o755);
    const other = await pdf('--browser', wrapper);
    expect(other).toMatchObject({ ok: true, outputs: ['map.pdf'] });
    expect(other.upToDate).toBeUndefined();
  });
});
