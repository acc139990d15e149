// journey build --watch: after the first build, rebuild a map whenever it is saved. Keeps going
// after errors, reuses the browser between PDF rebuilds, and stops cleanly on Ctrl-C.
import { stat } from 'node:fs/promises';
import { dirname, extname, relative, resolve } from 'node:path';
import type { Io } from '../io/terminal.js';
import type { ReporterName } from '../report.js';
import { countWords, painter } from '../report.js';
import { buildMaps, loadLayout, type BuildPlan } from './build.js';
import { printReport } from './report-results.js';

const DEBOUNCE_MS = 100;

export interface WatchOptions {
  reporter: ReporterName;
  quiet?: boolean;
  layoutFile?: string;
  configFile?: string;
}

export async function watch(files: string[], plan: BuildPlan, options: WatchOptions, io: Io): Promise<number> {
  const { watch: watchFiles } = await import('chokidar');
  const paint = painter(io.color);
  const absolute = (p: string) => resolve(io.cwd, p);
  const shown = (p: string) => relative(io.cwd, p) || p;
  const maps = new Set(files.map(absolute));
  // New maps appear in the folders that hold the maps being watched.
  const folders = new Set([...maps].map((f) => dirname(f)));
  const layout = options.layoutFile ? absolute(options.layoutFile) : undefined;
  const configFile = options.configFile ? absolute(options.configFile) : undefined;
  const outputs = new Set<string>();

  const watcher = watchFiles([...folders, ...(layout ? [layout] : []), ...(configFile ? [configFile] : [])], {
    ignoreInitial: true,
    depth: 0,
    ignored: (path: string) => /(^|[/\\])(\.|node_modules)/.test(relative(io.cwd, path)) && !maps.has(path),
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

  async function rebuild(): Promise<void> {
    const batch = [...pending];
    pending.clear();
    if (layout && batch.includes(layout)) {
      const loaded = await loadLayout(shown(layout), io);
      if ('diagnostic' in loaded) {
        printReport([{ file: shown(layout), diagnostics: [loaded.diagnostic] }], options.reporter, io);
        return;
      }
      plan.renderer.setLayout(loaded.template);
      batch.push(...maps);
    }
    if (configFile && batch.includes(configFile)) {
      io.stderr(`${paint.yellow('!')} ${shown(configFile)} changed: restart journey to use the new settings\n`);
    }
    const targets = [...new Set(batch.filter((p) => maps.has(p)))].map(shown).sort();
    if (targets.length === 0) return;
    const started = Date.now();
    const { reports, browserProblem } = await buildMaps(targets, plan, io, { reporter: options.reporter, quiet: true });
    const ms = Date.now() - started;
    printReport(reports, options.reporter, io);
    if (browserProblem) io.stderr(`${paint.red('error:')} ${browserProblem}\n`);
    if (options.reporter === 'text' && !options.quiet) {
      for (const r of reports) {
        for (const out of r.outputs ?? []) outputs.add(absolute(out));
        if (r.outputs?.length) io.stderr(`${paint.green('↻')} ${r.file} → ${r.outputs.join(', ')} ${paint.dim(`(${ms} ms)`)}\n`);
      }
    }
  }

  const onFile = async (path: string) => {
    if (path === layout || path === configFile) return schedule(path);
    if (!/^\.ya?ml$/i.test(extname(path)) || outputs.has(path)) return;
    if (!maps.has(path)) {
      // A new map in a watched folder joins the build.
      if (!folders.has(dirname(path)) || !(await stat(path).then((s) => s.isFile(), () => false))) return;
      maps.add(path);
    }
    schedule(path);
  };
  watcher.on('change', onFile).on('add', onFile);
  watcher.on('unlink', (path) => maps.delete(path));
  await new Promise<void>((ready) => watcher.on('ready', ready));

  if (options.reporter === 'text') io.stderr(`Watching ${countWords(maps.size, 'map')} for changes. Press Ctrl-C to stop.\n`);
  await new Promise<void>((stop) => {
    const unsubscribe = io.onInterrupt(() => (unsubscribe(), stop()));
  });
  clearTimeout(timer);
  await watcher.close();
  await running;
  if (options.reporter === 'text') io.stderr('Stopped watching.\n');
  return 0;
}
