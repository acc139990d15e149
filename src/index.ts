// The programmatic API, the package's main entry: validate a map, render one, or build many as
// `journey build` does. Problems come back as data (Diagnostic objects, per-file results); the one
// thing thrown is a JourneyError, by render(), which must return a document or nothing.
import { BrowserError } from './browser/launch.js';
import { problem, type Diagnostic } from './core/diagnostics.js';
import type { Locale } from './core/locale.js';
import type { JourneyMap } from './core/model.js';
import { readMap } from './core/read-map.js';
import { CliError, EXIT, errorReport } from './errors.js';
import type { ThemeOptions } from './core/theme.js';
import { resolveTheme } from './io/config.js';
import { libraryIo } from './io/terminal.js';
import { prepareBuild } from './pipeline/build.js';
import { layoutProblem } from './pipeline/layout.js';
import { silentProgress } from './pipeline/progress.js';
import { RenderError } from './render/errors.js';
import { resolveOptions } from './core/format-options.js';
import { FORMAT_OPTIONS, type Format, type FormatOptionValues } from './render/formats.js';
import { LayoutError, type Template } from './render/handlebars.js';
import { createRenderer } from './render/renderer.js';
import { runResult, type RunResult } from './report/json.js';

export type { Diagnostic, Severity } from './core/diagnostics.js';
export type { Code, ProblemCode } from './core/codes.js';
export { CODES } from './core/codes.js';
export type { Branch, Confidence, Item, JourneyMap, Lane, MapImage, MapPersona, Stage, StageImage, Persona, Touchpoint } from './core/model.js';
export type { Locale } from './core/locale.js';
export type { Format, FormatOptionValues, MarkdownLayout, PageSize, PdfLayout } from './render/formats.js';
export type { FileResult, RunResult } from './report/json.js';
export type { ThemeOptions } from './core/theme.js';
// The view a team's own layout receives (README: "Your own layout"); `version` changes only when a field is removed or changes meaning.
export type {
  BranchView,
  CellView,
  ColumnGroup,
  CurveColumn,
  CurveMark,
  CurvePoint,
  CurveSeries,
  CurveView,
  EvidenceView,
  FaceView,
  ItemView,
  LayoutData,
  LegendItem,
  OtherPersonaView,
  PersonaMarker,
  PersonaView,
  PictureView,
  RowView,
  SectionView,
  StageView,
  TableView,
  View,
} from './render/view/types.js';
export { FORMAT_IDS as FORMATS } from './render/formats.js';

/** A map: its YAML text or bytes, or the same data already parsed into an object. */
export type MapSource = string | Uint8Array | Record<string, unknown>;

export interface ValidateOptions {
  /** The name diagnostics give the map (default `<source>`). */
  file?: string;
  /** The locale of a map that sets none (default `en`). */
  locale?: Locale;
  /** Refuse a source larger than this many MiB (default 5). */
  maxFileSize?: number;
}

/**
 * What validate() found. `ok` tells the two cases apart, so `if (checked.ok)` gives the map:
 * a valid map has its model (and may have warnings), an invalid one has its problems and no model.
 */
export type ValidateResult =
  | {
      ok: true;
      /** Every problem, in source order, each with its line, column and path; `[]` for a valid map. */
      diagnostics: Diagnostic[];
      /** The normalised map every renderer takes. */
      map: JourneyMap;
    }
  | { ok: false; diagnostics: Diagnostic[]; map?: undefined };

/** Checks a map against its template: the same verdict, positions and messages as `journey validate`. */
export async function validate(source: MapSource, options: ValidateOptions = {}): Promise<ValidateResult> {
  const file = options.file ?? '<source>';
  let bytes: Uint8Array;
  if (typeof source === 'string') bytes = new TextEncoder().encode(source);
  else if (source instanceof Uint8Array) bytes = source;
  else {
    // JSON is YAML: an object goes through the same reader, so it gets the same checks and messages.
    try {
      bytes = new TextEncoder().encode(JSON.stringify(source, null, 1));
    } catch (error) {
      return { ok: false, diagnostics: [problem(file, 1, 1, '(root)', `expected plain data (a JSON-like object): ${error instanceof Error ? error.message : String(error)}`, 'wrong-kind')] };
    }
  }
  const maxBytes = options.maxFileSize === undefined ? undefined : Math.round(options.maxFileSize * 1024 * 1024);
  const result = await readMap(file, bytes, { defaultLocale: options.locale, maxBytes });
  return result.ok ? { ok: true, diagnostics: result.diagnostics, map: result.map } : { ok: false, diagnostics: result.diagnostics };
}

/**
 * How documents look and how the browser for PDF and PNG is found: the same for render() and build().
 * Each format's own options (`mdLayout`, `pageSize`, `portrait`, `pdfLayout`, `scale`) take the values
 * and defaults of `journey build`'s flags of the same name (`--md-layout`, …).
 */
export interface DocumentOptions extends Partial<FormatOptionValues> {
  /** The Chrome, Chromium or Edge for PDF and PNG (default: found on this machine, as the CLI finds it). */
  browser?: string;
  /** Seconds to wait for the browser to start, and to print one document (default 60). */
  timeout?: number;
  /** The environment the browser is looked up and started with (default `process.env`). */
  env?: Record<string, string | undefined>;
  /** Accent colour, font list and logo, as `theme:` in journey.config.yaml (for build, in its place). */
  theme?: ThemeOptions;
}

export interface RenderOptions extends ValidateOptions, DocumentOptions {
  /** A custom Handlebars layout for HTML, as its source text (see README, "Your own layout"). */
  layout?: string;
}

/** Why render() gave no document: the map's problems, a layout's, or a reason outside both (no browser). */
export class JourneyError extends Error {
  override name = 'JourneyError';
  constructor(
    message: string,
    /** The problems, with file, line and column, when the map or the layout is at fault. */
    readonly diagnostics: Diagnostic[] = [],
  ) {
    super(message);
  }
}

const isModel = (input: unknown): input is JourneyMap =>
  typeof input === 'object' && input !== null && !(input instanceof Uint8Array) && Array.isArray((input as JourneyMap).lanes) && typeof (input as JourneyMap).labels === 'object';

/**
 * Renders one map into a document: HTML and Markdown as a string, PDF as bytes. Takes a map's source
 * (validated first) or the `map` of a validate() result. Rejects with a JourneyError.
 */
export async function render(input: MapSource | JourneyMap, format: 'html' | 'md', options?: RenderOptions): Promise<string>;
export async function render(input: MapSource | JourneyMap, format: 'pdf' | 'png', options?: RenderOptions): Promise<Uint8Array>;
export async function render(input: MapSource | JourneyMap, format: Format, options?: RenderOptions): Promise<string | Uint8Array>;
export async function render(input: MapSource | JourneyMap, format: Format, options: RenderOptions = {}): Promise<string | Uint8Array> {
  let map: JourneyMap;
  if (isModel(input)) map = input;
  else {
    const checked = await validate(input, options);
    if (!checked.map) throw new JourneyError(`${options.file ?? 'the map'} has ${checked.diagnostics.length === 1 ? 'a problem' : `${checked.diagnostics.length} problems`}`, checked.diagnostics);
    map = checked.map;
  }
  let layout: Template | undefined;
  const layoutName = 'layout.hbs';
  if (options.layout !== undefined) {
    try {
      layout = await (await import('./render/html.js')).compileHtmlLayout(layoutName, options.layout);
    } catch (error) {
      if (error instanceof LayoutError) throw new JourneyError(`the layout has a problem: ${error.message}`, [layoutProblem(error)]);
      throw error;
    }
  }
  const timeout = (options.timeout ?? 60) * 1000;
  const values = resolveOptions(FORMAT_OPTIONS, options);
  if (!values.ok) throw new JourneyError(`an option has a problem: ${values.reason}`);
  const theme = options.theme && (await resolveTheme(options.theme, process.cwd()));
  if (theme && !theme.ok) throw new JourneyError(`the theme has a problem: ${theme.reason}`);
  const renderer = createRenderer({
    theme: theme?.theme,
    layout,
    ...values.values,
    timeout,
    browser: { executable: options.browser, env: options.env ?? process.env, timeout },
  });
  try {
    return await renderer.render(map, format);
  } catch (error) {
    if (error instanceof LayoutError) throw new JourneyError(`the layout has a problem: ${error.message}`, [layoutProblem(error)]);
    if (error instanceof BrowserError || error instanceof RenderError) throw new JourneyError(error.message);
    throw error;
  } finally {
    await renderer.close();
  }
}

export interface BuildOptions extends DocumentOptions {
  /** The folder inputs, outputs and the config file are found from (default `process.cwd()`). */
  cwd?: string;
  /** A config file; `false` to ignore journey.config.yaml (default: found as the CLI finds it). */
  config?: string | false;
  /** One format or several (default: from `output`'s extension, else `html`). */
  format?: Format | Format[];
  /** Where to write the one document of one map; `-` for standard output. */
  output?: string;
  /** Write documents here, keeping the maps' folder structure (default: beside each map). */
  outDir?: string;
  /** A custom Handlebars layout file for HTML. */
  layout?: string;
  /** PDF and PNG documents made at once (default 4). */
  jobs?: number;
  /** Refuse map files larger than this many MiB (default 5). */
  maxFileSize?: number;
  /** Build every map, even one whose documents are up to date (default: as `journey build`, only what changed). */
  force?: boolean;
}

export interface BuildResult extends RunResult {
  /** True when every map was built into every format asked for: `journey build` would exit 0. */
  ok: boolean;
}

/**
 * Builds maps into documents, exactly as `journey build` does (files, folders or glob patterns; a
 * map with problems writes nothing; one bad map never stops the others), and returns what
 * `journey build --reporter json` prints. Resolves even when maps fail: look at `ok`.
 */
export async function build(inputs: string | string[], options: BuildOptions = {}): Promise<BuildResult> {
  const io = libraryIo(options.cwd ?? process.cwd(), options.env ?? process.env);
  const { format, theme: themeOptions, ...rest } = options;
  let result: RunResult;
  try {
    const theme = themeOptions && (await resolveTheme(themeOptions, io.cwd));
    if (theme && !theme.ok) throw new CliError(`the theme has a problem: ${theme.reason}`, EXIT.usage);
    const cliOptions = { ...rest, theme: theme?.theme, format: Array.isArray(format) ? format.join(',') : format, reporter: 'json' as const };
    const job = await prepareBuild(typeof inputs === 'string' ? [inputs] : inputs, cliOptions, io);
    try {
      result = runResult(await job.run(silentProgress));
    } finally {
      await job.close();
    }
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    result = runResult({ command: 'build', ...errorReport(error) });
  }
  return { ok: result.files.every((f) => f.ok) && !result.problems?.length, ...result };
}
