// Prints the problems of a set of files with the chosen reporter.
import type { Diagnostic } from '../core/diagnostics.js';
import type { Io } from '../io/terminal.js';
import { countWords, formatDiagnostic, formatGithub, painter, type ReporterName } from '../report.js';

export interface FileReport {
  file: string;
  diagnostics: Diagnostic[];
  /** Documents written for this file, for `build`. */
  outputs?: string[];
}

export const hasErrors = (r: FileReport) => r.diagnostics.some((d) => d.severity === 'error');

export function tally(reports: FileReport[]) {
  const all = reports.flatMap((r) => r.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length;
  return { files: reports.length, failed: reports.filter(hasErrors).length, errors, warnings: all.length - errors };
}

/**
 * text: one line per problem on stderr, then (with `summary`) a count of errors; json: one document
 * on stdout; github: workflow commands on stdout.
 */
export function printReport(reports: FileReport[], reporter: ReporterName, io: Io, options: { summary?: boolean; extra?: Record<string, unknown> } = {}): void {
  const all = reports.flatMap((r) => r.diagnostics);
  if (reporter === 'json') {
    const files = reports.map((r) => ({ file: r.file, ok: !hasErrors(r), ...(r.outputs ? { outputs: r.outputs } : {}), problems: r.diagnostics }));
    io.stdout(`${JSON.stringify({ files, summary: { ...tally(reports), ...options.extra } }, null, 2)}\n`);
    return;
  }
  if (reporter === 'github') {
    for (const d of all) io.stdout(`${formatGithub(d)}\n`);
    return;
  }
  const paint = painter(io.color);
  for (const d of all) io.stderr(`${formatDiagnostic(d, paint)}\n`);
  const { errors, warnings, failed } = tally(reports);
  if (options.summary !== false && errors > 0) {
    io.stderr(paint.red(`✗ ${countWords(errors, 'error')}${warnings ? `, ${countWords(warnings, 'warning')}` : ''} in ${countWords(failed, 'file')}\n`));
  }
}
