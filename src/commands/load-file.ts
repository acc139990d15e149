import { resolve } from 'node:path';
import type { Diagnostic } from '../core/diagnostics.js';
import { loadMapBytes, type LoadResult } from '../core/load.js';
import { problem } from '../core/source.js';
import { fsReason, readBytes } from '../io/files.js';

/** Reads and loads one map; an unreadable file becomes a diagnostic like any other problem. */
export async function loadFile(file: string, cwd: string): Promise<LoadResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readBytes(resolve(cwd, file));
  } catch (error) {
    return { ok: false, diagnostics: [problem(file, 1, 1, 'file', `cannot read the file: ${fsReason(error)}`)] };
  }
  return loadMapBytes(file, bytes);
}

export interface FileResult {
  file: string;
  diagnostics: Diagnostic[];
}
