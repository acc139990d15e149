// journey build: maps → documents. A map with problems writes nothing; every document is written
// atomically; one bad map never stops the others. The API's build() runs the same job.
import type { Io } from '../io/terminal.js';
import { prepareBuild, type JobOptions } from '../pipeline/build.js';
import { createProgress } from '../pipeline/progress.js';
import { report } from '../report/index.js';

export async function build(inputs: string[], options: JobOptions, io: Io): Promise<number> {
  const job = await prepareBuild(inputs, options, io);
  try {
    const run = await job.run(createProgress(job.session.files.length, io, options));
    const code = report(run, options.reporter, io);
    if (!options.watch) return code;
    const { watch } = await import('../pipeline/watch.js');
    const { session, plan, renderer } = job;
    return await watch(run.files, plan, renderer, { reporter: options.reporter, quiet: options.quiet, configFile: session.config?.file, expand: session.expand }, io);
  } finally {
    await job.close();
  }
}
