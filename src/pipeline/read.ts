// Reads one map from a file or standard input and loads it; an unreadable file becomes a diagnostic
// like any other problem.
import { resolve } from 'node:path';
import { problem } from '../core/diagnostics.js';
import type { LoadResult } from '../core/load.js';
import { readMap, type ReadMapOptions } from '../core/read-map.js';
import { fsReason, readBytes } from '../io/files.js';
import { STDIN } from '../io/inputs.js';
import type { Io } from '../io/terminal.js';

export const STDIN_NAME = '<stdin>';

/** How a map is named in reports: its path, or `<stdin>` for `-`. */
export const shownName = (file: string) => (file === STDIN ? STDIN_NAME : file);

export async function readMapFile(file: string, io: Io, options: ReadMapOptions = {}): Promise<LoadResult> {
  const name = shownName(file);
  let bytes: Uint8Array;
  try {
    bytes = file === STDIN ? await io.readStdin() : await readBytes(resolve(io.cwd, file));
  } catch (error) {
    return { ok: false, diagnostics: [problem(name, 1, 1, 'file', `cannot read the file: ${fsReason(error)}`)] };
  }
  return readMap(name, bytes, options);
}
