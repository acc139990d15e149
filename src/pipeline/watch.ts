// journey build --watch: after the first build, rebuild a map whenever it is saved. Keeps going
// after errors, reuses the browser between rebuilds, and stops cleanly on Ctrl-C.
import { basename, dirname, extname, relative, resolve } from 'node:path';
import { terminalSafe } from '../core/safe-text.js';
import type { Io } from '../io/terminal.js';
import type { Renderer } from '../render/renderer.js';
import { countWords, reporterFor, type FileReport, type ReporterName } from '../report/index.js';
import { painter } from '../report/text.js';
import { buildMaps } from './batch.js';
import { loadLayout } from './layout.js';
import type { BuildPlan } from './plan.js';
import { silentProgress } from './progress.js';

const DEBOUNCE_MS = 100;

export interface WatchOptions {
  reporter: ReporterName;
  quiet?: boolean;
  configFile?: string;
  /** The inputs expanded again: a new file joins the build only if a folder or pattern given takes it. */
  expand: () => Promise<string[]>;
}

/** Watches the maps of a first build (its reports), and the files they name. */
export async function watch(built: FileReport[], plan: BuildPlan, renderer: Renderer, options: WatchOptions, io: Io): Promise<number> {
  const { watch: watchFiles } = await import('chokidar');
  const paint = painter(io.color);
  const absolute = (p: string) => resolve(io.cwd, p);
  const shown = (p: string) => relative(io.cwd, p) || p;
  const maps = new Set(built.map((r) => absolute(r.file)));
  // A persona file saved rebuilds every map that names it.
  const dependents = new Map<string, Set<string>>();
  const follow = (reports: FileReport[]) => {
    for (const r of reports) {
      for (const dep of r.dependencies ?? []) {
        if (!dependents.has(dep)) (dependents.set(dep, new Set()), watcher?.add(dep));
        dependents.get(dep)!.add(absolute(r.file));
      }
    }
  };
  // New maps can appear in the folders that hold the maps being watched.
  const folders = new Set([...maps].map((f) => dirname(f)));
  const layout = plan.layoutFile ? absolute(plan.layoutFile) : undefined;
  const configFile = options.configFile ? absolute(options.configFile) : undefined;
  const outputs = new Set<string>();

  let watcher: ReturnType<typeof watchFiles> | undefined;
  follow(built);
  watcher = watchFiles([...folders, ...(layout ? [layout] : []), ...(configFile ? [configFile] : []), ...dependents.keys()], {
    ignoreInitial: true,
    depth: 0,
    // Hidden files and node_modules inside a watched folder; judged by the name alone, so a folder
    // reached through `../` is watched like any other.
    ignored: (path: string) => !maps.has(path) && !folders.has(path) && /^(\.|node_modules$)/.test(basename(path)),
  });

  // Rebuilds run one after another; saves that arrive meanwhile are gathered for the next round.
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const schedule = (path: string) => {
    pending.add(path);
    clearTimeout(timer);
    timer = setTimeout(() => (running = running.then(rebuild)), DEBOUNCE_MS);
  };
  const reporter = reporterFor(options.reporter, io);

  async function rebuild(): Promise<void> {
    const batch = [...pending];
    pending.clear();
    if (layout && batch.includes(layout)) {
      const loaded = await loadLayout(shown(layout), io);
      if ('diagnostic' in loaded) return reporter.report({ command: 'watch', files: [{ file: shown(layout), diagnostics: [loaded.diagnostic] }] });
      renderer.setLayout(loaded.template);
      batch.push(...maps);
    }
    if (configFile && batch.includes(configFile)) {
      io.stderr(`${paint.yellow('!')} ${shown(configFile)} changed: restart journey to use the new settings\n`);
    }
    // Saved files and every map that names one of them, and so on (a map based on a map).
    const saved = new Set(batch);
    for (const path of saved) for (const map of dependents.get(path) ?? []) saved.add(map);
    const targets = [...saved].filter((p) => maps.has(p)).map(shown).sort();
    if (targets.length === 0) return;
    const started = Date.now();
    const { reports, browserProblem } = await buildMaps(targets, plan, renderer, io, silentProgress);
    const ms = Date.now() - started;
    follow(reports);
    reporter.report({ command: 'watch', files: reports, problems: browserProblem ? [browserProblem] : [] });
    for (const r of reports) {
      for (const out of r.outputs ?? []) outputs.add(absolute(out));
      if (options.reporter === 'text' && !options.quiet && r.outputs?.length) {
        io.stderr(`${paint.green('↻')} ${terminalSafe(r.file)} → ${terminalSafe(r.outputs.join(', '))} ${paint.dim(`(${ms} ms)`)}\n`);
      }
    }
  }

  const onFile = async (path: string) => {
    if (path === layout || path === configFile || dependents.has(path)) return schedule(path);
    if (!/^\.ya?ml$/i.test(extname(path)) || outputs.has(path)) return;
    if (!maps.has(path)) {
      // A new file joins when a folder or pattern given on the command line (or in the config) takes it.
      const now = new Set((await options.expand()).map(absolute));
      if (!now.has(path)) return;
      maps.add(path);
    }
    schedule(path);
  };
  watcher.on('change', onFile).on('add', onFile);
  watcher.on('unlink', (path) => maps.delete(path));
  await new Promise<void>((ready) => watcher.on('ready', ready));

  if (options.reporter === 'text') io.stderr(`Watching ${countWords(maps.size, 'map')} for changes. Press Ctrl-C to stop.\n`);
  // Keeps the process alive until Ctrl-C even while nothing is being watched (every map deleted, say).
  const keepAlive = setInterval(() => {}, 1 << 30);
  await new Promise<void>((stop) => {
    const unsubscribe = io.onInterrupt(() => (unsubscribe(), stop()));
  });
  clearInterval(keepAlive);
  clearTimeout(timer);
  await watcher.close();
  await running;
  if (options.reporter === 'text') io.stderr('Stopped watching.\n');
  return 0;
}
