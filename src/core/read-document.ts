// Reads a YAML document that has a schema of its own (a persona file, the config file) the way maps
// are read: the quick path when it is valid, else the positioned parser to say exactly what is wrong
// and where. Maps have their own entry (read-map.ts), as their schema depends on their template.
import type * as z from 'zod/mini';
import { describeValue, isPlainObject } from './describe.js';
import { bySourceOrder, problem, type Diagnostic } from './diagnostics.js';
import { needsLexer, quickParse } from './quick-load.js';
import { DEFAULT_LIMITS, decodeText } from './text.js';

export type DocumentResult<T> = { ok: true; value: T } | { ok: false; diagnostics: Diagnostic[] };

export interface DocumentOptions {
  maxBytes?: number;
  /** What the document is, for "expected a mapping of settings, found a list". */
  expected: string;
  /** The value of an empty document (an empty config file is fine). */
  empty?: unknown;
}

export async function readDocument<S extends z.ZodMiniType>(name: string, bytes: Uint8Array, schema: S, options: DocumentOptions): Promise<DocumentResult<z.output<S>>> {
  const limits = { ...DEFAULT_LIMITS, maxBytes: options.maxBytes ?? DEFAULT_LIMITS.maxBytes };
  const decoded = decodeText(name, bytes, limits);
  if (!decoded.ok) return decoded;
  const quick = quickParse(decoded.text, needsLexer(decoded.text) ? await import('yaml') : undefined);
  const valid = quick !== undefined ? schema.safeParse(quick ?? options.empty) : undefined;
  if (valid?.success) return { ok: true, value: valid.data };
  // Something is off: parse again with positions to say exactly where (the positioned parser, and
  // what finds places in its output, load only now).
  const [{ parseSource }, { locate }, { issuesToDiagnostics }] = await Promise.all([import('./source.js'), import('./locate.js'), import('./issues.js')]);
  const parsed = parseSource(name, decoded.text, limits);
  if (!parsed.ok) return parsed;
  const value = parsed.value ?? options.empty;
  if (!isPlainObject(value)) {
    const { line, col } = locate(parsed.source, []);
    return { ok: false, diagnostics: [problem(name, line, col, '(root)', `expected ${options.expected}, found ${value == null ? 'an empty file' : describeValue(value)}`, 'wrong-kind')] };
  }
  const result = schema.safeParse(value);
  if (!result.success) return { ok: false, diagnostics: issuesToDiagnostics(result.error.issues, { source: parsed.source, value, schema }).sort(bySourceOrder) };
  return { ok: true, value: result.data };
}

/** Where a path of a document stands in its text (for a problem found after loading: a reference that leads nowhere). */
export async function positionIn(text: string, path: readonly (string | number)[], name = '', target: 'key' | 'value' = 'value'): Promise<{ line: number; col: number }> {
  const [{ parseSource }, { locate }] = await Promise.all([import('./source.js'), import('./locate.js')]);
  const parsed = parseSource(name, text);
  return parsed.ok ? locate(parsed.source, path, target) : { line: 1, col: 1 };
}
