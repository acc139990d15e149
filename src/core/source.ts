// Bytes → text → YAML document with source positions. Pure: the caller reads the file.
import { LineCounter, Scalar, parseDocument, visit, type Document } from 'yaml';
import type { Diagnostic } from './diagnostics.js';

export const DEFAULT_LIMITS = {
  /** Larger files are refused before parsing: a 2,000-stage map is well under 1 MiB. */
  maxBytes: 5 * 1024 * 1024,
  /** Bounds alias expansion (the "billion laughs" document) while allowing ordinary reuse. */
  maxAliasCount: 1000,
};
export type Limits = typeof DEFAULT_LIMITS;

export interface Source {
  file: string;
  text: string;
  doc: Document.Parsed;
  lines: LineCounter;
}

export type SourceResult =
  | { ok: true; source: Source; value: unknown; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

export function problem(file: string, line: number, col: number, path: string, message: string): Diagnostic {
  return { file, line, col, path, message, severity: 'error' };
}

/** Decodes UTF-8 strictly (a stray byte would otherwise become U+FFFD in the document). */
export function decodeText(
  file: string,
  bytes: Uint8Array,
  limits: Limits = DEFAULT_LIMITS,
): { ok: true; text: string } | { ok: false; diagnostics: Diagnostic[] } {
  const fail = (line: number, col: number, message: string) => ({
    ok: false as const,
    diagnostics: [problem(file, line, col, 'file', message)],
  });
  if (bytes.length > limits.maxBytes) {
    return fail(1, 1, `file is ${size(bytes.length)}, larger than the limit of ${size(limits.maxBytes)}; expected a journey map in YAML`);
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const { line, col } = positionOfByte(bytes, nul);
    return fail(line, col, 'file contains a NUL byte: expected YAML text, found binary content');
  }
  try {
    let text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { ok: true, text };
  } catch {
    const bad = firstInvalidByte(bytes);
    const { line, col } = positionOfByte(bytes, bad);
    const hex = bytes[bad]!.toString(16).toUpperCase().padStart(2, '0');
    return fail(line, col, `invalid UTF-8 (byte 0x${hex}): save the file as UTF-8`);
  }
}

export function parseSource(file: string, text: string, limits: Limits = DEFAULT_LIMITS): SourceResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number, path: string, message: string): Diagnostic => {
    const { line, col } = lines.linePos(offset);
    return problem(file, line, col, path, message);
  };
  const diagnostics: Diagnostic[] = doc.errors.map((e) => {
    const quote = e.code === 'MISSING_CHAR' ? unclosedQuoteStart(doc, e.pos[0]) : undefined;
    return quote === undefined
      ? at(e.pos[0], 'yaml', yamlMessage(e.message))
      : at(quote, 'yaml', `this quoted text is never closed: expected a closing ${text[quote]} before the end of the file`);
  });
  for (const w of doc.warnings) diagnostics.push({ ...at(w.pos[0], 'yaml', yamlMessage(w.message)), severity: 'warning' });
  if (doc.errors.length > 0) return { ok: false, diagnostics };

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: limits.maxAliasCount });
  } catch (error) {
    // The only failure of toJS on a parsed document is runaway alias expansion.
    let offset = 0;
    visit(doc, { Alias: (_, node) => ((offset = node.range?.[0] ?? 0), visit.BREAK) });
    diagnostics.push(at(offset, 'yaml', `aliases expand to too much data (over ${limits.maxAliasCount} copies); expected a map without runaway aliases`));
    void error;
    return { ok: false, diagnostics };
  }
  return { ok: true, source: { file, text, doc, lines }, value, diagnostics };
}

/** The library reports a missing closing quote at the end of the file; the user needs its opening. */
function unclosedQuoteStart(doc: Document.Parsed, errorOffset: number): number | undefined {
  let start: number | undefined;
  visit(doc, {
    Scalar: (_, node) => {
      const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
      if (quoted && node.range && node.range[1] >= errorOffset) start = node.range[0];
    },
  });
  return start;
}

/** The YAML library's messages end with a code frame or "at line …"; our lines carry the position already. */
function yamlMessage(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
}

function firstInvalidByte(bytes: Uint8Array): number {
  // Binary search on prefixes: a streaming decoder accepts a prefix unless it holds an invalid sequence.
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid + 1), { stream: true });
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  // `lo` is where decoding failed; a truncated sequence (a lead byte cut short) began a little earlier.
  for (let k = 1; k <= 3 && lo - k >= 0; k++) {
    const b = bytes[lo - k]!;
    if (b >= 0xc0) return lo - k;
    if (b < 0x80) break;
  }
  return lo;
}

function positionOfByte(bytes: Uint8Array, offset: number): { line: number; col: number } {
  const before = bytes.subarray(0, offset);
  const lineStart = before.lastIndexOf(10) + 1;
  let line = 1;
  for (const b of before) if (b === 10) line++;
  const col = new TextDecoder().decode(bytes.subarray(lineStart, offset)).length + 1;
  return { line, col };
}

function size(n: number): string {
  return n < 1024 * 1024 ? `${Math.ceil(n / 1024)} KiB` : `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
