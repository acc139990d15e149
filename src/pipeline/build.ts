// One `journey build` run, shared by the command and the API: open the session, plan, load the
// layout, build every map and say how it went as a RunReport. The renderer (and so the browser)
// stays open until close(), so watch mode can keep using it.
import { relative, resolve, sep } from 'node:path';
import { selectShard, type Shard } from '../core/shard.js';
import { ProblemsError } from '../errors.js';
import { commonBase } from '../io/inputs.js';
import type { Io } from '../io/terminal.js';
import { createRenderer, type Renderer } from '../render/renderer.js';
import type { RunReport } from '../report/run.js';
import { buildMaps } from './batch.js';
import { loadLayout } from './layout.js';
import { planBuild, type BuildOptions, type BuildPlan } from './plan.js';
import type { Progress } from './progress.js';
import { openSession, type Session, type SessionOptions } from './session.js';

export interface BuildJob {
  session: Session;
  plan: BuildPlan;
  renderer: Renderer;
  /** Builds every map once. */
  run(progress: Progress): Promise<RunReport>;
  /** Closes the browser, if one was opened. */
  close(): Promise<void>;
}

export type JobOptions = BuildOptions & SessionOptions & { /** `--shard k/n`: build part k of n of the maps. */ shard?: Shard };

/** Everything before the first map is built; a usage mistake or a bad config or layout throws a CliError. */
export async function prepareBuild(inputs: string[], options: JobOptions, io: Io): Promise<BuildJob> {
  const session = await openSession(inputs, options, io);
  // With -d, documents keep the maps' folders below the folder common to ALL the maps, shard or not,
  // so the shards of a CI matrix write one tree.
  const base = commonBase(session.files, io.cwd);
  if (options.shard) {
    // Split by the path below the project folder, so every machine of a CI matrix agrees.
    session.files = selectShard(session.files, options.shard, (f) => relative(session.projectRoot, resolve(io.cwd, f)).split(sep).join('/'));
  }
  const plan = planBuild(session.files, options, { ...session, base }, io);
  if (options.metrics || session.config?.metrics) {
    const { loadMetrics, metricsSource } = await import('./metrics.js');
    plan.metrics = await loadMetrics(metricsSource(options.metrics, session.config, io)!, session.maxBytes);
  }
  const layout = plan.layoutFile ? await loadLayout(plan.layoutFile, io, plan.projectRoot) : undefined;
  if (layout && 'diagnostic' in layout) throw new ProblemsError([{ file: plan.layoutFile!, diagnostics: [layout.diagnostic] }]);
  plan.layoutText = layout?.text;
  const renderer = createRenderer({ ...plan.render, layout: layout?.template });
  return {
    session,
    plan,
    renderer,
    async run(progress) {
      // A shard of a small batch may hold no map at all: nothing to do, and nothing wrong.
      if (session.files.length === 0) return { command: 'build', files: [], quiet: options.quiet };
      const started = Date.now();
      const { reports, browserProblem } = await buildMaps(session.files, plan, renderer, io, progress);
      const seconds = Math.round((Date.now() - started) / 100) / 10;
      return { command: 'build', files: reports, problems: browserProblem ? [browserProblem] : [], problemCode: browserProblem ? 'browser-unavailable' : undefined, seconds, quiet: options.quiet };
    },
    close: () => renderer.close(),
  };
}
