// Pictures a map, a persona file or the config names (a persona's photo, a logo; later stage images):
// the pure half. What a path may look like before anything is read, and what the bytes are, judged by
// their first bytes (magic numbers), never by the name alone. Reading is pipeline/images.ts.

/** The picture formats documents inline. SVG is not one: it is a document that can carry script and links. */
export const IMAGE_TYPES = {
  png: { mime: 'image/png', name: 'PNG', extensions: ['.png'] },
  jpeg: { mime: 'image/jpeg', name: 'JPEG', extensions: ['.jpg', '.jpeg'] },
  webp: { mime: 'image/webp', name: 'WebP', extensions: ['.webp'] },
} as const;
export type ImageType = keyof typeof IMAGE_TYPES;

/** 1 MB: a persona picture or a logo. */
export const DEFAULT_IMAGE_BYTES = 1_000_000;

/** Stage images: at most 2 MB each and 10 MB for all of a map's (MB as file managers count: 1,000,000 bytes); `images:` in the config changes them. */
export const STAGE_IMAGE_LIMITS = { imageMb: 2, mapMb: 10 } as const;

/** What every refusal says was expected. */
export const EXPECTED_IMAGE = 'a local PNG, JPEG or WebP file inside the project folder, relative to this file (like photos/giulia.jpg)';

/**
 * Why a path as written may not even be looked for, or undefined when it may: a web address or any
 * other scheme (nothing is ever downloaded), a network path, an absolute path. `..` is judged later,
 * against the project folder, as it may stay inside.
 */
export function imagePathProblem(path: string): string | undefined {
  if (!path.trim()) return `expected ${EXPECTED_IMAGE}, found empty text`;
  // A scheme has two letters or more: `C:` alone is a Windows drive, an absolute path below.
  if (/^[a-z][a-z0-9+.-]+:/i.test(path)) {
    const scheme = path.slice(0, path.indexOf(':') + 1).toLowerCase();
    const what = scheme === 'http:' || scheme === 'https:' ? 'a web address' : scheme === 'data:' ? 'a data: URL' : `a ${scheme} URL`;
    return `expected ${EXPECTED_IMAGE}, found ${what}: journey never downloads anything; save the picture in the project and name its path`;
  }
  if (/^[\\/]{2}/.test(path)) return `expected ${EXPECTED_IMAGE}, found a network path: journey never downloads anything`;
  if (/^([\\/]|[a-z]:)/i.test(path)) return `expected ${EXPECTED_IMAGE}, found an absolute path: name it relative to this file`;
  return undefined;
}

/** The type a file name promises, from its extension; undefined for any other name. */
export function typeOfName(path: string): ImageType | undefined {
  const lower = path.toLowerCase();
  return (Object.keys(IMAGE_TYPES) as ImageType[]).find((t) => IMAGE_TYPES[t].extensions.some((e) => lower.endsWith(e)));
}

/** The type the bytes are, or a short description of what they are instead ("an SVG drawing"). */
export function sniffImage(bytes: Uint8Array): { type: ImageType } | { other: string } {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return { type: 'png' };
  if (starts(0xff, 0xd8, 0xff)) return { type: 'jpeg' };
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return { type: 'webp' };
  if (bytes.length === 0) return { other: 'an empty file' };
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return { other: 'a GIF picture' };
  if (starts(0x42, 0x4d)) return { other: 'a BMP picture' };
  if (ascii(4, 12) === 'ftypavif' || ascii(4, 12) === 'ftypheic' || ascii(4, 8) === 'ftyp') return { other: 'an AVIF, HEIC or video file' };
  if (starts(0x25, 0x50, 0x44, 0x46)) return { other: 'a PDF document' };
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 1024)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg')) || (head.startsWith('<!--') && head.includes('<svg'))) return { other: 'an SVG drawing' };
  if (head.startsWith('<')) return { other: 'HTML or XML text' };
  return { other: 'neither a PNG, a JPEG nor a WebP picture' };
}

/** "1.2 MB", "840 KB": sizes as people read them (decimal, as file managers show them). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${Math.round(bytes / 100_000) / 10} MB`;
  if (bytes >= 1_000) return `${Math.round(bytes / 100) / 10} KB`;
  return `${bytes} bytes`;
}

/** Initials for a monogram: the first letter of the first and the last word ("Giulia Rossi" → "GR"). */
export function monogram(name: string): string {
  const words = name.trim().split(/\s+/).filter((w) => /\p{L}|\p{N}/u.test(w));
  const first = (w: string | undefined) => (w ? (Array.from(w).find((c) => /\p{L}|\p{N}/u.test(c)) ?? '') : '');
  const letters = words.length > 1 ? first(words[0]) + first(words.at(-1)) : first(words[0]);
  return letters.toLocaleUpperCase();
}
