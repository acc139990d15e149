// journey validate: every problem of every map, exit 1 if there is any.
import type { Io } from '../io/terminal.js';
import { checkFile, shownName } from '../pipeline/read.js';
import { openSession, type SessionOptions } from '../pipeline/session.js';
import { report, type FileReport } from '../report/index.js';
import { templatesOf } from '../io/templates.js';

export async function validate(inputs: string[], options: SessionOptions, io: Io): Promise<number> {
  const session = await openSession(inputs, { ...options, personas: true }, io);
  const files: FileReport[] = [];
  for (const file of [...session.files, ...session.personas]) {
    const result = await checkFile(file, io, { templates: templatesOf(session.config), defaultLocale: session.config?.locale, maxBytes: session.maxBytes, references: session.references });
    files.push({ file: shownName(file), diagnostics: result.diagnostics, ...(result.persona ? { kind: 'persona' as const } : {}) });
  }
  return report({ command: 'validate', files, quiet: options.quiet }, options.reporter, io);
}
