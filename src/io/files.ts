// The file system edge: reading maps and writing documents without ever leaving a partial file.
// Maps come from pull requests, so what a path turns out to be (a pipe, a device, a link out of
// the project, 1.5 GB) is checked before, and while, it is read.
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, readdirSync, readlinkSync, realpathSync, renameSync, rmSync, writeSync } from 'node:fs';
import { mkdir, open, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { basename, dirname, isAbsolute, join, parse, relative, resolve, sep } from 'node:path';
import { tooLarge } from '../core/text.js';

/** An operation journey declines for a reason of its own; the message says why, for `fsReason`. */
export class Refused extends Error {}

/** Why a file was not read, as a problem code: see core/codes.ts. */
export type ReadFailure = 'file-not-found' | 'file-unreadable' | 'too-large';
export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; reason: string; code: ReadFailure };

const CHUNK = 64 * 1024;

/**
 * Reads a map: only a regular file, never more than `maxBytes` (a larger file is refused from its
 * size, before reading; one that grows is cut off at the limit), and, when `projectRoot` is given,
 * never a file inside the project that is a link to somewhere outside it. A path that is itself
 * outside the project was named on the command line, which is trusted, and is read. Opening does
 * not wait for a writer (a named pipe is refused at once), and the file is checked once opened,
 * so a link swapped in between cannot slip a device past it. `expected` names what the file should
 * be in the reasons (default "a journey map file"): a layout, a config file, a metrics file, a
 * picture is read the same way.
 */
export async function readMapBytes(path: string, options: { maxBytes: number; projectRoot?: string; expected?: string }): Promise<ReadResult> {
  const refuse = (reason: string, code: ReadFailure = 'file-unreadable'): ReadResult => ({ ok: false, reason, code });
  const expected = options.expected ?? 'a journey map file';
  const tooBig = (size?: number) => tooLarge(size, options.maxBytes, 'file', options.expected ?? 'a journey map in YAML');
  try {
    if (options.projectRoot && !linkStaysInside(path, options.projectRoot)) {
      return refuse(`the file is a symbolic link to a file outside the project folder: expected ${expected} inside it`);
    }
    // Synchronous calls: a map is a few kilobytes, and a batch of a thousand spent more time queueing
    // four asynchronous calls each on libuv's few threads than reading. Opening does not block on a
    // pipe (O_NONBLOCK), and what was opened is what is checked and read.
    const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    try {
      const info = fstatSync(fd);
      if (!info.isFile()) return refuse(`expected ${expected}, found ${kindOf(info)}`);
      if (info.size > options.maxBytes) return refuse(tooBig(info.size), 'too-large');
      const chunks: Uint8Array[] = [];
      let total = 0;
      for (;;) {
        // At most one byte past the limit: enough to know the file is over it. A file's size, and one
        // byte more, is read at once; /proc files say size 0, and are read a chunk at a time.
        const want = Math.min(total === 0 && info.size > 0 ? info.size + 1 : CHUNK, options.maxBytes + 1 - total);
        const buffer = Buffer.allocUnsafe(want);
        const bytesRead = readSync(fd, buffer, 0, want, null);
        if (bytesRead === 0) break;
        chunks.push(buffer.subarray(0, bytesRead));
        total += bytesRead;
        if (total > options.maxBytes) return refuse(tooBig(), 'too-large');
        // Fewer bytes than asked of a file of known size: its end (no second call to find it).
        if (info.size > 0 && bytesRead < want) break;
      }
      return { ok: true, bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total) };
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    return refuse(`cannot read the file: ${fsReason(error)}`, (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file-not-found' : 'file-unreadable');
  }
}

/**
 * The content hash journey keeps of what it wrote and read (a site's pages, a build's documents and
 * inputs): sha256, base64url.
 */
export const contentHash = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('base64url');

/**
 * The contentHash of a regular file of at most `maxBytes`, or undefined for anything else or a file
 * that cannot be read. A link at its own name is not followed unless `followLink`. A file of a few
 * kilobytes is read in one call into a buffer of its size (a batch hashes a thousand of them, and
 * 64 KiB per file was most of the time, as garbage); a large one in chunks, in little memory.
 * Opening does not wait for a writer (a pipe is refused once opened).
 */
export function fileHash(path: string, options: { maxBytes?: number; followLink?: boolean } = {}): string | undefined {
  const maxBytes = options.maxBytes ?? Infinity;
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (options.followLink ? 0 : (constants.O_NOFOLLOW ?? 0)));
  } catch {
    return undefined;
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile() || info.size > maxBytes) return undefined;
    const hash = createHash('sha256');
    const buffer = Buffer.allocUnsafe(Math.min(info.size + 1, CHUNK));
    let total = 0;
    for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0; ) {
      if ((total += n) > maxBytes) return undefined; // it grew past the limit while read
      hash.update(buffer.subarray(0, n));
    }
    return hash.digest('base64url');
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Reads a stream (standard input) up to `maxBytes`, and stops reading as soon as it is over. */
export async function readStreamBytes(stream: AsyncIterable<Uint8Array>, maxBytes: number, what = 'standard input'): Promise<ReadResult> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += chunk.length;
    // Leaving the loop ends the stream: an endless source is not read further.
    if (total > maxBytes) return { ok: false, reason: tooLarge(undefined, maxBytes, what), code: 'too-large' };
    chunks.push(chunk);
  }
  return { ok: true, bytes: Buffer.concat(chunks, total) };
}

/** `readMapBytes` for callers that take errors: throws `Refused`, whose message `fsReason` returns. */
export async function readBytes(path: string, options: { maxBytes: number; projectRoot?: string; expected?: string }): Promise<Uint8Array> {
  const read = await readMapBytes(path, options);
  if (!read.ok) throw new Refused(read.reason.replace(/^cannot read the file: /, ''));
  return read.bytes;
}

/** Where a path inside the project leads: its real path (as far as it exists), or the link that leads out. */
export type Followed = { inside: true; real: string } | { inside: false; link: string };

/**
 * Follows `path` one name at a time from the project folder `root`, as the system would, reading
 * each symbolic link's text. The first step out of the folder makes the answer "outside", naming the
 * link that led there (as written below `root`), so the answer never depends on what exists outside
 * the project: whether a link's target exists must not show in a message (a CI log would tell which
 * files the runner has). Nothing outside the project is ever looked at. A path that is itself outside
 * the project was named on the command line, which is trusted: undefined, not judged. A path that
 * does not exist yet (an output) is followed as far as it exists, the rest taken as written.
 */
export function followInside(path: string, root: string): Followed | undefined {
  const absolute = resolve(path);
  const realRoot = realRootOf(root);
  const writtenRoot = resolve(root);
  const named = isInside(absolute, realRoot) ? realRoot : isInside(absolute, writtenRoot) ? writtenRoot : undefined;
  if (named === undefined) return undefined;
  const pending = namesOf(relative(named, absolute));
  // Inside the project, or on the way down to it (an absolute link into the project passes its
  // parents, as its real path or as written: /tmp is a link on macOS).
  const within = (p: string) => isInside(p, realRoot) || isInside(p, writtenRoot);
  const stepsAway = (p: string) => !within(p) && !isInside(realRoot, p) && !isInside(writtenRoot, p);
  let current = realRoot;
  let link = '';
  let missing = false;
  let hops = 0;
  while (pending.length) {
    const name = pending.shift()!;
    if (name === '.' || name === '') continue;
    const next = name === '..' ? dirname(current) : join(current, name);
    if (stepsAway(next)) return { inside: false, link };
    current = next;
    if (missing || name === '..') continue;
    // Synchronous calls: a map read or a document written asks this once; a batch of a thousand
    // queued asynchronous ones behind the file reads on libuv's few threads.
    const info = entryAt(next);
    if (!info) missing = true;
    if (!info?.isSymbolicLink()) continue;
    if (++hops > 40) return { inside: true, real: join(current, ...pending) }; // a loop: opening it says so
    let target: string;
    try {
      target = readlinkSync(next);
    } catch {
      missing = true;
      continue;
    }
    link = join(resolve(root), relative(realRoot, next));
    current = isAbsolute(target) ? parse(target).root : dirname(next);
    pending.unshift(...namesOf(target));
  }
  return within(current) ? { inside: true, real: current } : { inside: false, link };
}

/** What is at `path` itself (a link is not followed), or undefined when nothing can be seen there (missing, a parent that is a file, no permission). */
export function entryAt(path: string): Stats | undefined {
  try {
    return lstatSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

const namesOf = (path: string) => path.split(sep === '\\' ? /[\\/]/ : '/');

/**
 * False when `path` lies inside `root` as written but leads out of it through a symbolic link
 * (`followInside`). A path that does not exist yet (an output) is judged as far as it exists, so
 * this also guards writes: a linked output folder that leads out of the project is caught.
 */
export function linkStaysInside(path: string, root: string): boolean {
  return followInside(path, root)?.inside !== false;
}

/** The project folder's real path, asked once: every map read and every document written checks it. */
const realRoots = new Map<string, string>();
function realRootOf(root: string): string {
  let real = realRoots.get(root);
  if (real === undefined) {
    try {
      real = realpathSync.native(root);
    } catch {
      real = resolve(root);
    }
    realRoots.set(root, real);
  }
  return real;
}

export function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

function kindOf(info: Stats): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  if (info.isSymbolicLink()) return 'a symbolic link';
  return 'something other than a regular file';
}

// ------------------------------------------------------------------ writing

/**
 * Writes a document so that readers see the old one or the new one, never half of one: into a
 * temporary file in the same folder, renamed into place. Only a regular file or a missing path is
 * replaced that way. A character device (`/dev/null`, `/dev/full`) is written directly, as a shell
 * would. Everything else is refused with a `Refused` error: a symbolic link (renaming would
 * replace the link, and following it would write wherever it points, which a pull request
 * chooses; `/dev/stdout` is one: `build -o -` prints), a folder, a named pipe, a socket, a block
 * device.
 * No fsync: documents can always be rebuilt from their maps, and syncing every file made large
 * batches several times slower. Synchronous calls for a document of some kilobytes (SYNC_WRITE_MAX):
 * a batch of a thousand spent more time queueing four asynchronous calls each on libuv's few threads
 * than writing.
 * Returns the size and modification time of the file written (a build's manifest keeps them), none
 * for a device.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<Written | undefined> {
  const existing = lstatSync(path, { throwIfNoEntry: false });
  if (existing?.isCharacterDevice()) {
    const handle = await open(path, 'w');
    try {
      await handle.writeFile(data);
    } finally {
      await handle.close();
    }
    return undefined;
  }
  if (existing?.isDirectory()) throw new Refused(fsReason({ code: 'EISDIR' }));
  if (existing && !existing.isFile()) {
    const link = existing.isSymbolicLink();
    throw new Refused(`it is ${kindOf(existing)}${link ? '' : ', not a regular file'}: journey only replaces regular files${link ? ', never a link or what it points to' : ''}`);
  }
  const temp = join(dirname(path), `.${basename(path)}.${TEMP_TAG}-${process.pid}-${threadTag}-${++written}.tmp`);
  live.add(temp);
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    const info = bytes.length <= SYNC_WRITE_MAX ? writeNewSync(temp, bytes) : await writeNew(temp, bytes);
    renameSync(temp, path);
    return { size: info.size, mtimeMs: info.mtimeMs };
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  } finally {
    live.delete(temp);
  }
}

/**
 * Documents up to this size are written with synchronous calls; a larger one asynchronously, so that
 * Ctrl-C is handled (and its temporary file removed) while it is written.
 */
const SYNC_WRITE_MAX = 1024 * 1024;

/** Creates `path` (never reusing a name, never following a planted link) with `bytes`; its size and time as written. */
function writeNewSync(path: string, bytes: Uint8Array): Stats {
  const fd = openSync(path, 'wx');
  try {
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
    return fstatSync(fd);
  } finally {
    closeSync(fd);
  }
}

async function writeNew(path: string, bytes: Uint8Array): Promise<Stats> {
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(bytes);
    return await handle.stat();
  } finally {
    await handle.close();
  }
}

/** A file as written: its size and modification time. */
export interface Written {
  size: number;
  mtimeMs: number;
}

let written = 0;
/**
 * Tells this thread's temporary files from other threads' (each worker thread has its own copy of
 * this module). A random number rather than worker_threads' threadId: loading that module cost every
 * start of the CLI.
 */
const threadTag = Math.floor(Math.random() * 1e9);

// Temporary files are named `.<document>.journey-<pid>-<thread>-<n>.tmp`, so that a later build can
// tell its own kind apart from anything else and see whether the process that left one still runs.
const TEMP_TAG = 'journey';
const TEMP_NAME = /^\..+\.journey-(\d+)-\d+-\d+\.tmp$/;

/** Temporary files this thread is writing now. */
const live = new Set<string>();

/** Removes the temporary files this thread is writing; synchronous, for signal and exit handlers. */
export function removeAllTemps(): void {
  for (const temp of live) rmSync(temp, { force: true });
  live.clear();
}
// Ctrl-C and `kill` end the process through process.exit(), which runs this.
process.on('exit', removeAllTemps);

/**
 * Removes the temporary files of journey's naming in `dir` whose process no longer runs (left by a
 * build that was killed with SIGKILL, or lost its power). With `thisProcess`, also those of this
 * process, whichever thread wrote them: for an exit handler, once worker threads are stopped.
 * Synchronous, for the same reason. Returns the names removed; a folder that cannot be read has none.
 */
export function removeStaleTemps(dir: string, options: { thisProcess?: boolean } = {}): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = Number(TEMP_NAME.exec(name)?.[1] ?? NaN);
    if (Number.isNaN(pid)) continue;
    const ours = pid === process.pid;
    if (ours ? !options.thisProcess : isRunning(pid)) continue;
    if (!entryAt(join(dir, name))?.isFile()) continue; // only a file journey could have left
    rmSync(join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // it runs, as another user
  }
}

/**
 * Creates a folder and its missing parents, one level at a time. Node's recursive mkdir loops
 * forever where the file system refuses a folder with ENOENT although its parent exists (`/proc/x`
 * spun at 100% CPU); here each level is tried once and such a refusal is an error.
 */
export async function makeFolder(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let current = resolve(dir); ; current = dirname(current)) {
    const info = await stat(current).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined; // a parent says which
      throw error;
    });
    if (info) {
      // ENOTDIR, as the system itself says when a parent of a path is a file.
      if (!info.isDirectory()) throw Object.assign(new Refused(`${current} is a file, not a folder`), { code: 'ENOTDIR' });
      break;
    }
    if (dirname(current) === current) break;
    missing.unshift(current);
  }
  for (const folder of missing) {
    try {
      await mkdir(folder);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' && (await stat(folder)).isDirectory()) continue; // made meanwhile by a parallel build
      throw new Refused(`cannot create the folder ${folder}: ${code === 'ENOENT' ? 'the file system does not allow a folder there' : fsReason(error)}`);
    }
  }
}

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
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
