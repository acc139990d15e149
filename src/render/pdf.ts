// PDF through an installed Chrome/Chromium, on a page of the run's browser pool (browser/pool.ts).
import type { Page } from 'puppeteer-core';
import { BrowserError } from '../browser/launch.js';
import type { JourneyMap } from '../core/model.js';
import { RenderError } from './errors.js';
import type { PageSize, RenderContext } from './options.js';
import { renderHtml } from './html.js';

/** Paper sizes in inches, portrait. */
const PAPER: Record<PageSize, [number, number]> = {
  A4: [8.27, 11.69],
  A3: [11.69, 16.54],
  Letter: [8.5, 11],
  Legal: [8.5, 14],
  Tabloid: [11, 17],
};
const MARGIN_MM = { top: 10, right: 10, bottom: 14, left: 10 };
/** Below this scale a map is split into several tables instead of being shrunk further. */
const MIN_SCALE = 0.5;
const CSS_PX_PER_INCH = 96;

/** Pages of the pool already set up for a paper width: setting up costs more than printing. */
const pageWidths = new WeakMap<Page, number>();

/** The map printed from its HTML document, scaled to the page width or split into several tables. */
export async function renderPdf(map: JourneyMap, context: RenderContext): Promise<Uint8Array> {
  if (!context.browser) throw new Error('PDF needs a browser pool');
  const htmlFor = (stagesPerTable?: number) => renderHtml(map, { layout: context.layout, stagesPerTable });
  return context.browser.withPage((page) => withTimeout(print(page, map, htmlFor, context), context.timeout, map.title));
}

async function print(page: Page, map: JourneyMap, htmlFor: (stagesPerTable?: number) => string, context: RenderContext): Promise<Uint8Array> {
  const [paperWidth, paperHeight] = paperSize(context.paper);
  const printableWidth = Math.floor((paperWidth - (MARGIN_MM.left + MARGIN_MM.right) / 25.4) * CSS_PX_PER_INCH);
  if (pageWidths.get(page) !== printableWidth) {
    await page.setViewport({ width: printableWidth, height: 800 });
    await page.emulateMediaType('print');
    pageWidths.set(page, printableWidth);
  }
  // The stylesheet asks for landscape when a reader prints the HTML; the PDF states its own page.
  const pageRule = `<style>@page { size: ${paperWidth}in ${paperHeight}in; margin: ${MARGIN_MM.top}mm ${MARGIN_MM.right}mm ${MARGIN_MM.bottom}mm ${MARGIN_MM.left}mm; }</style></head>`;
  const withPage = (html: string) => html.replace('</head>', pageRule);

  // Lay the map out once to see how wide it is; scale it to the page, or split it when the
  // scale would make it unreadable.
  let html = withPage(htmlFor());
  await page.setContent(html, { waitUntil: 'load', timeout: context.timeout });
  const size = await measure(page);
  let scale = Math.min(1, printableWidth / size.width);
  if (scale < MIN_SCALE && size.stages > 1) {
    const perTable = Math.max(1, Math.floor((printableWidth / MIN_SCALE - size.labelWidth) / size.stageWidth));
    html = withPage(htmlFor(perTable));
    await page.setContent(html, { waitUntil: 'load', timeout: context.timeout });
    scale = Math.min(1, printableWidth / (await measure(page)).width);
  }

  return page.pdf({
    width: `${paperWidth}in`,
    height: `${paperHeight}in`,
    margin: { top: `${MARGIN_MM.top}mm`, right: `${MARGIN_MM.right}mm`, bottom: `${MARGIN_MM.bottom}mm`, left: `${MARGIN_MM.left}mm` },
    scale: Math.max(0.1, scale),
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: '<span></span>',
    footerTemplate: footer(map),
    preferCSSPageSize: false,
    tagged: true,
    outline: true,
    waitForFonts: true,
    timeout: context.timeout,
  });
}

function paperSize(paper: RenderContext['paper']): [number, number] {
  const [w, h] = PAPER[paper.size];
  return paper.portrait ? [w, h] : [h, w];
}

async function measure(page: Page): Promise<{ width: number; stages: number; labelWidth: number; stageWidth: number }> {
  return page.evaluate(() => {
    const tables = [...document.querySelectorAll('table.map')] as HTMLElement[];
    const widest = Math.max(document.documentElement.scrollWidth, ...tables.map((t) => t.scrollWidth));
    const label = document.querySelector('table.map col.label-col') as HTMLElement | null;
    const stageHeads = document.querySelectorAll('table.map thead th[scope="col"]');
    const first = stageHeads[0] as HTMLElement | undefined;
    return {
      width: widest,
      stages: stageHeads.length,
      labelWidth: label?.getBoundingClientRect().width ?? 216,
      stageWidth: first?.getBoundingClientRect().width ?? 208,
    };
  });
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

async function withTimeout<T>(work: Promise<T>, ms: number, title: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RenderError(`the browser did not finish printing "${title}" within ${Math.round(ms / 1000)} s; it was stopped`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } catch (error) {
    if (error instanceof RenderError || error instanceof BrowserError) throw error;
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new RenderError(`the browser failed while printing: ${message}`);
  } finally {
    clearTimeout(timer);
  }
}
