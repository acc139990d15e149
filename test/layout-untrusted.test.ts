// A team's layout from a pull request, at its worst: every way found for a layout to run script, load
// something or navigate, each its own layout, built to HTML, PDF and PNG and served by `journey
// preview`, then opened in Chromium while a loopback server stands for the outside world and must
// receive nothing. And a layout whose work explodes, stopped with an error at its place.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse, serialize, type DefaultTreeAdapterTypes } from 'parse5';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../src/browser/launch.js';
import { EXAMPLES, ROOT, run, startJourney, tempDir, WAIT_LIMIT_MS } from './helpers.js';

const MAP = readFileSync(join(EXAMPLES, 'current-state.yaml'), 'utf8');
const TITLE = 'Buying running shoes online';
const RAN = `document.title='RAN'`;

/** Each way a layout could run, load or navigate; `O` is the outside world's address. */
const vectors = (O: string): Record<string, string> => {
  const inPage = (body: string) => `{{#> page}}\n<h1 id="top">{{title}}</h1>\n${body}\n{{/page}}\n`;
  return {
    'csp-in-body': `<html><head></head><body>{{{csp}}}<h1>{{title}}</h1><script>${RAN}</script><img src="${O}/img?t={{title}}"></body></html>`,
    'no-policy': `<!DOCTYPE html><html><head><title>{{title}}</title></head><body><h1>{{title}}</h1><script>${RAN}</script><img src="${O}/img?t={{title}}"></body></html>`,
    'no-document': `<h1>{{title}}</h1><script>${RAN}</script><img src="${O}/bare?t={{title}}">`,
    'own-head-second-policy': `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src * 'unsafe-inline'"><script>${RAN}</script><link rel="stylesheet" href="${O}/head.css"></head><body><h1>{{title}}</h1></body></html>`,
    'refresh-in-head': `<!DOCTYPE html><html><head><meta http-equiv="refresh" content="0;url=${O}/refresh-head?t={{title}}"></head><body><h1>{{title}}</h1></body></html>`,
    'refresh-in-body': inPage(`<meta http-equiv="refresh" content="0;url=${O}/refresh-body?t={{title}}">`),
    'body-onload': `<html><body onload="${RAN}"><h1>{{title}}</h1></body></html>`,
    script: inPage(`<script>${RAN}</script><script src="${O}/script.js"></script>`),
    'remote-image': inPage(`<img src="${O}/img?t={{title}}" alt=""><img srcset="${O}/srcset 1x" alt=""><img src="x" onerror="${RAN}" alt="">`),
    'style-import': inPage(`<style>@import url("${O}/import.css"); body { background: url("${O}/background.png") } @font-face { font-family: X; src: url("${O}/font.woff") } h1 { font-family: X }</style>`),
    'style-attribute': inPage(`<div style="background-image: url(${O}/style-attribute.png); height: 20px"></div>`),
    links: inPage(
      `<link rel="stylesheet" href="${O}/link.css"><link rel="prefetch" href="${O}/prefetch"><link rel="preload" as="image" href="${O}/preload.png"><link rel="dns-prefetch" href="//journey-test.invalid"><link rel="icon" href="${O}/icon.png">`,
    ),
    frames: inPage(`<iframe src="${O}/iframe"></iframe><iframe srcdoc="<script>parent.${RAN}</script><img src=${O}/srcdoc>"></iframe>`),
    // A frameset replaces the body: its document has no heading.
    frameset: `<html><head></head><frameset><frame src="${O}/frame"></frameset></html>`,
    'object-embed': inPage(`<object data="${O}/object"></object><embed src="${O}/embed">`),
    media: inPage(`<video poster="${O}/poster" src="${O}/video"></video><audio src="${O}/audio" autoplay></audio><input type="image" src="${O}/input">`),
    base: inPage(`<base href="${O}/"><a href="base-link">a relative link</a>`),
    form: inPage(`<form action="${O}/form" method="get"><input name="t" value="{{title}}"><button>Send</button></form><button form="f" formaction="${O}/formaction">Send</button>`),
    'javascript-link': inPage(`<a href="javascript:${RAN}">open</a>`),
    'remote-link': inPage(`<a href="${O}/click?t={{title}}" ping="${O}/ping">read more</a><a href="#top" ping="${O}/ping-fragment">top</a>`),
    'image-map': inPage(`<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" usemap="#m" alt="" width="50" height="50"><map name="m"><area shape="default" href="${O}/area"></map>`),
    svg: inPage(
      `<svg><script>${RAN}</script><image href="${O}/svg-image"/><a href="${O}/svg-link"><text y="20">svg link</text></a><use href="${O}/use.svg#a"/><rect width="10" height="10" fill="url(${O}/paint.svg#p)"/><set attributeName="href" to="javascript:${RAN}"/><foreignObject><img src="${O}/foreign-object"></foreignObject></svg>`,
    ),
    noscript: inPage(`<noscript><img src="${O}/noscript"><meta http-equiv="refresh" content="0;url=${O}/noscript-refresh"></noscript>`),
    template: inPage(`<template><img src="${O}/template"></template>`),
    portal: inPage(`<portal src="${O}/portal"></portal>`),
    'details-ontoggle': inPage(`<details open ontoggle="${RAN}"><summary>more</summary>text</details>`),
    // Markup that changes meaning when a sanitiser's output is parsed again (mutation XSS).
    'mutation-svg-style': inPage(`<svg></p><style><a title="</style><img src=x onerror=${RAN}>"></style></svg>`),
    'mutation-noscript': inPage(`<noscript><p title="</noscript><img src=x onerror=${RAN}>"></noscript>`),
    'mutation-math': inPage(`<math><mtext><table><mglyph><style><img src=x onerror=${RAN}>`),
  };
};

/** What a vector writes inside the page partial. */
const inner = (layout: string) => layout.replace(/\{\{(#> |\/)page\}\}/g, '').replace('<h1 id="top">{{title}}</h1>', '');

/**
 * Elements and attributes no document of a team's layout may hold, as Chromium parsed it. The preview
 * adds its own script at the end of the body.
 */
async function forbiddenInPage(page: Page, preview: boolean): Promise<string[]> {
  return page.evaluate((preview) => {
    const found: string[] = [];
    const bad = 'script,iframe,frame,frameset,object,embed,link,base,form,input,button,portal,noscript,template,video,audio,area,map,math,foreignObject,image,set';
    for (const el of document.querySelectorAll(bad)) if (!(preview && el === document.body.lastElementChild)) found.push(`<${el.localName}>`);
    for (const el of document.querySelectorAll('meta[http-equiv]')) {
      const kind = el.getAttribute('http-equiv')!.toLowerCase();
      if (kind !== 'content-security-policy' && kind !== 'x-dns-prefetch-control') found.push(`<meta http-equiv=${kind}>`);
    }
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) if (/^on|^(ping|srcset|srcdoc|action|formaction|poster)$/.test(a.name)) found.push(`${el.localName} ${a.name}=`);
      for (const name of ['href', 'src']) {
        const value = el.getAttribute(name);
        if (value !== null && !value.startsWith('#') && !value.startsWith('data:image/')) found.push(`${el.localName} ${name}=${value}`);
      }
    }
    return found;
  }, preview);
}

/** Clicks every link, button and summary, as a curious reader would. */
const clickEverything = (page: Page) =>
  page.evaluate(() =>
    // An SVG link has no click(): it gets the event a reader's click sends.
    document.querySelectorAll('a, button, input, area, summary').forEach((el) => (el instanceof HTMLElement ? el.click() : el.dispatchEvent(new MouseEvent('click', { bubbles: true })))),
  );

const withoutHash = (url: string) => url.replace(/#.*$/, '');
const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

let browser: Browser;
let server: Server;
let hits: string[] = [];
let origin = '';
beforeAll(async () => {
  server = createServer((req, res) => void (hits.push(req.url ?? ''), res.end('x')));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser({ env: process.env });
});
afterAll(async () => {
  await browser?.close();
  await new Promise((done) => server?.close(done));
});

/** Opened pages, after a reader clicked everything in each and waited for a refresh: what Chromium shows. */
async function inspect(pages: { page: Page; url: string }[], preview = false) {
  for (const { page } of pages) await clickEverything(page);
  await pause(2000); // a refresh after 0 s, or a click's navigation, has started by then
  return Promise.all(pages.map(({ page, url }) => look(page, url, preview)));
}

async function look(page: Page, url: string, preview: boolean) {
  return {
    url: withoutHash(page.url()),
    expected: withoutHash(url),
    title: await page.title(),
    heading: await page.$eval('h1', (h) => h.textContent).catch(() => null),
    forbidden: await forbiddenInPage(page, preview),
  };
}

describe('a layout from the pull request', () => {
  it('makes an HTML document that starts with journey’s head and, opened in Chromium, runs, loads and navigates nothing', { timeout: 180_000 }, async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'map.yaml'), MAP);
    const names = Object.entries(vectors(origin));
    for (const [name, source] of names) {
      writeFileSync(join(cwd, `${name}.hbs`), source);
      const r = await run(['build', 'map.yaml', '--layout', `${name}.hbs`, '-o', `${name}.html`], { cwd });
      expect(r.code, `${name}: ${r.stderr}`).toBe(0);
      const html = readFileSync(join(cwd, `${name}.html`), 'utf8');
      // The policy and the charset come before anything the layout wrote.
      expect(html, name).toMatch(
        /^<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="default-src 'none'; [^"]*">\n<meta http-equiv="x-dns-prefetch-control" content="off">\n/,
      );
      expect(html.match(/http-equiv/g), name).toHaveLength(2);
    }
    const opened: { page: Page; url: string }[] = [];
    for (const [name] of names) {
      const page = await browser.newPage();
      const url = pathToFileURL(join(cwd, `${name}.html`)).href;
      page.on('dialog', (d) => void d.dismiss());
      await page.goto(url, { waitUntil: 'load' });
      opened.push({ page, url });
    }
    const seen = await inspect(opened);
    names.forEach(([name], i) => {
      const heading = name === 'frameset' ? null : TITLE;
      expect(seen[i], name).toEqual({ url: seen[i]!.expected, expected: seen[i]!.expected, title: expect.not.stringMatching(/RAN/), heading, forbidden: [] });
    });
    await Promise.all(opened.map(({ page }) => page.close()));
    expect(hits).toEqual([]);
  });

  it('prints to PDF and PNG without a request, and a site does not use it', { timeout: 180_000 }, async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'map.yaml'), MAP);
    const all = Object.values(vectors(origin)).filter((v) => v.startsWith('{{#> page}}')).map(inner);
    // Every vector that fits in a page at once, and a document with its own head, refresh and policy.
    writeFileSync(join(cwd, 'everything.hbs'), `{{#> page}}\n<h1 id="top">{{title}}</h1>\n{{> journey}}\n${all.join('\n')}\n{{/page}}\n`);
    writeFileSync(join(cwd, 'own-head.hbs'), vectors(origin)['own-head-second-policy']!.replace('<h1>{{title}}</h1>', `<h1>{{title}}</h1><meta http-equiv="refresh" content="0;url=${origin}/refresh">`));
    for (const layout of ['everything', 'own-head']) {
      const r = await run(['build', 'map.yaml', '--layout', `${layout}.hbs`, '-f', 'pdf,png', '--pdf-layout', 'document', '-d', layout], { cwd });
      expect(r.code, r.stderr).toBe(0);
      const text = execFileSync('pdftotext', [join(cwd, layout, 'map.pdf'), '-'], { encoding: 'utf8' });
      expect(text).toContain(TITLE);
      expect(text).not.toContain('RAN');
      expect(readFileSync(join(cwd, layout, 'map.png')).subarray(1, 4).toString()).toBe('PNG');
    }
    // A site's pages use journey's own layouts, whatever the config file names.
    writeFileSync(join(cwd, 'journey.config.yaml'), 'layout: everything.hbs\n');
    const site = await run(['site', 'map.yaml', '-o', 'site'], { cwd });
    expect(site.code, site.stderr).toBe(0);
    for (const page of readdirSync(join(cwd, 'site'), { recursive: true }).map(String).filter((f) => f.endsWith('.html'))) {
      expect(readFileSync(join(cwd, 'site', page), 'utf8'), page).not.toContain(origin);
    }
    expect(hits).toEqual([]);
  });

  it('served by journey preview runs, loads and navigates nothing', { timeout: 180_000 }, async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'map.yaml'), MAP);
    const v = vectors(origin);
    writeFileSync(join(cwd, 'brand.hbs'), `${v['refresh-in-body']!.replace('{{/page}}', '')}${['script', 'remote-image', 'style-import', 'frames', 'remote-link', 'svg', 'form'].map((k) => inner(v[k]!)).join('\n')}{{/page}}\n`);
    const preview = startJourney(['preview', 'map.yaml', '--layout', 'brand.hbs', '--port', '0'], cwd);
    try {
      await preview.waitFor('Press Ctrl-C to stop.');
      const url = /at (http:\/\/\S+)/.exec(preview.stderr)![1]!;
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: 'load' });
      // The preview's own script still runs: it marks the page once the server's first state arrived.
      const live = await page.waitForSelector('html[data-journey-preview="live"]', { timeout: WAIT_LIMIT_MS }).catch(() => null);
      const [seen] = await inspect([{ page, url }], true);
      expect(seen).toEqual({ url: seen!.expected, expected: seen!.expected, title: expect.not.stringMatching(/RAN/), heading: TITLE, forbidden: [] });
      expect(live).not.toBeNull();
      await page.close();
    } finally {
      await preview.stop();
    }
    expect(hits).toEqual([]);
  });

  it('keeps everything journey’s partials write: a copy of the built-in layout shows the same body for every example', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'copy.hbs'), readFileSync(join(ROOT, 'templates/html/layouts/map.hbs')));
    const examples = readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml'));
    for (const example of examples) {
      const map = join(EXAMPLES, example);
      expect((await run(['build', map, '-o', join(cwd, 'built-in.html')])).code).toBe(0);
      expect((await run(['build', map, '--layout', join(cwd, 'copy.hbs'), '-o', join(cwd, 'copy.html')])).code).toBe(0);
      const body = (file: string) => serialize(parse(readFileSync(join(cwd, file), 'utf8')).childNodes.at(-1) as DefaultTreeAdapterTypes.Element);
      expect(body('copy.html').replace(/<head>[^]*<\/head>/, ''), example).toBe(body('built-in.html').replace(/<head>[^]*<\/head>/, ''));
    }
  });

  it('cannot print text unescaped, nor write to the log', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'map.yaml'), MAP);
    const cases: Record<string, [string, string]> = {
      'triple.hbs': ['{{#> page}}\n<h1>{{{title}}}</h1>{{/page}}\n', 'triple.hbs:2:5 error layout: {{{title}}} would print text unescaped: only {{{css}}} may use three braces; write {{title}}'],
      'ampersand.hbs': ['{{#each stages}}\n  {{& name}}{{/each}}\n', 'ampersand.hbs:2:3 error layout: {{{name}}} would print text unescaped'],
      'log.hbs': ['<p>{{log title}}</p>\n', 'log.hbs:1:4 error layout: {{log}} would write to the terminal and the CI log: a layout cannot'],
    };
    for (const [file, [source, error]] of Object.entries(cases)) {
      writeFileSync(join(cwd, file), source);
      const r = await run(['build', 'map.yaml', '--layout', file, '-o', 'out.html'], { cwd });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(error);
      expect(r.stdout).not.toContain(TITLE);
      expect(existsSync(join(cwd, 'out.html'))).toBe(false);
    }
  });
});

describe('a layout whose work explodes', () => {
  it('is stopped with an error at its block, and nothing is written', { timeout: 180_000 }, async () => {
    const cwd = tempDir();
    // 400 stages: a 20 KB map; each stage repeated inside two loops over every stage is 64 million items.
    const stages = Array.from({ length: 400 }, (_, i) => `  - name: Stage ${i + 1}\n    emotion: 0\n`).join('');
    writeFileSync(join(cwd, 'map.yaml'), `template: current-state\ntitle: Many stages\nstages:\n${stages}`);
    writeFileSync(join(cwd, 'nest.hbs'), `{{#> page}}\n<ul>\n  {{#each @root.stages}}{{#each @root.stages}}{{#each @root.stages}}<li>{{name}}</li>{{/each}}{{/each}}{{/each}}\n</ul>\n{{/page}}\n`);
    const r = await run(['build', 'map.yaml', '--layout', 'nest.hbs', '-o', 'map.html'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^nest\.hbs:3:3 error layout: the layout (wrote more than 50 MB|took more than 20 s)/m);
    expect(readdirSync(cwd).sort()).toEqual(['map.yaml', 'nest.hbs']);
  });
});
