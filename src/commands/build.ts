// journey build: maps → documents. A map with problems writes nothing; every document is written
// atomically; one bad map never stops the others.
import type { Io } from '../io/terminal.js';
import { buildMaps } from '../pipeline/batch.js';
import { loadLayout } from '../pipeline/layout.js';
import { planBuild, type BuildOptions } from '../pipeline/plan.js';
import { createProgress } from '../pipeline/progress.js';
import { openSession, type SessionOptions } from '../pipeline/session.js';
import { createRenderer } from '../render/renderer.js';
import { report } from '../report/index.js';
import { ProblemsError } from '../errors.js';

export async function build(inputs: string[], options: BuildOptions & SessionOptions, io: Io): Promise<number> {
  const session = await openSession(inputs, options, io);
  const plan = planBuild(session.files, options, session.config, session.maxBytes, io);
  if (options.metrics || session.config?.metrics) {
    const { loadMetrics, metricsSource } = await import('../pipeline/metrics.js');
    plan.metrics = await loadMetrics(metricsSource(options.metrics, session.config, io)!, session.maxBytes);
  }
  const layout = plan.layoutFile ? await loadLayout(plan.layoutFile, io) : undefined;
  if (layout && 'diagnostic' in layout) throw new ProblemsError([{ file: plan.layoutFile!, diagnostics: [layout.diagnostic] }]);

  const renderer = createRenderer({ ...plan.render, layout: layout?.template });
  try {
    const started = Date.now();
    const { reports, browserProblem } = await buildMaps(session.files, plan, renderer, io, createProgress(session.files.length, io, options));
    const seconds = Math.round((Date.now() - started) / 100) / 10;
    const code = report({ command: 'build', files: reports, problems: browserProblem ? [browserProblem] : [], seconds, quiet: options.quiet }, options.reporter, io);
    if (!options.watch) return code;
    const { watch } = await import('../pipeline/watch.js');
    return await watch(session.files, plan, renderer, { reporter: options.reporter, quiet: options.quiet, configFile: session.config?.file, expand: session.expand }, io);
  } finally {
    await renderer.close();
  }
}
