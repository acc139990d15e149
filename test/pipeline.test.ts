// Defects found while restructuring the pipeline, each pinned by what a user sees.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, run, startJourney, tempDir } from './helpers.js';

/** A `journey build … --watch` process, with a way to wait for what it prints. */
const watching = (args: string[], cwd: string) => startJourney(['build', ...args, '--watch'], cwd);

const retitle = (file: string, title: string) => writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, `title: ${title}`));

describe('--watch', () => {
  it('watches and rebuilds a map outside the current folder', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'maps'));
    mkdirSync(join(root, 'work'));
    copyFileSync(join(EXAMPLES, 'current-state.yaml'), join(root, 'maps', 'map.yaml'));
    const w = watching(['../maps/map.yaml'], join(root, 'work'));
    await w.waitFor('Watching 1 map for changes.');
    await new Promise((r) => setTimeout(r, 300));
    expect(w.child.exitCode).toBeNull();
    const mark = w.stderr.length;
    retitle(join(root, 'maps', 'map.yaml'), 'Seen from next door');
    await w.waitFor('↻ ../maps/map.yaml → ../maps/map.html', mark);
    expect(readFileSync(join(root, 'maps', 'map.html'), 'utf8')).toContain('<h1>Seen from next door</h1>');
    expect(await w.stop()).toBe(0);
  });

  it('keeps writing after the output folder is deleted', async () => {
    const cwd = tempDir();
    copyFileSync(join(EXAMPLES, 'current-state.yaml'), join(cwd, 'map.yaml'));
    const w = watching(['map.yaml', '-d', 'site'], cwd);
    await w.waitFor('Watching 1 map for changes.');
    expect(existsSync(join(cwd, 'site', 'map.html'))).toBe(true);
    rmSync(join(cwd, 'site'), { recursive: true });
    const mark = w.stderr.length;
    retitle(join(cwd, 'map.yaml'), 'After the folder went');
    await w.waitFor('↻ map.yaml → site/map.html', mark);
    expect(w.stderr.slice(mark)).not.toContain('cannot write');
    expect(readFileSync(join(cwd, 'site', 'map.html'), 'utf8')).toContain('<h1>After the folder went</h1>');
    expect(await w.stop()).toBe(0);
  });

  it('on a named file, leaves other new files in its folder alone; on a folder, picks them up', async () => {
    const cwd = tempDir();
    copyFileSync(join(EXAMPLES, 'current-state.yaml'), join(cwd, 'map.yaml'));
    const named = watching(['map.yaml'], cwd);
    await named.waitFor('Watching 1 map for changes.');
    copyFileSync(join(EXAMPLES, 'future-state.yaml'), join(cwd, 'other.yaml'));
    await new Promise((r) => setTimeout(r, 1000));
    const mark = named.stderr.length;
    retitle(join(cwd, 'map.yaml'), 'Only this one');
    await named.waitFor('↻ map.yaml → map.html', mark);
    expect(named.stderr).not.toContain('other.yaml');
    expect(existsSync(join(cwd, 'other.html'))).toBe(false);
    expect(await named.stop()).toBe(0);

    const folder = watching(['.'], cwd);
    await folder.waitFor('Watching 2 maps for changes.');
    const before = folder.stderr.length;
    copyFileSync(join(EXAMPLES, 'day-in-the-life.yaml'), join(cwd, 'third.yaml'));
    await folder.waitFor('↻ third.yaml → third.html', before);
    expect(await folder.stop()).toBe(0);
  });
});

describe('YAML directives and tags', () => {
  const map = (head: string) => `${head}template: current-state\ntitle: yes\nstages:\n  - name: Visit\n`;
  it.each([
    ['a %YAML 1.1 directive', map('%YAML 1.1\n---\n')],
    ['a tag', map('').replace('title: yes', 'title: !!str yes')],
    ['a local tag', map('').replace('name: Visit', 'name: !shout Visit')],
  ])('get the same verdict from validate, build and lint: %s', async (_, text) => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'map.yaml'), text);
    const validate = await run(['validate', 'map.yaml'], { cwd });
    const build = await run(['build', 'map.yaml', '-o', '-'], { cwd });
    const lint = await run(['lint', 'map.yaml', '-r', 'json'], { cwd });
    const errors = (r: { stderr: string }) => r.stderr.split('\n').filter((l) => /^\S+:\d+:\d+ error /.test(l));
    const lintErrors = JSON.parse(lint.stdout).files[0].problems.filter((p: { severity: string; rule?: string }) => p.severity === 'error' && !p.rule);
    expect(build.code).toBe(validate.code);
    expect(errors(build)).toEqual(errors(validate));
    expect(lintErrors.map((p: { line: number; col: number; message: string }) => `map.yaml:${p.line}:${p.col}`)).toEqual(errors(validate).map((l) => l.split(' ')[0]));
    expect(lint.code === 1 || lintErrors.length === 0).toBe(true);
  });
});

describe('--reporter json', () => {
  const problemsOf = (stdout: string) => {
    const json = JSON.parse(stdout);
    return [...json.files.flatMap((f: { problems: { message: string }[] }) => f.problems.map((p) => p.message)), ...(json.problems ?? []).map((p: { message: string }) => p.message)];
  };

  it('holds every problem: a missing file, a config error, a layout error and a browser that is not there', async () => {
    const cwd = tempDir();
    copyFileSync(join(EXAMPLES, 'current-state.yaml'), join(cwd, 'map.yaml'));
    const missing = await run(['build', 'nothing.yaml', '-r', 'json'], { cwd });
    expect(missing.code).toBe(1);
    expect(problemsOf(missing.stdout)).toEqual(['cannot read the file: no such file or directory']);

    const layout = await run(['build', 'map.yaml', '--layout', 'none.hbs', '-r', 'json'], { cwd });
    expect(layout.code).toBe(1);
    expect(problemsOf(layout.stdout)).toEqual(['cannot read the layout: no such file or directory']);

    const browser = await run(['build', 'map.yaml', '-f', 'pdf', '--browser', '/no/such/chrome', '-r', 'json'], { cwd });
    expect(browser.code).toBe(3); // no browser: the environment failed, not the map
    expect(browser.stderr).toBe('');
    const json = JSON.parse(browser.stdout);
    expect(problemsOf(browser.stdout)[0]).toContain('--browser /no/such/chrome is not an executable file');
    expect(json.files[0]).toMatchObject({ file: 'map.yaml', ok: false, outputs: [] });
    expect(json.summary).toMatchObject({ built: 0, failed: 1 });

    mkdirSync(join(cwd, 'empty'));
    writeFileSync(join(cwd, 'empty', 'ci.yaml'), 'on: push\n');
    const none = await run(['validate', 'empty', '-r', 'json'], { cwd });
    expect(none.code).toBe(1);
    expect(problemsOf(none.stdout)).toEqual(['no journey maps among empty']);

    writeFileSync(join(cwd, 'journey.config.yaml'), 'inputs: [map.yaml]\nformats: [html]\n');
    const config = await run(['validate', '-r', 'json'], { cwd });
    expect(config.code).toBe(1);
    expect(problemsOf(config.stdout)).toEqual([expect.stringMatching(/^unknown key `formats`: did you mean `format`\?/)]);
  });
});

describe('every command that writes', () => {
  it('refuses to write over a map it reads, and leaves the map as it was', async () => {
    const cwd = tempDir();
    copyFileSync(join(EXAMPLES, 'current-state.yaml'), join(cwd, 'before.yaml'));
    copyFileSync(join(EXAMPLES, 'future-state.yaml'), join(cwd, 'after.yaml'));
    const original = readFileSync(join(cwd, 'before.yaml'), 'utf8');
    for (const argv of [
      ['diff', 'before.yaml', 'after.yaml', '-o', 'before.yaml'],
      ['diff', 'before.yaml', 'after.yaml', '-o', 'notes.yml'],
      ['schema', '-o', 'before.yaml'],
      ['init', 'before.yaml'],
    ]) {
      const r = await run(argv, { cwd });
      expect(r.code, argv.join(' ')).toBe(1);
      expect(r.stderr, argv.join(' ')).toMatch(/refusing to write|already exists/);
    }
    expect(readFileSync(join(cwd, 'before.yaml'), 'utf8')).toBe(original);
    expect(existsSync(join(cwd, 'notes.yml'))).toBe(false);
  });
});
