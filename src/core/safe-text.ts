// Text from a map or a path, made safe to print on a terminal or in a CI log. A key such as
// "x\n::warning file=README.md::INJECTED" would otherwise start a GitHub workflow command on a line
// of its own, and so would a map named "::stop-commands::x.yaml" at the start of a report line; an
// escape sequence in a file name could retitle the terminal or hide the line, and a bidi override
// could make a path read as another one.
import type { Diagnostic } from './diagnostics.js';

// C0 controls but tab, DEL, C1 controls, line and paragraph separators (JavaScript and some log
// viewers break lines there), and the bidi controls (LRM, RLM, ALM, embeddings, overrides, isolates).
const BEYOND_C0 = '\\x7f-\\x9f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069';
const UNSAFE = new RegExp(`[\\x00-\\x08\\x0a-\\x1f${BEYOND_C0}]`, 'g');
const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\x1b': '\\e' };

// What a CI runner reads as a command: `::` at the start of a line (after spaces) on GitHub, and
// `##[` (GitHub's older form) or `##vso[` (Azure Pipelines) anywhere in a line.
const LEADING_COMMAND = /^(\s*):(?=:)/;
const INLINE_COMMAND = /#(?=#\[|#vso\[)/gi;
const breakCommands = (line: string) => line.replace(LEADING_COMMAND, '$1\\x3a').replace(INLINE_COMMAND, '\\x23');

/**
 * Replaces every character that could move the cursor, start a line, send a terminal command or
 * reorder text with a visible escape (`\n`, `\r`, `\e`, `\x07`, `\u202e`), and breaks up what a CI
 * runner would take for a command (`\x3a:` for a leading `::`, `\x23#[` for `##[`), since the text
 * may start a line. Text without such characters comes back unchanged, so ordinary messages and
 * paths print as they are.
 */
export function terminalSafe(text: string): string {
  return breakCommands(text.replace(UNSAFE, escape));
}


// What JSON.stringify leaves raw (it escapes C0 controls) but a terminal or log viewer acts on, and
// the `#` that starts a runner command.
const JSON_UNSAFE = new RegExp(`[${BEYOND_C0}]|${INLINE_COMMAND.source}`, 'gi');

/**
 * `value` as indented JSON that is safe to print: every character terminalSafe would escape is a
 * `\uXXXX` escape, so parsing gives back exactly the original text. (No line of indented JSON can
 * start with `::`.)
 */
export function jsonSafe(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A document journey wrote (its colours and line breaks are its own) made safe to print as
 * terminalSafe makes one line: what came from a map cannot start a runner command or reorder text.
 * Maps cannot hold other control characters.
 */
export function documentSafe(text: string): string {
  return text.replace(new RegExp(`[${BEYOND_C0}]`, 'g'), escape).split('\n').map(breakCommands).join('\n');
}

function escape(c: string): string {
  const code = c.charCodeAt(0);
  return SHORT[c] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
}

/** A diagnostic with every part that can come from a map or a path made safe, for text and github reporters. */
export function safeDiagnostic<D extends Diagnostic>(d: D): D {
  return { ...d, file: terminalSafe(d.file), path: terminalSafe(d.path), message: terminalSafe(d.message) };
}
