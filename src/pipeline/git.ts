// A map as it was at a git revision, for `journey diff --rev`.
import { execFile } from 'node:child_process';
import { basename, dirname, resolve } from 'node:path';
import { promisify } from 'node:util';
import { problem } from '../core/diagnostics.js';
import type { LoadResult } from '../core/load.js';
import { readMap } from '../core/read-map.js';
import { DEFAULT_LIMITS, tooLarge } from '../core/text.js';
import { fsReason } from '../io/files.js';
import { gitShowArgs } from '../io/git-args.js';
import type { Io } from '../io/terminal.js';

/** The map as it was at a git revision (`git show <rev>:./<file>`, run in the file's folder). */
export async function readMapAtRevision(file: string, rev: string, io: Io, maxBytes = DEFAULT_LIMITS.maxBytes): Promise<LoadResult> {
  const path = resolve(io.cwd, file);
  const name = `${file}@${rev}`;
  try {
    // git's output is held to the map size limit like any map (one byte more, to tell it is over).
    const { stdout } = await promisify(execFile)('git', gitShowArgs(rev, basename(path)), { cwd: dirname(path), encoding: 'buffer', maxBuffer: maxBytes + 1 });
    return readMap(name, stdout, { maxBytes });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '').trim().split('\n')[0];
    const reason = code === 'ENOENT' ? 'git is not installed' : code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER' ? tooLarge(undefined, maxBytes) : stderr || fsReason(error);
    return { ok: false, diagnostics: [problem(name, 1, 1, 'file', `cannot read ${file} at revision ${rev}: ${reason}`)] };
  }
}
