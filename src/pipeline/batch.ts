// Builds a list of maps: each map is read, rendered in every format and written; one bad map never
// stops the others. Large batches without a browser are shared with worker threads; reports keep
// the input order.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserError } from '../browser/launch.js';
import { problem } from '../core/diagnostics.js';
import { contentHash, linkStaysInside, removeStaleTemps } from '../io/files.js';
import type { BuiltMap, WrittenDocument } from './incremental.js';
import { outputPath } from '../io/inputs.js';
import { outputCollisions } from '../io/write-guard.js';
import type { Io } from '../io/terminal.js';
import { RenderError } from '../render/errors.js';
import { extensionOf, FORMATS, type Format } from '../render/formats.js';
import { LayoutError } from '../render/handlebars.js';
import type { Renderer } from '../render/renderer.js';
import type { FileReport } from '../report/index.js';
import { imagesRelativeTo } from './image-links.js';
import { inFlight } from './in-flight.js';
import { layoutProblem } from './layout.js';
import type { BuildPlan } from './plan.js';
import type { Progress } from './progress.js';
import { readMapFile, shownName } from './read.js';
import { createReferences, type References } from './references.js';
import { createWriter, stopWriting, WriteError, type Writer } from './write.js';
import { templatesOf } from '../io/templates.js';

/** Below this many maps a second thread costs more to start than it saves. */
const PARALLEL_MIN_MAPS = 64;
/** Maps checked at once for being up to date: reads overlap the hashing. */
const IO_OVERLAP = 8;

export interface BatchResult {
  reports: FileReport[];
  /** Why documents that need a browser were not made (said once for the whole batch). */
  browserProblem?: string;
}

/** What building one map gave: its report, and what an incremental build records of it. */
export interface FileResult extends BuiltMap {
  browserProblem?: string;
}

/**
 * With `ownSignals` false (a watch round), Ctrl-C is the caller's, which lets the round finish;
 * otherwise the batch stops on it, see stopOnInterrupt.
 */
export async function buildMaps(files: string[], plan: BuildPlan, renderer: Renderer, io: Io, progress: Progress, ownSignals = true): Promise<BatchResult> {
  const reports: FileReport[] = new Array(files.length);
  const write = createWriter(io);
  const references = referencesFor(plan, io);
  // A browser that cannot start fails every such document of the batch the same way: try it once.
  let browserProblem: string | undefined;
  const finish = (index: number, result: FileResult) => {
    reports[index] = result.report;
    browserProblem ??= result.browserProblem;
    progress.done(index, result.report);
  };

  // Every document's path is known before anything is written: maps that would write one document
  // (a.yaml and a.yml both → a.html) are reported, naming each other, and neither is built.
  const targets = files.flatMap((input) => plan.formats.map((format) => ({ input, output: targetOf(input, format, plan, io) })));
  const colliding = new Map<string, string[]>();
  for (const { output, inputs } of outputCollisions(targets, io.cwd)) {
    for (const input of inputs) colliding.set(input, [...(colliding.get(input) ?? []), `${output} (with ${inputs.filter((i) => i !== input).join(', ')})`]);
  }
  // A build that was killed (SIGKILL) left temporary files of its own naming: the next one removes them.
  // Only in folders the write guard allows: one that leads out of the project is not cleaned either.
  const folders = [...new Set(targets.filter((t) => t.output !== '-').map((t) => dirname(resolve(io.cwd, t.output))))].filter((folder) => linkStaysInside(folder, plan.projectRoot));
  for (const folder of folders) removeStaleTemps(folder);

  const candidates = files.map((_, i) => i).filter((i) => {
    const clash = colliding.get(files[i]!);
    if (clash) finish(i, { report: { file: shownName(files[i]!), diagnostics: [problem(shownName(files[i]!), 1, 1, 'output', `two maps would write the same document: ${clash.join('; ')}; rename one or use -d`, 'output-clash')], outputs: [] } });
    return !clash;
  });
  // Maps whose documents are up to date are reported as such, and not built again.
  const targetsOf = (i: number) => plan.formats.map((format, f) => [format, targets[i * plan.formats.length + f]!.output] as [Format, string]);
  const cache = plan.incremental ? await (await import('./incremental.js')).openBuildCache(plan, io) : undefined;
  const indexes: number[] = [];
  if (cache) {
    await inFlight(candidates, IO_OVERLAP, async (i) => {
      const upToDate = await cache.upToDate(files[i]!, targetsOf(i));
      if (upToDate) finish(i, { report: upToDate });
      else indexes.push(i);
    });
    indexes.sort((a, b) => a - b);
  } else indexes.push(...candidates);
  const built = (i: number, result: FileResult) => {
    cache?.record(files[i]!, targetsOf(i), result);
    finish(i, result);
  };
  const threads = parallelThreads(indexes.length, plan);
  // Worker threads' temporary files are not this thread's to remove: every temporary file of this
  // process in the batch's folders is removed when it is stopped, or exits another way (a second Ctrl-C).
  const cleanUp = () => folders.forEach((folder) => removeStaleTemps(folder, { thisProcess: true }));
  process.on('exit', cleanUp);
  const stopping: Stopping = { now: false, threads: [] };
  const unsubscribe = ownSignals ? stopOnInterrupt(io, stopping, cleanUp) : () => {};
  // This thread's maps; none is started once the batch is being stopped.
  const buildHere = async (i: number) => {
    // Reads and writes are synchronous: the event loop gets a turn before each map, so Ctrl-C and
    // the worker threads' results are handled while the batch runs.
    await new Promise((next) => setImmediate(next));
    if (stopping.now) return;
    progress.start(files[i]!);
    built(i, await buildFile(files[i]!, plan, { renderer, write, references }, io, browserProblem !== undefined));
  };
  try {
    if (threads > 1) {
      // Every thread takes the next map left from one shared counter: a worker thread that starts
      // later, or a thread slowed by a larger map, leaves more of them to the others, and all end together.
      const counter = new Int32Array(new SharedArrayBuffer(4));
      const maps = indexes.map((i) => ({ index: i, file: files[i]! }));
      // A thread that fails (a bug) stops the batch: no thread starts another map, the worker
      // threads are stopped, and once every thread has ended, their temporary files are removed.
      let failure: { error: unknown } | undefined;
      const stopOnFailure = async (error: unknown) => {
        failure ??= { error };
        stopping.now = true;
        await Promise.all(stopping.threads.map((t) => t.terminate()));
      };
      await Promise.all([
        inFlight(indexes, plan.jobs, buildHere, counter).catch(stopOnFailure),
        ...Array.from({ length: threads - 1 }, () => runWorker(maps, counter, plan, io, built, stopping).catch(stopOnFailure)),
      ]);
      if (failure) {
        cleanUp();
        throw failure.error;
      }
      // A thread that ended without a word for some of the maps it took is a failure, never a success.
      const missing = indexes.find((i) => reports[i] === undefined);
      if (missing !== undefined && !stopping.now) throw new Error(`a build thread ended without building ${files[missing]}`);
    } else {
      await inFlight(indexes, plan.jobs, buildHere);
    }
    // Stopped by a signal: no report; the signal given again ends the process.
    if (stopping.now) await new Promise(() => {});
  } finally {
    unsubscribe();
    process.off('exit', cleanUp);
  }
  await cache?.save(write, files);
  progress.end();
  return { reports, browserProblem };
}

/** Where a map's document in a format goes: `-o`, else beside the map or under `-d`. */
const targetOf = (file: string, format: Format, plan: BuildPlan, io: Io) => plan.output ?? outputPath(file, extensionOf(format), { cwd: io.cwd, outDir: plan.outDir, base: plan.base });

/** What a thread builds with: one renderer, one writer, one reader of referenced files. */
export interface BuildTools {
  renderer: Renderer;
  write: Writer;
  references: References;
}

/** Referenced files are read once per batch: a rebuild in watch mode reads them afresh. */
export const referencesFor = (plan: BuildPlan, io: Io) => createReferences(io, { projectRoot: plan.projectRoot, maxBytes: plan.maxBytes, defaultLocale: plan.defaultLocale, images: plan.images });

/** Loads one map and writes each of its documents. */
export async function buildFile(file: string, plan: BuildPlan, { renderer, write, references }: BuildTools, io: Io, noBrowser: boolean): Promise<FileResult> {
  // With metrics, positions are kept to point a warning at the KPI whose metric has no value.
  const incremental = plan.incremental !== undefined;
  const result = await readMapFile(file, io, { templates: templatesOf(plan), defaultLocale: plan.defaultLocale, maxBytes: plan.maxBytes, references, positions: plan.metrics !== undefined, hashSource: incremental });
  const report: FileReport = { file: shownName(file), diagnostics: result.diagnostics, outputs: [], dependencies: result.ok ? result.dependencies : undefined };
  let browserProblem: string | undefined;
  if (!result.ok) return { report };
  const written: Record<string, WrittenDocument> | undefined = incremental ? {} : undefined;
  let map = result.map;
  let metricIds: string[] | undefined;
  if (plan.metrics) {
    const { applyMetrics, missingMetricWarning } = await import('../core/metrics.js');
    metricIds = map.stages.flatMap((s) => s.kpis.flatMap((k) => (k.metric ? [k.metric] : [])));
    const applied = applyMetrics(map, plan.metrics);
    map = applied.map;
    report.diagnostics.push(...applied.missing.map((m) => missingMetricWarning(report.file, result.source, m, plan.metrics!.file)));
  }
  for (const format of plan.formats) {
    if (FORMATS[format].build.needsBrowser && (noBrowser || browserProblem)) {
      report.incomplete = true;
      continue;
    }
    const target = targetOf(file, format, plan, io);
    try {
      // Markdown links a stage image from the document's own folder.
      const rendered = await renderer.render(format === 'md' ? imagesRelativeTo(map, file, target, io.cwd) : map, format);
      // Encoded once, for the hash and the write.
      const document = written && typeof rendered === 'string' ? Buffer.from(rendered) : rendered;
      const info = await write(target, document, { what: `${format} document`, inputs: [file], projectRoot: plan.projectRoot });
      if (written && info) written[target] = { ...info, hash: contentHash(document) };
      report.outputs!.push(target);
    } catch (error) {
      if (error instanceof BrowserError) {
        browserProblem = error.message;
        report.incomplete = true;
      } else if (error instanceof LayoutError) {
        // HTML and a PDF document both use the layout: its mistake is reported once.
        const found = layoutProblem(error);
        if (!report.diagnostics.some((d) => d.file === found.file && d.line === found.line && d.col === found.col && d.message === found.message)) report.diagnostics.push(found);
      }
      else if (error instanceof RenderError) report.diagnostics.push(problem(report.file, 1, 1, 'output', error.message, 'render-failed'));
      else if (error instanceof WriteError) report.diagnostics.push(problem(report.file, 1, 1, 'output', error.message, error.code));
      else throw error;
    }
  }
  return { report, browserProblem, metricIds, source: result.sourceHash, written };
}

/** How many threads to build with: several only for large batches without a browser, and only from the bundle. */
function parallelThreads(maps: number, plan: BuildPlan): number {
  if (maps < PARALLEL_MIN_MAPS || plan.formats.some((f) => FORMATS[f].build.needsBrowser) || plan.output !== undefined || !workerScript()) return 1;
  return Math.max(1, Math.min(availableParallelism(), 4));
}

/**
 * How a worker thread starts, when journey runs from its bundle (tests running from src/ build on one
 * thread): on Node 20, from the CommonJS bundle (dist/cli.cjs), through V8's code cache as the CLI
 * does (bin/code-cache.js), which saves most of its start; elsewhere the ES-module worker, which
 * Node 22+ caches itself.
 */
function workerScript(): { script: string | URL; eval: boolean } | undefined {
  if (!/\.c?js$/.test(import.meta.url)) return undefined;
  const at = (name: string) => fileURLToPath(new URL(name, import.meta.url));
  const cache = at('../bin/code-cache.js');
  if (import.meta.url.endsWith('.cjs') && existsSync(cache)) {
    return { script: `require(${JSON.stringify(cache)}).runCachedWorker(${JSON.stringify(fileURLToPath(import.meta.url))})`, eval: true };
  }
  return existsSync(at('./batch-worker.js')) ? { script: new URL('./batch-worker.js', import.meta.url), eval: false } : undefined;
}

export interface WorkerData {
  plan: BuildPlan;
  /** Every map of the batch to build, with its place in the report... */
  maps: { index: number; file: string }[];
  /** ...of which each thread takes the next one left (see inFlight). */
  counter: Int32Array;
  cwd: string;
}

/**
 * On Ctrl-C or SIGTERM, writes stop and those under way end, and worker threads are stopped, so no
 * temporary file can be started after `cleanUp`; then the signal is given again, and the process ends
 * as it would have (exit 130 or 143). Returns the unsubscribe.
 */
function stopOnInterrupt(io: Io, stopping: Stopping, cleanUp: () => void): () => void {
  const unsubscribe = io.onInterrupt((signal) => {
    unsubscribe();
    stopping.now = true;
    setInterval(() => {}, 1 << 30); // alive until the signal given again arrives
    void Promise.all([stopWriting(), ...stopping.threads.map((t) => t.terminate())]).then(() => (cleanUp(), process.kill(process.pid, signal)));
  });
  return unsubscribe;
}

/** The batch's worker threads, and whether they are being stopped (Ctrl-C): then their exit is no failure. */
interface Stopping {
  now: boolean;
  threads: { terminate(): Promise<number> }[];
}

async function runWorker(maps: WorkerData['maps'], counter: Int32Array, plan: BuildPlan, io: Io, finish: (index: number, result: FileResult) => void, stopping: Stopping): Promise<void> {
  // The environment is the worker's own; the browser is never used there. The main thread alone
  // decides what is up to date and keeps the manifests; a worker hashes what it read and wrote for it.
  const data: WorkerData = { plan: { ...plan, incremental: plan.incremental && { ...plan.incremental, config: null }, render: { ...plan.render, browser: { ...plan.render.browser, env: {} } } }, maps, counter, cwd: io.cwd };
  const { Worker } = await import('node:worker_threads'); // loaded only for batches large enough to split
  const { script, eval: evaluate } = workerScript()!;
  const thread = new Worker(script, { eval: evaluate, workerData: data });
  stopping.threads.push(thread);
  await new Promise<void>((done, fail) => {
    thread.on('message', (m: { index: number; result: FileResult }) => finish(m.index, m.result));
    thread.on('error', fail);
    thread.on('exit', (code) => (code === 0 || stopping.now ? done() : fail(new Error(`a build thread stopped with code ${code}`))));
  });
}
