// journey lint: validate each map, then check the valid ones against good practice.
import type { Io } from '../io/terminal.js';
import { readMapFile, shownName } from '../pipeline/read.js';
import { EXIT } from '../errors.js';
import { openConfig, openSession, type SessionOptions } from '../pipeline/session.js';
import { report, type FileReport } from '../report/index.js';

export interface LintCommandOptions extends SessionOptions {
  /** `--max-age <months>` */
  maxAge?: number;
  /** The day to judge staleness by (tests); today otherwise. */
  today?: Date;
  /** `--list-rules`: print the rules instead of checking maps. */
  listRules?: boolean;
}

export async function lint(inputs: string[], options: LintCommandOptions, io: Io): Promise<number> {
  if (options.listRules) {
    const { formatLintRules } = await import('../core/lint/index.js');
    io.stdout(formatLintRules((await openConfig(options, io))?.lint.rules));
    return EXIT.ok;
  }
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
