// Words for what a user wrote, for messages such as "expected text, found a list".

/** A mapping as YAML gives it (kept apart from the positioned parser, which a valid map never loads): not a list, nor a set, binary data or a date that a YAML 1.1 tag makes. */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
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
      return objectKind(value);
    default:
      return typeof value;
  }
}

/**
 * What kind of object a YAML value became: a mapping, or one of the types YAML 1.1 tags make
 * (`!!timestamp`, `!!set`, `!!binary`, `!!omap`), which are not mappings though JavaScript calls them objects.
 */
function objectKind(value: object): string {
  if (value instanceof Date) return 'a date and time';
  if (value instanceof Set) return 'a set (`!!set`)';
  if (value instanceof Map) return 'an ordered mapping (`!!omap`)';
  if (value instanceof Uint8Array) return 'binary data (`!!binary`)';
  return 'a mapping (key: value pairs)';
}

/** Words for what a file holds without repeating it: for a file that may not be a map at all (a secret behind a link, say). */
export function describeKind(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return value === '' ? 'empty text' : 'text';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'object') return objectKind(value);
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

/**
 * `Priorità`, `przeglądarka`, `Pain-Points`, `Sito web` → `priorita`, `przegladarka`, `pain_points`,
 * `sito_web`: how a word a person wrote is compared with the words journey knows (a key, an emotion
 * word, a channel), so case, accents and the spaces, dashes or underscores between words do not count.
 */
export function foldWord(word: string): string {
  return word.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l').replace(/Ł/g, 'L').toLowerCase().trim().replace(/[\s_-]+/g, '_');
}

/**
 * The candidate a user most likely meant: the same word but for case, accents or dashes; else one
 * within a typo's reach (edit distance); else the only one the word is a whole part of
 * (`blueprint` → `service-blueprint`) or that shares a long start with it (`priorita` → `priorities`).
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const w = foldWord(word);
  const list = [...candidates].map((c) => ({ c, k: foldWord(c) }));
  const same = list.find(({ k }) => k === w);
  if (same) return same.c;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const { c, k } of list) {
    const d = editDistance(w, k);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  if (bestDistance <= Math.max(1, Math.floor(word.length / 3))) return best;
  if (w.length < 4) return undefined;
  const only = (found: { c: string }[]) => (found.length === 1 ? found[0]!.c : undefined);
  const part = only(list.filter(({ k }) => k.split('_').includes(w)));
  if (part) return part;
  // The longest shared start, if one candidate has it alone and it is most of the shorter word.
  const shared = list.map(({ c, k }) => ({ c, n: sharedStart(w, k), of: Math.min(w.length, k.length) }));
  const longest = Math.max(...shared.map((x) => x.n));
  return longest >= 5 ? only(shared.filter((x) => x.n === longest && x.n >= 0.7 * x.of)) : undefined;
}

function sharedStart(a: string, b: string): number {
  let n = 0;
  while (n < a.length && a[n] === b[n]) n++;
  return n;
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

/** How a message ends with a suggestion: "; did you mean `x`?" (nothing without one). The problem also carries `x` as its `suggestion`. */
export function didYouMean(guess: string | number | undefined): string {
  return guess === undefined ? '' : `; did you mean \`${guess}\`?`;
}

/**
 * Keeps `guess` on the zod issue whose message is being made, and gives it back for the message: zod
 * copies an issue's own fields into the issue it reports, so the problem made from it (issues.ts)
 * carries the guess as its `suggestion`.
 */
export function suggest<T extends string | number>(iss: object, guess: T | undefined): T | undefined {
  if (guess !== undefined) Object.assign(iss, { suggestion: String(guess) });
  return guess;
}

export function listWords(words: readonly string[], conjunction = 'or'): string {
  const quoted = words.map((w) => `\`${w}\``);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} ${conjunction} ${quoted.at(-1)}`;
}
