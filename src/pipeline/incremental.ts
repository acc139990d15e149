// Incremental builds: a map is built again only when something its documents are made from has
// changed. Each output folder keeps a manifest, MANIFEST, of the documents journey wrote there: per
// document, the map and every file it names (persona files, based_on, pictures) by content hash, the
// metric values it shows, the settings of its format (journey's version, the config, the layout and
// theme, the format options and, for PDF and PNG, the browser) and the document's size, time and
// hash. Inputs are compared by content (a CI checkout gives every file a new time); a document by
// size and time, else by content. A manifest is untrusted data (a CI cache, a pull request): one
// that is damaged, too large, a link or from another version of journey is ignored, and every map
// whose documents it would have listed is built.
import { lstatSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import pkg from '../../package.json' with { type: 'json' };
import { findBrowser, defaultFindContext } from '../browser/find.js';
import type { MetricsData } from '../core/metrics.js';
import { contentHash, fileHash, followInside, readMapBytes, type Written } from '../io/files.js';
import type { Io } from '../io/terminal.js';
import { FORMAT_OPTIONS, FORMATS, type Format } from '../render/formats.js';
import type { FileReport } from '../report/index.js';
import type { BuildPlan } from './plan.js';
import type { Writer } from './write.js';

declare const __JOURNEY_BUILD__: string | undefined;
/** This build of journey (its version and a hash of its sources, set by the bundler; the version alone when run from source). */
const JOURNEY_BUILD = typeof __JOURNEY_BUILD__ === 'string' ? __JOURNEY_BUILD__ : pkg.version;

/** The manifest's name in each output folder. */
export const MANIFEST = '.journey-build.json';
/** 2: hashes in base64url (contentHash). */
const MANIFEST_FORMAT = 2;
/** A manifest larger than this is not read (a few hundred bytes per document). */
const MAX_MANIFEST_BYTES = 32 * 1024 * 1024;
/** Files a manifest names are compared only up to this size; a larger one counts as changed. */
const MAX_INPUT_BYTES = 256 * 1024 * 1024;

interface Entry {
  /** The map, relative to the project folder. */
  map: string;
  /** The digest of the format's settings. */
  settings: string;
  /** The map's content hash. */
  source: string;
  /** Files the map names, relative to the project folder, with their content hash. */
  inputs: [string, string][];
  /** The digest of the metric values the map shows. */
  metrics: string;
  /** The metrics the map's KPIs name. */
  metricIds: string[];
  size: number;
  mtimeMs: number;
  hash: string;
}

interface Manifest {
  format: number;
  journey: string;
  /** By document, relative to the manifest's folder, with `/`. */
  entries: Record<string, Entry>;
}

const hashFile = (path: string) => fileHash(path, { maxBytes: MAX_INPUT_BYTES, followLink: true });
const slash = (p: string) => p.split(sep).join('/');

/** The settings of a build that decide every document of a format, as one digest per format. */
function settingsDigests(plan: BuildPlan, io: Io, config: unknown): Map<Format, string> {
  const { browser, timeout: _timeout, ...render } = plan.render;
  void _timeout; // how long to wait changes no document
  // A format's documents depend on its own options only: a new page size leaves HTML up to date.
  const optionNames = new Set<string>(FORMAT_OPTIONS.map((o) => o.name));
  const shared = Object.fromEntries(Object.entries(render).filter(([name]) => !optionNames.has(name)));
  const own = (format: Format) => Object.fromEntries(FORMATS[format].build.options.map((o) => [o.name, render[o.name as keyof typeof render]]));
  const common = {
    journey: JOURNEY_BUILD,
    render: shared,
    locale: plan.defaultLocale ?? null,
    images: plan.images,
    base: slash(relative(plan.projectRoot, resolve(io.cwd, plan.base))),
    // The layout as this build compiled it (read once, by prepareBuild, or again by a watch round).
    layout: plan.layoutFile ? contentHash(plan.layoutText ?? '') : '',
    // A project's own template file is an input of the maps of it (pipeline/read.ts): the config says only which file each id is.
    config: contentHash(JSON.stringify(config ?? null, (key, value) => (key === 'teamTemplates' ? (value as { id: string; file?: string }[]).map((t) => [t.id, slash(relative(plan.projectRoot, t.file ?? ''))]) : value))),
  };
  const digests = new Map<Format, string>();
  let browserId: string | undefined;
  for (const format of plan.formats) {
    const needsBrowser = FORMATS[format].build.needsBrowser;
    if (needsBrowser) browserId ??= browserIdentity(browser.executable, io);
    digests.set(format, contentHash(JSON.stringify({ ...common, format, options: own(format), browser: needsBrowser ? browserId : '' })));
  }
  return digests;
}

/**
 * The browser PDF and PNG are made with: its path, and its program's size and time, which change
 * with its version (asking the browser for its version would start it, for every build).
 */
function browserIdentity(executable: string | undefined, io: Io): string {
  const found = findBrowser(executable, defaultFindContext(io.env));
  if (!found.ok) return 'none';
  try {
    const info = statSync(realpathSync(found.path));
    return `${found.path}\n${info.size}:${info.mtimeMs}`;
  } catch {
    return found.path;
  }
}

/** A manifest's text as data, or undefined when it is not one of this version, whole and well formed. */
function parseManifest(text: string): Manifest | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const isString = (v: unknown): v is string => typeof v === 'string';
  const isHash = (v: unknown) => isString(v) && /^[\w-]{43}$/.test(v);
  const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
  if (!data || typeof data !== 'object') return undefined;
  const m = data as Manifest;
  if (m.format !== MANIFEST_FORMAT || m.journey !== JOURNEY_BUILD || !m.entries || typeof m.entries !== 'object' || Array.isArray(m.entries)) return undefined;
  const entries: Record<string, Entry> = Object.create(null);
  for (const [key, e] of Object.entries(m.entries)) {
    const ok =
      e && typeof e === 'object' &&
      isString(e.map) && isHash(e.settings) && isHash(e.source) && isHash(e.metrics) && isHash(e.hash) && isNumber(e.size) && isNumber(e.mtimeMs) &&
      Array.isArray(e.inputs) && e.inputs.every((i) => Array.isArray(i) && i.length === 2 && isString(i[0]) && isHash(i[1])) &&
      Array.isArray(e.metricIds) && e.metricIds.every(isString);
    if (!ok) return undefined;
    entries[key] = e;
  }
  return { format: m.format, journey: m.journey, entries };
}

/** A document as a build wrote it: size, time and content hash. */
export type WrittenDocument = Written & { hash: string };

/** What a build of one map gives that its record needs. */
export interface BuiltMap {
  report: FileReport;
  /** The metrics the map's KPIs name, when metrics were applied (incremental builds compare their values). */
  metricIds?: string[];
  /** For an incremental build: the content hash of the map as read for this build, and each document as written. */
  source?: string;
  written?: Record<string, WrittenDocument>;
}

export interface BuildCache {
  /** Whether every document of `file` is up to date; then its report, as if it had been built. */
  upToDate(file: string, targets: [Format, string][]): Promise<FileReport | undefined>;
  /** Keeps (or forgets) what a build of `file` wrote. */
  record(file: string, targets: [Format, string][], result: BuiltMap): void;
  /** Writes each changed manifest. */
  save(write: Writer, inputs: string[]): Promise<void>;
}

/**
 * The cache of one build run. `force` rebuilds every map, and still records what it wrote. The
 * manifest of a folder is read once per run, on first use.
 */
export async function openBuildCache(plan: BuildPlan, io: Io): Promise<BuildCache> {
  const options = plan.incremental!;
  const started = Date.now();
  const settings = settingsDigests(plan, io, options.config);
  const root = resolve(plan.projectRoot);
  // Promises, so that maps checked side by side read a folder's manifest once between them.
  const manifests = new Map<string, Promise<{ manifest: Manifest; changed: boolean }>>();
  const pendingRecords: PendingRecord[] = [];
  /** Documents whose map was not built cleanly: no longer listed. */
  const forgotten: string[] = [];
  const hashes = new Map<string, Promise<string | undefined>>();

  const outDir = plan.outDir ? resolve(io.cwd, plan.outDir) : undefined;
  const folderOf = (target: string) => outDir ?? dirname(resolve(io.cwd, target));
  const keyOf = (target: string) => slash(relative(folderOf(target), resolve(io.cwd, target)));
  const readManifest = async (folder: string) => {
    const path = join(folder, MANIFEST);
    let manifest: Manifest | undefined;
    let isFile = false;
    try {
      isFile = lstatSync(path).isFile();
    } catch {}
    if (isFile) {
      const read = await readMapBytes(path, { maxBytes: MAX_MANIFEST_BYTES, expected: 'a build manifest' });
      if (read.ok) manifest = parseManifest(new TextDecoder().decode(read.bytes));
    }
    return { manifest: manifest ?? { format: MANIFEST_FORMAT, journey: JOURNEY_BUILD, entries: Object.create(null) }, changed: false };
  };
  const manifestOf = (target: string) => {
    const folder = folderOf(target);
    let held = manifests.get(folder);
    if (!held) manifests.set(folder, (held = readManifest(folder)));
    return held;
  };

  /** The content hash of a file inside the project folder, or undefined when it cannot be one of a map's inputs. */
  const hashOf = (path: string) => {
    let hash = hashes.get(path);
    if (!hash) {
      // The write guard's own way through links: a file outside the project is never looked at.
      const followed = followInside(path, root);
      hash = Promise.resolve(followed?.inside ? hashFile(followed.real) : undefined);
      hashes.set(path, hash);
    }
    return hash;
  };
  const fromRoot = (path: string) => slash(relative(root, path));
  const metricsDigest = (ids: string[], metrics: MetricsData | undefined) =>
    contentHash(JSON.stringify(metrics ? ids.map((id) => (Object.hasOwn(metrics.values, id) ? metrics.values[id] : null)) : null));

  /** The document is the one journey wrote: same size and time, else same content. */
  const documentUnchanged = async (target: string, entry: Entry) => {
    const path = resolve(io.cwd, target);
    try {
      const info = lstatSync(path);
      if (!info.isFile() || info.size !== entry.size) return false;
      if (info.mtimeMs === entry.mtimeMs) return true;
    } catch {
      return false;
    }
    return hashFile(path) === entry.hash;
  };

  return {
    async upToDate(file, targets) {
      if (options.force) return undefined;
      const path = resolve(io.cwd, file);
      const entries: Entry[] = [];
      for (const [format, target] of targets) {
        const entry = (await manifestOf(target)).manifest.entries[keyOf(target)];
        if (!entry || entry.map !== fromRoot(path) || entry.settings !== settings.get(format)) return undefined;
        entries.push(entry);
      }
      // The map is read only when the manifest lists every document of it (never in a cold build).
      const source = hashFile(path);
      if (source === undefined) return undefined;
      for (const [i, [, target]] of targets.entries()) {
        const entry = entries[i]!;
        if (entry.source !== source || entry.metrics !== metricsDigest(entry.metricIds, plan.metrics)) return undefined;
        for (const [input, hash] of entry.inputs) {
          if (isAbsolute(input) || (await hashOf(resolve(root, input))) !== hash) return undefined;
        }
        if (!(await documentUnchanged(target, entry))) return undefined;
      }
      const inputs = entries[0]?.inputs ?? [];
      return { file, diagnostics: [], outputs: targets.map(([, t]) => t), dependencies: inputs.map(([input]) => resolve(root, input)), upToDate: true };
    },

    record(file, targets, { report, metricIds, source, written }) {
      // Only a map built cleanly is recorded: one with warnings is built again, so they are said again.
      const clean = source !== undefined && !report.incomplete && report.diagnostics.length === 0 && targets.every(([, t]) => written?.[t] !== undefined);
      for (const [format, target] of targets) {
        if (!clean) forgotten.push(target);
        else pendingRecords.push({ file, format, target, report, metricIds: metricIds ?? [], source: source!, document: written![target]! });
      }
    },

    async save(write, inputs) {
      for (const r of pendingRecords) {
        const held = await manifestOf(r.target);
        const key = keyOf(r.target);
        const entry = await entryFor(r);
        if (entry) held.manifest.entries[key] = entry;
        else delete held.manifest.entries[key];
        held.changed = true;
      }
      pendingRecords.length = 0;
      for (const target of forgotten) {
        const held = await manifestOf(target);
        const key = keyOf(target);
        if (key in held.manifest.entries) {
          delete held.manifest.entries[key];
          held.changed = true;
        }
      }
      forgotten.length = 0;
      for (const [folder, pending] of manifests) {
        const held = await pending;
        if (!held.changed) continue;
        held.changed = false;
        const entries = Object.fromEntries(Object.keys(held.manifest.entries).sort().map((k) => [k, held.manifest.entries[k]!]));
        const text = `${JSON.stringify({ format: MANIFEST_FORMAT, journey: JOURNEY_BUILD, entries })}\n`;
        // A manifest that cannot be written only makes the next build a full one.
        await write(join(folder, MANIFEST), text, { what: 'build manifest', inputs, projectRoot: plan.projectRoot }).catch(() => {});
      }
    },
  };

  /** What a build wrote, to compare the next build with; none when an input changed during the build. */
  async function entryFor(r: PendingRecord): Promise<Entry | undefined> {
    const inputs: [string, string][] = [];
    for (const dependency of r.report.dependencies ?? []) {
      try {
        if (statSync(dependency).mtimeMs > started) return undefined; // saved while the build ran: it may not be in the document
      } catch {
        return undefined;
      }
      const hash = await hashOf(dependency);
      if (hash === undefined) return undefined;
      inputs.push([fromRoot(dependency), hash]);
    }
    const metricIds = [...new Set(r.metricIds)].sort();
    return {
      map: fromRoot(resolve(io.cwd, r.file)),
      settings: settings.get(r.format)!,
      source: r.source,
      inputs,
      metrics: metricsDigest(metricIds, plan.metrics),
      metricIds,
      // The document as this build wrote it, not as it is now: an edit since makes it built again.
      size: r.document.size,
      mtimeMs: r.document.mtimeMs,
      hash: r.document.hash,
    };
  }
}

interface PendingRecord {
  file: string;
  format: Format;
  target: string;
  report: FileReport;
  metricIds: string[];
  source: string;
  document: WrittenDocument;
}
