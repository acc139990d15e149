import type { Code } from './core/codes.js';
import type { FileReport, RunReport } from './report/run.js';

// Exit codes, and the one error a command throws to stop with a message and a code. main() in
// cli.ts catches it once; nothing else calls process.exit or returns a bare number. `environment`:
// the machine failed (no browser, a port in use, a disk that refuses a write), not the input.
export const EXIT = { ok: 0, failed: 1, usage: 2, environment: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.usage,
    /** The problem's code, for reporters, when it has one. */
    readonly code?: Code,
  ) {
    super(message);
  }
}

/** A mistake in how the command was called (exit 2). */
export const usageError = (message: string) => new CliError(message, EXIT.usage);

/** Problems found before a command's own work (a config file, a pattern that matches nothing), reported like any other. */
export class ProblemsError extends CliError {
  constructor(readonly files: FileReport[]) {
    super(files.flatMap((f) => f.diagnostics.map((d) => d.message)).join('; '), EXIT.failed);
  }
}

/** What a CliError says, as a run's files and problems, for a reporter or the API. */
export function errorReport(error: CliError): Pick<RunReport, 'files' | 'problems' | 'problemCode'> {
  return error instanceof ProblemsError ? { files: error.files } : { files: [], problems: [error.message], problemCode: error.code };
}
