// From command-line options and the config file to a build plan: which formats, where each document
// goes, how to render. Flags override the config file; contradictions are usage errors.
import type { TemplateDefinition } from '../templates/types.js';
import type { Locale } from '../core/locale.js';
import type { MetricsData } from '../core/metrics.js';
import type { Theme } from '../core/theme.js';
import { problem } from '../core/diagnostics.js';
import { ProblemsError, usageError } from '../errors.js';
import type { Config } from '../io/config.js';
import { STDIN, commonBase } from '../io/inputs.js';
import type { Io } from '../io/terminal.js';
import { resolveOptions } from '../core/format-options.js';
import { chooseFormats, FORMAT_OPTIONS, FORMATS, type Format, type FormatOptionValues } from '../render/formats.js';
import type { RendererOptions } from '../render/renderer.js';
import { stageImageLimits, type StageImageLimits } from './references.js';

/** The command line's options (or the API's), the formats' own among them (render/formats.ts). */
export interface BuildOptions extends Partial<FormatOptionValues> {
  format?: string;
  output?: string;
  outDir?: string;
  layout?: string;
  browser?: string;
  /** Seconds to wait for the browser to start, and to print one document. */
  timeout?: number;
  /** Pages printed at once. */
  jobs?: number;
  watch?: boolean;
  /** `--metrics <file>`: KPI values, CSV or JSON. */
  metrics?: string;
  /** `--allow-config-browser`: run the browser the config file names. */
  allowConfigBrowser?: boolean;
  /** `--force`: build every map, even one whose documents are up to date. */
  force?: boolean;
  /** A checked theme (the API's `theme` option), in place of the config file's. */
  theme?: Theme;
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
  /** The config's own templates, as plain data a worker thread receives (io/templates.ts makes the registry). */
  teamTemplates?: TemplateDefinition[];
  maxBytes?: number;
  /** Maps may only name files (a persona file) inside this folder. */
  projectRoot: string;
  /** The size limits of stage images (the config's `images:`). */
  images: StageImageLimits;
  layoutFile?: string;
  /** The layout's text, read once (prepareBuild, or a watch round after it was saved). */
  layoutText?: string;
  render: Omit<RendererOptions, 'layout'>;
  /** Maps in flight at once. */
  jobs: number;
  /** KPI values from `--metrics` or the config's `metrics:`, applied to every map. */
  metrics?: MetricsData;
  /**
   * Maps whose documents are up to date are not built again (pipeline/incremental.ts); `force`
   * builds them all. None for a build to standard output or from standard input.
   */
  incremental?: { force: boolean; config: unknown };
}

/** Maps in flight at once in one thread for documents made without a browser. */
const IO_OVERLAP = 8;

export function planBuild(files: string[], options: BuildOptions, session: { config?: Config; maxBytes?: number; projectRoot: string; base?: string }, io: Io): BuildPlan {
  const { config, maxBytes, projectRoot } = session;
  const formats = chooseFormats(options.format ?? config?.format?.join(','), options.output);
  if ('error' in formats) throw usageError(formats.error);
  if (options.output && files.length > 1) throw usageError('-o/--output names one document: build one map with it, or use --out-dir');
  if (options.output && formats.length > 1) throw usageError('-o/--output names one document: choose one format with it, or use --out-dir');
  if (options.watch && files.includes(STDIN)) throw usageError('--watch needs files: standard input cannot be watched');
  const output = options.output ?? (files.length === 1 && files[0] === STDIN ? '-' : undefined);
  if (output === '-' && formats.length > 1) {
    throw usageError(`standard output takes one document, not ${formats.join(' and ')}: choose one format with -f, or write files with -o <file> or -d <dir>`);
  }
  const needsBrowser = formats.some((f) => FORMATS[f].build.needsBrowser);
  const timeout = (options.timeout ?? 60) * 1000;
  // Each format's options: from the command line (or the API), else the config file, else its default.
  const values = resolveOptions(FORMAT_OPTIONS, options, config);
  if (!values.ok) throw usageError(values.reason);
  return {
    formats,
    // A map read from standard input is written to standard output unless -o says otherwise.
    output,
    outDir: options.outDir ?? config?.outDir,
    base: session.base ?? commonBase(files, io.cwd),
    defaultLocale: config?.locale,
    teamTemplates: config?.teamTemplates,
    maxBytes,
    projectRoot,
    images: stageImageLimits(config?.images),
    layoutFile: options.layout ?? config?.layout,
    render: {
      ...values.values,
      theme: options.theme ?? config?.theme,
      timeout,
      browser: { ...browserChoice(options, config, needsBrowser), env: io.env, timeout },
    },
    // Documents made without a browser keep several maps in flight so reads and writes overlap the
    // CPU work; a browser prints `--jobs` pages at once.
    jobs: needsBrowser ? Math.max(1, options.jobs ?? 4) : IO_OVERLAP,
    incremental: output === '-' || files.includes(STDIN) ? undefined : { force: options.force ?? false, config: config ?? null },
  };
}

/**
 * The browser to run: `--browser`, else the config file's `browser` when the command line allows it
 * (a config file can come from a pull request, and must not choose a program to run on its own),
 * else none, and one is found on this machine.
 */
function browserChoice(options: BuildOptions, config: Config | undefined, needsBrowser: boolean): { executable?: string; executableSource?: string } {
  if (options.browser) return { executable: options.browser };
  if (!config?.browser || !needsBrowser) return {};
  const at = config.browserAt ?? { line: 1, col: 1 };
  if (!options.allowConfigBrowser) {
    const message = '`browser` in a config file names a program to run: journey runs it only with --allow-config-browser on the command line (or pass --browser, or set PUPPETEER_EXECUTABLE_PATH)';
    throw new ProblemsError([{ file: config.file, diagnostics: [problem(config.file, at.line, at.col, 'browser', message, 'invalid-value')] }]);
  }
  return { executable: config.browser, executableSource: `browser in ${config.file}:${at.line}:${at.col}` };
}
