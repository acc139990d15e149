import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, run, runBin, tempDir } from './helpers.js';

function workspace(...examples: string[]): string {
  const dir = tempDir();
  for (const name of examples) copyFileSync(join(EXAMPLES, name), join(dir, name));
  return dir;
}

describe('journey build', () => {
  it('writes map.html beside the map by default', async () => {
    const cwd = workspace('current-state.yaml');
    const { code, stderr } = await run(['build', 'current-state.yaml'], { cwd });
    expect(code).toBe(0);
    expect(stderr).toBe('✓ current-state.yaml → current-state.html\n');
    expect(readFileSync(join(cwd, 'current-state.html'), 'utf8')).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
  });

  it('writes to standard output with -o - and keeps stderr free of noise', async () => {
    const { code, stdout, stderr } = await run(['build', 'examples/future-state.yaml', '-o', '-']);
    expect(code).toBe(0);
    expect(stdout).toContain('<title>Buying running shoes online (2027 plan)</title>');
    expect(stderr).toBe('');
  });

  it('takes the format from the output extension when -f is not given', async () => {
    const cwd = workspace('current-state.yaml');
    expect((await run(['build', 'current-state.yaml', '-o', 'out.md'], { cwd })).code).toBe(0);
    expect(readFileSync(join(cwd, 'out.md'), 'utf8')).toMatch(/^# Buying running shoes online\n/);
  });

  it('writes nothing for a map with errors, leaves the previous document intact, and exits 1', async () => {
    const cwd = tempDir();
    copyFileSync('test/fixtures/invalid/wrong-types.yaml', join(cwd, 'map.yaml'));
    writeFileSync(join(cwd, 'map.html'), 'previous document');
    const { code, stderr } = await run(['build', 'map.yaml'], { cwd });
    expect(code).toBe(1);
    expect(stderr).toContain('map.yaml:12:14 error stages[1].emotion:');
    expect(readFileSync(join(cwd, 'map.html'), 'utf8')).toBe('previous document');
    expect(readdirSync(cwd).sort()).toEqual(['map.html', 'map.yaml']);
  });

  it('refuses to write over the map itself', async () => {
    const cwd = workspace('current-state.yaml');
    const before = readFileSync(join(cwd, 'current-state.yaml'), 'utf8');
    const { code, stderr } = await run(['build', 'current-state.yaml', '-f', 'html', '-o', 'current-state.yaml'], { cwd });
    expect(code).toBe(1);
    expect(stderr).toContain('refusing to write the html document to current-state.yaml: a .yaml file could be a map: journey never writes one; choose another output');
    expect(readFileSync(join(cwd, 'current-state.yaml'), 'utf8')).toBe(before);
  });

  it('creates missing folders, and says why it cannot write without leaving a partial file', async () => {
    const cwd = workspace('current-state.yaml');
    expect((await run(['build', 'current-state.yaml', '-o', 'new/dir/out.html'], { cwd })).code).toBe(0);
    expect(readFileSync(join(cwd, 'new/dir/out.html'), 'utf8')).toContain('<!DOCTYPE html>');
    const underFile = await run(['build', 'current-state.yaml', '-o', 'current-state.yaml/out.html'], { cwd });
    expect(underFile.code).toBe(3); // the file system's refusal, not the map's fault
    expect(underFile.stderr).toContain('current-state.yaml:1:1 error output: cannot write current-state.yaml/out.html: a parent of this path is a file, not a folder');
    const onDir = await run(['build', 'current-state.yaml', '-o', 'new'], { cwd });
    expect(onDir.code).toBe(1);
    expect(onDir.stderr).toContain('cannot write new: is a directory');
    expect(readdirSync(cwd).sort()).toEqual(['current-state.yaml', 'new']);
    expect(readdirSync(join(cwd, 'new/dir')).sort()).toEqual(['.journey-build.json', 'out.html']);
  });

  it('exits 2 on an unknown format or -o with several maps', async () => {
    const bad = await run(['build', 'examples/current-state.yaml', '-f', 'docx']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("unknown format 'docx': expected html, md, pdf or png");
    expect((await run(['build', 'examples/current-state.yaml', 'examples/future-state.yaml', '-o', 'x.html'])).code).toBe(2);
  });
});

describe('custom layouts (--layout)', () => {
  it('render with the documented data and the built-in partials', async () => {
    const cwd = workspace('service-blueprint.yaml');
    writeFileSync(join(cwd, 'brand.hbs'), '{{#> page}}\n<header class="brand">ACME · {{templateName}}</header>\n{{> header}}\n{{> journey}}\n{{/page}}\n');
    const { code } = await run(['build', 'service-blueprint.yaml', '--layout', 'brand.hbs'], { cwd });
    expect(code).toBe(0);
    const html = readFileSync(join(cwd, 'service-blueprint.html'), 'utf8');
    expect(html).toContain('<header class="brand">ACME · Service blueprint</header>');
    expect(html).toContain('Line of visibility');
  });

  it('report a broken layout at its own file and line, and write nothing', async () => {
    const cwd = workspace('current-state.yaml');
    writeFileSync(join(cwd, 'broken.hbs'), '{{#> page}}\n<h1>{{title}}</h1>\n{{#each stages}}\n<p>{{name}}</p>\n{{/page}}\n');
    writeFileSync(join(cwd, 'unknown.hbs'), '{{#> page}}\n<h1>{{title}}</h1>\n<p>{{subtitle}}</p>\n{{/page}}\n');
    const broken = await run(['build', 'current-state.yaml', '--layout', 'broken.hbs'], { cwd });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('broken.hbs:3:4 error layout: block {{#each}} is closed by {{/page}}: expected {{/each}} first');
    const unknown = await run(['build', 'current-state.yaml', '--layout', 'unknown.hbs'], { cwd });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('unknown.hbs:3:6 error layout: "subtitle" not defined in the view model');
    expect(existsSync(join(cwd, 'current-state.html'))).toBe(false);
  });
});

describe('the real executable', () => {
  it('builds an example to HTML', async () => {
    const cwd = workspace('day-in-the-life.yaml');
    const result = await runBin(['build', 'day-in-the-life.yaml'], { cwd });
    expect(result).toEqual({ code: 0, stdout: '', stderr: '✓ day-in-the-life.yaml → day-in-the-life.html\n' });
    expect(readFileSync(join(cwd, 'day-in-the-life.html'), 'utf8')).toContain('A weekday with a remote-working parent');
  });
});

describe('a full disk', () => {
  // A tiny tmpfs needs root and a machine that lets it mount (CI has both; a container often
  // does not): without them the test is skipped, and says why.
  it('gives a clear error and leaves the previous document whole, with no temporary file', async (ctx) => {
    const dir = tempDir();
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', dir], { stdio: 'pipe' });
    } catch (error) {
      const why = String((error as { stderr?: Buffer }).stderr ?? error).trim().split('\n')[0];
      const reason = `skipped the full-disk test: cannot mount a tmpfs here (${why || 'mount failed'})`;
      console.warn(reason);
      ctx.skip(reason);
    }
    try {
      copyFileSync(join(EXAMPLES, 'service-blueprint.yaml'), join(dir, 'map.yaml'));
      writeFileSync(join(dir, 'map.html'), 'previous document');
      const { code, stderr } = await run(['build', 'map.yaml'], { cwd: dir });
      expect(code).toBe(3);
      expect(stderr).toContain('map.yaml:1:1 error output: cannot write map.html: no space left on the device');
      expect(readFileSync(join(dir, 'map.html'), 'utf8')).toBe('previous document');
      expect(readdirSync(dir).sort()).toEqual(['map.html', 'map.yaml']);
    } finally {
      execFileSync('umount', [dir]);
    }
  });
});
