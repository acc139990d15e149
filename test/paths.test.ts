// Issue 17 in the documents a browser shows and prints: a curve per persona, told apart without colour
// and named in a legend; a fork's paths as column groups under their names, their curves leaving the
// deciding stage's point and meeting the main path again; the table still well-formed for a screen
// reader; posters split, PDF read back, PNG built; every other map's HTML unchanged.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../src/browser/launch.js';
import { diffMaps } from '../src/core/diff.js';
import { pointY } from '../src/render/curve.js';
import { diffHtml } from '../src/render/diff.js';
import { renderHtml } from '../src/render/html.js';
import { sheetHtml } from '../src/render/sheets.js';
import { buildView } from '../src/render/view/build.js';
import { axeViolations } from './axe.js';
import { EXAMPLES, mapOf, run, tempDir } from './helpers.js';
import { pngSize, words, pdftotext } from './read-back.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser({ env: process.env });
});
afterAll(async () => {
  await browser?.close();
});

const TWO = `template: current-state
title: Two buyers
personas:
  - { name: Giulia }
  - { id: tomasz, name: Tomasz }
stages:
  - { name: Search, emotion: { giulia: -1, tomasz: 1 } }
  - { name: Compare, emotion: { giulia: 2, tomasz: -2 } }
  - { name: Pay, emotion: 0 }
`;

/** One persona, a fork of two paths (one of two stages) that meet again at Delivery. */
const FORK = `template: current-state
title: A fork
persona: { name: Giulia }
stages:
  - { name: Search, emotion: 0, thinking: Where? }
  - name: Decision
    emotion: -1
    thinking: Here or there?
    branches:
      - name: Buys from us
        stages:
          - { name: Checkout, emotion: 1, actions: [Pays] }
          - { name: Confirmation, emotion: 2, actions: [Reads the e-mail] }
      - name: Goes to a competitor
        stages: [{ name: Competitor shop, emotion: -2, pain_points: [We lose her] }]
    rejoin: delivery
  - { id: delivery, name: Delivery, emotion: 1, thinking: At last }
`;

async function open(html: string, width = 1440): Promise<Page> {
  const file = join(tempDir(), 'map.html');
  writeFileSync(file, html);
  const page = await browser.newPage();
  await page.setViewport({ width, height: 1000 });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return page;
}

/** The centre of each face in the curve row, by its column, with its series' look and its level. */
function faces(page: Page) {
  return page.$$eval('.curve-row', (rows) =>
    rows.flatMap((row) =>
      [...row.querySelectorAll('td.curve-cell')].flatMap((cell, column) => {
        const box = cell.getBoundingClientRect();
        return [...cell.querySelectorAll('.mark')].map((mark) => {
          const face = mark.querySelector('.face')!.getBoundingClientRect();
          return {
            column,
            classes: mark.className,
            // The face's drawing: the symbol it points at.
            shape: document.getElementById(mark.querySelector('.face use')!.getAttribute('href')!.slice(1))!.querySelector('.face-shape')!.getAttribute('d'),
            x: face.left + face.width / 2,
            y: face.top + face.height / 2,
            /** Height in the cell, in percent from its top. */
            at: ((face.top + face.height / 2 - box.top) / box.height) * 100,
          };
        });
      }),
    ),
  );
}

/** Each face's height in its cell, in percent, snapped to a level's height when within 1.5% of it (borders shift it by a pixel). */
const heights = (marks: { at: number }[]) => marks.map((m) => [14, 32, 50, 68, 86].find((y) => Math.abs(y - m.at) < 1.5) ?? m.at);

describe('several personas', () => {
  it('draw a series each, with its own dash and marker, at their scores, named in a legend', async () => {
    const page = await open(renderHtml(mapOf(TWO)));
    const marks = await faces(page);
    const giulia = marks.filter((m) => m.classes.includes('series-1'));
    const tomasz = marks.filter((m) => m.classes.includes('series-2'));
    expect(heights(giulia)).toEqual([-1, 2, 0].map(pointY));
    expect(heights(tomasz)).toEqual([1, -2, 0].map(pointY));
    expect(new Set(giulia.map((m) => m.shape)).size).toBe(1);
    expect(giulia[0]!.shape).not.toBe(tomasz[0]!.shape);
    // Where both meet (Pay, 0 each), they stand side by side, overlapping a little over the point where
    // both lines end: each line reaches its own persona's face, and both faces show.
    const pay = await page.$$eval('.curve-row td.curve-cell', (cells) => {
      const box = cells[2]!.getBoundingClientRect();
      return { x: box.left + box.width / 2, face: cells[2]!.querySelector('.face')!.getBoundingClientRect().width };
    });
    expect(Math.abs(giulia[2]!.x - tomasz[2]!.x)).toBeGreaterThanOrEqual(0.75 * pay.face);
    for (const mark of [giulia[2]!, tomasz[2]!]) expect(Math.abs(mark.x - pay.x)).toBeLessThan(pay.face / 2 - 2);
    const dashes = await page.$$eval('.curve-row .curve-line path[class^="series-"]', (paths) => [...new Set(paths.map((p) => `${p.getAttribute('class')}:${getComputedStyle(p).strokeDasharray}`))]);
    expect(dashes.sort()).toEqual(['series-1:none', 'series-2:7px, 5px']);
    const legend = await page.$$eval('.curve-key .legend-series', (items) =>
      items.map((i) => ({ name: i.textContent, line: getComputedStyle(i.querySelector('.legend-line')!).strokeDasharray, marker: i.querySelector('.legend-marker')!.getAttribute('d') })),
    );
    expect(legend.map((l) => [l.name, l.line])).toEqual([['Giulia', 'none'], ['Tomasz', '7px, 5px']]);
    expect(legend.map((l) => l.marker)).toEqual([giulia[0]!.shape, tomasz[0]!.shape]);
    // Without colour or labels beside the points, a reader has each persona's scores in text.
    const description = await page.$eval('.journey > .visually-hidden', (p) => p.textContent);
    expect(description).toBe(
      'Emotion curve (Giulia): Search: negative (−1); Compare: very positive (+2); Pay: neutral (0). Emotion curve (Tomasz): Search: positive (+1); Compare: very negative (−2); Pay: neutral (0).',
    );
    expect(await page.$$('.point-label')).toHaveLength(0);
    // Each persona's card shows its marker and line, as the legend does.
    expect(await page.$$eval('.persona', (cards) => cards.map((c) => [c.querySelector('h2')!.id, c.querySelector('h2')!.textContent!.trim(), c.querySelector('.legend-marker')!.getAttribute('d')]))).toEqual([
      ['persona-title', `Persona Giulia`, giulia[0]!.shape],
      ['persona-title-2', `Persona Tomasz`, tomasz[0]!.shape],
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('leave a map of one persona, or none, as it was: no legend, no extra stylesheet', () => {
    for (const yaml of [FORK.replace(/    branches:[\s\S]*?rejoin: delivery\n/, ''), 'template: current-state\ntitle: T\nstages: [{ name: A, emotion: 1 }]\n']) {
      const html = renderHtml(mapOf(yaml));
      expect(html).not.toContain('curve-key');
      expect(html).not.toContain('path-col');
    }
  });
});

describe('a fork', () => {
  it('puts each path’s stages in columns after the decision, under a heading naming the path', async () => {
    const page = await open(renderHtml(mapOf(FORK)));
    const head = await page.$$eval('table.map thead tr', (rows) => rows.map((r) => [...r.children].map((c) => `${c.tagName}:${c.getAttribute('scope') ?? ''}:${c.getAttribute('colspan') ?? 1}:${c.textContent!.replace(/\s+/g, ' ').trim()}`)));
    expect(head).toEqual([
      ['TD::1:', 'TD::2:', 'TH:colgroup:2:2a Buys from us', 'TH:colgroup:1:2b Goes to a competitor', 'TD::1:'],
      ['TH:col:1:Step 1Search', 'TH:col:1:Step 2Decision', 'TH:col:1:Step 2a.1Checkout', 'TH:col:1:Step 2a.2Confirmation', 'TH:col:1:Step 2b.1Competitor shop', 'TH:col:1:Step 3Delivery'],
    ]);
    // Each path is a column group, so its heading's scope is that group.
    expect(await page.$$eval('table.map colgroup', (groups) => groups.map((g) => g.children.length))).toEqual([1, 2, 2, 1, 1]);
    // A lane's cells are in their own stage's column.
    const cells = await page.$$eval('tr[data-lane="actions"] td', (tds) => tds.map((td) => td.textContent!.trim()));
    expect(cells).toEqual(['', '', 'Pays', 'Reads the e-mail', '', '']);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('keeps the table well-formed: every cell has a row header and column headers, a path’s cells their path’s too', async () => {
    const page = await open(renderHtml(mapOf(FORK)));
    const problems = await page.$eval('table.map', (table) => {
      // The HTML table model: each cell's slots, with row and column spans.
      const grid: (HTMLTableCellElement | undefined)[][] = [];
      [...table.querySelectorAll('tr')].forEach((tr, r) => {
        let c = 0;
        for (const cell of tr.children as HTMLCollectionOf<HTMLTableCellElement>) {
          while (grid[r]?.[c]) c++;
          for (let dr = 0; dr < cell.rowSpan; dr++) for (let dc = 0; dc < cell.colSpan; dc++) ((grid[r + dr] ??= [])[c + dc] = cell);
          c += cell.colSpan;
        }
      });
      const widths = new Set(grid.map((row) => row.length));
      const out: string[] = widths.size === 1 ? [] : [`rows of ${[...widths].join(', ')} slots`];
      const body = [...table.querySelectorAll<HTMLTableRowElement>('tbody tr')].map((tr) => [...table.querySelectorAll('tr')].indexOf(tr));
      for (const r of body) {
        grid[r]!.forEach((cell, c) => {
          if (!cell || cell.tagName !== 'TD' || cell.colSpan > 1) return;
          const rowHead = grid[r]!.find((x) => x?.tagName === 'TH' && x.scope === 'row');
          const colHeads = grid.slice(0, 2).map((row) => row[c]).filter((x) => x?.tagName === 'TH');
          if (!rowHead) out.push(`no row header at ${r},${c}`);
          if (!colHeads.length) out.push(`no column header at ${r},${c}`);
          const path = cell.classList.contains('path-col');
          if (path !== colHeads.some((h) => h!.scope === 'colgroup')) out.push(`path header mismatch at ${r},${c}`);
        });
      }
      return out;
    });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('splits the curve at the decision and meets again at the rejoin, each path in its own dash', async () => {
    const page = await open(renderHtml(mapOf(FORK)));
    const marks = await faces(page);
    // Columns: Search, Decision, Checkout, Confirmation, Competitor shop, Delivery.
    expect(marks.map((m) => m.column)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(heights(marks)).toEqual([0, -1, 1, 2, -2, 1].map(pointY));
    expect(marks.map((m) => /series-(\d)/.exec(m.classes)![1])).toEqual(['1', '1', '2', '2', '3', '1']);
    // Each series' line, as points on the page: where it starts and ends.
    const lines = await page.$$eval('.curve-row .curve-line path[class^="series-"]', (paths) =>
      paths.map((p) => {
        const path = p as SVGPathElement;
        const m = path.getScreenCTM()!;
        const at = (len: number) => {
          const pt = path.getPointAtLength(len);
          return { x: m.a * pt.x + m.c * pt.y + m.e, y: m.b * pt.x + m.d * pt.y + m.f };
        };
        return { style: p.getAttribute('class')!, dash: getComputedStyle(p).strokeDasharray, column: [...p.closest('tr')!.children].indexOf(p.closest('td')!) - 1, start: at(0), end: at(path.getTotalLength()) };
      }),
    );
    const near = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y) < 3;
    const [decision, confirmation, competitor, delivery] = [marks[1]!, marks[3]!, marks[4]!, marks[5]!];
    // A path's line joins the decision or the rejoin only where that is its neighbour: it never crosses
    // another path's columns, and never ends in a stub short of a column's edge.
    const ends = (style: string) => {
      const own = lines.filter((l) => l.style.split(' ')[0] === style);
      return { columns: [...new Set(own.map((l) => l.column))], start: own[0]!.start, end: own[own.length - 1]!.end };
    };
    const buys = ends('series-2');
    expect(buys.columns).toEqual([1, 2, 3]);
    expect(near(buys.start, decision), 'Buys from us starts at the decision').toBe(true);
    expect(near(buys.end, confirmation), 'Buys from us ends at its last point').toBe(true);
    const competes = ends('series-3');
    expect(competes.columns).toEqual([4, 5]);
    expect(near(competes.start, competitor), 'Goes to a competitor starts at its own point').toBe(true);
    expect(near(competes.end, delivery), 'Goes to a competitor ends at the rejoin').toBe(true);
    // The main path says it goes on with a faint level stub out of the decision and one into the next
    // main stage, and draws nothing over the paths' columns (a line there would read as a score).
    const main = lines.filter((l) => l.style.startsWith('series-1'));
    const bridge = main.filter((l) => l.style.includes('over'));
    expect(bridge.map((l) => l.column)).toEqual([1, 5]);
    expect(main.filter((l) => l.column >= 2 && l.column <= 4)).toEqual([]);
    expect(near(bridge[0]!.start, decision) && near(bridge[1]!.end, delivery)).toBe(true);
    expect(bridge[0]!.end.y).toBeCloseTo(decision.y, 0);
    expect(bridge[1]!.start.y).toBeCloseTo(delivery.y, 0);
    const faint = await page.$$eval('.curve-line path.over', (paths) => paths.map((p) => Number(getComputedStyle(p).opacity)));
    expect(Math.max(...faint)).toBeLessThan(0.6);
    expect(new Set(lines.map((l) => `${l.style.split(' ')[0]}:${l.dash}`))).toEqual(new Set(['series-1:none', 'series-2:7px, 5px', 'series-3:0.1px, 5px']));
    // The legend names the main path and each path beside its line; with one persona each point keeps its words.
    expect(await page.$$eval('.curve-key .legend-series', (items) => items.map((i) => i.textContent))).toEqual(['Main path', 'Buys from us', 'Goes to a competitor']);
    expect(await page.$$eval('.point-label', (labels) => labels.map((l) => l.textContent!.trim()))).toEqual(['0 neutral', '−1 negative', '+1 positive', '+2 very positive', '−2 very negative', '+1 positive']);
    const description = await page.$eval('.journey > .visually-hidden', (p) => p.textContent);
    expect(description).toContain('Checkout (Buys from us): positive (+1); Confirmation (Buys from us): very positive (+2); Competitor shop (Goes to a competitor): very negative (−2); Delivery: positive (+1).');
    await page.close();
  });

  it('without rejoin, ends each path with its last stage', () => {
    // The competitor's path (column 4) lies past the other path's columns from the decision (column 1):
    // its line does not cross them, so with one stage and no rejoin it is its point alone.
    const view = buildView(mapOf(FORK.replace('    rejoin: delivery\n', '')));
    const branchLines = (column: number) => view.curve.columns[column]!.lines.filter((l) => l.series.includes('/')).map((l) => `${l.series} ${l.path}`);
    expect(branchLines(3)).toEqual([`map/decision/buys-from-us M0,${(pointY(1) + pointY(2)) / 2} L50,${pointY(2)}`]);
    expect(branchLines(4)).toEqual([]);
    expect(branchLines(5)).toEqual([]);
    // No line crosses another path's columns; the main path leaves and comes back with a level stub each.
    const over = view.curve.columns.flatMap((c, column) => c.lines.filter((l) => l.over).map((l) => `${column} ${l.series} ${l.path}`));
    expect(over).toEqual([`1 map M50,${pointY(-1)} L100,${pointY(-1)}`, `5 map M0,${pointY(1)} L50,${pointY(1)}`]);
    for (const line of view.curve.columns.flatMap((c) => c.lines)) expect(line.path).not.toMatch(/M(?!0,|50,)|L(?!100,|50,)/);
  });

  it('draws the fork on every sheet of a poster split into parts, each naming its paths', async () => {
    const map = mapOf(FORK);
    const page = await browser.newPage();
    await page.emulateMediaType('print');
    await page.setContent(sheetHtml(map, {}, 'poster', { stagesPerTable: 3 }));
    const sheets = await page.$$eval('table.map', (tables) =>
      tables.map((t) => ({
        paths: [...t.querySelectorAll('th[scope="colgroup"]')].map((th) => th.textContent!.replace(/\s+/g, ' ').trim()),
        stages: [...t.querySelectorAll('th[scope="col"] .stage-name')].map((s) => s.textContent),
        faces: t.querySelectorAll('.curve-row .mark').length,
      })),
    );
    expect(sheets).toEqual([
      { paths: ['2a Buys from us'], stages: ['Search', 'Decision', 'Checkout'], faces: 3 },
      { paths: ['2a Buys from us', '2b Goes to a competitor'], stages: ['Confirmation', 'Competitor shop', 'Delivery'], faces: 3 },
    ]);
    expect(await page.$$eval('.title-line', (lines) => lines.length)).toBe(2);
    await page.close();
  });
});

describe('the diff page', () => {
  it('shows branch stages as columns after their fork, with both curves along each path', async () => {
    const after = FORK.replace('{ name: Competitor shop, emotion: -2, pain_points: [We lose her] }', '{ name: Competitor shop, emotion: -1, pain_points: [We lose her, Price] }');
    const page = await open(diffHtml(diffMaps(mapOf(FORK), mapOf(after)), ['before.yaml', 'after.yaml']));
    const heads = await page.$$eval('table.map thead th', (ths) => ths.map((th) => th.textContent!.replace(/\s+/g, ' ').trim()));
    expect(heads).toEqual(['Search', 'Decision', 'Decision → Buys from usCheckout', 'Decision → Buys from usConfirmation', 'Decision → Goes to a competitorCompetitor shop', 'Delivery']);
    expect(await page.$$eval('tr[data-lane="pain_points"] td ins', (ins) => ins.map((i) => i.textContent))).toEqual(['Price']);
    // Each column has both maps' points (the earlier hollow and dashed, the later filled), the shop's a level apart.
    const marks = await faces(page);
    expect(marks.map((m) => m.column)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(heights(marks.filter((m) => m.column === 4))).toEqual([pointY(-2), pointY(-1)]);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('examples/rich-map.yaml', () => {
  const file = join(EXAMPLES, 'rich-map.yaml');

  it('passes axe at 1440 and 720 px, legend and fork included', async () => {
    const dir = tempDir();
    const out = join(dir, 'rich.html');
    expect((await run(['build', file, '-o', out])).code).toBe(0);
    for (const width of [1440, 720]) {
      const page = await open(readFileSync(out, 'utf8'), width);
      expect(await page.$$eval('.curve-key .legend-series', (items) => items.map((i) => i.textContent))).toEqual(['Giulia', 'Tomasz', 'Main path', 'Buys from us', 'Goes to a competitor']);
      expect(await axeViolations(page), `${width} px`).toEqual([]);
      // Each path's heading is one line at the width of a laptop's window: its label, line and name.
      if (width === 1440) {
        const heads = await page.$$eval('th.path-head', (ths) => ths.map((th) => ({ text: th.textContent!.trim(), lines: new Set([...th.children].map((c) => Math.round(c.getBoundingClientRect().bottom))).size, names: th.querySelector('.path-name')!.getClientRects().length })));
        expect(heads).toEqual([
          { text: expect.stringContaining('Buys from us'), lines: 1, names: 1 },
          { text: expect.stringContaining('Goes to a competitor'), lines: 1, names: 1 },
        ]);
      }
      await page.close();
    }
  });

  it('prints both personas and both paths in the PDF, and builds a PNG', async () => {
    const dir = tempDir();
    const result = await run(['build', file, '-f', 'pdf,png', '-d', dir]);
    expect(result.code, result.stderr).toBe(0);
    const text = words(pdftotext(join(dir, 'rich-map.pdf')));
    for (const phrase of ['Persona Giulia 34, amateur runner', 'Persona Tomasz 45, marathon runner', 'Buys from us', 'Goes to a competitor', 'Checkout', 'Competitor shop', 'Main path']) expect(text).toContain(phrase);
    const png = pngSize(join(dir, 'rich-map.png'));
    expect(png.width).toBeGreaterThan(png.height);
  });
});
