// The text reporter: one line per problem on standard error, `file:LINE:COL severity path: message`,
// coloured on a terminal, then a summary line that fits the command.
import { Chalk, type ChalkInstance } from 'chalk';
import type { Diagnostic } from '../core/diagnostics.js';
import { safeDiagnostic, terminalSafe } from '../core/safe-text.js';
import type { Io } from '../io/terminal.js';
import { countWords, tally, type Reporter, type RunReport } from './run.js';

export function painter(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 1 : 0 });
}

/** `path/to/map.yaml:LINE:COL error <where>: <message>` */
export function formatDiagnostic(d: Diagnostic, paint: ChalkInstance): string {
  const severity = d.severity === 'error' ? paint.red('error') : paint.yellow('warning');
  const rule = d.rule ? paint.dim(` (${d.rule})`) : '';
  return `${paint.bold(`${d.file}:${d.line}:${d.col}`)} ${severity} ${paint.cyan(d.path)}: ${d.message}${rule}`;
}

export function textReporter(io: Io): Reporter {
  const paint = painter(io.color);
  return {
    report(run) {
      // Text from maps and paths is made safe for a terminal: it cannot move the cursor, retitle the
      // window or start a line of its own (a CI log reads a new line as a workflow command).
      for (const d of run.files.flatMap((f) => f.diagnostics)) io.stderr(`${formatDiagnostic(safeDiagnostic(d), paint)}\n`);
      for (const p of run.problems ?? []) io.stderr(`${paint.red('error:')} ${p.split('\n').map(terminalSafe).join('\n')}\n`);
      const line = summaryLine(run, paint);
      if (line) io.stderr(`${line}\n`);
    },
  };
}

function summaryLine(run: RunReport, paint: ChalkInstance): string | undefined {
  const { errors, warnings, failed, files } = tally(run.files);
  const errorLine = () => paint.red(`✗ ${countWords(errors, 'error')}${warnings ? `, ${countWords(warnings, 'warning')}` : ''} in ${countWords(failed, 'file')}`);
  switch (run.command) {
    case 'build': {
      if (run.quiet) return undefined;
      const incomplete = Boolean(run.problems?.length) || failed > 0;
      const upToDate = run.files.filter((f) => f.upToDate).length;
      if (files === 1 && !incomplete && !upToDate) return undefined; // the ✓ line said it all
      const text = `${files - failed - upToDate} built, ${upToDate ? `${upToDate} up to date, ` : ''}${failed} failed, ${run.seconds ?? 0} s`;
      return incomplete ? paint.red(`✗ ${text}`) : paint.green(`✓ ${text}`);
    }
    case 'validate':
      if (errors) return errorLine();
      if (run.quiet) return undefined;
      {
        const personas = run.files.filter((f) => f.kind === 'persona').length;
        const maps = files - personas;
        const what = personas ? `${maps ? `${countWords(maps, 'map')} and ` : ''}${countWords(personas, 'persona file')}` : countWords(files, 'map');
        return paint.green(`✓ ${what} valid`);
      }
    case 'lint': {
      if (errors) return errorLine();
      if (run.quiet) return undefined;
      const withFindings = run.files.filter((r) => r.diagnostics.length).length;
      return warnings ? paint.yellow(`! ${countWords(warnings, 'warning')} in ${countWords(withFindings, 'file')}`) : paint.green(`✓ ${countWords(files, 'map')}, no findings`);
    }
    case 'diff':
    case 'watch':
      return errors ? errorLine() : undefined;
  }
}
