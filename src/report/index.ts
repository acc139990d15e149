// Reporting: the results of a run (one FileReport per input, plus problems of the run itself, such as
// a browser that would not start) printed by the chosen reporter, each with its own summary.
import { EXIT } from '../errors.js';
import type { Io } from '../io/terminal.js';
import { githubReporter } from './github.js';
import { jsonReporter } from './json.js';
import type { ReporterName } from './names.js';
import { onlyEnvironmentFailed, runFailed, type Reporter, type RunReport } from './run.js';
import { textReporter } from './text.js';

export { countWords, hasErrors, tally, type FileReport, type Reporter, type RunReport } from './run.js';

export { REPORTERS, type ReporterName } from './names.js';

export function reporterFor(name: ReporterName, io: Io): Reporter {
  return name === 'json' ? jsonReporter(io) : name === 'github' ? githubReporter(io) : textReporter(io);
}

/** Prints a run with the chosen reporter and returns its exit code. */
export function report(run: RunReport, name: ReporterName, io: Io): number {
  reporterFor(name, io).report(run);
  if (!runFailed(run)) return EXIT.ok;
  return onlyEnvironmentFailed(run) ? EXIT.environment : EXIT.failed;
}

