import { resolve } from 'node:path';
import type { Locale } from '../core/locale.js';
import type { LoadResult } from '../core/load.js';
import { quickLoad } from '../core/quick-load.js';
import { DEFAULT_LIMITS, decodeText, problem } from '../core/text.js';
import { fsReason, readBytes } from '../io/files.js';
import { STDIN } from '../io/inputs.js';
import type { Io } from '../io/terminal.js';

export const STDIN_NAME = '<stdin>';

/** How a map is named in reports: its path, or `<stdin>` for `-`. */
export const shownName = (file: string) => (file === STDIN ? STDIN_NAME : file);

/** Reads and loads one map (`-` is standard input); an unreadable file becomes a diagnostic like any other problem. */
export interface LoadFileOptions {
  defaultLocale?: Locale;
  maxBytes?: number;
  /** Keep source positions even for a valid map (lint points its findings into the source). */
  positions?: boolean;
}

export async function loadFile(file: string, io: Io, options: LoadFileOptions = {}): Promise<LoadResult> {
  const name = shownName(file);
  let bytes: Uint8Array;
  try {
    bytes = file === STDIN ? await io.readStdin() : await readBytes(resolve(io.cwd, file));
  } catch (error) {
    return { ok: false, diagnostics: [problem(name, 1, 1, 'file', `cannot read the file: ${fsReason(error)}`)] };
  }
  return loadBytes(name, bytes, options);
}

/** Loads a map from bytes: the quick path for a valid map, the positioned one to report problems. */
export async function loadBytes(name: string, bytes: Uint8Array, options: LoadFileOptions = {}): Promise<LoadResult> {
  const limits = { ...DEFAULT_LIMITS, maxBytes: options.maxBytes ?? DEFAULT_LIMITS.maxBytes };
  const decoded = decodeText(name, bytes, limits);
  if (!decoded.ok) return decoded;
  const map = options.positions ? undefined : quickLoad(decoded.text, options);
  if (map) return { ok: true, map, diagnostics: [] };
  // Something is off: the positioned loader (and its YAML parser) says exactly what and where.
  const { loadMap } = await import('../core/load.js');
  return loadMap(name, decoded.text, { ...options, limits });
}
