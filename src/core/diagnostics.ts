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
}

/** An error at a place in a file. */
export function problem(file: string, line: number, col: number, path: string, message: string, code: Code): Diagnostic {
  return { file, line, col, path, message, severity: 'error', code };
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

/**
 * The value a problem suggests instead of what was written (`thinkng` → `thinking`, `Happy` →
 * `happy`), for an editor's quick fix. Every "did you mean" of the core ends its message the same way.
 */
export function suggestionOf(diagnostic: Pick<Diagnostic, 'message'>): string | undefined {
  return /did you mean `([^`]+)`\?$/.exec(diagnostic.message)?.[1];
}
