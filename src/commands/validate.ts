// journey validate: every problem of every map, exit 1 if there is any.
import type { Io } from '../io/terminal.js';
import { readMapFile, shownName } from '../pipeline/read.js';
import { openSession, type SessionOptions } from '../pipeline/session.js';
import { report, type FileReport } from '../report/index.js';

export async function validate(inputs: string[], options: SessionOptions, io: Io): Promise<number> {
  const session = await openSession(inputs, options, io);
  const files: FileReport[] = [];
  for (const file of session.files) {
    const result = await readMapFile(file, io, { defaultLocale: session.config?.locale, maxBytes: session.maxBytes });
    files.push({ file: shownName(file), diagnostics: result.diagnostics });
  }
  return report({ command: 'validate', files, quiet: options.quiet }, options.reporter, io);
}
