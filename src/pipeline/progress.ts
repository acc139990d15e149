// Build progress on standard error: on a terminal one line redrawn with the count, elsewhere a plain
// line per document written (none with --quiet or another reporter).
import type { Io } from '../io/terminal.js';
import type { FileReport, ReporterName } from '../report/index.js';
import { painter } from '../report/text.js';
import { shownName } from './read.js';

export interface Progress {
  start(file: string): void;
  done(report: FileReport): void;
  end(): void;
}

export function createProgress(total: number, io: Io, options: { reporter: ReporterName; quiet?: boolean }): Progress {
  const paint = painter(io.color);
  const text = options.reporter === 'text' && !options.quiet;
  const live = text && io.interactive && total > 1;
  let finished = 0;
  return {
    start(file) {
      if (live) io.stderr(`\r\x1b[2K[${finished}/${total}] ${shownName(file)}`);
    },
    done(report) {
      finished++;
      if (live) io.stderr(`\r\x1b[2K[${finished}/${total}] ${report.file}`);
      else if (text) for (const out of report.outputs ?? []) if (out !== '-') io.stderr(`${paint.green('✓')} ${report.file} → ${out}\n`);
    },
    end() {
      if (live) io.stderr('\r\x1b[2K');
    },
  };
}

/** No output at all: watch mode prints its own lines, and worker threads report to the main thread. */
export const silentProgress: Progress = { start() {}, done() {}, end() {} };
