// Finds where a path such as ['stages', 2, 'emotion'] stands in the YAML source.
import { isAlias, isMap, isPair, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { problem, type Diagnostic, type PathSegment } from './diagnostics.js';
import type { Source } from './source.js';
import type { Code } from './codes.js';

export type Target = 'value' | 'key';

/**
 * Returns the 1-based line and column of the value at `path` (or of its key with target 'key').
 * When the path does not exist (a missing key), returns the position of the nearest existing parent.
 */
export function locate(source: Source, path: readonly PathSegment[], target: Target = 'value'): { line: number; col: number } {
  let node: unknown = source.doc.contents;
  let offset = (node as Node | null)?.range?.[0] ?? 0;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const last = i === path.length - 1;
    if (isAlias(node)) node = node.resolve(source.doc);
    if (isMap(node)) {
      const pair = pairsOf(node).get(String(seg));
      if (!pair) break;
      const keyStart = (pair.key as Node).range?.[0];
      const valueStart = (pair.value as Node | null)?.range?.[0];
      // An empty value (`emotion:`) has no useful range of its own; point at its key.
      const valueIsEmpty = pair.value === null || (isScalar(pair.value) && pair.value.value === null);
      offset = (last && target === 'key') || valueIsEmpty ? (keyStart ?? offset) : (valueStart ?? keyStart ?? offset);
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number' && node.items[seg] !== undefined) {
      node = node.items[seg];
      offset = (node as Node).range?.[0] ?? offset;
    } else {
      break;
    }
  }
  return source.lines.linePos(offset);
}

/** An error at the value of a top-level key of a loaded document. */
export function problemAt(source: Source, key: string, message: string, code: Code): Diagnostic {
  const { line, col } = locate(source, [key]);
  return problem(source.file, line, col, key, message, code);
}

// Indexed once per mapping: a search per lookup made a mapping with many unknown keys quadratic
// (100,000 keys took minutes).
const indexes = new WeakMap<YAMLMap, Map<string, Pair>>();
function pairsOf(node: YAMLMap): Map<string, Pair> {
  let index = indexes.get(node);
  if (!index) {
    index = new Map();
    for (const p of node.items) if (isPair(p) && isScalar(p.key) && !index.has(String(p.key.value))) index.set(String(p.key.value), p);
    indexes.set(node, index);
  }
  return index;
}
