// journey build: maps → documents. A map with problems writes nothing; every document is written
// atomically; one bad map never stops the others. The API's build() runs the same job.
import type { Io } from '../io/terminal.js';
import { prepareBuild } from '../pipeline/build.js';
import type { BuildOptions } from '../pipeline/plan.js';
import { createProgress } from '../pipeline/progress.js';
import type { SessionOptions } from '../pipeline/session.js';
import { report } from '../report/index.js';

export async function build(inputs: string[], options: BuildOptions & SessionOptions, io: Io): Promise<number> {
  const job = await prepareBuild(inputs, options, io);
  try {
    const code = report(await job.run(createProgress(job.session.files.length, io, options)), options.reporter, io);
    if (!options.watch) return code;
    const { watch } = await import('../pipeline/watch.js');
    const { session, plan, renderer } = job;
    return await watch(session.files, plan, renderer, { reporter: options.reporter, quiet: options.quiet, configFile: session.config?.file, expand: session.expand }, io);
  } finally {
    await job.close();
  }
}
