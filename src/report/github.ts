// The github reporter: workflow commands on standard output, so GitHub shows each problem inline in a
// pull request.
import type { Diagnostic } from '../core/diagnostics.js';
import { safeDiagnostic, terminalSafe } from '../core/safe-text.js';
import type { Io } from '../io/terminal.js';
import type { Reporter } from './run.js';

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** `::error file=…,line=…,col=…,title=…::path: message` */
export function formatGithub(d: Diagnostic): string {
  const title = `journey ${d.code}`; // a lint finding's code is its rule's id
  return `::${d.severity} file=${escapeProperty(d.file)},line=${d.line},col=${d.col},title=${escapeProperty(title)}::${escapeData(`${d.path}: ${d.message}`)}`;
}

export function githubReporter(io: Io): Reporter {
  return {
    report(run) {
      for (const d of run.files.flatMap((f) => f.diagnostics)) io.stdout(`${formatGithub(safeDiagnostic(d))}\n`);
      const title = run.problemCode ? `journey ${run.problemCode}` : 'journey';
      for (const p of run.problems ?? []) io.stdout(`::error title=${escapeProperty(title)}::${escapeData(terminalSafe(p))}\n`);
    },
  };
}
