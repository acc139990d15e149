// Build progress on standard error: on a terminal one line redrawn with the count, elsewhere a plain
// line per document written (none with --quiet or another reporter).
import { terminalSafe } from '../core/safe-text.js';
import type { Io } from '../io/terminal.js';
import type { FileReport, ReporterName } from '../report/index.js';
import { painter } from '../report/text.js';
import { shownName } from './read.js';

export interface Progress {
  start(file: string): void;
  /** The map at `index` in the input order is done. */
  done(index: number, report: FileReport): void;
  end(): void;
}

export function createProgress(total: number, io: Io, options: { reporter: ReporterName; quiet?: boolean }): Progress {
  const paint = painter(io.color);
  const text = options.reporter === 'text' && !options.quiet;
  const live = text && io.interactive && total > 1;
  let finished = 0;
  // Maps finish in any order when several are in flight; their lines are printed in input order.
  const waiting = new Map<number, FileReport>();
  let next = 0;
  return {
    start(file) {
      if (live) io.stderr(`\r\x1b[2K[${finished}/${total}] ${terminalSafe(shownName(file))}`);
    },
    done(index, report) {
      finished++;
      if (live) return void io.stderr(`\r\x1b[2K[${finished}/${total}] ${terminalSafe(report.file)}`);
      if (!text) return;
      waiting.set(index, report);
      for (let r = waiting.get(next); r; r = waiting.get(next)) {
        waiting.delete(next++);
        if (r.upToDate) continue; // the summary counts them
        for (const out of r.outputs ?? []) if (out !== '-') io.stderr(`${paint.green('✓')} ${terminalSafe(r.file)} → ${terminalSafe(out)}\n`);
      }
    },
    end() {
      if (live) io.stderr('\r\x1b[2K');
    },
  };
}

/** No output at all: watch mode prints its own lines, and worker threads report to the main thread. */
export const silentProgress: Progress = { start() {}, done() {}, end() {} };
