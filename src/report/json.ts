// The json reporter: one JSON document on standard output with every file, every problem (also those
// of the run itself) and a summary, for scripts and bots.
import type { Io } from '../io/terminal.js';
import { hasErrors, tally, type Reporter } from './run.js';

export function jsonReporter(io: Io): Reporter {
  return {
    report(run) {
      const files = run.files.map((r) => ({ file: r.file, ok: !hasErrors(r), ...(r.outputs ? { outputs: r.outputs } : {}), problems: r.diagnostics }));
      const summary: Record<string, unknown> = tally(run.files);
      if (run.command === 'build') Object.assign(summary, { built: run.files.length - (summary.failed as number), seconds: run.seconds ?? 0 });
      const problems = run.problems?.length ? { problems: run.problems.map((message) => ({ message, severity: 'error' })) } : {};
      io.stdout(`${JSON.stringify({ files, ...problems, summary }, null, 2)}\n`);
    },
  };
}
