// Bounds on the positioned parser's work, with its own lexer (which the quick path does not load):
// the exact node count behind MAX_YAML_NODES, and duplicate keys found in linear time.
import { CST, Lexer, YAMLParseError, isScalar, visit, type Document } from 'yaml';
import { MAX_YAML_NODES } from './limits.js';

// Lexer tokens that stand for a node, or for a list item, key or document that may be an empty node.
const NODE_TOKENS = new Set(['doc-start', 'doc-end', 'scalar', 'single-quoted-scalar', 'double-quoted-scalar', 'alias', 'seq-item-ind', 'explicit-key-ind', 'flow-seq-start', 'flow-map-start', 'comma']);
// Markers the lexer inserts that are not in the source.
const MARKERS = new Set(['\x02', '\x18', '\x1f']);

/** The source offset where the count of nodes passes `max`, or undefined when the file is within it. */
export function nodeLimitOffset(text: string, max = MAX_YAML_NODES): number | undefined {
  let count = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    // A plain scalar comes as a marker, typed 'scalar', then its text; count the marker only.
    if (type && NODE_TOKENS.has(type) && ++count > max) return offset;
    if (!(token.length === 1 && MARKERS.has(token))) offset += token.length;
  }
  return undefined;
}


/**
 * Duplicate keys, as the parser's `uniqueKeys` would report them. Its check compares each key with
 * every earlier one: a mapping of 20,000 keys took 6 s, 66,000 over a minute. A set per mapping
 * is linear. Parse with `uniqueKeys: false` and add these to the document's errors.
 */
export function duplicateKeyErrors(doc: Document.Parsed): YAMLParseError[] {
  const errors: YAMLParseError[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const { key } of map.items) {
        if (!isScalar(key)) continue;
        if (seen.has(key.value)) errors.push(new YAMLParseError([key.range![0], key.range![1]], 'DUPLICATE_KEY', 'Map keys must be unique'));
        seen.add(key.value);
      }
    },
  });
  return errors;
}
