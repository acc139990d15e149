// A map as it was at a git revision, for `journey diff --rev`.
import { execFile } from 'node:child_process';
import { basename, dirname, resolve } from 'node:path';
import { promisify } from 'node:util';
import { problem } from '../core/diagnostics.js';
import type { LoadResult } from '../core/load.js';
import { readMap } from '../core/read-map.js';
import { fsReason } from '../io/files.js';
import type { Io } from '../io/terminal.js';

/** The map as it was at a git revision (`git show <rev>:./<file>`, run in the file's folder). */
export async function readMapAtRevision(file: string, rev: string, io: Io): Promise<LoadResult> {
  const path = resolve(io.cwd, file);
  const name = `${file}@${rev}`;
  try {
    // --end-of-options: whatever the revision says, git reads it as a revision, never as an option.
    const { stdout } = await promisify(execFile)('git', ['show', '--end-of-options', `${rev}:./${basename(path)}`], { cwd: dirname(path), encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 });
    return readMap(name, stdout);
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '').trim().split('\n')[0];
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'git is not installed' : stderr || fsReason(error);
    return { ok: false, diagnostics: [problem(name, 1, 1, 'file', `cannot read ${file} at revision ${rev}: ${reason}`)] };
  }
}
