// The map laid out in parts ("sheets") that each fit one page, for the formats a browser makes (PDF,
// PNG). A sheet is one table of the map (.scroller: stage names, emotion curve, lanes, and on a poster
// a title line). Its width is chosen in the page so that it fills the page's width and height alike;
// when that would print text under 6 pt, the map is split into sheets of fewer stages.
import type { Page } from 'puppeteer-core';
import { BrowserError } from '../browser/launch.js';
import type { JourneyMap } from '../core/model.js';
import { RenderError } from './errors.js';
import { LayoutError } from './handlebars.js';
import { htmlEngine, renderHtml } from './html.js';
import type { RenderContext } from './options.js';
import { mapColumns } from './view/columns.js';
import type { TableOptions } from './view/tables.js';

/** 6 pt in CSS pixels (96 per inch, 72 pt per inch): no printed text is smaller. */
export const MIN_TEXT_PX = 8;
/** How narrow and how wide a stage's column may be laid out, in CSS pixels. */
const STAGE_WIDTH = { min: 120, max: 416, flowing: 200 };

export type SheetStyle = 'poster' | 'document';

/** The HTML a browser prints: the poster layout (or the document), and the print stylesheet. */
export function sheetHtml(map: JourneyMap, context: Pick<RenderContext, 'layout' | 'theme'>, style: SheetStyle, tables: TableOptions, css = ''): string {
  const poster = style === 'poster';
  const layout = poster ? htmlEngine().layout('poster') : context.layout;
  const html = renderHtml(map, { layout, theme: context.theme, tables: { titleLines: poster, pageLabels: poster, ...tables } });
  return html.replace('</head>', `<style>\n${htmlEngine().styles.print ?? ''}${css}</style>\n</head>`);
}

export interface Fit {
  /** How much the sheets are scaled to fit the area. */
  scale: number;
  /** The sheets' width in CSS pixels at that scale, the width that fits the area best. */
  width: number;
  /** The smallest text on the page, in CSS pixels before scaling. */
  minFont: number;
  /** The lane questions' column, in CSS pixels. */
  label: number;
  /** The look the sheets are laid out in (pictures' height, density). */
  look: Look;
}

/**
 * The looks tried on a printed page, in turn, while the text would print under 6 pt: the stage
 * pictures shrink first (their height), then the map grows denser (less padding, a shorter curve,
 * tighter lines: print.css's `dense-1`, `dense-2`), so text shrinks last. Without pictures only the
 * densities are tried.
 */
const LOOKS = [
  { image: '8.5rem', dense: 0 },
  { image: '6rem', dense: 0 },
  { image: '4rem', dense: 0 },
  { image: '4rem', dense: 1 },
  { image: '2.5rem', dense: 1 },
  { image: '2.5rem', dense: 2 },
];
export type Look = (typeof LOOKS)[number];

/**
 * Lays the loaded document's sheets out at the width where they fit `area` (CSS pixels) best, in the
 * first of `looks` that keeps its text at 6 pt or more (else the one that comes nearest). Every try is a
 * real layout in the page, measured as it is (a sheet's width includes anything that overflows it,
 * such as a long word), all in one call.
 */
async function fitSheets(page: Page, area: { width: number; height: number }, maxScale: number, looks: Look[]): Promise<Fit | undefined> {
  return page.evaluate(
    (W, H, maxScale, stageMin, stageMax, looks, minText) => {
      const root = document.documentElement;
      const sheets = [...document.querySelectorAll<HTMLElement>('.scroller')];
      if (!sheets.length) return undefined; // a custom layout without the map
      // A document's heading above the map goes on the first sheet's page.
      const heading = document.querySelector<HTMLElement>('.journey > h2');
      if (heading?.offsetHeight) H -= heading.getBoundingClientRect().height + parseFloat(getComputedStyle(heading).marginBottom);
      const stages = Math.max(1, ...sheets.map((s) => s.querySelectorAll('thead th[scope="col"]').length));
      const label = sheets[0]!.querySelector('.corner')?.getBoundingClientRect().width ?? 200;
      // The smallest text of the map in its look, which splitting the map can make larger.
      const smallestText = () => {
        let smallest = Infinity;
        for (const sheet of sheets) {
          const walker = document.createTreeWalker(sheet, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const element = node.parentElement;
            if (!node.textContent?.trim() || !element || element.closest('.visually-hidden')) continue;
            smallest = Math.min(smallest, parseFloat(getComputedStyle(element).fontSize));
          }
        }
        return smallest;
      };
      const tryWidth = (width: number) => {
        root.style.setProperty('--sheet-w', `${width}px`);
        let [w, h] = [width, 0];
        for (const s of sheets) {
          const table = s.querySelector('table');
          w = Math.max(w, s.scrollWidth, table?.getBoundingClientRect().width ?? 0);
          h = Math.max(h, s.getBoundingClientRect().height, s.scrollHeight);
        }
        // Positive when the page's width limits the scale: the sheet could be narrower.
        return { width, scale: Math.min(maxScale, W / w, H / h), height: h, excess: H / h - W / w };
      };
      // Wider sheets are shorter. The best width is the narrowest when even that one is limited by the
      // page's width, the widest when even that one is limited by its height, else the one between
      // where both limit the scale alike. Each try is a layout of the whole map, so few are made: text
      // wraps in inverse proportion to the columns' width, height ≈ a + b / (width − label), and that
      // curve through the last two tries says where to try next.
      const [lo, hi] = [label + stages * stageMin, label + stages * stageMax];
      const search = () => {
        let best = tryWidth(lo);
        if (best.excess < 0) {
          let [p, q] = [best, tryWidth(hi)];
          if (q.scale > best.scale) best = q;
          for (let i = 0; i < 4 && q.excess > 0; i++) {
            const b = (p.height - q.height) / (1 / (p.width - label) - 1 / (q.width - label));
            const a = p.height - b / (p.width - label);
            // W / width = H / (a + b / (width − label)), a quadratic in width.
            const B = H * label + W * a;
            const guess = (B + Math.sqrt(Math.max(0, B * B - 4 * H * W * (a * label - b)))) / (2 * H);
            const next = tryWidth(Math.min(hi, Math.max(lo, Math.round(guess))));
            if (next.scale > best.scale) best = next;
            if (Math.abs(next.excess) < 0.01 || Math.abs(next.width - q.width) < q.width / 200) break;
            [p, q] = [q, next];
          }
        }
        return best;
      };
      const pictures = !!document.querySelector('img.stage-image');
      // Without pictures, the looks that differ only in their pictures are the same look.
      const tries = looks.filter((look, i) => pictures || i === 0 || look.dense !== looks[i - 1]!.dense);
      const apply = (look: (typeof looks)[number]) => {
        root.style.setProperty('--image-h', look.image);
        root.classList.remove('dense-1', 'dense-2');
        if (look.dense) root.classList.add(`dense-${look.dense}`);
      };
      let chosen: { best: ReturnType<typeof search>; look: (typeof looks)[number]; minFont: number } | undefined;
      for (const look of tries) {
        apply(look);
        const [best, minFont] = [search(), smallestText()];
        const readable = best.scale * minFont >= minText - 0.01;
        if (!chosen || readable || best.scale * minFont > chosen.best.scale * chosen.minFont) chosen = { best, look, minFont };
        if (readable) break;
      }
      // The page is left as chosen: its look and its width.
      apply(chosen!.look);
      root.style.setProperty('--sheet-w', `${chosen!.best.width}px`);
      return { scale: chosen!.best.scale, width: chosen!.best.width, minFont: chosen!.minFont, label, look: chosen!.look };
    },
    area.width,
    area.height,
    maxScale,
    STAGE_WIDTH.min,
    STAGE_WIDTH.max,
    looks,
    MIN_TEXT_PX,
  );
}

export interface SheetLayout {
  fit: Fit | undefined;
  /** Every sheet fits on its own page with no text under 6 pt. */
  fits: boolean;
  stagesPerSheet: number;
}

/**
 * Loads the map as sheets and fits them to `area`: all stages on one sheet when its text stays at 6 pt
 * or more, otherwise fewer stages per sheet until it does (`split`); a map too tall for a page even one
 * stage at a time is parted by its rows as well (`partRows`).
 */
export async function layOutSheets(
  page: Page,
  map: JourneyMap,
  context: RenderContext,
  options: { style: SheetStyle; area: { width: number; height: number }; maxScale: number; split: boolean; css?: string; compact?: boolean; paper?: string },
): Promise<SheetLayout> {
  // Every column: the main path's stages and those of its forks' paths.
  const stages = mapColumns(map).length;
  const load = async (stagesPerSheet: number) => {
    await loadSheets(page, map, context, options, { stagesPerTable: stagesPerSheet });
    return fitSheets(page, options.area, options.maxScale, options.compact ? LOOKS : [LOOKS[0]!]);
  };
  const readable = (fit: Fit | undefined) => !fit || fit.scale * fit.minFont >= MIN_TEXT_PX - 0.01;
  let perSheet = stages;
  let fit = await load(perSheet);
  if (readable(fit) || !options.split) return { fit, fits: readable(fit), stagesPerSheet: perSheet };
  // k sheets are each 1/k as wide, so they can scale up to k times more (a map too wide for the page);
  // start there, and add a sheet at a time while the text is still too small (a map too tall as well).
  let sheets = Math.min(stages, Math.max(2, Math.ceil(MIN_TEXT_PX / (fit!.scale * fit!.minFont))));
  while (perSheet > 1) {
    // As even as possible: 30 stages on 4 sheets are 8, 8, 8 and 6.
    perSheet = Math.ceil(stages / sheets);
    fit = await load(perSheet);
    if (readable(fit) || perSheet === 1) break;
    // One sheet more, and always fewer stages per sheet (5 stages: 3 + 2, then 2 + 2 + 1, then 1 each).
    sheets = Math.max(Math.ceil(stages / perSheet) + 1, Math.ceil(stages / (perSheet - 1)));
  }
  if (readable(fit)) return { fit, fits: true, stagesPerSheet: perSheet };
  // Too tall for a page even one stage at a time: printed at 6 pt, as many stages to a sheet as the
  // page's width holds at a comfortable column width, each sheet parted by its rows.
  const widthAt6pt = (options.area.width * fit!.minFont) / MIN_TEXT_PX;
  perSheet = Math.max(1, Math.min(stages, Math.floor((widthAt6pt - fit!.label) / STAGE_WIDTH.flowing)));
  return partRows(page, map, context, options, perSheet, await load(perSheet), () => load(1));
}

/** Loads the map's sheets into the page, as `sheetHtml` writes them. */
async function loadSheets(page: Page, map: JourneyMap, context: RenderContext, options: { style: SheetStyle; css?: string }, tables: TableOptions): Promise<void> {
  const html = sheetHtml(map, context, options.style, { pageLabels: options.style === 'poster', ...tables }, options.css);
  await page.setContent(html, { waitUntil: 'load', timeout: context.timeout });
}

/** Room left on a page parted by rows, for rounding and for the page label the parts gain. */
const ROW_ROOM = 0.97;

/**
 * A map too tall for a page even one stage at a time: each sheet (a group of stages) parted by its rows
 * over pages at 6 pt, each page with the title line, "Page x of y", the stage names, the band's heading
 * and the lane questions of its rows. The parts are planned from the rows' measured heights and checked
 * after they are laid out. A row taller than a page even with one stage a sheet is an error on a poster
 * that says so; in a document it flows over pages.
 */
async function partRows(
  page: Page,
  map: JourneyMap,
  context: RenderContext,
  options: { style: SheetStyle; area: { width: number; height: number }; css?: string; paper?: string },
  perSheet: number,
  fit: Fit | undefined,
  oneStage: () => Promise<Fit | undefined>,
): Promise<SheetLayout> {
  if (!fit) return { fit, fits: false, stagesPerSheet: perSheet };
  const scale = MIN_TEXT_PX / fit.minFont;
  const [width, pageHeight] = [Math.floor(options.area.width / scale), options.area.height / scale];
  const rows = await measureRows(page, width);
  // A team's layout without the built-in rows: its sheets flow over pages (a document only).
  if (!rows) return { fit, fits: false, stagesPerSheet: perSheet };
  let room = pageHeight * ROW_ROOM;
  for (let attempt = 0; attempt < 3; attempt++) {
    // A document's heading of the map shares the first part's page.
    const plans = rows.map((sheet, i) => planRows(sheet, room, i === 0 ? sheet.heading : 0));
    const tall = plans.findIndex((plan) => typeof plan === 'number');
    if (tall >= 0) {
      // A row taller than the page: one stage a sheet gives it the page's whole width.
      if (perSheet > 1) return partRows(page, map, context, options, 1, await oneStage(), oneStage);
      // A document's rows may flow over pages, under its footer's page numbers; a poster's never do.
      if (options.style === 'document') {
        await loadSheets(page, map, context, options, { stagesPerTable: perSheet });
        await setSheetWidth(page, width, Infinity, fit.look);
        return { fit, fits: false, stagesPerSheet: perSheet };
      }
      const sheet = rows[tall]!;
      throw new RenderError(
        `the poster of "${map.title}" has a row too tall for one ${options.paper ? `${options.paper} ` : ''}page at 6 pt ("${sheet.labels[plans[tall] as number]}" at ${sheet.stages}); ` +
          'print it on larger paper (--page-size A3 or Tabloid), as a document (--pdf-layout document), or shorten that row',
      );
    }
    await loadSheets(page, map, context, options, { stagesPerTable: perSheet, rowBreaks: plans as number[][] });
    const laidOut = await setSheetWidth(page, width, Infinity, fit.look);
    if (laidOut.height <= pageHeight) break;
    // The parts came out taller than measured (a title line that wrapped): plan again with less room.
    room -= laidOut.height - pageHeight + 1;
  }
  return { fit: { ...fit, scale }, fits: true, stagesPerSheet: perSheet };
}

/** A sheet's units (the curve and each lane's row, down the table), measured where they may part. */
interface SheetRows {
  /** Where the first band begins, below the title line and the stage names (CSS pixels from the sheet's top). */
  top: number;
  /** The bottom of each unit, with the band heading, blueprint line or legend above it. */
  bottoms: number[];
  /** The height of each unit's band heading, which a part that starts inside the band repeats. */
  heads: number[];
  /** Whether each unit is the first of its band. */
  starts: boolean[];
  /** What follows the last unit (the sources' notes, the frame). */
  after: number;
  /** A document's heading above the map, with its margin (0 on a poster). */
  heading: number;
  labels: string[];
  /** The sheet's stages, named for an error. */
  stages: string;
}

/** Each sheet's units, measured at `width`; null when a sheet has none (a team's own layout). */
async function measureRows(page: Page, width: number): Promise<SheetRows[] | null> {
  return page.evaluate((w) => {
    document.documentElement.style.setProperty('--sheet-w', `${w}px`);
    const h2 = document.querySelector<HTMLElement>('.journey > h2');
    const heading = h2?.offsetHeight ? h2.getBoundingClientRect().height + parseFloat(getComputedStyle(h2).marginBottom) : 0;
    const sheets = [...document.querySelectorAll<HTMLElement>('.scroller')].map((sheet) => {
      const base = sheet.getBoundingClientRect().top;
      const units = [...sheet.querySelectorAll<HTMLElement>('tbody > tr.curve-row, tbody > tr[data-lane]')];
      const body = sheet.querySelector('tbody');
      if (!units.length || !body) return null;
      const bottoms = units.map((u) => u.getBoundingClientRect().bottom - base);
      const names = [...sheet.querySelectorAll('thead th[scope="col"] .stage-name')].map((n) => `"${n.textContent!.trim()}"`);
      return {
        top: body.getBoundingClientRect().top - base,
        bottoms,
        heads: units.map((u) => u.parentElement!.querySelector('tr.band-head')?.getBoundingClientRect().height ?? 0),
        starts: units.map((u) => u.parentElement!.querySelector('tr.curve-row, tr[data-lane]') === u),
        after: Math.max(sheet.scrollHeight, sheet.getBoundingClientRect().height) - bottoms[bottoms.length - 1]!,
        heading,
        labels: units.map((u) => u.querySelector('.row-label')?.textContent?.trim() ?? ''),
        stages: names.length === 1 ? `stage ${names[0]}` : `stages ${names.join(', ')}`,
      };
    });
    const count = sheets[0]?.bottoms.length;
    return sheets.every((s) => s && s.bottoms.length === count) ? (sheets as SheetRows[]) : null;
  }, width);
}

/**
 * Where a sheet's parts begin (the units that start a new page), or the unit too tall for any page;
 * the first part has `lead` less room (a heading above it).
 */
function planRows(sheet: Omit<SheetRows, 'labels' | 'stages' | 'heading'>, room: number, lead = 0): number[] | number {
  const last = sheet.bottoms.length - 1;
  /** The height of a part holding units `i` to `j`. */
  const height = (i: number, j: number) =>
    sheet.top + (sheet.starts[i] ? 0 : sheet.heads[i]!) + sheet.bottoms[j]! - (i ? sheet.bottoms[i - 1]! : sheet.top) + (j === last ? sheet.after : 0);
  const breaks: number[] = [];
  let start = 0;
  for (let j = 0; j <= last; j++) {
    if (height(start, j) <= room - (start === 0 ? lead : 0)) continue;
    if (j === start || height(j, j) > room) return j;
    breaks.push(j);
    start = j;
  }
  return breaks;
}

/**
 * Sets the sheets' width for printing or the picture (and their look, after a reload), and measures
 * them there: the largest sheet's width and height in CSS pixels, overflow included. Sheets taller
 * than a page (`pageHeight`, CSS pixels at this width: a team's layout that cannot be parted by rows)
 * flow over pages: they, and any row taller than a page, may then break.
 */
export async function setSheetWidth(page: Page, width: number, pageHeight = Infinity, look?: Look): Promise<{ width: number; height: number; sheets: number }> {
  return page.evaluate(
    (w, pageHeight, look) => {
      const root = document.documentElement;
      root.style.setProperty('--sheet-w', `${w}px`);
      if (look) {
        root.style.setProperty('--image-h', look.image);
        if (look.dense) root.classList.add(`dense-${look.dense}`);
      }
      for (const part of document.querySelectorAll<HTMLElement>('.scroller, .map tr')) {
        if (part.getBoundingClientRect().height > pageHeight) part.style.breakInside = 'auto';
      }
      const sheets = [...document.querySelectorAll<HTMLElement>('.scroller')];
      let [width, height] = [0, 0];
      for (const s of sheets) {
        width = Math.max(width, s.scrollWidth, s.getBoundingClientRect().width, s.querySelector('table')?.getBoundingClientRect().width ?? 0);
        height = Math.max(height, s.scrollHeight, s.getBoundingClientRect().height);
      }
      return { width, height, sheets: sheets.length };
    },
    width,
    pageHeight,
    look ?? null,
  );
}

/** The page's viewport and media, set only when they change: setting them costs more than printing. */
const viewports = new WeakMap<Page, string>();
export async function preparePage(page: Page, viewport: { width: number; height: number; deviceScaleFactor?: number }): Promise<void> {
  const key = JSON.stringify(viewport);
  if (viewports.get(page) === key) return;
  if (!viewports.has(page)) await page.emulateMediaType('print');
  await page.setViewport(viewport);
  viewports.set(page, key);
}

/** Stops a browser that does not finish in time, and words its errors for the build's report. */
export async function withTimeout<T>(work: Promise<T>, ms: number, doing: string, title: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RenderError(`the browser did not finish ${doing} "${title}" within ${Math.round(ms / 1000)} s; it was stopped`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } catch (error) {
    // A team's layout's own mistake is reported at its place, as in HTML.
    if (error instanceof RenderError || error instanceof BrowserError || error instanceof LayoutError) throw error;
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new RenderError(`the browser failed while ${doing}: ${message}`);
  } finally {
    clearTimeout(timer);
  }
}
