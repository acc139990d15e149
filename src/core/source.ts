import { LineCounter, visit, type Document } from 'yaml';
import type { Diagnostic } from './diagnostics.js';
import { problem } from './diagnostics.js';
import type { ProblemCode } from './codes.js';
import { lineCol, tooManyNodes } from './limits.js';
import { explainSyntaxErrors, libraryMessage } from './syntax-errors.js';
import { DEFAULT_LIMITS, MAX_DEPTH, type Limits } from './text.js';
import { duplicateKeyErrors, nodeLimitOffsetOf, parseBounded } from './yaml-bounds.js';

// Text → YAML document with source positions, for precise problem reports. Pure.

export interface Source {
  file: string;
  text: string;
  doc: Document.Parsed;
  lines: LineCounter;
}

export type SourceResult =
  | { ok: true; source: Source; value: unknown; diagnostics: Diagnostic[] }
  | {
      ok: false;
      diagnostics: Diagnostic[];
      /**
       * For YAML syntax errors: the lines (0-based, first and last) they spoil, the last `Infinity`
       * when a slip spoils the rest of the file; null when they cannot be told. Absent for other failures.
       */
      spoiled?: [number, number][] | null;
    };

export function parseSource(file: string, text: string, limits: Limits = DEFAULT_LIMITS): SourceResult {
  const crowded = nodeLimitOffsetOf(text); // before the parser builds millions of nodes
  if (crowded !== undefined) return { ok: false, diagnostics: [{ ...problem(file, 0, 0, 'yaml', tooManyNodes(), 'too-large'), ...lineCol(text, crowded) }] };
  const lines = new LineCounter();
  const parsed = parseBounded(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
  if (parsed.tooDeep !== undefined) return { ok: false, diagnostics: [{ ...problem(file, 0, 0, 'yaml', tooDeep, 'too-large'), ...lineCol(text, parsed.tooDeep) }] };
  const doc = parsed.doc;
  for (const error of duplicateKeyErrors(doc)) doc.errors.push(error); // the parser's own check is quadratic
  const at = (offset: number, path: string, message: string, code: ProblemCode = 'yaml-syntax'): Diagnostic => {
    const { line, col } = lines.linePos(offset);
    return problem(file, line, col, path, message, code);
  };
  const explained = explainSyntaxErrors(text, doc, lines);
  const diagnostics: Diagnostic[] = explained.map((p) => at(p.offset, 'yaml', p.message, p.code));
  for (const w of doc.warnings) diagnostics.push({ ...at(w.pos[0], 'yaml', libraryMessage(w.message), 'yaml-warning'), severity: 'warning' });
  if (doc.errors.length > 0) {
    return { ok: false, diagnostics, spoiled: explained.every((p) => p.lines) ? explained.map((p) => p.lines!) : null };
  }

  // YAML 1.1 (`%YAML 1.1`) reads `2026-11-01` as a timestamp: a map means the date as written.
  visit(doc, { Scalar: (_, node) => void (node.value instanceof Date && node.source !== undefined && (node.value = node.source)) });
  const foreign = foreignTypes(doc).map(({ offset, tag, kind }) => at(offset, 'yaml', `\`${tag}\` makes ${kind}, which journey files have no place for: remove the tag`, 'yaml-tag'));
  if (foreign.length > 0) return { ok: false, diagnostics: [...diagnostics, ...foreign] };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: limits.maxAliasCount });
  } catch {
    // The only failure of toJS on a parsed document is runaway alias expansion.
    let offset = 0;
    visit(doc, { Alias: (_, node) => ((offset = node.range?.[0] ?? 0), visit.BREAK) });
    diagnostics.push(at(offset, 'yaml', `aliases expand to too much data (over ${limits.maxAliasCount} copies); expected a map without runaway aliases`, 'too-large'));
    return { ok: false, diagnostics };
  }
  return { ok: true, source: { file, text, doc, lines }, value, diagnostics };
}

// The YAML 1.1 types that are neither text, number, true/false, list nor mapping.
const FOREIGN: Record<string, string> = { binary: 'binary data', set: 'a set', omap: 'an ordered mapping', pairs: 'a list of pairs' };
function foreignTypes(doc: Document.Parsed): { offset: number; tag: string; kind: string }[] {
  const out: { offset: number; tag: string; kind: string }[] = [];
  visit(doc, {
    Node(_, node) {
      const name = node.tag?.replace(/^tag:yaml\.org,2002:/, '');
      if (name && Object.hasOwn(FOREIGN, name)) out.push({ offset: node.range?.[0] ?? 0, tag: `!!${name}`, kind: FOREIGN[name]! });
    },
  });
  return out;
}

const tooDeep = `lists and mappings nest more than ${MAX_DEPTH} levels deep here; expected a journey map`;

