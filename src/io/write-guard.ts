// One set of rules for every file journey writes (build, diff, schema, init and any command added
// later): never over a map or any .yaml file, never through a link out of the project, never two
// documents to one path. Commands ask here before writing; writeFileAtomic (files.ts) then
// refuses anything but a regular file or a missing path.
import { realpathSync, rmSync, statSync } from 'node:fs';
import { dirname, extname, relative, resolve } from 'node:path';
import { entryAt, fileHash, followInside, isInside, linkStaysInside, Refused } from './files.js';

export interface OutputContext {
  /** Where relative paths start. */
  cwd: string;
  /** The maps this command reads (`-` for standard input is ignored). */
  inputs: readonly string[];
  /** The project folder: an output inside it may not lead out of it through a link. */
  projectRoot: string;
  /** Answers for output folders already checked in this run (a batch writes many documents to one folder). */
  folders?: Map<string, string | undefined>;
}

/**
 * Why `target` must not be written, or undefined when it may. `-` (standard output) always may.
 * The reason completes "cannot write <target>: …" or stands on its own after "refusing to write".
 */
export async function outputRefusal(target: string, context: OutputContext): Promise<string | undefined> {
  if (target === '-') return undefined;
  const path = resolve(context.cwd, target);
  if (/^\.ya?ml$/i.test(extname(path))) return 'a .yaml file could be a map: journey never writes one; choose another output';
  // A path that does not exist yet is no map under another name: only an existing one is compared
  // with the inputs by real path and by device and inode (a hard link).
  const exists = entryAt(path) !== undefined;
  const known = exists ? inputsOf(context) : undefined;
  const input = exists
    ? (known!.byPath.get(path) ?? known!.byPath.get(realPath(path)) ?? known!.byIdentity.get(fileIdentity(path) ?? ''))
    : namedInputs(context).get(path);
  if (input !== undefined) return `it is the map ${input}: journey never writes over a map; choose another output`;
  return linkRefusal(path, context);
}

/**
 * Why `target` may not be written because its folder leads out of the project through a symbolic
 * link (naming the link), or undefined. Every write asks, maps that init and import write included.
 */
export function linkRefusal(target: string, context: Pick<OutputContext, 'cwd' | 'projectRoot' | 'folders'>): string | undefined {
  const folder = dirname(resolve(context.cwd, target));
  let reason = context.folders?.get(folder);
  if (reason === undefined && !context.folders?.has(folder)) {
    const followed = followInside(folder, context.projectRoot);
    reason = followed?.inside === false ? `it leads out of the project folder through a symbolic link (${shownPath(followed.link, context.cwd)}): journey writes only inside it` : undefined;
    context.folders?.set(folder, reason);
  }
  return reason;
}

const shownPath = (path: string, cwd: string) => relative(cwd, path) || '.';

/**
 * Each input by its path as named (the first input of a path names it), worked out once per list of
 * inputs and without a call to the file system: a site of 1,000 maps writes 1,000 pages against the
 * same 1,000 inputs. Paths are resolved from the cwd the list was first asked with (a command's).
 */
const namedIndexes = new WeakMap<readonly string[], Map<string, string>>();
function namedInputs(context: OutputContext): Map<string, string> {
  let index = namedIndexes.get(context.inputs);
  if (!index) {
    index = new Map();
    for (const input of context.inputs) {
      const path = resolve(context.cwd, input);
      if (input !== '-' && !index.has(path)) index.set(path, input);
    }
    namedIndexes.set(context.inputs, index);
  }
  return index;
}

/**
 * The same inputs also by real path and by device and inode (a hard link), for a target that exists.
 * Synchronous calls: a thousand asynchronous ones queued on libuv's few threads took longer than the
 * build of the one map that changed.
 */
const inputIndexes = new WeakMap<readonly string[], { byPath: Map<string, string>; byIdentity: Map<string, string> }>();
function inputsOf(context: OutputContext) {
  let index = inputIndexes.get(context.inputs);
  if (!index) {
    const named = namedInputs(context);
    index = { byPath: new Map(named), byIdentity: new Map<string, string>() };
    for (const [path, input] of named) {
      const real = realPath(path);
      if (!index.byPath.has(real)) index.byPath.set(real, input);
      const identity = fileIdentity(path);
      if (identity !== undefined && !index.byIdentity.has(identity)) index.byIdentity.set(identity, input);
    }
    inputIndexes.set(context.inputs, index);
  }
  return index;
}

function realPath(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return path;
  }
}

/** Device and inode, so a hard link to a map is recognised as the map. */
function fileIdentity(path: string): string | undefined {
  try {
    const info = statSync(path);
    return `${info.dev}:${info.ino}`;
  } catch {
    return undefined;
  }
}

export interface PlannedOutput {
  input: string;
  output: string;
}

/**
 * Outputs that two or more inputs would write (`a.yaml` and `a.yml` both build `a.html`), each with
 * every input that would write it, in input order. Check the whole plan before writing anything.
 * Paths are compared as the file system will see them: without case where it ignores case
 * (macOS, Windows), so `A.html` and `a.html` are one file there.
 */
export function outputCollisions(plan: readonly PlannedOutput[], cwd: string): { output: string; inputs: string[] }[] {
  const foldCase = process.platform === 'darwin' || process.platform === 'win32';
  const byPath = new Map<string, { output: string; inputs: string[] }>();
  for (const { input, output } of plan) {
    if (output === '-') continue;
    const key = foldCase ? resolve(cwd, output).toLowerCase() : resolve(cwd, output);
    const entry = byPath.get(key) ?? { output, inputs: [] };
    if (!entry.inputs.includes(input)) entry.inputs.push(input);
    byPath.set(key, entry);
  }
  return [...byPath.values()].filter((entry) => entry.inputs.length > 1);
}

/** True when a path from a config file stays inside the config file's folder, as written and through links. */
export async function staysInFolder(path: string, folder: string): Promise<boolean> {
  const absolute = resolve(folder, path);
  return isInside(absolute, resolve(folder)) && linkStaysInside(absolute, folder);
}

export interface RemovalContext {
  cwd: string;
  projectRoot: string;
  /** The folder journey wrote the file into (a site's folder): nothing outside it is removed. */
  folder: string;
}

/**
 * Why the file at `path` may not be removed, or undefined when it may. Judged on real paths, before
 * anything is deleted: the file must lie inside `folder` and the project, reached without a symbolic
 * link out of either, and be a regular file (a link itself is never followed nor removed).
 */
export function removalRefusal(path: string, context: RemovalContext): string | undefined {
  const absolute = resolve(context.cwd, path);
  const folder = resolve(context.cwd, context.folder);
  if (absolute === folder || !isInside(absolute, folder)) return `it is not inside ${shownPath(folder, context.cwd)}: journey removes only files it wrote there`;
  for (const [root, what] of [[context.projectRoot, 'the project folder'], [folder, shownPath(folder, context.cwd)]] as const) {
    const followed = followInside(absolute, root);
    if (followed?.inside === false) return `it leads out of ${what} through a symbolic link (${shownPath(followed.link, context.cwd)}): journey removes only files it wrote inside it`;
  }
  const info = entryAt(absolute);
  if (info && !info.isFile()) return 'it is not a regular file: journey removes only files it wrote';
  return undefined;
}

/**
 * Removes a file journey wrote earlier (a page of the last site build), when `removalRefusal` allows
 * and its content is still what journey wrote (`hash`: sha256, base64url): a list of such files
 * (a site's manifest) lives in the output folder, where a pull request can edit it. Returns whether
 * it was removed; a file changed since, or gone, is left alone. Throws `Refused` when it may not be.
 */
export function removeWritten(path: string, hash: string, context: RemovalContext): boolean {
  const refused = removalRefusal(path, context);
  if (refused) throw new Refused(refused);
  const absolute = resolve(context.cwd, path);
  if (fileHash(absolute) !== hash) return false;
  rmSync(absolute);
  return true;
}
