// Prints the problems of a set of files with the chosen reporter and returns whether any is an error.
import type { Diagnostic } from '../core/diagnostics.js';
import type { Io } from '../io/terminal.js';
import { countWords, formatDiagnostic, formatGithub, painter, type ReporterName } from '../report.js';

export interface FileReport {
  file: string;
  diagnostics: Diagnostic[];
  /** Documents written for this file, for `build`. */
  outputs?: string[];
}

export function printReport(reports: FileReport[], reporter: ReporterName, io: Io, extra: Record<string, unknown> = {}): void {
  const all = reports.flatMap((r) => r.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.length - errors;
  const failedFiles = reports.filter((r) => r.diagnostics.some((d) => d.severity === 'error')).length;

  if (reporter === 'json') {
    const files = reports.map((r) => ({
      file: r.file,
      ok: !r.diagnostics.some((d) => d.severity === 'error'),
      ...(r.outputs ? { outputs: r.outputs } : {}),
      problems: r.diagnostics,
    }));
    io.stdout(`${JSON.stringify({ files, summary: { files: reports.length, failed: failedFiles, errors, warnings, ...extra } }, null, 2)}\n`);
    return;
  }
  if (reporter === 'github') {
    for (const d of all) io.stdout(`${formatGithub(d)}\n`);
    return;
  }
  const paint = painter(io.color);
  for (const d of all) io.stderr(`${formatDiagnostic(d, paint)}\n`);
  if (errors > 0) {
    io.stderr(paint.red(`✗ ${countWords(errors, 'error')}${warnings ? `, ${countWords(warnings, 'warning')}` : ''} in ${countWords(failedFiles, 'file')}\n`));
  }
}
