// Text from a map or a path, made safe to print on a terminal or in a CI log. A key such as
// "x\n::warning file=README.md::INJECTED" would otherwise start a GitHub workflow command on a line
// of its own, an escape sequence in a file name could retitle the terminal or hide the line, and a
// bidi override could make a path read as another one.
import type { Diagnostic } from './diagnostics.js';

// C0 controls but tab, DEL, C1 controls, line and paragraph separators (JavaScript and some log
// viewers break lines there), and the bidi controls (LRM, RLM, ALM, embeddings, overrides, isolates).
const UNSAFE = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\x1b': '\\e' };

/**
 * Replaces every character that could move the cursor, start a line, send a terminal command or
 * reorder text with a visible escape (`\n`, `\r`, `\e`, `\x07`, `\u202e`). Text without such
 * characters comes back unchanged, so ordinary messages and paths print as they are.
 */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escape);
}

function escape(c: string): string {
  const code = c.charCodeAt(0);
  return SHORT[c] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
}

/** A diagnostic with every part that can come from a map or a path made safe, for text and github reporters. */
export function safeDiagnostic<D extends Diagnostic>(d: D): D {
  return { ...d, file: terminalSafe(d.file), path: terminalSafe(d.path), message: terminalSafe(d.message) };
}
