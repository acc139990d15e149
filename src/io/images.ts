// Reads a picture a file names (a persona's `image:`, the config's `theme.logo`; later a stage's
// `image:`) and inlines it as a data: URI, so documents stay self-contained and load nothing. The
// path is relative to the file that names it and must stay inside the project folder, as written and
// through symbolic links; only PNG, JPEG and WebP are taken, told by their bytes; no request is ever
// made and no more than the limit (plus one byte) is read. A refusal is a reason, which the caller
// places at the `image:` value (file:line:col).
import { realpath, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { EXPECTED_IMAGE, IMAGE_TYPES, formatBytes, imagePathProblem, sniffImage, typeOfName, type ImageType } from '../core/image.js';
import { followInside, fsReason, isInside, readMapBytes } from './files.js';

/** A picture ready for a document. */
export interface InlineImage {
  /** `data:image/png;base64,…` */
  src: string;
  type: ImageType;
  /** Its size on disk. */
  bytes: number;
  /** Its real path (watch mode follows it). */
  path: string;
}

/** What a map's pictures may weigh together; one budget is shared by every picture of a map. */
export interface ImageBudget {
  /** The most, in bytes, for all pictures counted against this budget. */
  total: number;
  /** Bytes taken so far. */
  used: number;
}

export const imageBudget = (total: number): ImageBudget => ({ total, used: 0 });

export interface ImageRequest {
  /** The path as written in the file (`photos/giulia.jpg`). */
  path: string;
  /** The file that names it (absolute, or relative to `cwd`); its folder is where the path starts. */
  from: string;
  cwd: string;
  /** The project folder: nothing outside it is read. */
  projectRoot: string;
  /** The most one picture may weigh, in bytes (1 MB for a persona picture or a logo). */
  maxBytes: number;
  /** Shared by a map's pictures, when they have a limit together (stage images: 10 MB per map). */
  budget?: ImageBudget;
  /** What the picture is, for messages: "persona image", "logo", "stage image". */
  what: string;
}

export type ImageResult = { ok: true; image: InlineImage } | { ok: false; reason: string };

/** Reads and checks one picture; never throws for anything the files do. */
export async function readImage(request: ImageRequest): Promise<ImageResult> {
  const { path: written, what } = request;
  const refuse = (reason: string): ImageResult => ({ ok: false, reason: `${what} ${JSON.stringify(written)}: ${reason}` });
  const early = imagePathProblem(written);
  if (early) return refuse(early);
  const root = await realpath(request.projectRoot).catch(() => resolve(request.projectRoot));
  const folder = dirname(resolve(request.cwd, request.from));
  // Judged on real paths: the naming file's folder may be reached through a link (a temporary folder).
  const target = resolve(await realpath(folder).catch(() => folder), written);
  if (!isInside(target, root)) return refuse(`leads outside the project folder: expected ${EXPECTED_IMAGE}`);
  const named = typeOfName(written);
  if (!named) {
    const svg = /\.svgz?$/i.test(written);
    return refuse(`expected a .png, .jpg, .jpeg or .webp file, found ${svg ? 'an SVG drawing (.svg), which can carry script and links: export it as PNG or WebP' : 'another kind of file'}`);
  }
  // Followed link by link inside the project, so a link out of it is refused alike whether or not
  // its target exists (a CI log must not tell which files the runner has).
  const followed = followInside(target, root);
  if (followed?.inside === false) return refuse(`is a symbolic link that leads outside the project folder: expected ${EXPECTED_IMAGE}`);
  const real = followed?.real ?? target;
  const info = await stat(real).catch((error: unknown) => fsReason(error));
  if (typeof info === 'string') return refuse(`not found (${info}): expected ${EXPECTED_IMAGE}`);
  if (!info.isFile()) return refuse(`is not a file: expected ${EXPECTED_IMAGE}`);
  const over = (size: number) => {
    // Exact bytes when the rounded sizes read alike ("1 MB: expected at most 1 MB").
    const [found, limit] = formatBytes(size) === formatBytes(request.maxBytes) ? [`${size.toLocaleString('en')} bytes`, `${request.maxBytes.toLocaleString('en')} bytes`] : [formatBytes(size), formatBytes(request.maxBytes)];
    return refuse(`is ${found}: expected at most ${limit} (make the picture smaller, or save it as WebP or JPEG)`);
  };
  if (info.size > request.maxBytes) return over(info.size);
  const budget = request.budget;
  const overBudget = (size: number) => refuse(`would bring this map's pictures to ${formatBytes(budget!.used + size)}: expected at most ${formatBytes(budget!.total)} together`);
  if (budget && budget.used + info.size > budget.total) return overBudget(info.size);
  // At most maxBytes + 1 bytes are read, so a file that grows past the limit is still refused.
  const read = await readMapBytes(real, { maxBytes: request.maxBytes, projectRoot: root, expected: 'a picture file' });
  if (!read.ok) return refuse(/limit/.test(read.reason) ? `is larger than ${formatBytes(request.maxBytes)}: expected at most that` : read.reason);
  const bytes = read.bytes;
  const sniffed = sniffImage(bytes);
  if ('other' in sniffed) return refuse(`expected a PNG, JPEG or WebP picture, found ${sniffed.other}${sniffed.other === 'an SVG drawing' ? ', which can carry script and links: export it as PNG or WebP' : ''}`);
  if (sniffed.type !== named) {
    return refuse(`the file is a ${IMAGE_TYPES[sniffed.type].name} picture but its name says ${IMAGE_TYPES[named].name}: expected the extension to match (rename it to ${IMAGE_TYPES[sniffed.type].extensions[0]})`);
  }
  if (budget) {
    if (budget.used + bytes.length > budget.total) return overBudget(bytes.length);
    budget.used += bytes.length;
  }
  const src = `data:${IMAGE_TYPES[sniffed.type].mime};base64,${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')}`;
  return { ok: true, image: { src, type: sniffed.type, bytes: bytes.length, path: real } };
}
