// journey preview, end to end: the real executable serves, a real Chromium watches the page, and a
// plain node:http client sends what a browser would never send. Every connection is to loopback.
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../src/browser/launch.js';
import { BIN, EXAMPLES, ROOT, run, startJourney, tempDir, WAIT_LIMIT_MS } from './helpers.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser({ env: process.env });
});
afterAll(async () => {
  await browser?.close();
});

interface Serving {
  url: string;
  port: number;
  stderr: () => string;
  waitFor: (text: string, from?: number) => Promise<void>;
  /** Sends a signal and resolves with the exit code. */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

const running: Serving[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.stop('SIGKILL');
});

/** `journey preview …` as a separate process, once it says where it serves. */
async function serve(args: string[], cwd: string, env: Record<string, string> = {}): Promise<Serving> {
  const journey = startJourney(['preview', ...args], cwd, env);
  const { waitFor, stop } = journey;
  const serving: Serving = { url: '', port: 0, stderr: () => journey.stderr, waitFor, stop };
  running.push(serving);
  await waitFor('Press Ctrl-C to stop.');
  serving.url = /at (http:\/\/\S+)/.exec(journey.stderr)![1]!;
  serving.port = Number(new URL(serving.url).port);
  return serving;
}

/** A raw GET with node:http: the path is sent exactly as written, with the Host header given. */
function get(port: number, path: string, host = `127.0.0.1:${port}`): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => done({ status: res.statusCode!, body, headers: res.headers }));
    });
    req.on('error', fail);
    req.end();
  });
}

const stagesMap = (title: string, count = 30) =>
  `template: current-state\ntitle: ${title}\nstages:\n${Array.from({ length: count }, (_, i) => `  - name: Stage ${i + 1}\n    emotion: ${(i % 5) - 2}\n    thinking: Thought number ${i + 1} about this step of the journey.\n    actions: [Opens the page, Compares two options]\n    touchpoints: [{ name: Web shop, channel: web }, { name: Store, channel: store }]\n    pain_points: [Waiting]\n    opportunities: [A faster page]\n`).join('')}`;

async function open(url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  await page.goto(url, { waitUntil: 'load' });
  // The live script marks the page once the server's first state has arrived.
  await page.waitForSelector('html[data-journey-preview="live"]');
  return page;
}

const overlayText = (page: Page) => page.$eval('#journey-problems', (e) => (e as HTMLElement).innerText).catch(() => null);

describe('journey preview of one map', () => {
  it('shows a save in the open page without a reload, keeping the scroll position', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'map.yaml'), stagesMap('Thirty stages'));
    const s = await serve(['map.yaml', '--port', '0'], cwd);
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await open(s.url);
    await page.setViewport({ width: 1280, height: 400 });
    expect(await page.$eval('h1', (e) => e.textContent)).toBe('Thirty stages');
    const scrolled = await page.evaluate(() => {
      (window as unknown as { sameDocument: boolean }).sameDocument = true;
      window.scrollTo(0, 300);
      document.querySelector('.scroller')!.scrollLeft = 1500;
      return [window.scrollY, document.querySelector('.scroller')!.scrollLeft];
    });
    expect(scrolled).toEqual([300, 1500]);
    writeFileSync(join(cwd, 'map.yaml'), stagesMap('Thirty stages, edited'));
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Thirty stages, edited', { timeout: WAIT_LIMIT_MS });
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    expect(await page.evaluate(() => [window.scrollY, document.querySelector('.scroller')!.scrollLeft])).toEqual([300, 1500]);
    // The built document stays script-free: only the preview's page carries the script.
    expect(await page.$$eval('script', (e) => e.length)).toBe(1);
    expect(await page.title()).toBe('Thirty stages, edited');
    await page.close();
  });

  it('shows a second save that follows the first within a few milliseconds (a formatter after the editor)', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'map.yaml'), stagesMap('First', 3));
    const s = await serve(['map.yaml', '--port', '0'], cwd);
    const page = await open(s.url);
    for (const gap of [40, 30, 45]) {
      writeFileSync(join(cwd, 'map.yaml'), stagesMap(`Saved by the editor ${gap}`, 3));
      await new Promise((r) => setTimeout(r, gap));
      writeFileSync(join(cwd, 'map.yaml'), stagesMap(`Rewritten by the formatter ${gap}`, 3));
      await page.waitForFunction((t) => document.querySelector('h1')?.textContent === t, { timeout: WAIT_LIMIT_MS }, `Rewritten by the formatter ${gap}`);
    }
    await page.close();
  });

  it('keeps the last good rendering and lists every problem at file:line:col until a save fixes them', async () => {
    const cwd = tempDir();
    copyFileSync(join(EXAMPLES, 'current-state.yaml'), join(cwd, 'map.yaml'));
    const good = readFileSync(join(cwd, 'map.yaml'), 'utf8');
    const s = await serve(['map.yaml', '--port', '0'], cwd);
    const page = await open(s.url);
    expect(await overlayText(page)).toBeNull();
    // Two problems: an emotion out of range and a misspelled key.
    const broken = good.replace('emotion: neutral', 'emotion: -7').replace('    thinking: Will they fit?', '    thinkng: Will they fit?');
    writeFileSync(join(cwd, 'map.yaml'), broken);
    await page.waitForSelector('#journey-problems', { timeout: WAIT_LIMIT_MS });
    const lines = broken.split('\n');
    // line:col of a token, counted here from the text written (1-based, like the report).
    const at = (token: string) => `${lines.findIndex((l) => l.includes(token)) + 1}:${lines.find((l) => l.includes(token))!.indexOf(token) + 1}`;
    const shown = await overlayText(page);
    expect(shown).toContain('2 problems');
    expect(shown).toContain(`map.yaml:${at('-7')} expected an emotion`);
    expect(shown).toContain(`map.yaml:${at('thinkng')} unknown key \`thinkng\``);
    expect(await page.$eval('h1', (e) => e.textContent)).toBe('Buying running shoes online');
    await s.waitFor('map.yaml:');
    writeFileSync(join(cwd, 'map.yaml'), good.replace('title: Buying running shoes online', 'title: Fixed'));
    await page.waitForFunction(() => !document.querySelector('#journey-problems') && document.querySelector('h1')?.textContent === 'Fixed', { timeout: WAIT_LIMIT_MS });
    await page.close();
  });

  it('lists a YAML syntax error with the problems of the rest of the map', async () => {
    const cwd = tempDir();
    // A hand-written rich map whose lines stay put (the examples are reformatted by journey fmt).
    copyFileSync(join(ROOT, 'test', 'fixtures', 'syntax', 'shoes.yaml'), join(cwd, 'map.yaml'));
    const good = readFileSync(join(cwd, 'map.yaml'), 'utf8');
    const s = await serve(['map.yaml', '--port', '0'], cwd);
    const page = await open(s.url);
    // A colon in a value (a syntax error) in one stage, an emotion out of range in another.
    const broken = good.replace('emotion: neutral', 'emotion: -7').replace('thinking: Will they fit? When', 'thinking: Size: will they fit? When');
    writeFileSync(join(cwd, 'map.yaml'), broken);
    await page.waitForSelector('#journey-problems', { timeout: WAIT_LIMIT_MS });
    const shown = (await overlayText(page))!;
    expect(shown).toContain('2 problems');
    expect(shown).toContain('map.yaml:85:15 this value contains `: `');
    expect(shown).toContain('map.yaml:49:14 expected an emotion');
    await page.close();
  });

  it('updates when the layout the map uses is saved, and shows a broken layout as a problem', async () => {
    const cwd = tempDir();
    copyFileSync(join(EXAMPLES, 'current-state.yaml'), join(cwd, 'map.yaml'));
    writeFileSync(join(cwd, 'brand.hbs'), '{{#> page}}<p class="brand">ACME</p>{{> header}}{{/page}}\n');
    const s = await serve(['map.yaml', '--layout', 'brand.hbs', '--port', '0'], cwd);
    const page = await open(s.url);
    expect(await page.$eval('.brand', (e) => e.textContent)).toBe('ACME');
    writeFileSync(join(cwd, 'brand.hbs'), '{{#> page}}<p class="brand">ACME Shoes</p>{{> header}}{{/page}}\n');
    await page.waitForFunction(() => document.querySelector('.brand')?.textContent === 'ACME Shoes', { timeout: WAIT_LIMIT_MS });
    writeFileSync(join(cwd, 'brand.hbs'), '{{#> page}}\n<p>{{subtitle}}</p>{{/page}}\n');
    await page.waitForSelector('#journey-problems', { timeout: WAIT_LIMIT_MS });
    expect(await overlayText(page)).toContain('brand.hbs:2:6 "subtitle" not defined');
    await page.close();
  });
});

describe('a hostile map in the preview', () => {
  it('runs nothing the map contains, and shows a problem that repeats its text as text', async () => {
    const cwd = tempDir();
    copyFileSync(join(ROOT, 'test/fixtures/hostile/injection.yaml'), join(cwd, 'map.yaml'));
    const s = await serve(['map.yaml', '--port', '0'], cwd);
    const csp = String((await get(s.port, '/')).headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/]+=*'; connect-src 'self'; frame-ancestors 'none'$/);
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));
    await page.goto(s.url, { waitUntil: 'load' });
    await page.waitForSelector('html[data-journey-preview="live"]');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    const hostile = '<img src=x onerror=alert(1)>';
    writeFileSync(join(cwd, 'map.yaml'), `${readFileSync(join(cwd, 'map.yaml'), 'utf8')}"${hostile}": 1\n`);
    await page.waitForSelector('#journey-problems', { timeout: WAIT_LIMIT_MS });
    expect(await overlayText(page)).toContain(`unknown key \`${hostile}\``);
    expect(await page.$$eval('#journey-problems *', (e) => e.map((x) => x.tagName.toLowerCase()).filter((t) => !['h2', 'p', 'ul', 'li', 'code'].includes(t)))).toEqual([]);
    expect(dialogs).toEqual([]);
    await page.close();
  });
});

describe('journey preview of a folder', () => {
  it('serves the site, and a saved persona file updates the open map page', async () => {
    const root = tempDir();
    cpSync(join(EXAMPLES, 'portfolio'), join(root, 'portfolio'), { recursive: true });
    const s = await serve(['portfolio', '--port', '0'], root);
    expect(s.stderr()).toContain('Preview of 6 maps at');
    for (const path of ['', 'index.html', 'health.html', 'personas/giulia.html', 'maps/shop/returns.html']) expect((await get(s.port, `/${path}`)).status, path).toBe(200);
    const page = await open(`${s.url}maps/shop/returns.html`);
    expect(await page.evaluate(() => document.body.innerText)).toContain('Bologna');
    const persona = join(root, 'portfolio/personas/giulia.yaml');
    writeFileSync(persona, readFileSync(persona, 'utf8').replace('city: Bologna', 'city: Modena'));
    await page.waitForFunction(() => document.body.innerText.includes('Modena'), { timeout: WAIT_LIMIT_MS });
    // A persona file with a problem is shown at its own line.
    writeFileSync(persona, readFileSync(persona, 'utf8').replace('name: Giulia', 'nme: Giulia'));
    await page.waitForSelector('#journey-problems', { timeout: WAIT_LIMIT_MS });
    // Three maps name the file: its problems are listed once.
    const shown = (await overlayText(page))!;
    expect(shown).toMatch(/^2 problems\n/);
    expect(shown).toMatch(/portfolio\/personas\/giulia\.yaml:\d+:1 unknown key `nme`/);
    expect(await page.evaluate(() => document.body.innerText)).toContain('Modena');
    await page.close();
    // A map added to the folder joins the site; one removed leaves it.
    writeFileSync(join(root, 'portfolio/home/new.yaml'), 'template: current-state\ntitle: A brand new journey\nstages:\n  - name: Start\n');
    await expect.poll(async () => (await get(s.port, '/index.html')).body, { timeout: WAIT_LIMIT_MS }).toContain('A brand new journey');
    expect((await get(s.port, '/maps/home/new.html')).status).toBe(200);
    rmSync(join(root, 'portfolio/home/new.yaml'));
    await expect.poll(async () => (await get(s.port, '/maps/home/new.html')).status, { timeout: WAIT_LIMIT_MS }).toBe(404);
  });
});

describe('what the preview server refuses', () => {
  it('answers 404 to traversal in any encoding and to every file that is not a rendered page, listing nothing', async () => {
    const root = tempDir();
    cpSync(join(EXAMPLES, 'portfolio'), join(root, 'portfolio'), { recursive: true });
    writeFileSync(join(root, 'secret.txt'), 'root:x:0:0 the secret\n');
    const s = await serve(['portfolio', '--port', '0'], root);
    const paths = [
      '/../../etc/passwd',
      '/..%2f..%2fetc%2fpasswd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/%2E%2E/secret.txt',
      '/..\\..\\etc\\passwd',
      '/..%5c..%5cetc%5cpasswd',
      '/%252e%252e/%252e%252e/etc/passwd',
      '/%25%32%65%25%32%65/etc/passwd',
      '/index.html%00.yaml',
      '/index.html%00',
      '/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd',
      '//etc/passwd',
      '/maps/../../secret.txt',
      '/maps/./shop/returns.html',
      '/secret.txt',
      '/portfolio/shop/returns.yaml',
      '/shop/returns.yaml',
      '/personas/giulia.yaml',
      '/maps/',
      '/maps',
      '/personas/',
      '/.journey-site.json',
      '/etc/passwd',
    ];
    for (const path of paths) {
      const r = await get(s.port, path);
      expect(r.status, path).toBe(404);
      expect(r.body, path).toBe('Not found\n');
    }
  });

  it('refuses a foreign Host header (DNS rebinding) and answers to its own names', async () => {
    const cwd = tempDir();
    copyFileSync(join(EXAMPLES, 'current-state.yaml'), join(cwd, 'map.yaml'));
    const s = await serve(['map.yaml', '--port', '0'], cwd);
    for (const host of ['evil.example', `evil.example:${s.port}`, `127.0.0.1.evil.example:${s.port}`, `localhost:${s.port + 1}`]) {
      const r = await get(s.port, '/', host);
      expect(r.status, host).toBe(403);
      expect(r.body).not.toContain('Buying running shoes');
    }
    expect((await get(s.port, '/__journey/events', `evil.example:${s.port}`)).status).toBe(403);
    for (const host of [`127.0.0.1:${s.port}`, `localhost:${s.port}`, `LOCALHOST:${s.port}`]) expect((await get(s.port, '/', host)).status, host).toBe(200);
  });

  it('listens on 127.0.0.1 only, unless --host asks otherwise, which it warns about', async () => {
    const cwd = tempDir();
    copyFileSync(join(EXAMPLES, 'current-state.yaml'), join(cwd, 'map.yaml'));
    const s = await serve(['map.yaml', '--port', '0'], cwd);
    expect(listening(s.port)).toEqual(['127.0.0.1']);
    expect(s.stderr()).not.toContain('reachable from other machines');
    const wide = await serve(['map.yaml', '--port', '0', '--host', '0.0.0.0'], cwd);
    expect(wide.stderr()).toContain('! --host 0.0.0.0: the preview is reachable from other machines on the network');
    expect(listening(wide.port)).toEqual(['0.0.0.0']);
    expect(wide.url).toBe(`http://127.0.0.1:${wide.port}/`);
  });
});

/** The addresses a port is listened on, from the kernel's own table (Linux). */
function listening(port: number): string[] {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  const found: string[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(table)) continue;
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (!local || state !== '0A' || !local.endsWith(`:${hex}`)) continue;
      const addr = local.split(':')[0]!;
      found.push(addr.length === 8 ? addr.match(/../g)!.reverse().map((b) => parseInt(b, 16)).join('.') : `[${addr}]`);
    }
  }
  return found;
}

describe('starting and stopping', () => {
  it('takes the next port when the default is busy, and says so clearly when --port names a busy one', async () => {
    const cwd = tempDir();
    copyFileSync(join(EXAMPLES, 'current-state.yaml'), join(cwd, 'map.yaml'));
    const blocker: Server = createServer();
    await new Promise<void>((done) => blocker.listen({ host: '127.0.0.1', port: 0 }, done));
    const busy = (blocker.address() as { port: number }).port;
    const child = spawn(process.execPath, [BIN, 'preview', 'map.yaml', '--port', String(busy)], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    expect(await new Promise((done) => child.on('exit', done))).toBe(3); // the environment's failure, not the map's
    expect(stderr).toContain(`port ${busy} is already in use: choose another with --port, or leave --port out to take a free one`);
    blocker.close();
    // The default port, taken by a first preview: a second takes the next free one.
    const first = await serve(['map.yaml'], cwd);
    const second = await serve(['map.yaml'], cwd);
    expect(second.port).toBeGreaterThan(first.port);
    expect(first.port).toBeGreaterThanOrEqual(7373);
  });

  it('refuses standard input and a port that is not one, as usage mistakes', async () => {
    const stdin = await run(['preview', '-']);
    expect(stdin.code).toBe(2);
    expect(stdin.stderr).toContain('preview needs files: standard input cannot be watched');
    const port = await run(['preview', 'examples/current-state.yaml', '--port', '80a']);
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('expected a port number from 0 to 65535');
  });

  it('serves the current folder as the site when nothing is named', async () => {
    const cwd = tempDir();
    copyFileSync(join(EXAMPLES, 'current-state.yaml'), join(cwd, 'map.yaml'));
    const s = await serve(['--port', '0'], cwd);
    expect(s.stderr()).toContain('Preview of 1 map at');
    expect((await get(s.port, '/')).body).toContain('Buying running shoes online');
    expect((await get(s.port, '/maps/map.html')).body).toContain('<h1>Buying running shoes online</h1>');
  });

  it('opens the browser with --open, through $BROWSER when set', async () => {
    const cwd = tempDir();
    copyFileSync(join(EXAMPLES, 'current-state.yaml'), join(cwd, 'map.yaml'));
    const opener = join(cwd, 'fake-browser.sh');
    writeFileSync(opener, `#!/bin/sh\nprintf '%s' "$*" > "${join(cwd, 'opened.txt')}"\n`);
    chmodSync(opener, 0o755);
    const s = await serve(['map.yaml', '--port', '0', '--open'], cwd, { BROWSER: opener });
    await expect.poll(() => existsSync(join(cwd, 'opened.txt')) && readFileSync(join(cwd, 'opened.txt'), 'utf8')).toBe(s.url);
  });

  it('stops cleanly on Ctrl-C and on SIGTERM, exit 0, and the port is free again', async () => {
    const cwd = tempDir();
    copyFileSync(join(EXAMPLES, 'current-state.yaml'), join(cwd, 'map.yaml'));
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const s = await serve(['map.yaml', '--port', '0'], cwd);
      const page = await open(s.url); // an open event stream must not keep it alive
      expect(await s.stop(signal), signal).toBe(0);
      expect(s.stderr()).toContain('Stopped the preview.');
      expect(listening(s.port)).toEqual([]);
      await page.close();
    }
  });
});
