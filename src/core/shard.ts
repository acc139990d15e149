// `journey build --shard 2/4`: a stable part of the inputs, so a CI matrix can split a large build.
// A file's shard depends on its path alone (relative to the project, with / separators), so each
// file is in exactly one shard and stays there when other files come and go.

export interface Shard {
  index: number; // 1-based
  count: number;
}

/** `2/4` → { index: 2, count: 4 }; undefined when it is not k/n with 1 ≤ k ≤ n. */
export function parseShard(text: string): Shard | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return undefined;
  const [index, count] = [Number(m[1]), Number(m[2])];
  return index >= 1 && count >= 1 && index <= count ? { index, count } : undefined;
}

/** FNV-1a: a small, well-spread hash that is the same on every machine and Node version. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  return h;
}

/** The files of one shard; `key` gives each file's stable path. */
export function selectShard<T>(files: readonly T[], shard: Shard, key: (file: T) => string): T[] {
  return files.filter((f) => (hash(key(f)) % shard.count) + 1 === shard.index);
}
