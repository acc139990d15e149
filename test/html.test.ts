// HTML documents loaded in a real headless Chromium: what a reader sees, and that nothing runs or loads.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../src/browser/launch.js';
import { ROOT, run, tempDir } from './helpers.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser({ env: process.env });
});
afterAll(async () => {
  await browser?.close();
});

interface Opened {
  page: Page;
  requests: string[];
  dialogs: string[];
}

/** Builds a map to HTML with the real command and opens the file as a reader would, from disk. */
async function openBuilt(map: string, args: string[] = [], viewport = { width: 1440, height: 1000 }): Promise<Opened> {
  const out = join(tempDir(), 'map.html');
  const result = await run(['build', map, '-o', out, ...args]);
  expect(result.code, result.stderr).toBe(0);
  const page = await browser.newPage();
  await page.setViewport(viewport);
  const requests: string[] = [];
  const dialogs: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));
  await page.goto(pathToFileURL(out).href, { waitUntil: 'load' });
  return { page, requests: requests.filter((u) => u !== pathToFileURL(out).href), dialogs };
}

const texts = (page: Page, selector: string) => page.$$eval(selector, (els) => els.map((e) => (e as HTMLElement).innerText.trim()));

describe('an example map in the browser', () => {
  it('shows the title, persona, stages, lane questions and the emotion curve', async () => {
    const { page, requests } = await openBuilt('examples/current-state.yaml');
    expect(await page.title()).toBe('Buying running shoes online');
    expect(await page.$eval('html', (e) => e.lang)).toBe('en');
    expect(await texts(page, 'h1')).toEqual(['Buying running shoes online']);
    expect(await texts(page, 'thead th .stage-name')).toEqual(['Awareness', 'Consideration', 'Decision', 'Purchase', 'Delivery and first run']);
    const rowHeaders = await texts(page, 'tbody th[scope="row"] .row-label');
    expect(rowHeaders).toEqual([
      'Emotion curve',
      'What does the customer think or feel?',
      "What is the customer's action?",
      "What is the customer's touchpoint with the company?",
      'What do we want to change at this step?',
      'How and/or why will we make this change?',
      'KPIs',
      'Owner',
      'Technology',
      'Pain points',
      'Opportunities',
      'Notes',
    ]);
    expect(await texts(page, '.persona h2')).toEqual(['PERSONA\nGiulia']);
    expect(await texts(page, '.persona .chips li')).toEqual(['Need', 'Quality of life']);
    // The curve: a face per scored stage, a line through them, and the scores in words.
    expect(await page.$$eval('.curve-cell .face', (d) => d.length)).toBe(5);
    expect(await page.$$eval('.curve-line path[class^="series-"]', (d) => d.length)).toBe(5);
    expect(await texts(page, '.emotion-label')).toEqual(['−1 negative', '0 neutral', '−2 very negative', '−1 negative', '+1 positive']);
    expect(await page.$eval('.journey .visually-hidden', (e) => e.textContent)).toBe(
      'Emotion curve: Awareness: negative (−1); Consideration: neutral (0); Decision: very negative (−2); Purchase: negative (−1); Delivery and first run: positive (+1).',
    );
    // Points sit higher for better emotions.
    const tops = await page.$$eval('.curve-cell .face', (d) => d.map((e) => e.getBoundingClientRect().top));
    expect(tops[4]).toBeLessThan(tops[1]!);
    expect(tops[1]).toBeLessThan(tops[0]!);
    expect(tops[0]).toBeLessThan(tops[2]!);
    // Touchpoints show their channel.
    expect(await texts(page, 'tr[data-lane="touchpoints"] td:first-of-type li')).toEqual(['Search engine web', 'Running club offline', 'Instagram ads social']);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('uses real table semantics', async () => {
    const { page } = await openBuilt('examples/day-in-the-life.yaml');
    expect(await page.$$eval('thead th[scope="col"]', (e) => e.length)).toBe(5);
    expect(await texts(page, 'thead .stage-time')).toEqual(['06:30–08:30', '09:00–12:00', '12:00–16:00', '17:00–19:00', '21:00–23:00']);
    expect(await page.$$eval('tbody tr', (rows) => rows.every((r) => r.querySelector('th[scope]')))).toBe(true);
    await page.close();
  });

  it('draws the service-blueprint bands and lines between them', async () => {
    const { page } = await openBuilt('examples/service-blueprint.yaml');
    expect(await texts(page, '.band-head th')).toEqual(['CUSTOMER', 'FRONTSTAGE', 'BACKSTAGE', 'SUPPORT PROCESSES', 'BACK-END', 'INSIGHTS']);
    expect(await texts(page, '.blueprint-line td')).toEqual(['Line of interaction', 'Line of visibility', 'Line of internal interaction']);
    // Each line sits between the bands it separates.
    const order = await page.$$eval('tbody tr', (rows) => rows.map((r) => r.getAttribute('data-lane') ?? r.className));
    const at = (name: string) => order.indexOf(name);
    expect(at('why')).toBeLessThan(at('blueprint-line line-interaction'));
    expect(at('blueprint-line line-interaction')).toBeLessThan(at('communication'));
    expect(at('communication')).toBeLessThan(at('blueprint-line line-visibility'));
    expect(at('blueprint-line line-visibility')).toBeLessThan(at('backstage'));
    expect(at('backstage')).toBeLessThan(at('blueprint-line line-internalInteraction'));
    expect(at('blueprint-line line-internalInteraction')).toBeLessThan(at('support'));
    await page.close();
  });

  it('follows the locale: Italian and Polish labels and <html lang>', async () => {
    const it_ = await openBuilt('test/fixtures/valid/custom-lanes-it.yaml');
    expect(await it_.page.$eval('html', (e) => e.lang)).toBe('it');
    expect(await texts(it_.page, 'tbody th[scope="row"] .row-label')).toEqual([
      'Curva delle emozioni',
      'Cosa pensa o sente il cliente?',
      "Qual è l'azione del cliente?",
      "Qual è il punto di contatto del cliente con l'azienda?",
      'Quali canali usa il cliente?', // a custom lane with no band: the front-end
      'Cosa vogliamo cambiare in questo passaggio?',
      'Come e/o perché apporteremo questo cambiamento?',
    ]);
    expect(await texts(it_.page, '.band-head th')).toEqual(['ESPERIENZA DEL CLIENTE', 'FRONT-END', 'BACK-END']);
    expect(await texts(it_.page, 'thead .stage-number')).toEqual(['PASSO 1', 'PASSO 2']);
    expect(await texts(it_.page, '.emotion-label')).toEqual(['0 neutra', '+1 positiva']);
    await it_.page.close();
    const pl = await openBuilt('test/fixtures/valid/polish-blueprint.yaml');
    expect(await pl.page.$eval('html', (e) => e.lang)).toBe('pl');
    expect(await texts(pl.page, '.blueprint-line td')).toEqual(['Linia interakcji', 'Linia widoczności', 'Linia interakcji wewnętrznej']);
    expect(await texts(pl.page, '.doc-header .meta dt')).toEqual(['Ostatni przegląd']);
    await pl.page.close();
  });
});

describe('wide maps', () => {
  it('keep lane labels visible while scrolling sideways, with nothing overflowing its cell', async () => {
    const dir = tempDir();
    const stages = Array.from({ length: 30 }, (_, i) => `  - name: Stage number ${i + 1}\n    emotion: ${(i % 5) - 2}\n    thinking: Averyveryverylongwordwithoutanyspacesthatcouldoverflowitscell${i}\n    touchpoints: [{ name: Web shop, channel: web }]`);
    writeFileSync(join(dir, 'wide.yaml'), `template: current-state\ntitle: Thirty stages\nstages:\n${stages.join('\n')}\n`);
    const { page } = await openBuilt(join(dir, 'wide.yaml'));
    const before = await page.$eval('tbody th[scope="row"]', (e) => e.getBoundingClientRect().left);
    await page.$eval('.scroller', (s) => s.scrollBy(3000, 0));
    const after = await page.$eval('tbody th[scope="row"]', (e) => e.getBoundingClientRect().left);
    expect(after).toBe(before);
    const scrolled = await page.$eval('.scroller', (s) => s.scrollLeft);
    expect(scrolled).toBeGreaterThan(2000);
    // No cell's content spills out of it, and the page itself does not scroll sideways.
    const overflowing = await page.$$eval('td, th', (cells) => cells.filter((c) => c.scrollWidth > c.clientWidth + 1).length);
    expect(overflowing).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.close();
  });

  it('reflow at 200% zoom (a 720px-wide window) without sideways scrolling of the page', async () => {
    const { page } = await openBuilt('examples/service-blueprint.yaml', [], { width: 720, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.close();
  });
});

describe('a hostile map', () => {
  it('stays inert text: no script runs, nothing loads, no markup or template logic from user text', async () => {
    const { page, requests, dialogs } = await openBuilt('test/fixtures/hostile/injection.yaml');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(requests).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(await page.$$eval('script, iframe, link, img, a, u, b', (e) => e.length)).toBe(0);
    const handlers = await page.$$eval('*', (els) => els.flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name)));
    expect(handlers).toEqual([]);
    const body = await page.evaluate(() => document.body.innerText);
    for (const literal of [
      "<script>window.__pwned = 'title'</script>Hostile map",
      '{{title}} and {{{css}}}',
      '{{#each stages}}{{name}}{{/each}}',
      '<style>body{display:none}</style>',
      "<script>window.__pwned='stage'</script>",
    ]) {
      expect(body).toContain(literal);
    }
    expect(await page.title()).toBe("<script>window.__pwned = 'title'</script>Hostile map");
    await page.close();
  });
});

describe('drawings defined once', () => {
  it('points every face, icon and grid at a symbol of the document, defined once and only when used', async () => {
    const { page, requests } = await openBuilt('examples/rich-map.yaml');
    const look = await page.evaluate(() => ({
      uses: [...document.querySelectorAll('use')].map((u) => u.getAttribute('href')!),
      symbols: [...document.querySelectorAll('symbol')].map((s) => s.id),
    }));
    const used = [...new Set(look.uses)];
    expect(look.uses.length).toBeGreaterThan(used.length); // drawings repeat…
    expect(look.symbols).toEqual(look.symbols.filter((id, i) => look.symbols.indexOf(id) === i)); // …each defined once
    expect([...look.symbols].sort()).toEqual(used.map((h) => h.slice(1)).sort()); // and only those used
    // Drawn, not empty: a channel icon has the size of its drawing.
    const icon = await page.$eval('.channel .icon', (e) => (e as SVGSVGElement).getBBox().width);
    expect(icon).toBeGreaterThan(5); // a use of a missing symbol draws nothing (0)
    expect(requests.filter((u) => !u.startsWith('data:'))).toEqual([]); // its pictures are inline
    await page.close();
  });

  it('gives right-to-left items their own direction, and no attribute to the others', async () => {
    const dir = tempDir();
    const map = join(dir, 'map.yaml');
    writeFileSync(map, 'template: current-state\ntitle: Directions\nstages:\n  - name: A\n    actions: [Opens the page, פותח את הדף]\n');
    const { page } = await openBuilt(map);
    const items = await page.$$eval('tr[data-lane="actions"] li', (lis) => lis.map((li) => [li.getAttribute('dir'), getComputedStyle(li).direction]));
    expect(items).toEqual([
      [null, 'ltr'],
      ['auto', 'rtl'],
    ]);
    await page.close();
  });
});

describe('determinism', () => {
  it('gives byte-identical HTML for the same map', async () => {
    const dir = tempDir();
    await run(['build', 'examples/service-blueprint.yaml', '-o', join(dir, 'a.html')]);
    await run(['build', 'examples/service-blueprint.yaml', '-o', join(dir, 'b.html')]);
    expect(readFileSync(join(dir, 'a.html'), 'utf8')).toBe(readFileSync(join(dir, 'b.html'), 'utf8'));
    expect(readFileSync(join(dir, 'a.html'), 'utf8')).not.toMatch(/20\d\d-\d\d-\d\dT/);
  });
});

void ROOT;
