// Files a map names: a shared persona file (`persona: ../personas/giulia.yaml`) and the map it is
// based on (`based_on: current.yaml`). Paths are relative to the map and may only reach files inside
// the project folder (the config file's folder, else the current one), symbolic links included. A
// reference that leads nowhere, or outside, is a problem at the reference's own line and column.
import type { Code, ProblemCode } from '../core/codes.js';
import { realpath, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { DEFAULT_IMAGE_BYTES, STAGE_IMAGE_LIMITS } from '../core/image.js';
import { bySourceOrder, formatPath, problem, type Diagnostic, type PathSegment } from '../core/diagnostics.js';
import { personaFileId, resolveScores, unknownPersonaScores } from '../core/personas.js';
import type { LoadResult } from '../core/load.js';
import type { Locale } from '../core/locale.js';
import type { JourneyMap, Persona, Stage } from '../core/model.js';
import { positionIn } from '../core/read-document.js';
import { personaFile } from '../core/schema.js';
import { DEFAULT_LIMITS } from '../core/text.js';
import { followInside, fsReason, readBytes } from '../io/files.js';
import { STDIN } from '../io/inputs.js';
import type { Io } from '../io/terminal.js';
import { imageBudget, readImage } from '../io/images.js';

/** What a stage image may weigh, and all of a map's stage images together, in bytes. */
export interface StageImageLimits {
  maxImageBytes: number;
  maxMapBytes: number;
}

/** The config's `images:` (MB, as people read file sizes: 1 MB is 1,000,000 bytes), with the defaults for what it leaves out. */
export function stageImageLimits(images?: { maxImageMb?: number; maxMapImagesMb?: number }): StageImageLimits {
  const bytes = (mb: number) => Math.round(mb * 1_000_000);
  return { maxImageBytes: bytes(images?.maxImageMb ?? STAGE_IMAGE_LIMITS.imageMb), maxMapBytes: bytes(images?.maxMapImagesMb ?? STAGE_IMAGE_LIMITS.mapMb) };
}

export interface ReferenceOptions {
  /** The project folder: references may not leave it. */
  projectRoot: string;
  maxBytes?: number;
  defaultLocale?: Locale;
  /**
   * Stage images are read (checked and inlined) within these limits (default: the config's defaults);
   * `false` leaves them unread, for commands that make no document with them (diff, export).
   */
  images?: StageImageLimits | false;
}

/** A file a reference reached: its path as shown in reports, and its absolute path (watch mode follows it). */
export interface Reached {
  shown: string;
  path: string;
}

export function createReferences(io: Io, options: ReferenceOptions) {
  const personas = new Map<string, Promise<{ ok: true; persona: Persona; image?: string } | { ok: false; diagnostics: Diagnostic[] }>>();
  let root: Promise<string> | undefined;

  /** Where `target`, written in `file`, leads; or why it may not be followed. */
  async function reach(file: string, target: string, what: string, missing: ProblemCode): Promise<Reached | { reason: string; code: ProblemCode }> {
    const from = file === STDIN ? io.cwd : dirname(resolve(io.cwd, file));
    const path = resolve(from, target);
    const shown = relative(io.cwd, path) || path;
    const projectRoot = await (root ??= realpath(options.projectRoot).catch(() => resolve(options.projectRoot)));
    const inside = (p: string) => p === projectRoot || p.startsWith(projectRoot + sep);
    // Judged on real paths: the map's own folder may be reached through a link (a temporary folder, say).
    const lexical = resolve(await realpath(from).catch(() => from), target);
    if (!inside(lexical)) {
      return { reason: `${what} ${target} is outside the project folder (${relative(io.cwd, projectRoot) || '.'}): a map may only name files inside it (the project folder is the one of journey.config.yaml, else the current one: run journey from the project's top folder, or put a journey.config.yaml there)`, code: 'reference-refused' };
    }
    // Followed link by link inside the project, so a link out of it is refused alike whether or not
    // its target exists (a CI log must not tell which files the runner has).
    const followed = followInside(lexical, projectRoot);
    if (followed?.inside === false) return { reason: `${what} ${target} leads outside the project folder through a symbolic link: a map may only name files inside it`, code: 'reference-refused' };
    const real = followed?.real ?? lexical;
    const info = await stat(real).catch((error: unknown) => fsReason(error));
    if (typeof info === 'string') return { reason: `${what} ${target} not found: looked for ${shown} (${info})`, code: missing };
    if (!info.isFile()) return { reason: `${what} ${target} is not a file: looked for ${shown}`, code: 'reference-refused' };
    return { shown, path: real };
  }

  async function readPersona(reached: Reached, given?: Uint8Array) {
    let cached = personas.get(reached.path);
    if (!cached) {
      cached = (async () => {
        let bytes: Uint8Array;
        try {
          bytes = given ?? (await readBytes(reached.path, { maxBytes: options.maxBytes ?? DEFAULT_LIMITS.maxBytes, expected: 'a persona file' }));
        } catch (error) {
          return { ok: false as const, diagnostics: [problem(reached.shown, 1, 1, 'file', `cannot read the persona file: ${fsReason(error)}`, 'file-unreadable')] };
        }
        const { readDocument } = await import('../core/read-document.js');
        const read = await readDocument(reached.shown, bytes, personaFile, { maxBytes: options.maxBytes, expected: 'a persona: a mapping with at least `name`' });
        if (!read.ok) return read;
        const id = read.value.id ?? personaFileId(reached.path);
        const persona: Persona = { ...read.value, id, file: reached.shown };
        if (persona.image == null) return { ok: true as const, persona };
        // The picture is relative to the persona file, and its problem is placed there.
        const image = await personaImage(persona.image, reached.path, reached.shown, () => Promise.resolve(new TextDecoder().decode(bytes)), ['image']);
        if ('diagnostic' in image) return { ok: false as const, diagnostics: [image.diagnostic] };
        return { ok: true as const, persona: { ...persona, imageData: image.src }, image: image.path };
      })();
      personas.set(reached.path, cached);
    }
    return cached;
  }

  /** A persona's picture, inlined; or its problem at the `image:` value of the file that names it. */
  async function personaImage(path: string, from: string, name: string, text: () => Promise<string>, at: string[]): Promise<{ src: string; path: string } | { diagnostic: Diagnostic }> {
    const read = await readImage({ path, from, cwd: io.cwd, projectRoot: options.projectRoot, maxBytes: DEFAULT_IMAGE_BYTES, what: 'persona image' });
    if (read.ok) return { src: read.image.src, path: read.image.path };
    const { line, col } = await positionIn(await text(), at, name);
    return { diagnostic: problem(name, line, col, at.join('.'), read.reason, 'image-refused') };
  }

  /** A problem at a reference in the map (at `path`), read from the map's text for its position. */
  async function atReference(name: string, text: () => Promise<string>, path: PathSegment[], message: string, code: Code, target: 'key' | 'value' = 'value', suggestion?: string): Promise<Diagnostic> {
    const { line, col } = await positionIn(await text(), path, name, target);
    return problem(name, line, col, formatPath(path), message, code, suggestion);
  }

  return {
    projectRoot: options.projectRoot,
    /** Where a file a map names leads (the editor's go to definition), or why it may not be followed. */
    reach,

    /**
     * Completes a loaded map with the files it names: reads its persona file, and checks that its
     * `based_on` map exists. `text` gives the map's source, needed only to place a problem.
     */
    async complete(file: string, name: string, loaded: LoadResult, text: () => Promise<string>): Promise<LoadResult & { dependencies?: string[] }> {
      if (!loaded.ok) return loaded;
      const map = loaded.map;
      const problems: Diagnostic[] = [];
      const dependencies: string[] = [];
      let persona = map.persona;
      let personas = map.personas;
      // `personas:`: each persona file is read, and each picture of a persona written in the map.
      const listed = map.personas.some((p) => p.path[0] === 'personas');
      if (listed) {
        // `personas:`: each file is read; its own `id` (else its file name) keys its scores.
        personas = [];
        for (const [i, p] of map.personas.entries()) {
          if (!p.file) {
            // A picture of a persona written in the map is relative to the map, its problem placed there.
            if (p.persona?.image != null) {
              const from = file === STDIN ? join(io.cwd, name) : resolve(io.cwd, file);
              const image = await personaImage(p.persona.image, from, name, text, ['personas', String(i), 'image']);
              if ('diagnostic' in image) problems.push(image.diagnostic);
              else {
                dependencies.push(image.path);
                personas.push({ ...p, persona: { ...p.persona, imageData: image.src } });
                continue;
              }
            }
            personas.push(p);
            continue;
          }
          const reached = await reach(file, p.file, 'persona file', 'persona-not-found');
          if ('reason' in reached) {
            problems.push(await atReference(name, text, ['personas', i], reached.reason, reached.code));
            continue;
          }
          dependencies.push(reached.path);
          const read = await readPersona(reached);
          if (!read.ok) problems.push(...read.diagnostics);
          else {
            if (read.image) dependencies.push(read.image);
            personas.push({ id: read.persona.id!, persona: read.persona, file: p.file, path: p.path });
          }
        }
        if (!problems.length) {
          const seen = new Map<string, number>();
          for (const [i, p] of personas.entries()) {
            const first = seen.get(p.id);
            if (first === undefined) seen.set(p.id, i);
            else problems.push(await atReference(name, text, ['personas', i], `two personas have the id \`${p.id}\` (personas ${first + 1} and ${i + 1}${p.file ? `; ${p.file} sets it` : ''}): expected a unique \`id\` for each, which their scores use`, 'duplicate-persona'));
          }
          for (const unknown of unknownPersonaScores({ ...map, personas })) problems.push(await atReference(name, text, unknown.path, unknown.message, 'unknown-persona', 'key', unknown.suggestion));
          persona = personas[0]?.persona ?? null;
        }
      }
      if (map.personaFile) {
        const reached = await reach(file, map.personaFile, 'persona file', 'persona-not-found');
        if ('reason' in reached) problems.push(await atReference(name, text, ['persona'], reached.reason, reached.code));
        else {
          dependencies.push(reached.path);
          const read = await readPersona(reached);
          if (read.ok) {
            persona = read.persona;
            personas = [{ id: read.persona.id!, persona: read.persona, file: map.personaFile, path: ['persona'] }];
            if (read.image) dependencies.push(read.image);
          } else problems.push(...read.diagnostics);
        }
      } else if (!listed && persona?.image != null) {
        const from = file === STDIN ? join(io.cwd, name) : resolve(io.cwd, file);
        const image = await personaImage(persona.image, from, name, text, ['persona', 'image']);
        if ('diagnostic' in image) problems.push(image.diagnostic);
        else {
          dependencies.push(image.path);
          persona = { ...persona, imageData: image.src };
          personas = map.personas.map((p, i) => (i === 0 ? { ...p, persona } : p));
        }
      }
      // Stage images: each read and checked at its `image:` value, all of them within the map's budget.
      let inlined: Map<string, string> | undefined;
      if (map.images.length && options.images !== false) {
        const limits = options.images ?? stageImageLimits();
        const budget = imageBudget(limits.maxMapBytes);
        const from = file === STDIN ? join(io.cwd, name) : resolve(io.cwd, file);
        inlined = new Map();
        for (const image of map.images) {
          const read = await readImage({ path: image.src, from, cwd: io.cwd, projectRoot: options.projectRoot, maxBytes: limits.maxImageBytes, budget, what: 'stage image' });
          if (read.ok) {
            dependencies.push(read.image.path);
            inlined.set(image.stage, read.image.src);
          } else {
            const limit = /expected at most/.test(read.reason) ? ' (the limits are `images: { max_image_mb, max_map_images_mb }` in journey.config.yaml)' : '';
            // The example a refusal gives is a stage's picture, not a persona's.
            const reason = read.reason.replace('(like photos/giulia.jpg)', '(like screens/checkout.png)');
            problems.push(await atReference(name, text, image.path, `${reason}${limit}`, 'image-refused'));
          }
        }
      }
      if (map.basedOn) {
        const reached = await reach(file, map.basedOn, 'based_on map', 'based-on-not-found');
        if ('reason' in reached) problems.push(await atReference(name, text, ['based_on'], reached.reason, reached.code));
        else dependencies.push(reached.path);
      }
      // In source order, file by file: a stage image's problem may come before a persona's.
      if (problems.length) return { ok: false, diagnostics: [...loaded.diagnostics, ...problems.sort(bySourceOrder)] };
      let completed = personas === map.personas ? map : resolveScores(map, personas);
      if (inlined?.size) completed = withImageData(completed, inlined);
      return { ...loaded, map: { ...completed, persona }, dependencies };
    },

    /** Reads a persona file named on the command line (`journey validate personas/giulia.yaml`). */
    async persona(file: string, bytes: Uint8Array) {
      return readPersona({ shown: file, path: resolve(io.cwd, file) }, bytes);
    },

    /** The path of the map a map is based on, relative to the current folder (for reading it as a map). */
    basedOnPath(file: string, map: JourneyMap): string | undefined {
      if (!map.basedOn) return undefined;
      const from = file === STDIN ? io.cwd : dirname(resolve(io.cwd, file));
      return relative(io.cwd, resolve(from, map.basedOn));
    },
  };
}

export type References = ReturnType<typeof createReferences>;

/** The map with each read stage image's `data` set (main and branch stages, by stage id). */
function withImageData(map: JourneyMap, data: Map<string, string>): JourneyMap {
  const stage = (s: Stage): Stage => {
    const src = s.image && data.get(s.id);
    const image = src ? { ...s.image!, data: src } : s.image;
    const branches = s.branches.length ? s.branches.map((b) => ({ ...b, stages: b.stages.map(stage) })) : s.branches;
    return image === s.image && branches === s.branches ? s : { ...s, image, branches };
  };
  return { ...map, stages: map.stages.map(stage) };
}
