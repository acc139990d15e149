// journey lint: validate each map, then check the valid ones against good practice.
import type { Io } from '../io/terminal.js';
import { readMapFile, shownName } from '../pipeline/read.js';
import { openSession, type SessionOptions } from '../pipeline/session.js';
import { report, type FileReport } from '../report/index.js';

export interface LintCommandOptions extends SessionOptions {
  /** `--max-age <months>` */
  maxAge?: number;
  /** The day to judge staleness by (tests); today otherwise. */
  today?: Date;
}

export async function lint(inputs: string[], options: LintCommandOptions, io: Io): Promise<number> {
  const session = await openSession(inputs, options, io);
  const settings = session.config?.lint;
  const { lintMap } = await import('../core/lint/index.js');
  const files: FileReport[] = [];
  for (const file of session.files) {
    const loaded = await readMapFile(file, io, { defaultLocale: session.config?.locale, maxBytes: session.maxBytes, positions: true });
    const findings =
      loaded.ok && loaded.source
        ? lintMap(loaded.map, loaded.source, {
            rules: settings?.rules ?? {},
            maxAgeMonths: options.maxAge ?? settings?.maxAgeMonths ?? 6,
            today: options.today ?? new Date(),
          })
        : [];
    files.push({ file: shownName(file), diagnostics: [...loaded.diagnostics, ...findings] });
  }
  return report({ command: 'lint', files, quiet: options.quiet }, options.reporter, io);
}
