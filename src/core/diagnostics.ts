// A problem found in a file, as plain data. Reporters (text, json, github) format it in one place each.
import type { Code } from './codes.js';

export type Severity = 'error' | 'warning';
export type PathSegment = string | number;

export interface Diagnostic {
  file: string;
  line: number; // 1-based
  col: number; // 1-based
  path: string; // dotted path such as `stages[2].emotion`; `yaml` for syntax, `file` for the file itself
  message: string;
  severity: Severity;
  code: Code; // stable, for scripts: see codes.ts
  rule?: string; // lint rule id, when a lint rule found it
  /** What to write instead of what the problem points at, when the message asks "did you mean `x`?": `x`. */
  suggestion?: string;
}

/** An error at a place in a file, with the text that would fix it when there is one. */
export function problem(file: string, line: number, col: number, path: string, message: string, code: Code, suggestion?: string): Diagnostic {
  return { file, line, col, path, message, severity: 'error', code, ...(suggestion === undefined ? {} : { suggestion }) };
}

/** `['stages', 2, 'emotion']` → `stages[2].emotion`; a key that is not a plain word is quoted: `persona[" "]`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (!/^[\w$-]+$/.test(seg)) out += `[${JSON.stringify(seg)}]`;
    else out += out ? `.${seg}` : seg;
  }
  return out || '(root)';
}

export function bySourceOrder(a: Diagnostic, b: Diagnostic): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col;
}
