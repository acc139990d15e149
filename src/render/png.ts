// PNG: a picture of the map as a poster (title line, emotion curve, every lane) for slides, wikis and
// chat, taken on a page of the run's browser pool. One picture holds the whole map: its width is chosen
// so that the picture has about the shape of the page (`--page-size`, `--portrait`), and `--scale` sets
// its pixels per CSS pixel.
import type { Page } from 'puppeteer-core';
import type { JourneyMap } from '../core/model.js';
import type { RenderContext } from './options.js';
import { printableArea, type Paper } from './pdf.js';
import { layOutSheets, preparePage, setSheetWidth, withTimeout } from './sheets.js';

/** White space around the map, in CSS pixels. */
const MARGIN = 24;

/**
 * Pictures are taken one at a time, each with its page brought to the front: Chromium draws no frame
 * for a tab in the background, so a picture of one never arrives. Laying maps out stays in parallel.
 */
let inFront: Promise<unknown> = Promise.resolve();
function inFrontOf<T>(page: Page, take: () => Promise<T>): Promise<T> {
  const turn = inFront.then(async () => {
    await page.bringToFront();
    return take();
  });
  inFront = turn.catch(() => {});
  return turn;
}

type PngContext = RenderContext & Paper & { scale: number };

export async function renderPng(map: JourneyMap, context: PngContext): Promise<Uint8Array> {
  if (!context.browser) throw new Error('PNG needs a browser pool');
  return context.browser.withPage((page) => withTimeout(picture(page, map, context), context.timeout, 'taking the picture of', map.title));
}

async function picture(page: Page, map: JourneyMap, context: PngContext): Promise<Uint8Array> {
  const area = printableArea(context, 'poster');
  // Laid out at one device pixel per CSS pixel whatever the scale, so a picture at --scale 3 is the
  // same layout as at 1 (text metrics snap differently at other densities), taken at `scale`.
  await preparePage(page, { width: area.width, height: area.height, deviceScaleFactor: 1 });
  const css = `main { padding: ${MARGIN}px; width: max-content; } html, body { background: #fff; }\n`;
  const { fit } = await layOutSheets(page, map, context, { style: 'poster', area, maxScale: Infinity, split: false, css });
  if (fit) await setSheetWidth(page, Math.round(fit.width));
  const box = await page.evaluate(() => {
    const r = document.querySelector('main')!.getBoundingClientRect();
    return { x: r.left, y: r.top, width: Math.ceil(r.width), height: Math.ceil(r.height) };
  });
  // The picture reaches beyond the viewport, so nothing is clipped whatever the map's size.
  return inFrontOf(page, () => page.screenshot({ type: 'png', clip: { ...box, scale: context.scale }, captureBeyondViewport: true, omitBackground: false }));
}
