// How many YAML nodes a file may hold. The byte limit alone is not enough: 5 MB of `[a,a,a,…]`
// is 2.6 million nodes, and building them took 13 s and 2.6 GB. Counted before any parser builds
// anything, so a refusal costs milliseconds and a file within the limit stays cheap to load.
// Free of any YAML parser: the quick path imports it. node-count.ts has the exact count.

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
  let indicators = 0;
  for (let i = 0; i < text.length; i++) if (isIndicator(text.charCodeAt(i)) && ++indicators * 2 + 1 > max) return true;
  return false;
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
