// The emotion curve and the diff chart in a real Chromium: faces that differ by level, each label on
// its own point's side of the midline, the scale in the map's locale, gaps, and the diff's two curves
// in the columns of its changes table, told apart without colour.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../src/browser/launch.js';
import { loadMap } from '../src/core/load.js';
import { buildCurveView } from '../src/render/curve.js';
import { sheetHtml } from '../src/render/sheets.js';
import { UI } from '../src/core/locale.js';
import { axeViolations } from './axe.js';
import { run, tempDir } from './helpers.js';
import { TEMPLATES } from '../src/templates/registry.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser({ env: process.env });
});
afterAll(async () => {
  await browser?.close();
});

/** Every level, a stage with no score between two scored ones, and a climb back to the top. */
const FIVE = `template: current-state
title: Five levels
persona: { name: Giulia }
stages:
  - { name: Delighted, emotion: 2, thinking: Great }
  - { name: Happy, emotion: 1, thinking: Good }
  - { name: Neutral, emotion: 0, thinking: OK }
  - { name: Unscored, thinking: Hmm }
  - { name: Worried, emotion: -1, thinking: Bad }
  - { name: Frustrated, emotion: -2, thinking: Awful }
  - { name: Back up, emotion: 2, thinking: Yay }
`;
const LEVELS = ['p2', 'p1', 'z', 'm1', 'm2'];

function file(name: string, text: string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, text);
  return path;
}

async function open(path: string, width = 1440): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width, height: 1000 });
  await page.goto(pathToFileURL(path).href, { waitUntil: 'load' });
  return page;
}

async function built(yaml: string, width = 1440): Promise<Page> {
  const map = file('map.yaml', yaml);
  const out = map.replace(/\.yaml$/, '.html');
  const result = await run(['build', map, '-o', out]);
  expect(result.code, result.stderr).toBe(0);
  return open(out, width);
}

/** A printed sheet as PDF and PNG lay it out: the poster layout, print media and the print stylesheet. */
async function printed(yaml: string, stagesPerTable?: number): Promise<Page> {
  const loaded = loadMap('map.yaml', yaml, { templates: TEMPLATES });
  if (!loaded.ok) throw new Error('invalid map');
  const page = await browser.newPage();
  await page.emulateMediaType('print');
  await page.setViewport({ width: 1400, height: 1000 });
  await page.setContent(sheetHtml(loaded.map, {}, 'poster', { stagesPerTable }));
  // The narrowest columns a sheet is ever given (120 px a stage), where labels are most crowded.
  await page.evaluate(() => document.documentElement.style.setProperty('--sheet-w', `${200 + 7 * 120}px`));
  return page;
}

interface Geometry {
  level: string;
  label: string;
  face: { top: number; bottom: number; left: number; right: number; cy: number; cx: number };
  box: { top: number; bottom: number; left: number; right: number } | null;
  mid: number;
  cell: { top: number; bottom: number; left: number; right: number };
}

/** Each point's face, its label and its cell's midline, in page coordinates. */
function geometry(page: Page): Promise<Geometry[]> {
  return page.$$eval('.curve-cell .mark', (marks) =>
    marks.map((mark) => {
      const rect = (e: Element) => {
        const r = e.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, cy: (r.top + r.bottom) / 2, cx: (r.left + r.right) / 2 };
      };
      const cell = mark.closest('td')!.getBoundingClientRect();
      const label = mark.querySelector('.emotion-label');
      return {
        level: [...mark.classList].find((c) => c.startsWith('level-'))!.slice(6),
        label: label?.textContent ?? '',
        face: rect(mark.querySelector('.face')!),
        box: label && rect(label),
        mid: (cell.top + cell.bottom) / 2,
        cell: { top: cell.top, bottom: cell.bottom, left: cell.left, right: cell.right },
      };
    }),
  );
}

function expectLabelsBesideTheirPoints(points: Geometry[]): void {
  expect(points.map((p) => p.level)).toEqual(['p2', 'p1', 'z', 'm1', 'm2', 'p2']);
  for (const p of points) {
    const box = p.box!;
    const where = `${p.label} (${JSON.stringify(box)}, face ${JSON.stringify(p.face)}, midline ${p.mid})`;
    // Above the midline for a high point, below it for a low one; a neutral point's label is just under it.
    if (p.face.cy < p.mid - 1) expect(box.bottom, where).toBeLessThanOrEqual(p.mid);
    if (p.face.cy > p.mid + 1) expect(box.top, where).toBeGreaterThanOrEqual(p.mid);
    if (Math.abs(p.face.cy - p.mid) <= 1) expect(box.top, where).toBeGreaterThanOrEqual(p.face.bottom - 0.5);
    // Clear of its face, yet beside it: centred on it and no more than a few pixels away.
    const overlaps = box.top < p.face.bottom - 0.5 && box.bottom > p.face.top + 0.5;
    expect(overlaps, where).toBe(false);
    expect(Math.min(Math.abs(box.top - p.face.bottom), Math.abs(p.face.top - box.bottom)), where).toBeLessThanOrEqual(4);
    expect(Math.abs((box.left + box.right) / 2 - p.face.cx), where).toBeLessThanOrEqual(1);
    // Inside its own cell: its row, and its column.
    expect(box.top, where).toBeGreaterThanOrEqual(p.cell.top);
    expect(box.bottom, where).toBeLessThanOrEqual(p.cell.bottom);
    expect(box.left, where).toBeGreaterThanOrEqual(p.cell.left);
    expect(box.right, where).toBeLessThanOrEqual(p.cell.right);
  }
}

describe('the emotion curve', () => {
  it('puts each label beside its own point, on the same side of the midline, for all five levels', async () => {
    const page = await built(FIVE);
    const points = await geometry(page);
    expectLabelsBesideTheirPoints(points);
    expect(points.map((p) => p.label)).toEqual(['+2 very positive', '+1 positive', '0 neutral', '−1 negative', '−2 very negative', '+2 very positive']);
    // Higher for better: each level a step below the one before.
    const ys = points.slice(0, 5).map((p) => p.face.cy - p.mid);
    for (let i = 1; i < 5; i++) expect(ys[i]!).toBeGreaterThan(ys[i - 1]! + 10);
    expect(Math.abs(ys[2]!)).toBeLessThanOrEqual(1);
    // The face sits at the middle of its column.
    for (const p of points) expect(Math.abs(p.face.cx - (p.cell.left + p.cell.right) / 2)).toBeLessThanOrEqual(1);
    await page.close();
  });

  it('keeps labels beside their points in print (PDF and PNG), in the narrowest columns, at no less than 12.48 px', async () => {
    // Polish has the longest words: "−2 bardzo negatywne" takes two lines in a 120 px column.
    for (const locale of ['en', 'pl']) {
      const page = await printed(FIVE.replace('title: Five levels', `title: Five levels\nlocale: ${locale}`));
      expectLabelsBesideTheirPoints(await geometry(page));
      const sizes = await page.$$eval('.emotion-label, .scale-level', (els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize)));
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12.48);
      // The scale's words stay whole, each on one line, inside the label column.
      const scale = await page.$$eval('.scale-level', (els) => els.map((e) => e.getBoundingClientRect().height));
      expect(Math.max(...scale), locale).toBeLessThan(20);
      expect(await page.$eval('.curve-head', (th) => th.scrollWidth <= th.clientWidth + 1)).toBe(true);
      await page.close();
    }
  });

  it('draws a face per level that differs in shape, not only in colour, each face defined once in the document', async () => {
    const page = await built(FIVE);
    const faces = await page.$$eval('.curve-cell .mark', (marks) =>
      marks.map((m) => {
        // A face points at its drawing, a symbol of the same document.
        const href = m.querySelector('svg.face use')?.getAttribute('href') ?? '';
        const symbol = href.startsWith('#') ? document.getElementById(href.slice(1)) : null;
        return {
          level: [...m.classList].find((c) => c.startsWith('level-')),
          // The drawing alone: the paths' geometry, without any colour (told apart in grey too).
          shape: symbol ? [...symbol.querySelectorAll('path')].map((p) => `${p.getAttribute('class')} ${p.getAttribute('d')}`).join(' | ') : null,
          hidden: m.querySelector('.face')!.getAttribute('aria-hidden'),
          symbol: symbol?.tagName ?? null,
        };
      }),
    );
    expect(faces.every((f) => f.hidden === 'true' && f.symbol === 'symbol')).toBe(true);
    expect(new Set(faces.slice(0, 5).map((f) => f.shape)).size).toBe(5);
    expect(faces[5]!.shape).toBe(faces[0]!.shape);
    // Each drawing once: a symbol per level used, however many points wear it.
    const html = await page.content();
    expect(html.match(/<symbol id="f1-/g)).toHaveLength(5);
    expect(html.match(/<use href="#f1-/g)).toHaveLength(faces.length);
    // No emoji: the faces are drawn, so every platform shows the same.
    expect(await page.$eval('.curve-row', (r) => /\p{Extended_Pictographic}/u.test(r.textContent ?? ''))).toBe(false);
    await page.close();
  });

  it('has a scale of the five levels beside the row label, at the heights of the points, in the map\u2019s locale', async () => {
    for (const [locale, words] of [
      ['en', ['very positive', 'positive', 'neutral', 'negative', 'very negative']],
      ['it', ['molto positiva', 'positiva', 'neutra', 'negativa', 'molto negativa']],
      ['pl', ['bardzo pozytywne', 'pozytywne', 'neutralne', 'negatywne', 'bardzo negatywne']],
    ] as const) {
      const page = await built(FIVE.replace('title: Five levels', `title: Five levels\nlocale: ${locale}`));
      const scale = await page.$$eval('.curve-head .scale-level', (els) => els.map((e) => ({ text: e.textContent, cy: (e.getBoundingClientRect().top + e.getBoundingClientRect().bottom) / 2, right: e.getBoundingClientRect().right })));
      expect(scale.map((s) => s.text)).toEqual(words);
      const faces = (await geometry(page)).slice(0, 5);
      scale.forEach((s, i) => expect(Math.abs(s.cy - faces[i]!.face.cy), `${locale} ${s.text}`).toBeLessThanOrEqual(1.5));
      // In the label column, each word whole, left of the stage columns.
      const column = await page.$eval('.curve-head', (th) => ({ right: th.getBoundingClientRect().right }));
      for (const s of scale) expect(s.right).toBeLessThanOrEqual(column.right);
      expect(await page.$eval('.curve-head', (th) => th.scrollWidth <= th.clientWidth + 1)).toBe(true);
      // The row is still named by its label alone; the scale is for the eye, the description for screen readers.
      expect(await page.$eval('.curve-scale', (e) => e.getAttribute('aria-hidden'))).toBe('true');
      await page.close();
    }
  });

  it('leaves a gap at a stage with no score, and says so', async () => {
    const page = await built(FIVE);
    const columns = await page.$$eval('.curve-cell', (cells) =>
      cells.map((c) => ({ marks: c.querySelectorAll('.mark').length, text: c.querySelector('.emotion-label.none')?.textContent ?? null, paths: [...c.querySelectorAll('.curve-line path[class^="series-"]')].map((p) => p.getAttribute('d')) })),
    );
    expect(columns.map((c) => c.marks)).toEqual([1, 1, 1, 0, 1, 1, 1]);
    expect(columns[3]).toEqual({ marks: 0, text: 'no score', paths: [] });
    // The neighbours' lines stop at their own points, not at the gap's edge.
    expect(columns[2]!.paths).toEqual(['M0,41 L50,50']);
    expect(columns[4]!.paths).toEqual(['M50,68 L100,77']);
    expect(await page.$eval('.journey .visually-hidden', (e) => e.textContent)).toContain('Unscored: no score; Worried: negative (−1)');
    await page.close();
  });

  it('draws each table\u2019s own part of the curve when a poster splits the map', async () => {
    const page = await printed(FIVE, 3);
    const tables = await page.$$eval('table.map', (ts) => ts.map((t) => ({ stages: t.querySelectorAll('thead th[scope="col"]').length, cells: t.querySelectorAll('.curve-cell').length, labels: [...t.querySelectorAll('.curve-cell .emotion-label')].map((l) => l.textContent) })));
    expect(tables).toEqual([
      { stages: 3, cells: 3, labels: ['+2 very positive', '+1 positive', '0 neutral'] },
      { stages: 3, cells: 3, labels: ['no score', '−1 negative', '−2 very negative'] },
      { stages: 1, cells: 1, labels: ['+2 very positive'] },
    ]);
    await page.close();
  });

  it('keeps its row in line with the columns and its labels pinned while a wide map scrolls', async () => {
    const stages = Array.from({ length: 30 }, (_, i) => `  - { name: Stage ${i + 1}, emotion: ${(i % 5) - 2} }`);
    const page = await built(`template: current-state\ntitle: Thirty\nstages:\n${stages.join('\n')}\n`, 720);
    const before = await page.$eval('.curve-head', (e) => e.getBoundingClientRect().left);
    await page.$eval('.scroller', (s) => s.scrollBy(3000, 0));
    expect(await page.$eval('.curve-head', (e) => e.getBoundingClientRect().left)).toBe(before);
    const offsets = await page.$$eval('thead th[scope="col"]', (ths) => {
      const faces = [...document.querySelectorAll('.curve-cell .face')];
      return ths.map((th, i) => {
        const a = th.getBoundingClientRect();
        const b = faces[i]!.getBoundingClientRect();
        return Math.abs((a.left + a.right) / 2 - (b.left + b.right) / 2);
      });
    });
    expect(Math.max(...offsets)).toBeLessThanOrEqual(1);
    // The scale's words stay in front of the faces that scroll under the pinned column.
    const onTop = await page.$$eval('.scale-level', (els) =>
      els.every((e) => {
        const r = e.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + 2, (r.top + r.bottom) / 2);
        return hit !== null && e.contains(hit);
      }),
    );
    expect(onTop).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.close();
  });

  it('adds no accessibility violation, with the text of the curve at 4.5:1 or more', async () => {
    for (const width of [1440, 720]) {
      const page = await built(FIVE, width);
      // landmark-unique on .journey is the map section's own, fixed elsewhere.
      expect((await axeViolations(page)).filter((v) => !v.startsWith('landmark-unique:'))).toEqual([]);
      await page.close();
    }
  });
});

describe('series', () => {
  it('are data: each has its own dash pattern and marker, and several series meeting at a point stand side by side', () => {
    const curve = buildCurveView(
      [
        { key: 'giulia', name: 'Giulia', scores: [1, -1, null] },
        { key: 'marco', name: 'Marco', scores: [1, 0, 2] },
        { key: 'ana', name: 'Ana', scores: [1, null, 2] },
      ],
      UI.en,
    );
    expect(curve.series.map((s) => [s.key, s.style])).toEqual([['giulia', 1], ['marco', 2], ['ana', 3]]);
    expect(new Set(curve.series.map((s) => s.shape)).size).toBe(3);
    expect(curve.labels).toBe(false);
    expect(curve.legend).toBe(true);
    expect(curve.columns.map((c) => c.marks.map((m) => [m.series, m.shift]))).toEqual([
      [['giulia', -1], ['marco', 0], ['ana', 1]],
      [['giulia', 0], ['marco', 0]],
      [['marco', -0.5], ['ana', 0.5]],
    ]);
    expect(curve.columns.map((c) => c.gap)).toEqual([false, false, false]);
    expect(() => buildCurveView(Array.from({ length: 6 }, (_, i) => ({ key: `p${i}`, name: `P${i}`, scores: [0] })), UI.en)).toThrow('at most 5');
  });
});

const BEFORE = `template: current-state
title: Shoes
stages:
  - { name: Search, emotion: -1 }
  - { name: Compare, emotion: 0 }
  - { name: Pay, emotion: -2 }
  - { name: Delivery and first run with a long name, emotion: 1 }
`;
const AFTER = `template: current-state
title: Shoes (plan)
stages:
  - { name: Search, emotion: 1 }
  - { name: Compare, emotion: 0 }
  - { name: Pay, emotion: 2 }
  - { name: Delivery and first run with a long name, emotion: 2 }
`;

async function diffPage(width: number, before = BEFORE, after = AFTER): Promise<Page> {
  const dir = tempDir();
  writeFileSync(join(dir, 'before.yaml'), before);
  writeFileSync(join(dir, 'after.yaml'), after);
  const result = await run(['diff', 'before.yaml', 'after.yaml', '-f', 'html', '-o', 'diff.html'], { cwd: dir });
  expect(result.code, result.stderr).toBe(0);
  return open(join(dir, 'diff.html'), width);
}

describe('the diff chart', () => {
  it('puts each point in its stage\u2019s column, across the full width, with every stage name in full', async () => {
    for (const width of [1440, 720]) {
      const page = await diffPage(width);
      const columns = await page.$$eval('thead th[scope="col"]', (ths) =>
        ths.map((th, i) => {
          const r = th.getBoundingClientRect();
          const cell = document.querySelectorAll('.curve-cell')[i]!;
          const marks = [...cell.querySelectorAll('.mark')].map((m) => m.querySelector('.face')!.getBoundingClientRect()).map((f) => (f.left + f.right) / 2);
          return { centre: (r.left + r.right) / 2, marks };
        }),
      );
      expect(columns).toHaveLength(4);
      for (const { centre, marks } of columns) {
        expect(marks).toHaveLength(2);
        // Two points at different heights sit on the column's centre; two at one height (Compare) straddle it.
        const middle = marks.reduce((a, b) => a + b, 0) / marks.length;
        expect(Math.abs(middle - centre), `${width}: ${marks} vs ${centre}`).toBeLessThanOrEqual(2);
      }
      expect(columns.filter((c) => c.marks.every((m) => Math.abs(m - c.centre) <= 2))).toHaveLength(3);
      // The last stage's name is whole: inside its header, not clipped or cut short.
      const last = await page.$eval('thead th[scope="col"]:last-child', (th) => {
        const name = th.querySelector('.stage-name')!;
        const a = name.getBoundingClientRect();
        const b = th.getBoundingClientRect();
        return { text: name.textContent, inside: a.left >= b.left - 0.5 && a.right <= b.right + 0.5, clipped: th.scrollWidth > th.clientWidth + 1 };
      });
      expect(last).toEqual({ text: 'Delivery and first run with a long name', inside: true, clipped: false });
      // The chart is the table's row: it spans the table, which fills its box.
      const widths = await page.$eval('.scroller', (s) => ({ box: s.clientWidth, table: s.querySelector('table')!.getBoundingClientRect().width, row: s.querySelector('.curve-row')!.getBoundingClientRect().width }));
      expect(widths.row).toBe(widths.table);
      if (width === 1440) expect(widths.table).toBeGreaterThanOrEqual(widths.box - 2);
      await page.close();
    }
  });

  it('tells its two curves apart without colour: dashes, markers and a legend', async () => {
    const page = await diffPage(1440);
    const look = await page.evaluate(() => {
      const path = (series: number) => getComputedStyle(document.querySelector(`.curve-line .series-${series}`)!).strokeDasharray;
      // A face's drawing is the symbol it points at; its fill, the colour its mark gives it.
      const symbol = (series: number) => document.getElementById(document.querySelector(`.mark.series-${series} .face use`)!.getAttribute('href')!.slice(1))!;
      const marker = (series: number) => symbol(series).querySelector('.face-shape')!.getAttribute('d');
      const fill = (series: number) => getComputedStyle(document.querySelector(`.mark.series-${series}`)!).getPropertyValue('--face-bg').trim();
      return {
        dashes: [path(1), path(2)],
        markers: [marker(1), marker(2)],
        fills: [fill(1), fill(2)],
        legend: [...document.querySelectorAll('.curve-legend .legend-series')].map((e) => ({ name: e.textContent, dash: getComputedStyle(e.querySelector('.legend-line')!).strokeDasharray, marker: e.querySelector('.legend-marker')!.getAttribute('d') })),
      };
    });
    expect(look.dashes[0]).toBe('none');
    expect(look.dashes[1]).not.toBe('none');
    expect(look.markers[0]).not.toBe(look.markers[1]);
    expect(look.fills[1]).toBe('#fff'); // the earlier curve's markers are hollow
    expect(look.fills[0]).not.toBe(look.fills[1]);
    expect(look.legend).toEqual([
      { name: 'before.yaml', dash: look.dashes[1], marker: look.markers[1] },
      { name: 'after.yaml', dash: look.dashes[0], marker: look.markers[0] },
    ]);
    expect(await page.$eval('.journey .visually-hidden', (e) => e.textContent)).toBe(
      'Emotion curve (before.yaml): Search: negative (−1); Compare: neutral (0); Pay: very negative (−2); Delivery and first run with a long name: positive (+1). ' +
        'Emotion curve (after.yaml): Search: positive (+1); Compare: neutral (0); Pay: very positive (+2); Delivery and first run with a long name: very positive (+2).',
    );
    await page.close();
  });

  it('adds no accessibility violation', async () => {
    for (const width of [1440, 720]) {
      const page = await diffPage(width);
      expect((await axeViolations(page)).filter((v) => !v.startsWith('landmark-unique:'))).toEqual([]);
      await page.close();
    }
  });
});
