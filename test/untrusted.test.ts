// A repository whose maps, persona files, config file and layouts come from a pull request: what the
// commands refuse, seen as a user sees it (what is printed, the exit code, what is left on disk).
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, EXAMPLES, run, runBin, tempDir } from './helpers.js';

const MAP = readFileSync(join(EXAMPLES, 'current-state.yaml'), 'utf8');

describe('outputs', () => {
  it('that two maps would share are reported, naming both, and neither is written', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'a.yaml'), MAP);
    writeFileSync(join(cwd, 'a.yml'), MAP);
    writeFileSync(join(cwd, 'b.yaml'), MAP);
    const r = await run(['build', '.'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('a.yaml:1:1 error output: two maps would write the same document: a.html (with a.yml); rename one or use -d');
    expect(r.stderr).toContain('a.yml:1:1 error output: two maps would write the same document: a.html (with a.yaml); rename one or use -d');
    expect(r.stderr).toContain('✗ 1 built, 2 failed');
    expect(readdirSync(cwd).filter((f) => f.endsWith('.html'))).toEqual(['b.html']);
  });

  it('leave no temporary file after Ctrl-C in a batch split across threads, and a killed build’s are removed by the next', async () => {
    const cwd = tempDir();
    for (let i = 0; i < 1500; i++) writeFileSync(join(cwd, `map-${String(i).padStart(4, '0')}.yaml`), MAP);
    // A temporary file left by a build that was killed (its process is gone).
    writeFileSync(join(cwd, '.map-0000.html.journey-999999-0-1.tmp'), 'half a document');
    const child = spawn(process.execPath, [BIN, 'build', '.', '-f', 'html,md'], { cwd });
    await new Promise<void>((done) => {
      const poll = setInterval(() => existsSync(join(cwd, 'map-0000.md')) && (clearInterval(poll), done()), 5);
    });
    child.kill('SIGINT');
    expect(await new Promise((done) => child.on('exit', done))).toBe(130);
    expect(readdirSync(cwd).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuse to write through a linked folder that leads out of the project', async () => {
    const dir = tempDir();
    const project = join(dir, 'project');
    mkdirSync(project);
    mkdirSync(join(dir, 'elsewhere'));
    writeFileSync(join(project, 'map.yaml'), MAP);
    symlinkSync('../elsewhere', join(project, 'site'));
    const r = await run(['build', 'map.yaml', '-d', 'site'], { cwd: project });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('refusing to write the html document to site/map.html: it leads out of the project folder through a symbolic link');
    expect(readdirSync(join(dir, 'elsewhere'))).toEqual([]);
  });
});

describe('journey.config.yaml', () => {
  it('does not choose the program that runs: its browser runs only with --allow-config-browser, and errors name the config', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'map.yaml'), MAP);
    writeFileSync(join(cwd, 'evil.sh'), '#!/bin/sh\ntouch ran\n', { mode: 0o755 });
    writeFileSync(join(cwd, 'journey.config.yaml'), 'format: [pdf]\nbrowser: ./evil.sh\n');
    const refused = await runBin(['build', 'map.yaml'], { cwd });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('journey.config.yaml:2:10 error browser: `browser` in a config file names a program to run: journey runs it only with --allow-config-browser');
    expect(existsSync(join(cwd, 'ran'))).toBe(false);
    // HTML needs no browser: the setting is not in the way.
    expect((await run(['build', 'map.yaml', '-f', 'html'], { cwd })).code).toBe(0);
    writeFileSync(join(cwd, 'journey.config.yaml'), 'format: [pdf]\nbrowser: ./missing-chrome\n');
    const allowed = await runBin(['build', 'map.yaml', '--allow-config-browser'], { cwd });
    expect(allowed.stderr).toContain(`browser in journey.config.yaml:2:10 ${join(cwd, 'missing-chrome')} is not an executable file`);
  });

  it('keeps its paths inside its own folder: a layout, an output folder', async () => {
    const dir = tempDir();
    const project = join(dir, 'project');
    mkdirSync(project);
    writeFileSync(join(dir, 'secret.txt'), 'AWS_SECRET_ACCESS_KEY=abc');
    writeFileSync(join(project, 'map.yaml'), MAP);
    writeFileSync(join(project, 'journey.config.yaml'), 'layout: ../secret.txt\nout_dir: ../../elsewhere\n');
    const r = await run(['build', 'map.yaml'], { cwd: project });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('journey.config.yaml:1:9 error layout: layout "../secret.txt" leads outside the folder of journey.config.yaml');
    expect(r.stderr).toContain('journey.config.yaml:2:10 error out_dir: out_dir "../../elsewhere" leads outside the folder of journey.config.yaml');
    expect(r.stderr).not.toContain('AWS_SECRET');
    expect(existsSync(join(project, 'map.html'))).toBe(false);
  });
});

describe('journey diff --rev', () => {
  it('refuses a revision that looks like an option', async () => {
    const cwd = tempDir();
    copyFileSync(join(EXAMPLES, 'current-state.yaml'), join(cwd, 'map.yaml'));
    const r = await run(['diff', 'map.yaml', '--rev=--output=/tmp/x'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: --rev: expected a revision (a branch, tag or commit), found an option-like "--output=/tmp/x"');
  });
});

describe('reports', () => {
  it('print a key with a line break and a workflow command on one line, in text and github reporters', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'map.yaml'), 'template: current-state\ntitle: T\nstages:\n  - name: A\n    "x\\n::warning file=README.md,line=1::INJECTED\\u001b]0;pwned\\u0007": 1\n');
    for (const reporter of ['text', 'github']) {
      const r = await run(['validate', 'map.yaml', '-r', reporter], { cwd });
      const out = reporter === 'text' ? r.stderr : r.stdout;
      expect(out.split('\n').filter((l) => l.startsWith('::warning'))).toEqual([]);
      expect(out).not.toContain('\x1b');
      expect(out).toContain('x\\n::warning file=README.md,line=1::INJE');
    }
  });
});

describe('a layout from the repository', () => {
  it('cannot run a script or load anything in the document it makes, even without the page partial', async () => {
    const cwd = tempDir();
    // A loopback server stands for the outside world: it must receive nothing.
    const hits: string[] = [];
    const server = createServer((req, res) => void (hits.push(req.url ?? ''), res.end('x')));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const port = (server.address() as AddressInfo).port;
    writeFileSync(join(cwd, 'map.yaml'), MAP);
    writeFileSync(join(cwd, 'evil.hbs'), `<!DOCTYPE html><html><head><script>document.title = "ran"</script><link rel="stylesheet" href="http://127.0.0.1:${port}/x.css"></head><body><h1>{{title}}</h1><img src="http://127.0.0.1:${port}/x.png"></body></html>\n`);
    const r = await run(['build', 'map.yaml', '--layout', 'evil.hbs', '-o', 'out.html'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(cwd, 'out.html'), 'utf8');
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<h1'));
    expect(html).not.toContain('<script');
    const { launchBrowser } = await import('../src/browser/launch.js');
    const browser = await launchBrowser({ env: process.env });
    try {
      const page = await browser.newPage();
      await page.goto(`file://${join(cwd, 'out.html')}`, { waitUntil: 'load' });
      expect(await page.title()).toBe('');
      expect(hits).toEqual([]);
      expect(await page.$eval('h1', (h) => h.textContent)).toBe('Buying running shoes online');
    } finally {
      await browser.close();
      server.close();
    }
  });
});
