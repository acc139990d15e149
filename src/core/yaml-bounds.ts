// Bounds on the positioned parser's work: the exact node count before parsing, and duplicate keys
// found in linear time.
import { CST, Lexer, YAMLParseError, isScalar, visit, type Document } from 'yaml';
import { nodeLimitOffset } from './limits.js';

/** Where the file passes MAX_YAML_NODES, if it does (see limits.ts). */
export const nodeLimitOffsetOf = (text: string) => nodeLimitOffset(text, { Lexer, CST });

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
