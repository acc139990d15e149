// The registry of output formats: what each is called, which file extensions it writes, whether it
// needs a browser, and where its renderer lives (loaded only when a document of that format is asked
// for). Adding a format is one renderer file and one entry here.
import { extname } from 'node:path';
import type { RenderFormat } from './options.js';

export { DEFAULT_SCALE, DIFF_FORMATS, MAX_SCALE, MD_LAYOUTS, PAGE_SIZES, PDF_LAYOUTS, SHEET_FORMATS, type SheetFormat, type MarkdownLayout, type PageSize, type PdfLayout, type RenderContext, type RenderFormat } from './options.js';

export interface FormatDefinition {
  /** The first extension is the one written; all of them choose the format from `-o`. */
  extensions: readonly string[];
  needsBrowser: boolean;
  /** Loads the renderer on first use, so a build pays only for the formats it writes. */
  load: () => Promise<RenderFormat>;
}

// Typed as FormatDefinition (not inferred): the API's declaration files then name no renderer module.
export const FORMATS: Record<'html' | 'md' | 'pdf' | 'png', FormatDefinition> = {
  html: { extensions: ['.html', '.htm'], needsBrowser: false, load: async () => (await import('./html.js')).renderHtmlDocument },
  md: { extensions: ['.md', '.markdown'], needsBrowser: false, load: async () => (await import('./markdown.js')).renderMarkdownDocument },
  pdf: { extensions: ['.pdf'], needsBrowser: true, load: async () => (await import('./pdf.js')).renderPdf },
  png: { extensions: ['.png'], needsBrowser: true, load: async () => (await import('./png.js')).renderPng },
};

export type Format = keyof typeof FORMATS;
export const FORMAT_IDS = Object.keys(FORMATS) as Format[];

export const isFormat = (name: string): name is Format => Object.hasOwn(FORMATS, name);

/** The file extension a format writes, with its dot. */
export const extensionOf = (format: Format) => FORMATS[format].extensions[0]!;

const formatList = () => `${FORMAT_IDS.slice(0, -1).join(', ')} or ${FORMAT_IDS.at(-1)}`;

/** `-f html,md` → ['html', 'md']; without -f, the output's extension decides, else HTML. */
export function chooseFormats(format: string | undefined, output: string | undefined): Format[] | { error: string } {
  if (format) {
    const names = format.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
    const unknown = names.filter((f) => !isFormat(f));
    if (unknown.length || names.length === 0) return { error: `unknown format '${unknown[0] ?? format}': expected ${formatList()} (or several, like html,pdf)` };
    return [...new Set(names as Format[])];
  }
  const ext = output && output !== '-' ? extname(output).toLowerCase() : '';
  return [FORMAT_IDS.find((id) => (FORMATS[id].extensions as readonly string[]).includes(ext)) ?? 'html'];
}
