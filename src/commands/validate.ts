import type { Io } from '../io/terminal.js';
import type { ReporterName } from '../report.js';
import { countWords, painter } from '../report.js';
import { loadFile } from './load-file.js';
import { printReport, type FileReport } from './report-results.js';

export interface ValidateOptions {
  reporter: ReporterName;
}

export async function validate(files: string[], options: ValidateOptions, io: Io): Promise<number> {
  const reports: FileReport[] = [];
  for (const file of files) {
    const result = await loadFile(file, io.cwd);
    reports.push({ file, diagnostics: result.diagnostics });
  }
  printReport(reports, options.reporter, io);
  const failed = reports.some((r) => r.diagnostics.some((d) => d.severity === 'error'));
  if (!failed && options.reporter === 'text') {
    io.stderr(painter(io.color).green(`✓ ${countWords(files.length, 'map')} valid\n`));
  }
  return failed ? 1 : 0;
}
