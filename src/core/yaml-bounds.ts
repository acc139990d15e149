// Bounds on the positioned parser's work: the exact node count before parsing, nesting depth
// before composing, and duplicate keys found in linear time.
import { CST, Composer, Lexer, Parser, YAMLParseError, isScalar, visit, type Document, type DocumentOptions, type LineCounter, type ParseOptions, type SchemaOptions } from 'yaml';
import { nodeLimitOffset } from './limits.js';
import { MAX_DEPTH } from './text.js';

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

/**
 * `parseDocument` of the `yaml` package, with the nesting bounded first. Its composer recurses once
 * per level: thousands of `[` run it out of stack, and when that happens while V8 compiles a
 * regular expression the process aborts instead of throwing. So the syntax tree, which the parser
 * builds without recursion, is measured first, and a document nested deeper than MAX_DEPTH is not
 * composed at all: `tooDeep` is then the offset of its first collection past the limit.
 */
export function parseBounded(
  text: string,
  options: ParseOptions & DocumentOptions & SchemaOptions & { lineCounter?: LineCounter } = {},
): { doc: Document.Parsed; tooDeep?: undefined } | { doc?: undefined; tooDeep: number } {
  const tokens = [...new Parser(options.lineCounter?.addNewLine).parse(text)];
  const tooDeep = depthBeyond(tokens, MAX_DEPTH);
  if (tooDeep !== undefined) return { tooDeep };
  let doc: Document.Parsed | undefined;
  for (const next of new Composer(options).compose(tokens, true, text.length)) {
    if (!doc) doc = next;
    else {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
      break;
    }
  }
  return { doc: doc! };
}

/** The offset of the first collection nested `max` levels deep in a syntax tree, walked with a stack of its own. */
function depthBeyond(tokens: CST.Token[], max: number): number | undefined {
  let first: number | undefined;
  const pending: [CST.Token | null | undefined, number][] = tokens.map((t) => [t, 0]);
  while (pending.length > 0) {
    const [token, depth] = pending.pop()!;
    if (!token) continue;
    if (token.type === 'document') pending.push([token.value, depth]);
    else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth >= max) first = Math.min(first ?? Infinity, token.offset);
      else for (const item of token.items) pending.push(['key' in item ? item.key : undefined, depth + 1], [item.value, depth + 1]);
    }
  }
  return first;
}
