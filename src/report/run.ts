// A run's results as data: one FileReport per input and the problems of the run itself. Every
// reporter prints this; the exit code follows from it.
import { ENVIRONMENT_CODES, type Code } from '../core/codes.js';
import type { Diagnostic } from '../core/diagnostics.js';

export interface FileReport {
  file: string;
  diagnostics: Diagnostic[];
  /** Documents written for this file, for `build`. */
  outputs?: string[];
  /** A shared persona file rather than a map (validate counts them apart). */
  kind?: 'persona';
  /** Files the map names (its persona file): watch mode rebuilds the map when one is saved. */
  dependencies?: string[];
  /** True when a document asked for was not written for a reason outside the map (no browser). */
  incomplete?: boolean;
  /** Build: the map's documents were up to date, so it was not built again (`outputs` lists them). */
  upToDate?: boolean;
}

export interface RunReport {
  command: 'validate' | 'build' | 'lint' | 'diff' | 'watch';
  files: FileReport[];
  /** Problems of the run rather than of one file: a browser that did not start, say. */
  problems?: string[];
  /** The code of the run's problems, when known (`browser-unavailable`). */
  problemCode?: Code;
  /** Seconds the run took, for build. */
  seconds?: number;
  quiet?: boolean;
}

export const hasErrors = (r: FileReport) => r.incomplete === true || r.diagnostics.some((d) => d.severity === 'error');

export function tally(files: FileReport[]) {
  const all = files.flatMap((r) => r.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length;
  return { files: files.length, failed: files.filter(hasErrors).length, errors, warnings: all.length - errors };
}

/** Whether a run failed: a file with an error, or a problem of the run. */
export const runFailed = (run: RunReport) => Boolean(run.problems?.length) || run.files.some(hasErrors);

/**
 * Whether every failure of a failed run is the environment's (no browser, a disk that refuses a
 * write), so that it exits 3 rather than 1: any invalid map makes it a failure of the input.
 */
export const onlyEnvironmentFailed = (run: RunReport) =>
  (!run.problems?.length || (run.problemCode !== undefined && ENVIRONMENT_CODES.has(run.problemCode))) &&
  run.files.every((f) => f.diagnostics.every((d) => d.severity !== 'error' || ENVIRONMENT_CODES.has(d.code)));

export interface Reporter {
  /** Prints every problem of the run and its closing summary. */
  report(run: RunReport): void;
}

export function countWords(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
