// Many maps in one call: folders, globs, --out-dir, several formats, reporters, config, stdin, watch.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, EXAMPLES, ROOT, run, runBin, startJourney, tempDir } from './helpers.js';

/** A project with maps in nested folders, and one broken map. */
function project(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'maps/shop'), { recursive: true });
  mkdirSync(join(dir, 'maps/support'), { recursive: true });
  copyFileSync(join(EXAMPLES, 'current-state.yaml'), join(dir, 'maps/shop/today.yaml'));
  copyFileSync(join(EXAMPLES, 'future-state.yaml'), join(dir, 'maps/shop/tomorrow.yml'));
  copyFileSync(join(EXAMPLES, 'service-blueprint.yaml'), join(dir, 'maps/support/blueprint.yaml'));
  return dir;
}
const broken = 'template: current-state\ntitle: Broken\nstages:\n  - name: A\n    emotion: 7\n';
const listAll = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();

describe('inputs', () => {
  it('take a folder: every .yaml and .yml below it, each document beside its map', async () => {
    const cwd = project();
    const { code, stderr } = await run(['build', 'maps'], { cwd });
    expect(code, stderr).toBe(0);
    // Each folder of documents keeps the manifest of the build (for the next one, incremental).
    expect(listAll(join(cwd, 'maps'))).toEqual(['shop/.journey-build.json', 'shop/today.html', 'shop/today.yaml', 'shop/tomorrow.html', 'shop/tomorrow.yml', 'support/.journey-build.json', 'support/blueprint.html', 'support/blueprint.yaml']);
    expect(stderr).toMatch(/✓ 3 built, 0 failed, \d+(\.\d)? s\n$/);
  });

  it('take glob patterns, and keep the folder structure under --out-dir', async () => {
    const cwd = project();
    const { code } = await run(['build', 'maps/**/*.yaml', '-d', 'site', '-f', 'html,md'], { cwd });
    expect(code).toBe(0);
    expect(listAll(join(cwd, 'site'))).toEqual(['.journey-build.json', 'shop/today.html', 'shop/today.md', 'support/blueprint.html', 'support/blueprint.md']);
  });

  it('skip, and name, other YAML found in a folder, but still report a misspelled map', async () => {
    const cwd = project();
    writeFileSync(join(cwd, 'maps/ci.yml'), 'name: CI\non: [push]\njobs: {}\n');
    writeFileSync(join(cwd, 'maps/typo.yaml'), 'tempalte: current-state\ntitle: Typo\nstages: [{ name: A }]\n');
    const { code, stderr } = await run(['validate', 'maps'], { cwd });
    expect(code).toBe(1);
    expect(stderr).toContain('skipped a .yml file that is not a journey map (no template, title or stages): maps/ci.yml\n');
    expect(stderr).toContain('maps/typo.yaml:1:1 error template: missing required key `template`');
    // Named one by one, a file is always checked.
    expect((await run(['validate', 'maps/ci.yml'], { cwd })).stderr).toContain('maps/ci.yml:1:1 error template: missing required key `template`');
    const none = tempDir();
    writeFileSync(join(none, 'ci.yml'), 'name: CI\n');
    const empty = await run(['build', '.'], { cwd: none });
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('error: no journey maps among .');
  });

  it('report a pattern or folder that matches no map', async () => {
    const cwd = project();
    const { code, stderr } = await run(['validate', 'docs/**/*.yaml'], { cwd });
    expect(code).toBe(1);
    expect(stderr).toContain('docs/**/*.yaml:1:1 error file: no .yaml or .yml maps match this pattern or folder');
  });
});

describe('one bad map among good ones', () => {
  it('builds every valid map, reports every problem, and exits 1', async () => {
    const cwd = project();
    writeFileSync(join(cwd, 'maps/shop/broken.yaml'), broken);
    const { code, stderr } = await run(['build', 'maps'], { cwd });
    expect(code).toBe(1);
    expect(stderr).toContain('maps/shop/broken.yaml:5:14 error stages[0].emotion:');
    expect(stderr).toMatch(/✗ 3 built, 1 failed, \d+(\.\d)? s\n$/);
    expect(existsSync(join(cwd, 'maps/shop/broken.html'))).toBe(false);
    expect(existsSync(join(cwd, 'maps/support/blueprint.html'))).toBe(true);
  });

  it('reports as JSON or as GitHub workflow commands', async () => {
    const cwd = project();
    writeFileSync(join(cwd, 'maps/shop/broken.yaml'), broken);
    const json = await run(['build', 'maps', '-r', 'json'], { cwd });
    const report = JSON.parse(json.stdout);
    expect(json.stderr).toBe('');
    expect(report.summary).toMatchObject({ files: 4, failed: 1, errors: 1, warnings: 0, built: 3 });
    expect(report.files.map((f: { file: string; ok: boolean; outputs: string[] }) => [f.file, f.ok, f.outputs])).toEqual([
      ['maps/shop/broken.yaml', false, []],
      ['maps/shop/today.yaml', true, ['maps/shop/today.html']],
      ['maps/shop/tomorrow.yml', true, ['maps/shop/tomorrow.html']],
      ['maps/support/blueprint.yaml', true, ['maps/support/blueprint.html']],
    ]);
    const github = await run(['validate', 'maps', '-r', 'github'], { cwd });
    expect(github.stdout).toMatch(/^::error file=maps\/shop\/broken\.yaml,line=5,col=14,title=journey invalid-value::stages\[0\]\.emotion: expected an emotion/);
  });

  it('prints only the problems with --quiet', async () => {
    const cwd = project();
    writeFileSync(join(cwd, 'maps/shop/broken.yaml'), broken);
    const { stderr } = await run(['build', 'maps', '--quiet'], { cwd });
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^maps\/shop\/broken\.yaml:5:14 error/);
  });
});

describe('progress', () => {
  it('is one redrawn line on a terminal, plain lines elsewhere', async () => {
    const cwd = project();
    const live = await run(['build', 'maps'], { cwd, interactive: true });
    // Maps are built several at a time: the last line counts 3 of 3, naming whichever finished last.
    expect(live.stderr).toMatch(/\r\u001b\[2K\[3\/3\] maps\/\S+\.ya?ml/);
    expect(live.stderr).not.toContain('→');
    const plain = await run(['build', 'maps', '--force'], { cwd });
    expect(plain.stderr).not.toContain('\r');
    expect(plain.stderr).toContain('✓ maps/shop/today.yaml → maps/shop/today.html\n');
  });
});

describe('standard input', () => {
  it('builds one map from stdin to stdout', async () => {
    const map = readFileSync(join(EXAMPLES, 'day-in-the-life.yaml'), 'utf8');
    const html = await run(['build', '-'], { stdin: map, cwd: tempDir() });
    expect(html.code).toBe(0);
    expect(html.stdout).toContain('<h1>A weekday with a remote-working parent</h1>');
    const md = await run(['build', '-', '-f', 'md'], { stdin: map, cwd: tempDir() });
    expect(md.stdout).toMatch(/^# A weekday with a remote-working parent\n/);
  });

  it('names stdin in problems', async () => {
    const { code, stderr } = await run(['validate', '-'], { stdin: broken });
    expect(code).toBe(1);
    expect(stderr).toContain('<stdin>:5:14 error stages[0].emotion:');
  });
});

describe('journey.config.yaml', () => {
  it('is found in a parent folder and supplies formats, output folder, inputs and locale; flags override it', async () => {
    const cwd = project();
    writeFileSync(join(cwd, 'journey.config.yaml'), 'inputs: [maps/shop]\nformat: [html, md]\nout_dir: public\nlocale: it\n');
    copyFileSync(join(cwd, 'maps/shop/today.yaml'), join(cwd, 'maps/shop/no-locale.yaml'));
    writeFileSync(join(cwd, 'maps/shop/no-locale.yaml'), readFileSync(join(cwd, 'maps/shop/no-locale.yaml'), 'utf8').replace('locale: en\n', ''));
    const sub = join(cwd, 'maps');
    const { code, stderr } = await run(['build'], { cwd: sub });
    expect(code, stderr).toBe(0);
    expect(listAll(join(cwd, 'public'))).toEqual(['.journey-build.json', 'no-locale.html', 'no-locale.md', 'today.html', 'today.md', 'tomorrow.html', 'tomorrow.md']);
    // The config's locale applies to a map that sets none, not to one that does.
    expect(readFileSync(join(cwd, 'public/no-locale.html'), 'utf8')).toContain('<html lang="it">');
    expect(readFileSync(join(cwd, 'public/today.html'), 'utf8')).toContain('<html lang="en">');
    // Flags win over the config.
    expect((await run(['build', 'shop/today.yaml', '-f', 'md', '-o', '-'], { cwd: sub })).stdout).toMatch(/^# Buying running shoes online/);
    expect((await run(['build', 'shop/today.yaml', '--no-config', '-o', '-'], { cwd: sub })).stdout).toMatch(/^<!DOCTYPE html>/);
  });

  it('is validated with the same error report as maps', async () => {
    const cwd = project();
    writeFileSync(join(cwd, 'journey.config.yaml'), 'format: [html, docx]\npage_sise: A4\nportrait: maybe\npdf_layout: wall\nscale: 9\n');
    const { code, stderr } = await run(['build', 'maps'], { cwd });
    expect(code).toBe(1);
    expect(stderr.split('\n').slice(0, 5)).toEqual([
      'journey.config.yaml:1:16 error format[1]: expected a format: `html`, `md`, `pdf` or `png`, found text "docx"',
      'journey.config.yaml:2:1 error page_sise: unknown key `page_sise`: did you mean `page_size`?',
      'journey.config.yaml:3:11 error portrait: expected true or false, found text "maybe"',
      'journey.config.yaml:4:13 error pdf_layout: expected a PDF layout: `poster` or `document`, found text "wall"',
      'journey.config.yaml:5:8 error scale: expected a scale of at most 4, found the number 9',
    ]);
    expect(listAll(join(cwd, 'maps')).filter((f) => f.endsWith('.html'))).toEqual([]);
  });
});

describe('an interrupted batch', () => {
  it('leaves every document whole and no temporary file', async () => {
    const cwd = tempDir();
    const map = readFileSync(join(EXAMPLES, 'service-blueprint.yaml'), 'utf8');
    // Enough maps that, with every core building, the batch is still running when Ctrl-C arrives.
    const count = 1500;
    for (let i = 0; i < count; i++) writeFileSync(join(cwd, `map-${String(i).padStart(4, '0')}.yaml`), map);
    const child = spawn(process.execPath, [BIN, 'build', '.', '-f', 'html,md'], { cwd });
    await new Promise<void>((done) => {
      const poll = setInterval(() => existsSync(join(cwd, 'map-0000.md')) && (clearInterval(poll), done()), 5);
    });
    child.kill('SIGINT');
    const code = await new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
    expect(code).toBe(130);
    const files = readdirSync(cwd);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const html = files.filter((f) => f.endsWith('.html'));
    expect(html.length).toBeLessThan(count);
    for (const f of html) expect(readFileSync(join(cwd, f), 'utf8').endsWith('</html>\n')).toBe(true);
  });
});

// A batch of 64 maps or more is shared with a worker thread when there are two cores or more.
describe.skipIf(availableParallelism() < 2)('a worker thread that fails', () => {
  it('fails the batch with its error, never reports it built, whatever Node does with unhandled rejections', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'maps'));
    for (let i = 0; i < 64; i++) writeFileSync(join(dir, 'maps', `map-${i}.yaml`), `template: current-state\ntitle: Map ${i}\nstages:\n  - name: A\n`);
    for (const mode of ['throw', 'warn']) {
      const result = await runBin(['build', 'maps', '--force'], { cwd: dir, env: { NODE_OPTIONS: `--require ${JSON.stringify(join(ROOT, 'test/worker-fault.cjs'))} --unhandled-rejections=${mode}` } });
      expect(result.code, `--unhandled-rejections=${mode}`).not.toBe(0);
      expect(result.stderr).toContain('internal error a fault in the worker');
      expect(result.stderr).not.toContain('64 built');
    }
  });
});

describe('--watch', () => {
  it('rebuilds a saved map, keeps going after errors, picks up new maps, and stops on Ctrl-C', async () => {
    const cwd = tempDir();
    copyFileSync(join(EXAMPLES, 'current-state.yaml'), join(cwd, 'map.yaml'));
    const watch = startJourney(['build', '.', '--watch'], cwd);
    const { waitFor } = watch;
    await waitFor('Watching 1 map for changes. Press Ctrl-C to stop.', 0);

    let mark = watch.stderr.length;
    writeFileSync(join(cwd, 'map.yaml'), readFileSync(join(cwd, 'map.yaml'), 'utf8').replace('title: Buying running shoes online', 'title: Buying trail shoes online'));
    await waitFor('↻ map.yaml → map.html', mark);
    expect(readFileSync(join(cwd, 'map.html'), 'utf8')).toContain('<h1>Buying trail shoes online</h1>');

    mark = watch.stderr.length;
    writeFileSync(join(cwd, 'map.yaml'), broken);
    await waitFor('map.yaml:5:14 error stages[0].emotion:', mark);
    expect(readFileSync(join(cwd, 'map.html'), 'utf8')).toContain('<h1>Buying trail shoes online</h1>');

    mark = watch.stderr.length;
    copyFileSync(join(EXAMPLES, 'day-in-the-life.yaml'), join(cwd, 'new.yaml'));
    await waitFor('↻ new.yaml → new.html', mark);

    const code = await watch.stop();
    expect(watch.stderr).toContain('Stopped watching.');
    expect(code).toBe(0);
  });
});
