// The file system edge: reading maps and writing documents without ever leaving a partial file.
import { rmSync } from 'node:fs';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export async function readBytes(path: string): Promise<Uint8Array> {
  return readFile(path);
}

/**
 * Writes to a temporary file in the same folder, then renames it into place: readers see the old
 * document or the new one, never half of one, and a failed or interrupted write leaves the old one
 * intact. No fsync: documents can always be rebuilt from their maps, and syncing every file made
 * large batches several times slower.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  // Unique enough with the process id and a counter; 'wx' below refuses to reuse a name anyway.
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}-${++written}.tmp`);
  pending.add(temp);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data);
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  } finally {
    pending.delete(temp);
  }
}

let written = 0;

// Temporary files still being written when the process exits (Ctrl-C mid-build) are removed.
const pending = new Set<string>();
process.on('exit', () => {
  for (const temp of pending) rmSync(temp, { force: true });
});

/** A short reason for a failed file operation, without a stack trace. */
export function fsReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'a parent of this path is not a directory';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EROFS':
      return 'read-only file system';
    case 'EEXIST':
      return 'file already exists';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
