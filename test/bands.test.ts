// Bands in the browser: every lane drawn inside its band, insights below the bands, channel and row
// icons, the scroll shadows of a wide map, and axe-core on every example at a wide and a narrow width.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../src/browser/launch.js';
import { axeViolations } from './axe.js';
import { richMap } from './read-back.js';
import { EXAMPLES, run, tempDir } from './helpers.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser({ env: process.env });
});
afterAll(async () => {
  await browser?.close();
});

/** Opens an HTML file as a reader would, from disk, at a width. */
async function open(file: string, width = 1440): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width, height: 900 });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return page;
}

/** Builds a map (a file, or YAML text) to HTML with the real command and opens it. */
async function openMap(map: string, width = 1440): Promise<Page> {
  const dir = tempDir();
  let input = map;
  if (map.includes('\n')) writeFileSync((input = join(dir, 'map.yaml')), map);
  const out = join(dir, 'map.html');
  const result = await run(['build', input, '-o', out]);
  expect(result.code, result.stderr).toBe(0);
  return open(out, width);
}

const BLUEPRINT = `template: service-blueprint
title: Bands
lanes:
  - { key: goal, label: What does the customer want? }
  - { key: script, label: Which script does the agent follow?, band: frontstage }
  - { key: queue, label: Which queue holds the request?, band: backstage }
  - { key: vendor, label: Which vendor is involved?, band: support }
stages:
  - name: Calls
    emotion: -1
    actions: [Calls the line]
    thinking: Hope this is quick.
    why: Long waits before.
    communication: Agent answers
    backstage: Ticket opened
    support: [CRM]
    goal: A fix today
    script: Greeting script
    queue: Tier 1
    vendor: Telephony provider
    pain_points: [Waits 12 minutes]
    opportunities: [Call back]
    kpis: [Wait time]
    notes: From the call recordings.
`;

/** Top and bottom of an element, in page pixels. */
const box = (page: Page, selector: string) =>
  page.$eval(selector, (e) => {
    const r = e.getBoundingClientRect();
    return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY };
  });

describe('lanes in their bands', () => {
  it('draws a blueprint custom lane inside the band it names, between that band\u2019s lines', async () => {
    const page = await openMap(BLUEPRINT);
    const interaction = await box(page, '.line-interaction');
    const visibility = await box(page, '.line-visibility');
    const internal = await box(page, '.line-internalInteraction');
    const row = (key: string) => box(page, `tr[data-lane="${key}"]`);
    // band: frontstage lands between the line of interaction and the line of visibility.
    const script = await row('script');
    expect(script.top).toBeGreaterThanOrEqual(interaction.bottom);
    expect(script.bottom).toBeLessThanOrEqual(visibility.top);
    // No band: the customer's, above the line of interaction, below the curve.
    const goal = await row('goal');
    expect(goal.bottom).toBeLessThanOrEqual(interaction.top);
    expect(goal.top).toBeGreaterThanOrEqual((await box(page, '.curve-row')).bottom);
    const queue = await row('queue');
    expect(queue.top).toBeGreaterThanOrEqual(visibility.bottom);
    expect(queue.bottom).toBeLessThanOrEqual(internal.top);
    expect((await row('vendor')).top).toBeGreaterThanOrEqual(internal.bottom);
    // Each lane is in its band's row group, after the template's lanes of that band.
    const bandOf = (key: string) => page.$eval(`tr[data-lane="${key}"]`, (e) => e.closest('tbody')!.className);
    expect(await bandOf('script')).toBe('section band-frontstage');
    expect(await bandOf('goal')).toBe('section band-customer');
    expect(await page.$$eval('.band-frontstage tr[data-lane]', (rows) => rows.map((r) => r.getAttribute('data-lane')))).toEqual(['communication', 'script']);
    // The curve sits at the top of the customer band, under its heading.
    expect(await page.$eval('.curve-row', (e) => e.closest('tbody')!.className)).toBe('section band-customer');
    await page.close();
  });

  it('puts pain points, opportunities, KPIs and notes in sections of their own below the support band', async () => {
    const page = await openMap(BLUEPRINT);
    const support = await box(page, 'tbody.band-support');
    for (const key of ['pain_points', 'opportunities', 'kpis', 'notes']) {
      const row = await box(page, `tr[data-lane="${key}"]`);
      expect(row.top, key).toBeGreaterThanOrEqual(support.bottom);
      expect(await page.$eval(`tr[data-lane="${key}"]`, (e) => e.closest('tbody')!.classList.contains('band-support')), key).toBe(false);
    }
    // Each section has its heading; notes keep their own row label.
    expect(await page.$$eval('.band-head th', (h) => h.map((e) => (e as HTMLElement).innerText))).toEqual([
      'CUSTOMER',
      'FRONTSTAGE',
      'BACKSTAGE',
      'SUPPORT PROCESSES',
      'BACK-END',
      'INSIGHTS',
    ]);
    await page.close();
  });

  it('gives the other templates the experience, front-end and back-end bands, and keeps their lanes in order', async () => {
    const page = await openMap('examples/current-state.yaml');
    const groups = await page.$$eval('tbody.section', (bodies) =>
      bodies.map((b) => `${b.className.replace('section band-', '')}: ${[...b.querySelectorAll('tr[data-lane], tr.curve-row')].map((r) => r.getAttribute('data-lane') ?? 'curve').join(' ')}`),
    );
    expect(groups).toEqual([
      'experience: curve thinking',
      'front-end: actions touchpoints',
      'back-end: change rationale kpis owner technology',
      'insights: pain_points opportunities',
      'notes: notes',
    ]);
    await page.close();
  });

  it('reports a band the template does not have at its line and column, with the choices', async () => {
    const dir = tempDir();
    const file = join(dir, 'map.yaml');
    writeFileSync(file, BLUEPRINT.replace('band: frontstage', 'band: front-end').replace('band: support }', 'band: Support }'));
    const result = await run(['validate', file]);
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n').filter((l) => l.includes(' error '))).toEqual([
      `${file}:5:70 error lanes[1].band: expected a band of service-blueprint maps: \`customer\`, \`frontstage\`, \`backstage\` or \`support\`, found text "front-end" (\`front-end\` is a band of \`current-state\`, \`future-state\` and \`day-in-the-life\` maps)`,
      `${file}:7:60 error lanes[3].band: expected a band of service-blueprint maps: \`customer\`, \`frontstage\`, \`backstage\` or \`support\`, found text "Support"; did you mean \`support\`?`,
    ]);
    writeFileSync(file, 'template: day-in-the-life\ntitle: T\nlanes: [{ key: mood, label: Mood?, band: frontstage }]\nstages: [{ name: A, mood: ok }]\n');
    expect((await run(['validate', file])).stderr).toContain(
      `${file}:3:42 error lanes[0].band: expected a band of day-in-the-life maps: \`experience\`, \`front-end\` or \`back-end\`, found text "frontstage" (\`frontstage\` is a band of \`service-blueprint\` maps)`,
    );
  });
});

describe('icons', () => {
  it('draws an icon beside a known channel, keeps a neutral tag for an unknown one, and keeps the text', async () => {
    const page = await openMap(`template: current-state
title: Channels
stages:
  - name: A
    touchpoints:
      - { name: Shop site, channel: Website }
      - { name: Call, channel: call }
      - { name: Leaflet, channel: E-Mail }
      - { name: Counter, channel: In-Store }
      - { name: Fair, channel: trade fair }
      - Plain
`);
    const items = await page.$$eval('tr[data-lane="touchpoints"] li', (lis) =>
      lis.map((li) => {
        const tag = li.querySelector('.channel');
        const svg = tag?.querySelector('svg');
        return { text: (li as HTMLElement).innerText, tag: tag?.className ?? null, svg: svg ? svg.getAttribute('aria-hidden') : null };
      }),
    );
    expect(items).toEqual([
      { text: 'Shop site Website', tag: 'channel channel-web', svg: 'true' },
      { text: 'Call call', tag: 'channel channel-phone', svg: 'true' },
      { text: 'Leaflet E-Mail', tag: 'channel channel-email', svg: 'true' },
      { text: 'Counter In-Store', tag: 'channel channel-store', svg: 'true' },
      { text: 'Fair trade fair', tag: 'channel channel-other', svg: null },
      { text: 'Plain', tag: null, svg: null },
    ]);
    await page.close();
  });

  it('marks pain points and opportunities with distinct SVG icons, the row label staying text', async () => {
    const page = await openMap(BLUEPRINT);
    const marks = await page.$$eval('tr.row-pain th, tr.row-opportunity th', (ths) =>
      ths.map((th) => ({ label: (th as HTMLElement).innerText, icon: th.querySelector('svg use')?.getAttribute('href'), hidden: th.querySelector('svg')?.getAttribute('aria-hidden') })),
    );
    expect(marks).toEqual([
      { label: 'Pain points', icon: '#i-pain', hidden: 'true' },
      { label: 'Opportunities', icon: '#i-opportunity', hidden: 'true' },
    ]);
    // No glyph text drawn by CSS in front of the label.
    expect(await page.$eval('tr.row-pain .row-label', (e) => getComputedStyle(e, '::before').content)).toBe('none');
    await page.close();
  });
});

describe('a wide map', () => {
  it('shows a shadow at the edge where more columns wait, and none where there are none', async () => {
    const page = await openMap(richMap(12), 1000);
    const shadows = () =>
      page.$eval('.scroll-frame', (f) => [Number(getComputedStyle(f, '::before').opacity), Number(getComputedStyle(f, '::after').opacity)]);
    expect(await shadows()).toEqual([0, 1]); // at the start: more to the right only
    await page.$eval('.scroller', (s) => (s.scrollLeft = s.scrollWidth / 2));
    await new Promise((r) => setTimeout(r, 100));
    expect(await shadows()).toEqual([1, 1]);
    await page.$eval('.scroller', (s) => (s.scrollLeft = s.scrollWidth));
    await new Promise((r) => setTimeout(r, 100));
    expect(await shadows()).toEqual([1, 0]);
    // The left shadow starts where the pinned lane labels end.
    const [label, before] = await page.$eval('.scroll-frame', (f) => [
      f.querySelector('.corner')!.getBoundingClientRect().right,
      f.getBoundingClientRect().left + parseFloat(getComputedStyle(f, '::before').left),
    ]);
    expect(Math.abs(label! - before!)).toBeLessThan(3);
    await page.close();
    // A map that fits has no shadow.
    const narrow = await openMap(richMap(2), 1440);
    expect(await narrow.$eval('.scroll-frame', (f) => [getComputedStyle(f, '::before').opacity, getComputedStyle(f, '::after').opacity])).toEqual(['0', '0']);
    await narrow.close();
  });
});

describe('accessibility', () => {
  const examples = readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml'));
  const maps = [...examples.map((f) => ({ name: f, source: join('examples', f) })), { name: 'a 30-stage map', source: richMap(30) }];
  for (const { name, source } of maps) {
    for (const width of [1440, 720]) {
      it(`axe finds no violation in ${name} at ${width} px`, async () => {
        const page = await openMap(source, width);
        expect(await axeViolations(page)).toEqual([]);
        await page.close();
      });
    }
  }

  it('names each scrolling region apart from its section, on the poster, the diff page and the site pages', async () => {
    const dir = tempDir();
    const pages: string[] = [];
    // A poster of 30 stages is printed in parts: each part's region has its own name.
    const { renderHtml } = await import('../src/render/html.js');
    const { htmlEngine } = await import('../src/render/html.js');
    const { validate } = await import('../src/index.js');
    const checked = await validate(richMap(30));
    const poster = renderHtml(checked.map!, { layout: htmlEngine().layout('poster'), tables: { stagesPerTable: 10, titleLines: true, pageLabels: true } });
    writeFileSync(join(dir, 'poster.html'), poster);
    pages.push(join(dir, 'poster.html'));
    expect((await run(['diff', 'examples/current-state.yaml', 'examples/future-state.yaml', '-f', 'html', '-o', join(dir, 'diff.html')])).code).toBe(0);
    pages.push(join(dir, 'diff.html'));
    await run(['site', 'examples/portfolio', '-o', join(dir, 'site')]);
    const site = join(dir, 'site');
    pages.push(join(site, 'index.html'), join(site, 'health.html'));
    const personas = readdirSync(join(site, 'personas'));
    pages.push(join(site, 'personas', personas[0]!));
    for (const file of pages) {
      const page = await open(file);
      const unique = (await axeViolations(page)).filter((v) => v.startsWith('landmark'));
      expect(unique, file).toEqual([]);
      await page.close();
    }
    const page = await open(join(dir, 'poster.html'));
    expect(await page.$$eval('.scroller', (s) => s.map((e) => e.getAttribute('aria-labelledby')))).toEqual([
      'journey-title journey-part-0',
      'journey-title journey-part-1',
      'journey-title journey-part-2',
    ]);
    expect(await page.$$eval('.scroller > .visually-hidden', (s) => s.map((e) => e.textContent))).toEqual(['Step 1–10', 'Step 11–20', 'Step 21–30']);
    await page.close();
  });
});
