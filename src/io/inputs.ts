// Turns command-line inputs (files, directories, glob patterns) into a sorted list of map files.
import { stat } from 'node:fs/promises';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { DEFAULT_LIMITS } from '../core/text.js';
import { readMapBytes } from './files.js';

export const STDIN = '-';
const MAP_EXTENSIONS = new Set(['.yaml', '.yml']);
const MAP_KEY = /^(template|title|stages)\s*:/m;
/**
 * A shared persona file (`personas/giulia.yaml`): a `name`, and no top-level key a persona does not
 * have (a CI workflow has a `name` too, but also `on` and `jobs`).
 */
const PERSONA_KEYS = new Set(['id', 'name', 'description', 'goals', 'motives', 'frustrations', 'demographics', 'image']);
export function looksLikePersona(text: string): boolean {
  const keys = [...text.matchAll(/^([A-Za-z_][\w-]*)\s*:/gm)].map((m) => m[1]!);
  return keys.includes('name') && keys.every((k) => PERSONA_KEYS.has(k));
}
const IGNORE = ['**/node_modules/**', '**/.*/**', '**/journey.config.yaml', '**/journey.config.yml'];

/**
 * Files are taken as they are (a missing one is reported when it is read); a directory gives every
 * .yaml/.yml below it; a glob pattern gives what it matches. Folders and patterns never follow a
 * symbolic link, to a folder or to a file: a link to `/` in a scanned folder walked the whole
 * machine, and a folder linked inside the project is scanned under its own name anyway. A linked
 * map is checked when it is named on its own. `relativeTo` is where the inputs
 * were written (the config file's folder for `inputs:` in it); paths come back relative to `cwd`.
 * A file found that leads out of `projectRoot` is not read to sort it: reading it as a map says why.
 */
export async function expandInputs(inputs: string[], cwd: string, relativeTo = cwd, projectRoot = relativeTo): Promise<{ files: string[]; personas: string[]; unmatched: string[]; skipped: string[] }> {
  // Loaded only for folders and patterns: a build of named files does not pay for it.
  const globbing = () => import('tinyglobby');
  const files: string[] = [];
  const unmatched: string[] = [];
  const skipped: string[] = [];
  const personas: string[] = [];
  // A folder or pattern may also hold other YAML (a CI workflow, a docker-compose file): a file found
  // that way with none of a map's top-level keys is skipped and named. Files named one by one are
  // always checked, and a misspelled map still has its other keys, so no map slips through.
  const found = async (paths: string[]) => {
    for (const path of paths.sort()) {
      // Read like a map (no pipe, no device, no more than the size limit); a file that cannot be
      // read is kept, so that reading it reports why.
      const read = await readMapBytes(path, { maxBytes: DEFAULT_LIMITS.maxBytes, projectRoot });
      const text = read.ok ? new TextDecoder().decode(read.bytes) : '';
      (!read.ok || MAP_KEY.test(text) ? files : looksLikePersona(text) ? personas : skipped).push(shown(path));
    }
  };
  const shown = (absolute: string) => relative(cwd, absolute) || '.';
  for (const input of inputs) {
    if (input === STDIN) {
      files.push(STDIN);
      continue;
    }
    const absolute = resolve(relativeTo, input);
    const kind = await stat(absolute).then(
      (s) => (s.isDirectory() ? 'dir' : 'file'),
      () => 'none',
    );
    if (kind === 'file') {
      files.push(relativeTo === cwd ? input : shown(absolute));
    } else if (kind === 'dir') {
      const { glob } = await globbing();
      const paths = await glob('**/*.{yaml,yml}', { cwd: absolute, ignore: IGNORE, absolute: true, followSymbolicLinks: false });
      if (paths.length === 0) unmatched.push(input);
      await found(paths);
    } else if ((await globbing()).isDynamicPattern(input)) {
      const { glob } = await globbing();
      const paths = (await glob(input, { cwd: relativeTo, ignore: IGNORE, absolute: true, followSymbolicLinks: false })).filter((f) => MAP_EXTENSIONS.has(extname(f).toLowerCase()));
      if (paths.length === 0) unmatched.push(input);
      await found(paths);
    } else {
      files.push(relativeTo === cwd ? input : shown(absolute)); // reported as unreadable when it is read
    }
  }
  return { files: [...new Set(files)], personas, unmatched, skipped };
}

/** The deepest folder that holds every file, so `--out-dir` can keep the folder structure below it. */
/**
 * The note about YAML files skipped because they are not maps, naming their extension as it is
 * (`.yml` files are not "a .yaml file").
 */
export function skippedMessage(skipped: readonly string[]): string {
  const exts = new Set(skipped.map((f) => extname(f).toLowerCase()));
  const kind = exts.size === 1 ? [...exts][0]! : 'YAML';
  const what = skipped.length === 1 ? `a ${kind} file that is not a journey map` : `${skipped.length} ${kind} files that are not journey maps`;
  return `skipped ${what} (no template, title or stages): ${skipped.join(', ')}`;
}

export function commonBase(files: string[], cwd: string): string {
  const dirs = files.filter((f) => f !== STDIN).map((f) => dirname(resolve(cwd, f)).split(sep));
  if (dirs.length === 0) return cwd;
  let shared = dirs[0]!;
  for (const parts of dirs.slice(1)) {
    let i = 0;
    while (i < shared.length && i < parts.length && shared[i] === parts[i]) i++;
    shared = shared.slice(0, i);
  }
  return shared.join(sep) || sep;
}

/** Where a map's document goes (`extension` with its dot): beside it, or under `outDir` at the same place relative to `base`. */
export function outputPath(file: string, extension: string, options: { cwd: string; outDir?: string; base: string }): string {
  const ext = extname(file);
  const stem = ext ? file.slice(0, -ext.length) : file;
  if (!options.outDir) return `${stem}${extension}`;
  const inside = relative(options.base, resolve(options.cwd, stem));
  return relative(options.cwd, join(resolve(options.cwd, options.outDir), `${inside}${extension}`)) || `${inside}${extension}`;
}
