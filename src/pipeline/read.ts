// Reads one map from a file or standard input and loads it; an unreadable file becomes a diagnostic
// like any other problem.
import { resolve } from 'node:path';
import type { Code } from '../core/codes.js';
import { problem, type Diagnostic } from '../core/diagnostics.js';
import type { LoadResult } from '../core/load.js';
import { readMap, type ReadMapOptions } from '../core/read-map.js';
import { DEFAULT_LIMITS } from '../core/text.js';
import { contentHash, fsReason, readMapBytes } from '../io/files.js';
import { STDIN, looksLikePersona } from '../io/inputs.js';
import type { Io } from '../io/terminal.js';
import type { References } from './references.js';

export const STDIN_NAME = '<stdin>';

/** How a map is named in reports: its path, or `<stdin>` for `-`. */
export const shownName = (file: string) => (file === STDIN ? STDIN_NAME : file);

export type ReadResult = LoadResult & {
  /** Files the map names (its persona file), for watch mode. */
  dependencies?: string[];
  /** With `hashSource`: the content hash of the bytes read (incremental builds keep it). */
  sourceHash?: string;
  /** The file checked was a shared persona file, not a map. */
  persona?: boolean;
};

export interface ReadOptions extends ReadMapOptions {
  /** Reads the files the map names; without it a persona file is left unread (a map from git history). */
  references?: References;
  /** Gives the content hash of the map as read. */
  hashSource?: boolean;
}

/**
 * The bytes of a map file or of standard input, or the problem of reading them: only a regular
 * file, never past the size limit (standard input included), and never through a link out of the
 * project folder.
 */
async function readInput(file: string, io: Io, options: ReadOptions): Promise<{ bytes: Uint8Array } | { ok: false; diagnostics: Diagnostic[] }> {
  const maxBytes = options.maxBytes ?? DEFAULT_LIMITS.maxBytes;
  const fail = (reason: string, code: Code = 'file-unreadable') => ({ ok: false as const, diagnostics: [problem(shownName(file), 1, 1, 'file', reason, code)] });
  if (file === STDIN) {
    try {
      return { bytes: await io.readStdin(maxBytes) };
    } catch (error) {
      return fail(fsReason(error));
    }
  }
  const read = await readMapBytes(resolve(io.cwd, file), { maxBytes, projectRoot: options.references?.projectRoot });
  return read.ok ? { bytes: read.bytes } : fail(read.reason, read.code);
}

async function loadMap(file: string, bytes: Uint8Array, options: ReadOptions): Promise<ReadResult> {
  const name = shownName(file);
  const loaded = await readMap(name, bytes, options);
  const read: ReadResult = options.references ? await options.references.complete(file, name, loaded, async () => new TextDecoder().decode(bytes)) : loaded;
  // A project's own template is read from a file: one more input of its maps (watch, incremental builds).
  const templateFile = read.ok ? options.templates[read.map.template]?.file : undefined;
  return templateFile ? { ...read, dependencies: [...(read.dependencies ?? []), templateFile] } : read;
}

export async function readMapFile(file: string, io: Io, options: ReadOptions): Promise<ReadResult> {
  const input = await readInput(file, io, options);
  if (!('bytes' in input)) return input;
  // A shared persona file given to build: one clear sentence, not a list of a map's missing keys.
  if (file !== STDIN && looksLikePersona(new TextDecoder().decode(input.bytes.subarray(0, 64 * 1024)))) {
    return { ok: false, diagnostics: [problem(file, 1, 1, 'file', `this is a persona file, not a journey map: a map names it with \`persona: <its path>\`, and \`journey validate ${file}\` checks it`, 'wrong-kind')] };
  }
  const loaded = await loadMap(file, input.bytes, options);
  return options.hashSource ? { ...loaded, sourceHash: contentHash(input.bytes) } : loaded;
}

/**
 * Every problem of a file named for checking: a map, or a shared persona file (`journey validate
 * personas/giulia.yaml`), told apart by their keys.
 */
export async function checkFile(file: string, io: Io, options: ReadOptions & { references: References }): Promise<ReadResult> {
  const input = await readInput(file, io, options);
  if (!('bytes' in input)) return input;
  if (file !== STDIN && looksLikePersona(new TextDecoder().decode(input.bytes.subarray(0, 64 * 1024)))) {
    const read = await options.references.persona(file, input.bytes);
    // A persona file is no map (nothing to build), and has no problem when it is valid.
    return read.ok ? { ok: false, diagnostics: [] } : read;
  }
  return loadMap(file, input.bytes, options);
}
