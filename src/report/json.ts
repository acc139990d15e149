// The json reporter: one JSON document on standard output with every file, every problem (also those
// of the run itself) and a summary, for scripts and bots. The API's build() returns the same data.
import type { Code } from '../core/codes.js';
import type { Diagnostic } from '../core/diagnostics.js';
import { jsonSafe } from '../core/safe-text.js';
import type { Io } from '../io/terminal.js';
import { hasErrors, tally, type Reporter, type RunReport } from './run.js';

export interface FileResult {
  /** The map, as named on the command line (`<stdin>` for standard input). */
  file: string;
  /** False when the map has an error or a document asked for was not written. */
  ok: boolean;
  /** The documents written (build only). */
  outputs?: string[];
  /** Build: the documents in `outputs` were up to date, so the map was not built again. */
  upToDate?: boolean;
  problems: Diagnostic[];
}

export interface RunResult {
  files: FileResult[];
  /** Problems of the run rather than of one map: a browser that would not start, a usage mistake. */
  problems?: { message: string; severity: 'error'; code?: Code }[];
  summary: { files: number; failed: number; errors: number; warnings: number; built?: number; upToDate?: number; seconds?: number };
}

/** A run as the data the json reporter prints. */
export function runResult(run: RunReport): RunResult {
  const files = run.files.map((r) => ({ file: r.file, ok: !hasErrors(r), ...(r.outputs ? { outputs: r.outputs } : {}), ...(r.upToDate ? { upToDate: true } : {}), problems: r.diagnostics }));
  const counts = tally(run.files);
  const upToDate = run.files.filter((r) => r.upToDate).length;
  const summary: RunResult['summary'] = run.command === 'build' ? { ...counts, built: counts.files - counts.failed - upToDate, upToDate, seconds: run.seconds ?? 0 } : counts;
  const problems = run.problems?.length ? { problems: run.problems.map((message) => ({ message, severity: 'error' as const, ...(run.problemCode ? { code: run.problemCode } : {}) })) } : {};
  return { files, ...problems, summary };
}

export function jsonReporter(io: Io): Reporter {
  return {
    report(run) {
      // Parsed, it is the run exactly; printed, no name or text in it can steer a terminal or CI log.
      io.stdout(`${jsonSafe(runResult(run))}\n`);
    },
  };
}
