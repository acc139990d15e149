import type { Io } from '../io/terminal.js';
import type { ReporterName } from '../report.js';
import { countWords, painter } from '../report.js';
import { loadFile, shownName } from './load-file.js';
import { hasErrors, printReport, type FileReport } from './report-results.js';
import { openSession } from './session.js';

export interface ValidateOptions {
  reporter: ReporterName;
  quiet?: boolean;
  config?: string | false;
  maxFileSize?: number;
}

export async function validate(inputs: string[], options: ValidateOptions, io: Io): Promise<number> {
  const session = await openSession(inputs, options, io);
  if (!session.ok) return session.code;
  const reports: FileReport[] = [];
  for (const file of session.files) {
    const result = await loadFile(file, io, { defaultLocale: session.config?.locale, maxBytes: session.maxBytes });
    reports.push({ file: shownName(file), diagnostics: result.diagnostics });
  }
  printReport(reports, options.reporter, io);
  const failed = reports.some(hasErrors);
  if (!failed && options.reporter === 'text' && !options.quiet) {
    io.stderr(painter(io.color).green(`✓ ${countWords(reports.length, 'map')} valid\n`));
  }
  return failed ? 1 : 0;
}
