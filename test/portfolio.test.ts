// Many maps as one body of work: shared persona files, maps based on maps, shards and the site.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Browser } from 'puppeteer-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../src/browser/launch.js';
import { EXAMPLES, run, startJourney, tempDir } from './helpers.js';

const PORTFOLIO = join(EXAMPLES, 'portfolio');
/** A copy of examples/portfolio in a temporary project folder (with a config file, so it is the project). */
function portfolio(): string {
  const root = tempDir();
  cpSync(PORTFOLIO, join(root, 'portfolio'), { recursive: true });
  writeFileSync(join(root, 'journey.config.yaml'), 'lint:\n  max_age_months: 6\n');
  return root;
}
const map = (persona: string, extra = '') => `template: current-state\ntitle: Renewing a permit\npersona: ${persona}\n${extra}stages:\n  - name: Reminder\n    emotion: -1\n`;

describe('shared persona files', () => {
  it('are read by build, and the document shows the persona', async () => {
    const root = portfolio();
    const r = await run(['build', 'portfolio/shop/returns.yaml', '-o', 'out.html'], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(root, 'out.html'), 'utf8');
    expect(html).toContain('34, amateur runner, buys gear online after reading reviews.');
    expect(html).toContain('Bologna');
  });

  it('given to build on their own, are named as persona files, not listed as maps missing every key', async () => {
    const root = portfolio();
    const r = await run(['build', 'portfolio/personas/giulia.yaml', '-o', 'out.html'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('portfolio/personas/giulia.yaml:1:1 error file: this is a persona file, not a journey map: a map names it with `persona: <its path>`');
    expect(r.stderr).not.toContain('missing required key');
    expect(existsSync(join(root, 'out.html'))).toBe(false);
  });

  it('point a broken reference at its own line and column, naming the path looked for', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'map.yaml'), map('personas/nobody.yaml'));
    const r = await run(['validate', 'map.yaml'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('map.yaml:3:10 error persona: persona file personas/nobody.yaml not found: looked for personas/nobody.yaml (no such file or directory)');
  });

  it('refuse a reference outside the project folder, by .. or through a symbolic link', async () => {
    const outside = tempDir();
    writeFileSync(join(outside, 'secret.yaml'), 'name: Not yours\n');
    const root = tempDir();
    writeFileSync(join(root, 'journey.config.yaml'), '{}\n');
    mkdirSync(join(root, 'maps'));
    const dots = relative(join(root, 'maps'), join(outside, 'secret.yaml'));
    writeFileSync(join(root, 'maps', 'dots.yaml'), map(dots));
    symlinkSync(join(outside, 'secret.yaml'), join(root, 'maps', 'linked.yaml'));
    writeFileSync(join(root, 'maps', 'link.yaml'), map('linked.yaml'));
    const r = await run(['validate', 'maps/dots.yaml', 'maps/link.yaml'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`maps/dots.yaml:3:10 error persona: persona file ${dots} is outside the project folder (.): a map may only name files inside it`);
    expect(r.stderr).toContain('maps/link.yaml:3:10 error persona: persona file linked.yaml leads outside the project folder through a symbolic link: a map may only name files inside it');
    expect(r.stderr).not.toContain('Not yours');
  });

  it('are validated on their own, with their own JSON Schema', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'giulia.yaml'), 'name: Giulia\nmotives: [need]\nfavourite_colour: blue\n');
    const r = await run(['validate', 'giulia.yaml'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('giulia.yaml:3:1 error favourite_colour: unknown key `favourite_colour`');
    // A map naming the broken persona file fails with the persona file's own problem.
    writeFileSync(join(cwd, 'map.yaml'), map('giulia.yaml'));
    expect((await run(['build', 'map.yaml'], { cwd })).stderr).toContain('giulia.yaml:3:1 error favourite_colour');
    const schema = JSON.parse((await run(['schema', '--persona'])).stdout);
    const check = new Ajv2020({ strict: false }).compile(schema);
    for (const file of readdirSync(join(PORTFOLIO, 'personas')).filter((f) => f.endsWith('.yaml'))) expect(check(parse(readFileSync(join(PORTFOLIO, 'personas', file), 'utf8'))), file).toBe(true);
    expect(check({ name: 'Giulia', favourite_colour: 'blue' })).toBe(false);
    // A folder scan checks persona files too.
    expect((await run(['validate', '.'], { cwd })).stderr).toContain('giulia.yaml:3:1 error favourite_colour');
  });

  it('rebuild, under --watch, every map that names a saved persona file', async () => {
    const root = portfolio();
    const watch = startJourney(['build', 'portfolio/shop', '--watch'], root);
    const { waitFor } = watch;
    await waitFor('Watching 3 maps for changes.');
    const mark = watch.stderr.length;
    const persona = join(root, 'portfolio/personas/giulia.yaml');
    writeFileSync(persona, readFileSync(persona, 'utf8').replace('city: Bologna', 'city: Modena'));
    for (const name of ['returns', 'shoes-current', 'shoes-future']) await waitFor(`↻ portfolio/shop/${name}.yaml`, mark);
    expect(readFileSync(join(root, 'portfolio/shop/returns.html'), 'utf8')).toContain('Modena');
    expect(await watch.stop()).toBe(0);
  });
});

describe('a map based on another', () => {
  const current = `template: current-state\ntitle: Today\nstages:\n  - name: Search\n    emotion: -1\n    pain_points: [Too many options]\n  - name: Pay\n    emotion: -2\n    pain_points: [Account needed]\n`;
  const future = (pay: string) => `template: future-state\ntitle: Tomorrow\nbased_on: current.yaml\nstages:\n  - name: Search\n    emotion: 1\n    change: A quiz\n    rationale: Narrows the choice\n  - name: Pay\n    emotion: 1\n${pay}`;

  it('is linted against it: each pain point of the base is answered, or kept on purpose', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'current.yaml'), current);
    writeFileSync(join(cwd, 'future.yaml'), future('    rationale: Faster\n'));
    const r = await run(['lint', 'future.yaml', '-r', 'json'], { cwd });
    const found = JSON.parse(r.stdout).files[0].problems.filter((p: { rule: string }) => p.rule === 'unaddressed-base-pain-point');
    expect(found.map((p: { line: number; col: number; message: string }) => `${p.line}:${p.col} ${p.message}`)).toEqual([
      '9:11 pain point "Account needed" of current.yaml (stage "Pay") is not addressed: give stage "Pay" a `change` or an opportunity, or list the pain point again to carry it over',
    ]);
    writeFileSync(join(cwd, 'future.yaml'), future('    rationale: Faster\n    pain_points: [Account needed]\n'));
    expect(JSON.parse((await run(['lint', 'future.yaml', '-r', 'json'], { cwd })).stdout).files[0].problems.filter((p: { rule: string }) => p.rule === 'unaddressed-base-pain-point')).toEqual([]);
    writeFileSync(join(cwd, 'future.yaml'), future('    change: Guest checkout\n    rationale: Faster\n'));
    expect(JSON.parse((await run(['lint', 'future.yaml', '-r', 'json'], { cwd })).stdout).files[0].problems.filter((p: { rule: string }) => p.rule === 'unaddressed-base-pain-point')).toEqual([]);
  });

  it('is compared with it by journey diff when no second map is named', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'current.yaml'), current);
    writeFileSync(join(cwd, 'future.yaml'), future('    change: Guest checkout\n    rationale: Faster\n'));
    const r = await run(['diff', 'future.yaml'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('current.yaml → future.yaml');
    expect(r.stdout).toContain('2 stages compared: 2 better');
    writeFileSync(join(cwd, 'alone.yaml'), current);
    expect((await run(['diff', 'alone.yaml'], { cwd })).stderr).toContain('or a map with `based_on` (alone.yaml has none)');
  });
});

describe('journey build --shard', () => {
  it('splits the maps into disjoint shards that together cover every map, the same way each time', async () => {
    const cwd = tempDir();
    const names = Array.from({ length: 20 }, (_, i) => `map-${i}.yaml`);
    for (const name of names) writeFileSync(join(cwd, name), map('{ name: P }').replace('Renewing a permit', name));
    const shard = async (k: number) => {
      const r = await run(['build', '.', '--shard', `${k}/4`, '-r', 'json'], { cwd });
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout).files.map((f: { file: string }) => f.file) as string[];
    };
    const shards = [await shard(1), await shard(2), await shard(3), await shard(4)];
    expect(shards.flat().sort()).toEqual([...names].sort());
    expect(new Set(shards.flat()).size).toBe(names.length);
    expect(shards.filter((s) => s.length > 0).length).toBeGreaterThan(1);
    expect(await shard(3)).toEqual(shards[2]);
    expect((await run(['build', '.', '--shard', '5/4'], { cwd })).stderr).toContain('expected k/n with 1 ≤ k ≤ n, like 2/4');
  });

  it('writes every shard into one tree under -d, as the unsplit build would', async () => {
    const root = portfolio();
    const whole = await run(['build', 'portfolio', '-f', 'md', '-d', 'whole', '-r', 'json'], { cwd: root });
    const expected = JSON.parse(whole.stdout).files.flatMap((f: { outputs: string[] }) => f.outputs.map((o) => o.replace(/^whole/, 'parts'))).sort();
    const parts: string[] = [];
    for (const k of [1, 2, 3, 4]) {
      const r = await run(['build', 'portfolio', '-f', 'md', '-d', 'parts', '--shard', `${k}/4`, '-r', 'json'], { cwd: root });
      parts.push(...JSON.parse(r.stdout).files.flatMap((f: { outputs: string[] }) => f.outputs));
    }
    expect(parts.sort()).toEqual(expected);
  });
});

describe('journey site', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser({ env: process.env });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('files a map with several personas under each of them, with that persona\'s own curve', async () => {
    const root = portfolio();
    writeFileSync(
      join(root, 'portfolio', 'shop', 'together.yaml'),
      'template: current-state\ntitle: Shopping together\nupdated: 2026-11-01\npersonas: [../personas/giulia.yaml, ../personas/marco.yaml]\nstages:\n  - name: Look\n    emotion: { giulia: 2, marco: -2 }\n',
    );
    const r = await run(['site', 'portfolio', '-o', 'site'], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    const marco = readFileSync(join(root, 'site', 'personas', 'marco.html'), 'utf8');
    const giulia = readFileSync(join(root, 'site', 'personas', 'giulia.html'), 'utf8');
    expect(marco).toContain('Shopping together');
    expect(giulia).toContain('Shopping together');
    // Each page draws its persona's score of the stage: Marco −2, Giulia +2.
    expect(marco).toContain('Look −2');
    expect(giulia).toContain('Look +2');
    const page = readFileSync(join(root, 'site', 'maps', 'shop', 'together.html'), 'utf8');
    expect(page).toContain('href="../../personas/giulia.html"');
    expect(page).toContain('href="../../personas/marco.html"');
  });

  it('shows text on the health page, groups personas by who they are, and names every persona of a map', async () => {
    const root = portfolio();
    // Another Tomasz (an inline persona of his own), and a map with two shared personas.
    writeFileSync(join(root, 'portfolio', 'shop', 'other-tomasz.yaml'), 'template: current-state\ntitle: Fixing a bike\npersona: { name: Tomasz, description: A student }\nstages:\n  - name: Look\n    emotion: 0\n');
    writeFileSync(join(root, 'portfolio', 'shop', 'together.yaml'), 'template: current-state\ntitle: Shopping together\npersonas: [../personas/giulia.yaml, ../personas/marco.yaml]\nstages:\n  - name: Look\n    emotion: { giulia: 2, marco: -2 }\n');
    const r = await run(['site', 'portfolio', '-o', 'site'], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    const health = readFileSync(join(root, 'site', 'health.html'), 'utf8');
    expect(health).not.toContain('[object Object]');
    expect(health).toMatch(/Return request: [A-Z]/);
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(root, 'site', 'index.html')).href);
    const personaGroups = await page.$$eval('#group-persona ~ .site-groups h3', (hs) => hs.map((h) => h.textContent));
    expect(personaGroups.filter((name) => name!.startsWith('Tomasz'))).toHaveLength(2);
    const together = await page.$$eval('tbody tr', (trs) => trs.find((tr) => tr.textContent!.includes('Shopping together'))!.querySelectorAll('td')[1]!.textContent);
    expect(together).toBe('Giulia, Marco');
    await page.close();
  });

  it('builds the portfolio: every page loads with no request, every link resolves, the index lists every map', async () => {
    const root = portfolio();
    const r = await run(['site', 'portfolio', '-o', 'site'], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    const site = join(root, 'site');
    const pages = (readdirSync(site, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).sort();
    expect(pages).toEqual([
      'diffs/shop/shoes-future.html',
      'health.html',
      'index.html',
      'maps/home/weekday-dinners.html',
      'maps/service/broadband-support.html',
      'maps/service/outage-it.html',
      'maps/shop/returns.html',
      'maps/shop/shoes-current.html',
      'maps/shop/shoes-future.html',
      'personas/giulia.html',
      'personas/marco.html',
    ]);
    const page = await browser.newPage();
    for (const file of pages) {
      const requests: string[] = [];
      const url = pathToFileURL(join(site, file)).href;
      page.removeAllListeners('request');
      // Inlined pictures (a persona's photo) are data: URLs, which Chromium reports as requests; nothing else may be.
      page.on('request', (req) => void (req.url() !== url && !req.url().startsWith('data:') && requests.push(req.url())));
      await page.goto(url, { waitUntil: 'load' });
      expect(requests, file).toEqual([]);
      const links = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href')!));
      for (const link of links) {
        expect(link, `${file}: ${link}`).not.toMatch(/^(\/|[a-z]+:)/i);
        expect(existsSync(resolve(dirname(join(site, file)), link)), `${file} → ${link}`).toBe(true);
      }
    }
    await page.goto(pathToFileURL(join(site, 'index.html')).href);
    const titles = await page.$$eval('tbody th a', (as) => as.map((a) => a.textContent));
    for (const file of (readdirSync(join(root, 'portfolio'), { recursive: true }) as string[]).filter((f) => f.endsWith('.yaml') && !f.startsWith('personas'))) {
      expect(titles).toContain(parse(readFileSync(join(root, 'portfolio', file), 'utf8')).title);
    }
    await page.close();
  });

  it('builds the rest when a map is broken, lists it on the health page, and rewrites only what a change touches', async () => {
    const root = portfolio();
    writeFileSync(join(root, 'portfolio/shop/broken.yaml'), 'template: current-state\ntitle: Broken\nstages:\n  - name: A\n    emotion: 7\n');
    const first = await run(['site', 'portfolio', '-o', 'site'], { cwd: root });
    expect(first.code).toBe(1);
    expect(first.stderr).toContain('portfolio/shop/broken.yaml:5:14 error stages[0].emotion');
    expect(first.stderr).toContain('✗ site: 11 pages written, 0 unchanged');
    const health = readFileSync(join(root, 'site/health.html'), 'utf8');
    expect(health).toContain('portfolio/shop/broken.yaml');
    expect(health).toContain('portfolio/shop/broken.yaml:5:14');

    rmSync(join(root, 'portfolio/shop/broken.yaml'));
    const again = await run(['site', 'portfolio', '-o', 'site'], { cwd: root });
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('✓ site: 2 pages written, 9 unchanged');
    const same = await run(['site', 'portfolio', '-o', 'site'], { cwd: root });
    expect(same.stderr).toContain('✓ site: 0 pages written, 11 unchanged');

    const returns = join(root, 'portfolio/shop/returns.yaml');
    writeFileSync(returns, readFileSync(returns, 'utf8').replace('name: Try-on', 'name: Trying them on'));
    const changed = await run(['site', 'portfolio', '-o', 'site', '-r', 'json'], { cwd: root });
    expect(changed.code).toBe(0);
    expect(readFileSync(join(root, 'site/maps/shop/returns.html'), 'utf8')).toContain('Trying them on');
  });
});
