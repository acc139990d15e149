// From command-line options and the config file to a build plan: which formats, where each document
// goes, how to render. Flags override the config file; contradictions are usage errors.
import type { Locale } from '../core/locale.js';
import { usageError } from '../errors.js';
import type { Config } from '../io/config.js';
import { STDIN, commonBase } from '../io/inputs.js';
import type { Io } from '../io/terminal.js';
import { chooseFormats, DEFAULT_SCALE, FORMATS, type Format, type MarkdownLayout, type PageSize, type PdfLayout } from '../render/formats.js';
import type { RendererOptions } from '../render/renderer.js';

export interface BuildOptions {
  format?: string;
  output?: string;
  outDir?: string;
  layout?: string;
  mdLayout?: MarkdownLayout;
  browser?: string;
  pageSize?: PageSize;
  portrait?: boolean;
  pdfLayout?: PdfLayout;
  /** PNG pixels per CSS pixel. */
  scale?: number;
  /** Seconds to wait for the browser to start, and to print one document. */
  timeout?: number;
  /** Pages printed at once. */
  jobs?: number;
  watch?: boolean;
}

/** A build as plain data, so a worker thread can take its share of a batch. */
export interface BuildPlan {
  formats: Format[];
  /** `-o`: one document's path, or `-` for standard output. */
  output?: string;
  outDir?: string;
  /** The folder below which `outDir` keeps the maps' folder structure. */
  base: string;
  defaultLocale?: Locale;
  maxBytes?: number;
  layoutFile?: string;
  render: Omit<RendererOptions, 'layout'>;
  /** Maps in flight at once. */
  jobs: number;
}

/** Maps in flight at once in one thread for documents made without a browser. */
const IO_OVERLAP = 8;

export function planBuild(files: string[], options: BuildOptions, config: Config | undefined, maxBytes: number | undefined, io: Io): BuildPlan {
  const formats = chooseFormats(options.format ?? config?.format?.join(','), options.output);
  if ('error' in formats) throw usageError(formats.error);
  if (options.output && files.length > 1) throw usageError('-o/--output names one document: build one map with it, or use --out-dir');
  if (options.output && formats.length > 1) throw usageError('-o/--output names one document: choose one format with it, or use --out-dir');
  if (options.watch && files.includes(STDIN)) throw usageError('--watch needs files: standard input cannot be watched');
  const needsBrowser = formats.some((f) => FORMATS[f].needsBrowser);
  const timeout = (options.timeout ?? 60) * 1000;
  return {
    formats,
    // A map read from standard input is written to standard output unless -o says otherwise.
    output: options.output ?? (files.length === 1 && files[0] === STDIN ? '-' : undefined),
    outDir: options.outDir ?? config?.outDir,
    base: commonBase(files, io.cwd),
    defaultLocale: config?.locale,
    maxBytes,
    layoutFile: options.layout ?? config?.layout,
    render: {
      mdLayout: options.mdLayout ?? config?.mdLayout ?? 'auto',
      paper: { size: options.pageSize ?? config?.pageSize ?? 'A4', portrait: options.portrait ?? config?.portrait ?? false },
      pdfLayout: options.pdfLayout ?? config?.pdfLayout ?? 'poster',
      scale: options.scale ?? config?.scale ?? DEFAULT_SCALE,
      timeout,
      browser: { executable: options.browser ?? config?.browser, env: io.env, timeout },
    },
    // Documents made without a browser keep several maps in flight so reads and writes overlap the
    // CPU work; a browser prints `--jobs` pages at once.
    jobs: needsBrowser ? Math.max(1, options.jobs ?? 4) : IO_OVERLAP,
  };
}
