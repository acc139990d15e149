// What renderers are given besides the map, and the choices the command line and config offer for it.
import type { BrowserPool } from '../browser/pool.js';
import type { JourneyMap } from '../core/model.js';
import type { Theme } from '../core/theme.js';
import type { Template } from './handlebars.js';

/** PDF paper sizes (`--page-size`, `page_size:`). */
export const PAGE_SIZES = ['A4', 'A3', 'Letter', 'Legal', 'Tabloid'] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

/** How a PDF shows the map (`--pdf-layout`, `pdf_layout:`): the map alone as a poster, fitted to the
 * page, or the whole document (header, goals, research, persona) followed by the map. */
export const PDF_LAYOUTS = ['poster', 'document'] as const;
export type PdfLayout = (typeof PDF_LAYOUTS)[number];

/** PNG pixels per CSS pixel (`--scale`, `scale:`): 2 is crisp on high-density screens and projectors. */
export const DEFAULT_SCALE = 2;
/** Above this an image of a large map runs into the browser's limits on image size. */
export const MAX_SCALE = 4;

/** How Markdown shows the map (`--md-layout`, `md_layout:`): auto is a table up to a few stages. */
export const MD_LAYOUTS = ['auto', 'table', 'sections'] as const;
export type MarkdownLayout = (typeof MD_LAYOUTS)[number];

/** What `journey diff` prints: text on the terminal, Markdown for a pull-request comment, or a page. */
export const DIFF_FORMATS = ['text', 'md', 'html'] as const;

/** What `journey export` writes: the map as a spreadsheet (render/sheet.ts). */
export const SHEET_FORMATS = ['csv', 'xlsx'] as const;
export type SheetFormat = (typeof SHEET_FORMATS)[number];

/** Everything a renderer may need besides the map; renderers take what concerns them. */
export interface RenderContext {
  /** A team's own HTML layout (`--layout`). */
  layout?: Template;
  mdLayout: MarkdownLayout;
  paper: { size: PageSize; portrait: boolean };
  pdfLayout: PdfLayout;
  /** PNG pixel density. */
  scale: number;
  /** Milliseconds to print one document. */
  timeout: number;
  /** The config's `theme:` (accent, font, logo), for HTML and what prints it (PDF, PNG). */
  theme?: Theme;
  /** The shared browser, launched on first use (only formats with needsBrowser get one). */
  browser?: BrowserPool;
}

export type RenderFormat = (map: JourneyMap, context: RenderContext) => Promise<string | Uint8Array> | string | Uint8Array;

