// How many YAML nodes a file may hold. The byte limit alone is not enough: 5 MB of `[a,a,a,…]`
// is 2.6 million nodes, and building them took 13 s and 2.6 GB. Counted before any parser builds
// anything, so a refusal costs milliseconds and a file within the limit stays cheap to load.
// Free of any YAML parser: the quick path imports it, and passes the lexer in when it needs one.
import type * as Yaml from 'yaml';

export type YamlLexing = Pick<typeof Yaml, 'Lexer' | 'CST'>;

/**
 * Counted as values, list items and keys (`[a, b]` counts 4): a rich 2,000-stage map has about
 * 82,000, and 100,000 problems, the worst case for the positioned parser, load in about a second.
 */
export const MAX_YAML_NODES = 100_000;

export const tooManyNodes = (max = MAX_YAML_NODES) =>
  `more than ${max.toLocaleString('en')} YAML values, list items and keys by here: expected a journey map of a readable size (split a very large journey into several maps)`;

/** Characters at least one of which every node but the first needs (`k: v`, `- a`, `[a, b]`, `{…}`, `? k`, `...`). */
function isIndicator(c: number): boolean {
  return c === 0x2c || c === 0x2d || c === 0x3a || c === 0x5b || c === 0x7b || c === 0x3f || c === 0x2e; // , - : [ { ? .
}

/**
 * A cheap upper bound on the node count, without parsing: no more than two nodes per indicator
 * character. The quick path uses it to leave a file that might be too large to the exact count.
 */
export function mayExceedNodes(text: string, max = MAX_YAML_NODES): boolean {
  if (text.length * 2 + 1 <= max) return false; // even if every character were one
  let indicators = 0;
  for (let i = 0; i < text.length; i++) if (isIndicator(text.charCodeAt(i)) && ++indicators * 2 + 1 > max) return true;
  return false;
}

// Lexer tokens that stand for a node, or for a list item, key or document that may be an empty node.
const NODE_TOKENS = new Set(['doc-start', 'doc-end', 'scalar', 'single-quoted-scalar', 'double-quoted-scalar', 'alias', 'seq-item-ind', 'explicit-key-ind', 'flow-seq-start', 'flow-map-start', 'comma']);
// Markers the lexer inserts that are not in the source.
const MARKERS = new Set(['\x02', '\x18', '\x1f']);

/**
 * The exact count, with the lexer of the positioned parser (`yaml`), passed in: the quick path
 * loads it only for a file the cheap bound cannot settle. Returns the source offset where the
 * count passes `max`, or undefined when the file is within it.
 */
export function nodeLimitOffset(text: string, yaml: YamlLexing, max = MAX_YAML_NODES): number | undefined {
  // A map with problems is counted by the quick path, then by the positioned one: count it once.
  if (lastCount?.text === text && lastCount.max === max) return lastCount.offset;
  const offset = countNodes(text, yaml, max);
  lastCount = { text, max, offset };
  return offset;
}
let lastCount: { text: string; max: number; offset: number | undefined } | undefined;

function countNodes(text: string, yaml: YamlLexing, max: number): number | undefined {
  let count = 0;
  let offset = 0;
  for (const token of new yaml.Lexer().lex(text)) {
    const type = yaml.CST.tokenType(token);
    // A plain scalar comes as a marker, typed 'scalar', then its text; count the marker only.
    if (type && NODE_TOKENS.has(type) && ++count > max) return offset;
    if (!(token.length === 1 && MARKERS.has(token))) offset += token.length;
  }
  return undefined;
}


/** 1-based line and column of an offset in text. */
export function lineCol(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, col: offset - start + 1 };
}

/** Problems listed per file: past this many, one line says how many more there are. */
export const MAX_PROBLEMS = 1000;
