// Following maps as they are saved: `journey build --watch` rebuilds their documents, and `journey
// preview` re-renders what it serves, on top of the same follower. It watches the maps, the folders
// that hold them (new maps), the files they name (persona files), the layout and the config file,
// gathers changes that arrive close together, and runs one round of work at a time.
import { stat } from 'node:fs/promises';
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
import { rereadTeamTemplates } from '../io/templates.js';

/** Saves within this long are one change: editors often write a file in several steps. */
const DEBOUNCE_MS = 100;

/**
 * chokidar drops a file's second change within 50 ms of the first one it reported, so a formatter
 * that rewrites a file just after the editor saved it would go unseen: a file is looked at again
 * once that window is past.
 */
const RECHECK_MS = 60;

/** One round of saves. */
export interface Change {
  /** The maps to rebuild, as given: those saved and every map that names a saved file (sorted). */
  maps: string[];
  /** The layout file was saved. */
  layout: boolean;
  /** Maps deleted since the last round. */
  removed: string[];
  /** The files saved since the last round (a project's own template, say). */
  saved: string[];
}

export interface FollowOptions {
  /** The maps read so far, with the files each names. */
  reports: FileReport[];
  layoutFile?: string;
  configFile?: string;
  /** The inputs expanded again: a new file joins only if a folder or pattern given takes it. */
  expand: () => Promise<string[]>;
  debounceMs?: number;
  /** Files written by the work itself (documents beside the maps), never a reason to rebuild. */
  ignore?: (path: string) => boolean;
  /** Does the work of one round; returns the reports of the maps it read, whose named files are then followed too. */
  onChange: (change: Change) => Promise<FileReport[]>;
}

export interface Follower {
  /** How many maps are followed. */
  count(): number;
  /** Stops watching, after the round under way. */
  close(): Promise<void>;
}

export async function followMaps(options: FollowOptions, io: Io): Promise<Follower> {
  const { watch: watchFiles } = await import('chokidar');
  const paint = painter(io.color);
  const absolute = (p: string) => resolve(io.cwd, p);
  const shown = (p: string) => relative(io.cwd, p) || p;
  const maps = new Set(options.reports.map((r) => absolute(r.file)));
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
  const layout = options.layoutFile ? absolute(options.layoutFile) : undefined;
  const configFile = options.configFile ? absolute(options.configFile) : undefined;

  let watcher: ReturnType<typeof watchFiles> | undefined;
  follow(options.reports);
  watcher = watchFiles([...folders, ...(layout ? [layout] : []), ...(configFile ? [configFile] : []), ...dependents.keys()], {
    ignoreInitial: true,
    depth: 0,
    // Hidden files and node_modules inside a watched folder; judged by the name alone, so a folder
    // reached through `../` is watched like any other.
    ignored: (path: string) => !maps.has(path) && !folders.has(path) && /^(\.|node_modules$)/.test(basename(path)),
  });

  // Rounds run one after another; saves that arrive meanwhile are gathered for the next round.
  const pending = new Set<string>();
  const removed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  // A round that fails (a folder removed under it, say) is said, and the next save is still followed.
  const guarded = () => round().catch((error: unknown) => io.stderr(`${paint.red('error:')} ${terminalSafe(error instanceof Error ? error.message : String(error))}\n`));
  const schedule = (path: string) => {
    pending.add(path);
    clearTimeout(timer);
    timer = setTimeout(() => (running = running.then(guarded)), options.debounceMs ?? DEBOUNCE_MS);
  };

  async function round(): Promise<void> {
    const batch = [...pending];
    pending.clear();
    const gone = [...removed].map(shown).sort();
    removed.clear();
    const layoutSaved = layout !== undefined && batch.includes(layout);
    if (layoutSaved) batch.push(...maps);
    if (configFile && batch.includes(configFile)) {
      io.stderr(`${paint.yellow('!')} ${terminalSafe(shown(configFile))} changed: restart journey to use the new settings\n`);
    }
    // Saved files and every map that names one of them, and so on (a map based on a map).
    const saved = new Set(batch);
    for (const path of saved) for (const map of dependents.get(path) ?? []) saved.add(map);
    const targets = [...saved].filter((p) => maps.has(p)).map(shown).sort();
    if (targets.length === 0 && gone.length === 0 && !layoutSaved) return;
    follow(await options.onChange({ maps: targets, layout: layoutSaved, removed: gone, saved: batch }));
  }

  const onFile = async (path: string) => {
    if (path === layout || path === configFile || dependents.has(path)) return schedule(path);
    if (!/^\.ya?ml$/i.test(extname(path)) || options.ignore?.(path)) return;
    if (!maps.has(path)) {
      // A new file joins when a folder or pattern given on the command line (or in the config) takes it.
      const now = new Set((await options.expand()).map(absolute));
      if (!now.has(path)) return;
      maps.add(path);
    }
    schedule(path);
  };
  // What a file looked like when its last change was taken, to tell a change chokidar dropped.
  const seen = new Map<string, string>();
  const rechecks = new Map<string, NodeJS.Timeout>();
  const look = (path: string) => stat(path).then((s) => `${s.mtimeMs}:${s.size}`, () => undefined);
  const onChange = async (path: string) => {
    seen.set(path, (await look(path)) ?? '');
    clearTimeout(rechecks.get(path));
    rechecks.set(
      path,
      setTimeout(async () => {
        rechecks.delete(path);
        const now = await look(path);
        if (now !== undefined && now !== seen.get(path)) await onChange(path);
      }, RECHECK_MS),
    );
    await onFile(path);
  };
  watcher.on('change', onChange).on('add', onFile);
  watcher.on('unlink', (path) => {
    if (maps.delete(path)) (removed.add(path), schedule(path));
  });
  await new Promise<void>((ready) => watcher.on('ready', ready));

  return {
    count: () => maps.size,
    async close() {
      clearTimeout(timer);
      for (const recheck of rechecks.values()) clearTimeout(recheck);
      await watcher.close();
      await running;
    },
  };
}

/**
 * Resolves on the first Ctrl-C (or SIGTERM), so a long-running command can stop cleanly. Keeps the
 * process alive meanwhile, even while nothing is being watched (every map deleted, say).
 */
export async function untilInterrupted(io: Io): Promise<void> {
  const keepAlive = setInterval(() => {}, 1 << 30);
  await new Promise<void>((stop) => {
    const unsubscribe = io.onInterrupt(() => (unsubscribe(), stop()));
  });
  clearInterval(keepAlive);
}

export interface WatchOptions {
  reporter: ReporterName;
  quiet?: boolean;
  configFile?: string;
  /** The inputs expanded again: a new file joins the build only if a folder or pattern given takes it. */
  expand: () => Promise<string[]>;
}

/** journey build --watch: after the first build (its reports), rebuild a map whenever it is saved. */
export async function watch(built: FileReport[], plan: BuildPlan, renderer: Renderer, options: WatchOptions, io: Io): Promise<number> {
  const paint = painter(io.color);
  const outputs = new Set<string>();
  const reporter = reporterFor(options.reporter, io);
  const follower = await followMaps(
    {
      reports: built,
      layoutFile: plan.layoutFile,
      configFile: options.configFile,
      expand: options.expand,
      ignore: (path) => outputs.has(path),
      async onChange(change) {
        if (change.layout) {
          const loaded = await loadLayout(plan.layoutFile!, io, plan.projectRoot);
          if ('diagnostic' in loaded) {
            reporter.report({ command: 'watch', files: [{ file: plan.layoutFile!, diagnostics: [loaded.diagnostic] }] });
            return [];
          }
          renderer.setLayout(loaded.template);
          plan.layoutText = loaded.text;
        }
        const team = await rereadTeamTemplates(plan.teamTemplates, change.saved, plan.projectRoot, io.cwd);
        plan.teamTemplates = team.templates;
        if (team.diagnostics.length) reporter.report({ command: 'watch', files: [{ file: team.diagnostics[0]!.file, diagnostics: team.diagnostics }] });
        if (change.maps.length === 0) return [];
        const started = Date.now();
        const { reports, browserProblem } = await buildMaps(change.maps, plan, renderer, io, silentProgress, false);
        const ms = Date.now() - started;
        reporter.report({ command: 'watch', files: reports, problems: browserProblem ? [browserProblem] : [], problemCode: browserProblem ? 'browser-unavailable' : undefined });
        for (const r of reports) {
          for (const out of r.outputs ?? []) outputs.add(resolve(io.cwd, out));
          if (options.reporter === 'text' && !options.quiet && r.outputs?.length) {
            io.stderr(`${paint.green('↻')} ${terminalSafe(r.file)} → ${terminalSafe(r.outputs.join(', '))} ${paint.dim(`(${ms} ms)`)}\n`);
          }
        }
        return reports;
      },
    },
    io,
  );
  if (options.reporter === 'text') io.stderr(`Watching ${countWords(follower.count(), 'map')} for changes. Press Ctrl-C to stop.\n`);
  await untilInterrupted(io);
  await follower.close();
  if (options.reporter === 'text') io.stderr('Stopped watching.\n');
  return 0;
}
