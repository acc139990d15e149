// Formats diagnostics for people (text), machines (json) and GitHub Actions (github): one place each.
import { Chalk, type ChalkInstance } from 'chalk';
import type { Diagnostic } from './core/diagnostics.js';

export const REPORTERS = ['text', 'json', 'github'] as const;
export type ReporterName = (typeof REPORTERS)[number];

export function painter(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 1 : 0 });
}

/** `path/to/map.yaml:LINE:COL error <where>: <message>` */
export function formatDiagnostic(d: Diagnostic, paint: ChalkInstance): string {
  const severity = d.severity === 'error' ? paint.red('error') : paint.yellow('warning');
  const rule = d.rule ? paint.dim(` (${d.rule})`) : '';
  return `${paint.bold(`${d.file}:${d.line}:${d.col}`)} ${severity} ${paint.cyan(d.path)}: ${d.message}${rule}`;
}

/** A GitHub Actions workflow command, so the problem shows inline in a pull request. */
export function formatGithub(d: Diagnostic): string {
  const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const title = d.rule ? `journey ${d.rule}` : 'journey';
  return `::${d.severity} file=${escapeProperty(d.file)},line=${d.line},col=${d.col},title=${escapeProperty(title)}::${escapeData(`${d.path}: ${d.message}`)}`;
}

export function countWords(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
