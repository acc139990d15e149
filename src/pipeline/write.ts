// The one way out for every file a command writes (documents, reports, schemas, starter maps): the
// same guard against writing over a map, folders created as needed, and an atomic write.
import { access, readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { CliError, EXIT } from '../errors.js';
import { fsReason, makeFolder, writeFileAtomic, type Written } from '../io/files.js';
import { linkRefusal, outputRefusal } from '../io/write-guard.js';
import type { Io } from '../io/terminal.js';

/**
 * A file that may not (exit 1) or could not (exit 3: the file system failed) be written; a command
 * stops with it, a batch reports it per map.
 */
export class WriteError extends CliError {
  constructor(
    message: string,
    override readonly code: 'output-refused' | 'output-unwritable' = 'output-refused',
  ) {
    super(message, code === 'output-unwritable' ? EXIT.environment : EXIT.failed, code);
  }
}

// Failures of the file system rather than of the path asked for: not the input's fault.
const ENVIRONMENT_ERRNOS = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'EIO', 'ENOTDIR', 'EEXIST']);
const cannotWrite = (target: string, error: unknown, reason = fsReason(error)) =>
  new WriteError(`cannot write ${target}: ${reason}`, ENVIRONMENT_ERRNOS.has((error as NodeJS.ErrnoException)?.code ?? '') ? 'output-unwritable' : 'output-refused');

export interface WriteRules {
  /** What is written, for messages: "html document", "diff report". */
  what: string;
  /** The files the command reads: never written over, under any of their names. */
  inputs?: readonly string[];
  /** The project folder: an output inside it may not lead out of it through a symbolic link. */
  projectRoot: string;
  /** The command writes maps itself (init, import): a .yaml target is fine, an existing one only with force. */
  writesMaps?: boolean;
  force?: boolean;
}

/** Why `target` must not be written, or undefined when it may: the rules of io/write-guard.ts, for every command. */
export async function refusal(target: string, io: Io, rules: WriteRules, folders?: Map<string, string | undefined>): Promise<string | undefined> {
  const path = resolve(io.cwd, target);
  const context = { cwd: io.cwd, inputs: rules.inputs ?? [], projectRoot: rules.projectRoot, folders };
  if (rules.writesMaps && /\.ya?ml$/i.test(target)) {
    if (rules.inputs?.some((input) => resolve(io.cwd, input) === path)) return `refusing to write the ${rules.what} over ${target}, which it reads`;
    const linked = linkRefusal(target, context);
    if (linked) return `refusing to write the ${rules.what} to ${target}: ${linked}`;
    if (!rules.force && (await exists(path))) return `${target} already exists: choose another name, or pass --force to overwrite it`;
    return undefined;
  }
  const reason = await outputRefusal(target, context);
  return reason && `refusing to write the ${rules.what} to ${target}: ${reason}`;
}

/**
 * Writes one run's files. Folders are created once per writer, so a batch does not ask for the same
 * folder a thousand times, and a new writer (each watch rebuild) sees a folder deleted meanwhile.
 */
export function createWriter(io: Io) {
  const folders = new Map<string, Promise<unknown>>();
  const checkedFolders = new Map<string, string | undefined>();
  const ensureFolder = (dir: string) => {
    let made = folders.get(dir);
    if (!made) {
      made = makeFolder(dir);
      folders.set(dir, made);
      made.catch(() => folders.delete(dir));
    }
    return made;
  };

  /**
   * Writes `data` to `target` (`-` is standard output); throws WriteError with the reason. Returns
   * the file's size and time as written (none for standard output).
   */
  return async function write(target: string, data: string | Uint8Array, rules: WriteRules): Promise<Written | undefined> {
    if (target === '-') return void io.stdout(data);
    const refused = await refusal(target, io, rules, checkedFolders);
    if (refused) throw new WriteError(refused);
    const path = resolve(io.cwd, target);
    try {
      await ensureFolder(dirname(path));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw cannotWrite(target, error, code === 'EEXIST' || code === 'ENOTDIR' ? 'a parent of this path is a file, not a folder' : fsReason(error));
    }
    if (stopping) throw new WriteError(`${target} was not written: journey is stopping`);
    const writing = writeFileAtomic(path, data);
    underWay.add(writing);
    try {
      return await writing;
    } catch (error) {
      throw cannotWrite(target, error);
    } finally {
      underWay.delete(writing);
    }
  };
}

// A process stopped by a signal while a write creates its temporary file could exit between the
// removal of temporary files and the file's creation, leaving it behind: it stops writing first.
const underWay = new Set<Promise<unknown>>();
let stopping = false;

/** Refuses every write of this thread from now on; resolves once those under way have ended (renamed or removed). */
export async function stopWriting(): Promise<void> {
  stopping = true;
  await Promise.allSettled([...underWay]);
}

export type Writer = ReturnType<typeof createWriter>;

export const exists = (path: string) => access(path).then(() => true, () => false);

/**
 * journey fmt's one exception to "never write a .yaml file": the map it read, rewritten in place, and
 * only while it still holds exactly the bytes that were read (an editor's save in between wins).
 * writeFileAtomic then refuses a link or anything but a regular file.
 */
export async function rewriteReadFile(target: string, io: Io, read: Uint8Array, data: string): Promise<void> {
  const path = resolve(io.cwd, target);
  const now = await readFile(path).catch(() => undefined);
  if (!now || Buffer.compare(now, read) !== 0) throw new WriteError(`cannot write ${target}: it changed since it was read; run journey fmt again`);
  try {
    await writeFileAtomic(path, data);
  } catch (error) {
    throw cannotWrite(target, error);
  }
}
