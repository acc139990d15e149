import type { Io } from '../io/terminal.js';
import type { ReporterName } from '../report.js';
import { countWords, painter } from '../report.js';
import { loadFile, shownName } from './load-file.js';
import { hasErrors, printReport, tally, type FileReport } from './report-results.js';
import { openSession } from './session.js';

export interface LintCommandOptions {
  reporter: ReporterName;
  quiet?: boolean;
  config?: string | false;
  maxFileSize?: number;
  /** `--max-age <months>` */
  maxAge?: number;
  /** The day to judge staleness by (tests); today otherwise. */
  today?: Date;
}

/** Validates each map, then checks the valid ones against the lint rules; exit 1 on any error. */
export async function lint(inputs: string[], options: LintCommandOptions, io: Io): Promise<number> {
  const session = await openSession(inputs, options, io);
  if (!session.ok) return session.code;
  const settings = session.config?.lint;
  const { lintMap } = await import('../core/lint.js');
  const reports: FileReport[] = [];
  for (const file of session.files) {
    const loaded = await loadFile(file, io, { defaultLocale: session.config?.locale, maxBytes: session.maxBytes, positions: true });
    const findings =
      loaded.ok && loaded.source
        ? lintMap(loaded.map, loaded.source, {
            rules: settings?.rules ?? {},
            maxAgeMonths: options.maxAge ?? settings?.maxAgeMonths ?? 6,
            today: options.today ?? new Date(),
          })
        : [];
    reports.push({ file: shownName(file), diagnostics: [...loaded.diagnostics, ...findings] });
  }
  printReport(reports, options.reporter, io);
  const { errors, warnings } = tally(reports);
  if (options.reporter === 'text' && !options.quiet && errors === 0) {
    const paint = painter(io.color);
    const withFindings = reports.filter((r) => r.diagnostics.length).length;
    io.stderr(warnings ? paint.yellow(`! ${countWords(warnings, 'warning')} in ${countWords(withFindings, 'file')}\n`) : paint.green(`✓ ${countWords(reports.length, 'map')}, no findings\n`));
  }
  return reports.some(hasErrors) ? 1 : 0;
}
