// Words for what a user wrote, for messages such as "expected text, found a list".

/** A mapping (key: value pairs) as YAML gives it; kept apart from the positioned parser, which a valid map never loads. */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return value === '' ? 'empty text' : `text ${quote(value)}`;
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return `${value}`;
    case 'object':
      return 'a mapping (key: value pairs)';
    default:
      return typeof value;
  }
}

/** Words for what a file holds without repeating it: for a file that may not be a map at all (a secret behind a link, say). */
export function describeKind(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return value === '' ? 'empty text' : 'text';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'object') return 'a mapping (key: value pairs)';
  return typeof value === 'boolean' ? 'true or false' : typeof value;
}

/** At most `max` characters of user text, for messages: enough to find it, never a whole file. */
export function excerpt(text: string, max = 40): string {
  if (text.length <= max) return text;
  return `${Array.from(text.slice(0, max * 2)).slice(0, max - 1).join('')}…`;
}

export function quote(text: string, max = 40): string {
  return JSON.stringify(excerpt(text, max));
}

/** Levenshtein distance, used for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j]!;
      prev[j] = Math.min(above + 1, prev[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return prev[b.length]!;
}

/** The closest candidate, if it is close enough to be a likely typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase().replace(/-/g, '_');
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(lower, candidate.toLowerCase().replace(/-/g, '_'));
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  const allowed = Math.max(1, Math.floor(word.length / 3));
  return bestDistance <= allowed ? best : undefined;
}

/**
 * The allowed value a user meant when only case, spacing or form differs (`Happy` → `happy`,
 * `"+1"` → `1`): a near miss that edit distance alone would not catch, or would catch wrongly.
 */
export function sameButForm<T extends string | number>(input: unknown, allowed: readonly T[]): T | undefined {
  if (typeof input !== 'string') return undefined;
  const t = input.trim().replace(/^\u2212/, '-');
  if (/^[+-]?\d+(\.0*)?$/.test(t)) return allowed.find((a) => a === Number(t));
  const norm = (s: string) => s.toLowerCase().replace(/[\s_]+/g, '-');
  return allowed.find((a) => typeof a === 'string' && norm(a) === norm(t));
}

/** "; did you mean `x`?" when the input is a near miss of an allowed value, else nothing. */
export function didYouMean(input: unknown, allowed: readonly (string | number)[]): string {
  const guess = sameButForm(input, allowed);
  return guess === undefined ? '' : `; did you mean \`${guess}\`?`;
}

export function listWords(words: readonly string[], conjunction = 'or'): string {
  const quoted = words.map((w) => `\`${w}\``);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} ${conjunction} ${quoted.at(-1)}`;
}
