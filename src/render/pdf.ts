// PDF through an installed Chrome/Chromium, on a page of the run's browser pool (browser/pool.ts).
// A poster (the default) prints the map alone, fitted to the page's width and height; a document prints
// the header, goals, research and persona, then the map. In both the map is laid out in sheets that
// each fit a page (render/sheets.ts), so its curve, bands and lanes are never parted by a page break.
import type { Page } from 'puppeteer-core';
import type { JourneyMap } from '../core/model.js';
import type { RenderContext } from './options.js';
import { RenderError } from './errors.js';
import { layOutSheets, MIN_TEXT_PX, preparePage, setSheetWidth, withTimeout } from './sheets.js';

/** Paper sizes in inches, portrait. */
const PAPER = {
  A4: [8.27, 11.69],
  A3: [11.69, 16.54],
  Letter: [8.5, 11],
  Legal: [8.5, 14],
  Tabloid: [11, 17],
} satisfies Record<string, [number, number]>;
/** The paper, as the `pageSize` and `portrait` options give it (PNG takes its shape too). */
export interface Paper {
  pageSize: keyof typeof PAPER;
  portrait: boolean;
}
/** The document's footer (title, page x of y) needs a wider bottom margin; a poster has none. */
const MARGIN_MM = {
  poster: { top: 10, right: 10, bottom: 10, left: 10 },
  document: { top: 10, right: 10, bottom: 14, left: 10 },
};
/**
 * The most a map is enlarged: a poster of a small map grows up to this (to be read from across a
 * room); a document is never enlarged.
 */
const MAX_SCALE = { poster: 2, document: 1 };
const CSS_PX_PER_INCH = 96;
/** Room for rounding in the browser's page layout, so a sheet that fits never spills a line. */
const SAFETY = 0.99;

/** The map as a poster or a document, its sheets scaled to fit the page. */
export type PdfContext = RenderContext & Paper & { pdfLayout: keyof typeof MARGIN_MM };

export async function renderPdf(map: JourneyMap, context: PdfContext): Promise<Uint8Array> {
  if (!context.browser) throw new Error('PDF needs a browser pool');
  return context.browser.withPage((page) => withTimeout(print(page, map, context), context.timeout, 'printing', map.title));
}

/** The paper's printable area in CSS pixels, for a poster or a document. */
export function printableArea(paper: Paper, style: keyof typeof MARGIN_MM): { width: number; height: number } {
  const [w, h] = paperSize(paper);
  const m = MARGIN_MM[style];
  const px = (inches: number, mm: number) => Math.floor((inches - mm / 25.4) * CSS_PX_PER_INCH);
  return { width: px(w, m.left + m.right), height: px(h, m.top + m.bottom) };
}

async function print(page: Page, map: JourneyMap, context: PdfContext): Promise<Uint8Array> {
  const style = context.pdfLayout;
  const [paperWidth, paperHeight] = paperSize(context);
  const area = printableArea(context, style);
  const m = MARGIN_MM[style];
  // The stylesheet asks for landscape when a reader prints the HTML; the PDF states its own page.
  const css = `@page { size: ${paperWidth}in ${paperHeight}in; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; }\n`;
  await preparePage(page, { width: area.width, height: 800 });
  const { fit, fits } = await layOutSheets(page, map, context, { style, area, maxScale: MAX_SCALE[style], split: true, css, compact: true, paper: context.pageSize });
  // A document's sheet with a row taller than a page is printed at 6 pt and flows over pages.
  let scale = !fit ? 1 : fits ? fit.scale : MIN_TEXT_PX / fit.minFont;
  let sheets = 0;
  if (fit) {
    // The sheets as they will print, measured at the page's width: a sheet that came out larger than
    // its page is scaled down to fit rather than left for the browser to break.
    const laidOut = await setSheetWidth(page, Math.floor(area.width / scale), fits ? Infinity : area.height / scale);
    sheets = laidOut.sheets;
    // (A document's first sheet shares its page with the heading, which the fit allowed for.)
    if (fits) scale = Math.min(scale, area.width / laidOut.width, style === 'poster' ? area.height / laidOut.height : Infinity) * SAFETY;
  }
  const pdf = await page.pdf({
    width: `${paperWidth}in`,
    height: `${paperHeight}in`,
    margin: { top: `${m.top}mm`, right: `${m.right}mm`, bottom: `${m.bottom}mm`, left: `${m.left}mm` },
    scale: Math.min(2, Math.max(0.1, scale)),
    printBackground: true,
    // A poster's title line names the map and its page on every page; a document has a footer.
    displayHeaderFooter: style === 'document',
    headerTemplate: '<span></span>',
    footerTemplate: footer(map),
    preferCSSPageSize: false,
    tagged: true,
    outline: true,
    waitForFonts: true,
    timeout: context.timeout,
  });
  // A poster is planned page by page: one page per sheet. Any other count means the browser broke a
  // page the plan did not intend, and such a poster is not shipped.
  if (style === 'poster' && fit && pageCount(pdf) !== sheets) {
    throw new RenderError(`the poster of "${map.title}" was planned as ${sheets} page${sheets === 1 ? '' : 's'} but printed as ${pageCount(pdf)}; this is a bug in journey, please report it with the map`);
  }
  return pdf;
}

/** The pages of a PDF that Chromium wrote: its page objects (`/Type /Page`, not the `/Pages` tree). */
export function pageCount(pdf: Uint8Array): number {
  return Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1').match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
}

export function paperSize(paper: Paper): [number, number] {
  const [w, h] = PAPER[paper.pageSize];
  return paper.portrait ? [w, h] : [h, w];
}

/** The page footer: the map's title and "Page x of y" in the map's locale. */
function footer(map: JourneyMap): string {
  const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const pages = escape(map.labels.ui.pageOf)
    .replace('{page}', '<span class="pageNumber"></span>')
    .replace('{pages}', '<span class="totalPages"></span>');
  return `<div style="width:100%;margin:0 10mm;display:flex;justify-content:space-between;gap:8mm;font:8px system-ui,'Liberation Sans',Arial,sans-serif;color:#4b5563;">
<span style="overflow:hidden;white-space:nowrap;text-overflow:ellipsis;">${escape(map.title)}</span><span style="white-space:nowrap;">${pages}</span></div>`;
}
