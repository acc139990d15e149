// journey build: for each map, load → render each format → write. A map with problems writes
// nothing; every document is written atomically; one bad map never stops the others.
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { BrowserError } from '../browser/launch.js';
import type { Diagnostic } from '../core/diagnostics.js';
import type { Locale } from '../core/locale.js';
import type { JourneyMap } from '../core/model.js';
import { problem } from '../core/text.js';
import { fsReason, writeFileAtomic } from '../io/files.js';
import { STDIN, commonBase, outputPath } from '../io/inputs.js';
import type { Io } from '../io/terminal.js';
import { RenderError } from '../render/errors.js';
import { chooseFormats, type Format } from '../render/formats.js';
import { LayoutError, type Template } from '../render/handlebars.js';
import type { PageSize, PdfOptions, createPdfRenderer } from '../render/pdf.js';
import type { ReporterName } from '../report.js';
import { painter } from '../report.js';
import { inFlight } from './in-flight.js';
import { STDIN_NAME, loadFile, shownName } from './load-file.js';
import { hasErrors, printReport, tally, type FileReport } from './report-results.js';
import { openSession } from './session.js';

export interface BuildOptions {
  format?: string;
  output?: string;
  outDir?: string;
  layout?: string;
  mdLayout?: 'auto' | 'table' | 'sections';
  reporter: ReporterName;
  browser?: string;
  pageSize?: PageSize;
  portrait?: boolean;
  /** Seconds to wait for the browser to start, and to print one document. */
  timeout?: number;
  /** PDF pages printed at once. */
  jobs?: number;
  quiet?: boolean;
  watch?: boolean;
  config?: string | false;
  maxFileSize?: number;
}

/** Everything a build needs once options, config and inputs are settled; watch mode reuses it. */
export interface BuildPlan extends BuildSpec {
  renderer: Renderer;
  jobs: number;
}

/** What a worker thread needs to build its share of a batch: plain data, no renderer or browser. */
export interface BuildSpec {
  formats: Format[];
  output?: string;
  outDir?: string;
  base: string;
  defaultLocale?: Locale;
  maxBytes?: number;
  layoutFile?: string;
  mdLayout: 'auto' | 'table' | 'sections';
}

/** Below this many maps a second thread costs more to start than it saves. */
const PARALLEL_MIN_MAPS = 64;
/** Maps in flight at once in one thread for HTML and Markdown. */
const IO_OVERLAP = 8;

export async function build(inputs: string[], options: BuildOptions, io: Io): Promise<number> {
  const paint = painter(io.color);
  const usage = (message: string) => (io.stderr(`${paint.red('error:')} ${message}\n`), 2);

  const session = await openSession(inputs, options, io);
  if (!session.ok) return session.code;
  const { config, files } = session;
  const formats = chooseFormats(options.format ?? config?.format?.join(','), options.output);
  if ('error' in formats) return usage(formats.error);
  if (options.output && files.length > 1) return usage('-o/--output names one document: build one map with it, or use --out-dir');
  if (options.output && formats.length > 1) return usage('-o/--output names one document: choose one format with it, or use --out-dir');
  if (options.watch && files.includes(STDIN)) return usage('--watch needs files: standard input cannot be watched');
  // A map read from standard input is written to standard output unless -o says otherwise.
  const output = options.output ?? (files.length === 1 && files[0] === STDIN ? '-' : undefined);

  const layoutFile = options.layout ?? config?.layout;
  const layout = layoutFile ? await loadLayout(layoutFile, io) : undefined;
  if (layout && 'diagnostic' in layout) {
    printReport([{ file: layoutFile!, diagnostics: [layout.diagnostic] }], options.reporter, io);
    return 1;
  }

  const mdLayout = options.mdLayout ?? config?.mdLayout ?? 'auto';
  const plan: BuildPlan = {
    formats,
    output,
    outDir: options.outDir ?? config?.outDir,
    base: commonBase(files, io.cwd),
    defaultLocale: config?.locale,
    maxBytes: session.maxBytes,
    layoutFile,
    mdLayout,
    // HTML and Markdown keep several maps in flight so file reads and writes overlap the CPU work.
    jobs: formats.includes('pdf') ? Math.max(1, options.jobs ?? 4) : IO_OVERLAP,
    renderer: createRenderer({
      layout: layout?.template,
      mdLayout,
      pdf: {
        browser: options.browser ?? config?.browser,
        env: io.env,
        pageSize: options.pageSize ?? config?.pageSize ?? 'A4',
        portrait: options.portrait ?? config?.portrait ?? false,
        timeout: (options.timeout ?? 60) * 1000,
      },
    }),
  };

  try {
    const started = Date.now();
    const result = await buildMaps(files, plan, io, options);
    printSummary(result.reports, result.browserProblem, Date.now() - started, options, io);
    const failed = Boolean(result.browserProblem) || result.reports.some(hasErrors);
    if (!options.watch) return failed ? 1 : 0;
    const { watch } = await import('./watch.js');
    return await watch(files, plan, { ...options, layoutFile, configFile: config?.file }, io);
  } finally {
    await plan.renderer.close();
  }
}

export interface BatchResult {
  reports: FileReport[];
  browserProblem?: string;
}

/** Builds maps with at most `plan.jobs` at once (PDF pages share one browser); reports keep input order. */
export async function buildMaps(files: string[], plan: BuildPlan, io: Io, options: { reporter: ReporterName; quiet?: boolean }): Promise<BatchResult> {
  const reports: FileReport[] = new Array(files.length);
  const progress = createProgress(files.length, io, options);
  // A browser that cannot start fails every PDF of the build the same way: say it once.
  let browserProblem: string | undefined;
  const finish = (index: number, result: FileResult) => {
    reports[index] = result.report;
    browserProblem ??= result.browserProblem;
    progress.done(result.report);
  };

  const threads = parallelThreads(files, plan);
  const indexes = files.map((_, i) => i);
  if (threads > 1) {
    // Large HTML/Markdown batches use every core: worker threads build every n-th map, this
    // thread the rest.
    const shares = Array.from({ length: threads }, (_, t) => indexes.filter((i) => i % threads === t));
    await Promise.all([
      inFlight(shares[0]!, plan.jobs, async (i) => finish(i, await buildFile(files[i]!, plan, plan.renderer, io, false))),
      ...shares.slice(1).map((share) => runWorker(share.map((i) => ({ index: i, file: files[i]! })), plan, io, finish)),
    ]);
  } else {
    await inFlight(indexes, plan.jobs, async (i) => {
      progress.start(files[i]!);
      finish(i, await buildFile(files[i]!, plan, plan.renderer, io, browserProblem !== undefined));
    });
  }
  progress.end();
  return { reports, browserProblem };
}

export interface FileResult {
  report: FileReport;
  browserProblem?: string;
}

/** Loads one map and writes each of its documents. */
export async function buildFile(file: string, spec: BuildSpec, renderer: Renderer, io: Io, skipPdf: boolean): Promise<FileResult> {
  const result = await loadFile(file, io, { defaultLocale: spec.defaultLocale, maxBytes: spec.maxBytes });
  const report: FileReport = { file: shownName(file), diagnostics: result.diagnostics, outputs: [] };
  let browserProblem: string | undefined;
  if (!result.ok) return { report };
  for (const format of spec.formats) {
    if (format === 'pdf' && (skipPdf || browserProblem)) continue;
    const target = spec.output ?? outputPath(file, format, { cwd: io.cwd, outDir: spec.outDir, base: spec.base });
    try {
      const written = await buildOne(result.map, format, report.file, target, renderer, io);
      if ('diagnostic' in written) report.diagnostics.push(written.diagnostic);
      else report.outputs!.push(target);
    } catch (error) {
      if (!(error instanceof BrowserError)) throw error;
      browserProblem = error.message;
    }
  }
  return { report, browserProblem };
}

/** How many threads to build with: several only for large batches without PDF, and only from the bundle. */
function parallelThreads(files: string[], plan: BuildPlan): number {
  if (files.length < PARALLEL_MIN_MAPS || plan.formats.includes('pdf') || plan.output !== undefined || !workerScript()) return 1;
  return Math.max(1, Math.min(availableParallelism(), 4));
}

/** The worker script exists next to the bundle; tests running from src/ build on one thread. */
function workerScript(): URL | undefined {
  if (!import.meta.url.endsWith('.js')) return undefined;
  const url = new URL('./batch-worker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : undefined;
}

async function runWorker(share: { index: number; file: string }[], spec: BuildSpec, io: Io, finish: (index: number, result: FileResult) => void): Promise<void> {
  const data: BuildSpec & { share: typeof share; cwd: string } = {
    formats: spec.formats,
    output: spec.output,
    outDir: spec.outDir,
    base: spec.base,
    defaultLocale: spec.defaultLocale,
    maxBytes: spec.maxBytes,
    layoutFile: spec.layoutFile,
    mdLayout: spec.mdLayout,
    share,
    cwd: io.cwd,
  };
  const { Worker } = await import('node:worker_threads'); // loaded only for batches large enough to split
  const thread = new Worker(workerScript()!, { workerData: data });
  await new Promise<void>((done, fail) => {
    thread.on('message', (m: { index: number; result: FileResult }) => finish(m.index, m.result));
    thread.on('error', fail);
    thread.on('exit', (code) => (code === 0 ? done() : fail(new Error(`a build thread stopped with code ${code}`))));
  });
}

function printSummary(reports: FileReport[], browserProblem: string | undefined, ms: number, options: BuildOptions, io: Io): void {
  const seconds = Math.round(ms / 100) / 10;
  const { failed } = tally(reports);
  const built = reports.length - failed;
  printReport(reports, options.reporter, io, { summary: false, extra: { built, seconds } });
  if (options.reporter !== 'text') {
    if (browserProblem) io.stderr(`error: ${browserProblem}\n`);
    return;
  }
  const paint = painter(io.color);
  if (browserProblem) io.stderr(`${paint.red('error:')} ${browserProblem}\n`);
  if (options.quiet) return;
  if (reports.length === 1 && !failed && !browserProblem) return; // the ✓ line said it all
  const line = `${built} built, ${failed} failed, ${seconds} s`;
  io.stderr(`${failed || browserProblem ? paint.red(`✗ ${line}`) : paint.green(`✓ ${line}`)}\n`);
}

/** On a terminal, one line redrawn with the count; otherwise a plain line per map (none with --quiet). */
export function createProgress(total: number, io: Io, options: { reporter: ReporterName; quiet?: boolean }) {
  const paint = painter(io.color);
  const text = options.reporter === 'text' && !options.quiet;
  const live = text && io.interactive && total > 1;
  let finished = 0;
  return {
    start(file: string) {
      if (live) io.stderr(`\r\x1b[2K[${finished}/${total}] ${shownName(file)}`);
    },
    done(report: FileReport) {
      finished++;
      if (live) io.stderr(`\r\x1b[2K[${finished}/${total}] ${report.file}`);
      else if (text) for (const out of report.outputs ?? []) if (out !== '-') io.stderr(`${paint.green('✓')} ${report.file} → ${out}\n`);
    },
    end() {
      if (live) io.stderr('\r\x1b[2K');
    },
  };
}

async function buildOne(map: JourneyMap, format: Format, input: string, target: string, renderer: Renderer, io: Io): Promise<{ ok: true } | { diagnostic: Diagnostic }> {
  const fail = (message: string) => ({ diagnostic: problem(input, 1, 1, 'output', message) });
  if (target !== '-' && input !== STDIN_NAME && resolve(io.cwd, target) === resolve(io.cwd, input)) {
    return fail(`refusing to write the ${format} document over the map itself (${target}): choose another output`);
  }
  if (target !== '-' && /\.ya?ml$/i.test(target)) return fail(`refusing to write the ${format} document to ${target}: a .yaml file could be a map`);
  let document: string | Uint8Array;
  try {
    document = await renderer.render(map, format);
  } catch (error) {
    if (error instanceof LayoutError) return { diagnostic: problem(error.file, error.line, error.col, 'layout', error.message) };
    if (error instanceof RenderError) return fail(error.message);
    throw error;
  }
  if (target === '-') {
    io.stdout(document);
    return { ok: true };
  }
  const path = resolve(io.cwd, target);
  try {
    await ensureFolder(dirname(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail(`cannot write ${target}: ${code === 'EEXIST' || code === 'ENOTDIR' ? 'a parent of this path is a file, not a folder' : fsReason(error)}`);
  }
  try {
    await writeFileAtomic(path, document);
  } catch (error) {
    return fail(`cannot write ${target}: ${fsReason(error)}`);
  }
  return { ok: true };
}

const folders = new Map<string, Promise<unknown>>();
/** Creates a document's folder once per build, not once per document. */
function ensureFolder(dir: string): Promise<unknown> {
  let made = folders.get(dir);
  if (!made) {
    made = mkdir(dir, { recursive: true });
    folders.set(dir, made);
    made.catch(() => folders.delete(dir));
  }
  return made;
}

export interface Renderer {
  render(map: JourneyMap, format: Format): Promise<string | Uint8Array>;
  /** Replaces the custom layout (watch mode, after the layout file changed). */
  setLayout(layout: Template | undefined): void;
  close(): Promise<void>;
}

/** Loads each format's renderer on first use; the PDF one keeps one browser for the whole build. */
export function createRenderer(options: { layout?: Template; mdLayout: 'auto' | 'table' | 'sections'; pdf: PdfOptions }): Renderer {
  // The promise itself is kept, so maps rendered in parallel share one renderer (and one browser).
  let pdf: Promise<ReturnType<typeof createPdfRenderer>> | undefined;
  let layout = options.layout;
  return {
    async render(map, format) {
      const { renderHtml } = await import('../render/html.js');
      switch (format) {
        case 'html':
          return renderHtml(map, { layout });
        case 'md':
          return (await import('../render/markdown.js')).renderMarkdown(map, { layout: options.mdLayout });
        case 'pdf': {
          pdf ??= import('../render/pdf.js').then((m) => m.createPdfRenderer(options.pdf));
          return (await pdf).render(map, (stagesPerTable) => renderHtml(map, { layout, stagesPerTable }));
        }
      }
    },
    setLayout(next) {
      layout = next;
    },
    async close() {
      await (await pdf)?.close();
    },
  };
}

export async function loadLayout(file: string, io: Io): Promise<{ template: Template } | { diagnostic: Diagnostic }> {
  let source: string;
  try {
    source = await readFile(resolve(io.cwd, file), 'utf8');
  } catch (error) {
    return { diagnostic: problem(file, 1, 1, 'layout', `cannot read the layout: ${fsReason(error)}`) };
  }
  try {
    const { compileHtmlLayout } = await import('../render/html.js');
    return { template: await compileHtmlLayout(file, source) };
  } catch (error) {
    if (error instanceof LayoutError) return { diagnostic: problem(file, error.line, error.col, 'layout', error.message) };
    throw error;
  }
}
