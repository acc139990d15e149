// Bytes → text, strictly: size limit, no binary, valid UTF-8. Pure, and free of any YAML parser.
import type { Code } from './codes.js';
import { problem, type Diagnostic } from './diagnostics.js';

export const DEFAULT_LIMITS = {
  /** Larger files are refused before parsing: a 2,000-stage map is well under 1 MiB. Configurable. */
  maxBytes: 5 * 1024 * 1024,
  /** Bounds alias expansion (the "billion laughs" document) while allowing ordinary reuse. */
  maxAliasCount: 1000,
};

/** Bounds that keep a hostile or broken file from grinding a build for minutes. */
export const MAX_DEPTH = 64;
export const MAX_STAGES = 10_000;
export const MAX_TEXT_LENGTH = 20_000;
export type Limits = typeof DEFAULT_LIMITS;

/** Decodes UTF-8 strictly (a stray byte would otherwise become U+FFFD in the document). */
export function decodeText(
  file: string,
  bytes: Uint8Array,
  limits: Limits = DEFAULT_LIMITS,
  /** What the file should be, for messages: imports and metrics files are CSV, not YAML. */
  expected = { text: 'YAML text', file: 'a journey map in YAML' },
): { ok: true; text: string } | { ok: false; diagnostics: Diagnostic[] } {
  const fail = (line: number, col: number, message: string, code: Code = 'not-text') => ({
    ok: false as const,
    diagnostics: [problem(file, line, col, 'file', message, code)],
  });
  if (bytes.length > limits.maxBytes) {
    return fail(1, 1, tooLarge(bytes.length, limits.maxBytes, 'file', expected.file), 'too-large');
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const { line, col } = positionOfByte(bytes, nul);
    return fail(line, col, `file contains a NUL byte: expected ${expected.text}, found binary content`);
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

/** The refusal of a file over the size limit; `found` is undefined when reading stopped at the limit. */
export function tooLarge(found: number | undefined, maxBytes: number, what = 'file', expected = 'a journey map in YAML'): string {
  return `${what} is ${found === undefined ? 'over the limit' : `${size(found)}, larger than the limit`} of ${size(maxBytes)}; expected ${expected}`;
}

function size(n: number): string {
  return n < 1024 * 1024 ? `${Math.ceil(n / 1024)} KiB` : `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
