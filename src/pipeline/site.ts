// journey site: every map of a portfolio read, linted and rendered as a page, plus persona pages, an
// index and a health page. A broken map is reported like `build` reports it and listed on the health
// page; the rest of the site is still built. Pages whose content did not change are not rewritten,
// and pages of maps that are gone are removed.
import { join, relative, resolve } from 'node:path';
import { problem } from '../core/diagnostics.js';
import { diffMaps } from '../core/diff.js';
import { SITE, type Locale } from '../core/locale.js';
import type { JourneyMap } from '../core/model.js';
import { ProblemsError } from '../errors.js';
import { contentHash, entryAt, readMapBytes } from '../io/files.js';
import { commonBase } from '../io/inputs.js';
import { linkRefusal, removalRefusal, removeWritten } from '../io/write-guard.js';
import type { Io } from '../io/terminal.js';
import type { Site, SiteEntry, SitePersona } from '../render/site.js';
import type { FileReport } from '../report/index.js';
import { inFlight } from './in-flight.js';
import { readMapFile, shownName, type ReadResult } from './read.js';
import type { Session } from './session.js';
import { createWriter, refusal, WriteError } from './write.js';
import { templatesOf } from '../io/templates.js';

export interface SiteOptions {
  /** The folder the site is written to. */
  output: string;
  /** Default: the words for "Journey maps" in the portfolio's locale. */
  title?: string;
  maxAgeMonths: number;
  today: Date;
}

export interface SiteResult {
  reports: FileReport[];
  written: string[];
  unchanged: number;
  removed: string[];
}

/** Reads one map of the site; `positions` asks for source positions (for lint findings). */
export type SiteReader = (file: string, positions: boolean) => Promise<ReadResult>;

/** Every page of a site, by its path below the site's root, and a report per map (with the files it names). */
export interface RenderedSite {
  pages: Map<string, string>;
  reports: FileReport[];
  /** The language its index and health pages speak. */
  locale: Locale;
}

/** Lists the pages of the last build, so pages of maps removed since are removed too. */
const MANIFEST = '.journey-site.json';

export async function buildSite(session: Session, options: SiteOptions, io: Io): Promise<SiteResult> {
  const { pages, reports } = await renderSite(session, options, io);
  const written = await writePages(pages, options.output, session.files, session.projectRoot, io);
  for (const r of reports) r.outputs = r.outputs!.map((page) => join(options.output, page));
  return { reports, ...written };
}

/** Reads every map (through `read`; the preview passes one that keeps the last good version) and renders every page. */
export async function renderSite(session: Session, options: Omit<SiteOptions, 'output'>, io: Io, read: SiteReader = siteReader(session, io)): Promise<RenderedSite> {
  const { lintMap } = await import('../core/lint/index.js');
  const render = await import('../render/site.js');
  const base = commonBase(session.files, io.cwd);
  const pageOf = (file: string, folder: string) => `${folder}/${relative(base, resolve(io.cwd, file)).split(/[\\/]/).join('/').replace(/\.ya?ml$/i, '')}.html`;

  // Every map, several at once so reads overlap the CPU work, on the quick path: positions are read
  // only for the maps lint has something to say about (below).
  const loaded: ReadResult[] = new Array(session.files.length);
  await inFlight(session.files.map((_, i) => i), 8, async (i) => void (loaded[i] = await read(session.files[i]!, false)));
  const byPath = new Map(session.files.map((f, i) => [resolve(io.cwd, f), i]));

  const entries: SiteEntry[] = [];
  const diffs: { page: string; before: JourneyMap; after: JourneyMap; files: [string, string] }[] = [];
  for (const [i, file] of session.files.entries()) {
    const result = loaded[i]!;
    const entry: SiteEntry = { file: shownName(file), page: pageOf(file, 'maps'), problems: result.ok ? [] : result.diagnostics, findings: [], stale: false };
    if (result.ok) {
      const basePath = session.references.basedOnPath(file, result.map);
      const baseIndex = basePath === undefined ? undefined : byPath.get(resolve(io.cwd, basePath));
      const baseResult = baseIndex === undefined ? undefined : loaded[baseIndex];
      const baseMap = baseResult?.ok ? baseResult.map : undefined;
      entry.map = result.map;
      const settings = { templates: templatesOf(session.config), rules: session.config?.lint.rules ?? {}, maxAgeMonths: options.maxAgeMonths, today: options.today, base: baseMap && { map: baseMap, file: basePath! } };
      entry.findings = lintMap(result.map, { file: entry.file }, settings);
      if (entry.findings.length) {
        const positioned = await read(file, true);
        if (positioned.ok && positioned.source) entry.findings = lintMap(positioned.map, positioned.source, settings);
      }
      entry.stale = entry.findings.some((f) => f.rule === 'stale-map');
      if (baseMap && baseIndex !== undefined) {
        const diffPage = pageOf(file, 'diffs');
        entry.basedOn = { page: pageOf(session.files[baseIndex]!, 'maps'), title: baseMap.title, diffPage };
        diffs.push({ page: diffPage, before: baseMap, after: result.map, files: [session.files[baseIndex]!, file] });
      }
    }
    entries.push(entry);
  }

  // Shared personas get a page each, every persona of a map with several included; two files that
  // claim one id get distinct pages. Pages find their personas by file.
  const personas: SitePersona[] = [];
  for (const entry of entries) {
    for (const { persona } of entry.map?.personas ?? []) {
      if (!persona?.file || !persona.id || personas.some((p) => p.persona.file === persona.file)) continue;
      const taken = personas.filter((p) => p.id.startsWith(persona.id!)).length;
      const id = taken ? `${persona.id}-${taken + 1}` : persona.id;
      personas.push({ id, persona, page: `personas/${id}.html` });
    }
  }

  const locale = render.portfolioLocale(session.config?.locale, entries.flatMap((e) => (e.map ? [e.map] : [])));
  const site: Site = { title: options.title ?? SITE[locale].defaultTitle, entries, personas, theme: session.config?.theme, locale, templates: templatesOf(session.config) };
  const pages = new Map<string, string>([
    [render.HOME, render.siteIndex(site)],
    [render.HEALTH, render.siteHealth(site)],
  ]);
  for (const entry of entries) if (entry.map) pages.set(entry.page, render.siteMapPage(entry as SiteEntry & { map: JourneyMap }, site));
  for (const persona of personas) pages.set(persona.page, render.sitePersonaPage(persona, site));
  if (diffs.length) {
    const { diffHtml } = await import('../render/diff.js');
    for (const d of diffs) pages.set(d.page, diffHtml(diffMaps(d.before, d.after), d.files));
  }

  const reports: FileReport[] = entries.map((e, i) => ({ file: e.file, diagnostics: e.problems, outputs: e.map ? [e.page] : [], dependencies: loaded[i]!.dependencies }));
  return { pages, reports, locale };
}

/** Reads a map of the session as `journey site` does. */
export const siteReader =
  (session: Session, io: Io, references = session.references): SiteReader =>
  (file, positions) =>
    readMapFile(file, io, { templates: templatesOf(session.config), defaultLocale: session.config?.locale, maxBytes: session.maxBytes, positions, references });

/**
 * Writes the pages that changed, and removes those of the last build that are gone. The manifest
 * keeps a hash of each page, so an unchanged page is known without reading it back. Everything is
 * checked before anything is written or removed: the site's folder, each page's folder and each
 * removal stay inside the project (the folder, the manifest and links in it may come from a pull
 * request), or nothing happens.
 */
async function writePages(pages: Map<string, string>, folder: string, inputs: string[], projectRoot: string, io: Io) {
  const write = createWriter(io);
  const root = resolve(io.cwd, folder);
  const rules = { what: 'site page', inputs, projectRoot };
  const target = (page: string) => relative(io.cwd, join(root, page));
  const folders = new Map<string, string | undefined>();
  // The site's folder first: when it leads out of the project, not even its manifest is read.
  const outside = linkRefusal(target(MANIFEST), { cwd: io.cwd, projectRoot, folders });
  if (outside) throw new WriteError(`refusing to write the site to ${folder}: ${outside}`);
  const before = await readManifest(join(root, MANIFEST), projectRoot, io);
  const hashes: Record<string, string> = {};
  for (const [page, html] of pages) hashes[page] = contentHash(html);
  // Only pages this command wrote: .html files named in the manifest (which could have been edited).
  const gone = Object.keys(before).filter((page) => !pages.has(page) && page.endsWith('.html'));
  const removal = { cwd: io.cwd, projectRoot, folder: root };
  const refused = [
    ...(await Promise.all([...pages.keys()].map((page) => refusal(target(page), io, rules, folders)))),
    ...gone.map((page) => {
      const reason = removalRefusal(target(page), removal);
      return reason && `refusing to remove ${target(page)}: ${reason}`;
    }),
  ].filter((reason) => reason !== undefined);
  if (refused.length) throw new WriteError(refused.join('\n'));

  const written: string[] = [];
  let unchanged = 0;
  await inFlight([...pages], 8, async ([page, html]) => {
    // Unchanged, and still a regular file (never a link put in its place).
    if (before[page] === hashes[page] && entryAt(join(root, page))?.isFile()) return void unchanged++;
    await write(target(page), html, rules);
    written.push(page);
  });
  // A page is removed only while its content is what journey wrote; one changed since is left alone.
  const removed = gone.filter((page) => removeWritten(target(page), before[page]!, removal));
  const manifest = Object.fromEntries(Object.entries(hashes).sort(([a], [b]) => a.localeCompare(b)));
  await write(target(MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`, { ...rules, what: 'site manifest' });
  return { written: written.sort(), unchanged, removed };
}

/** The manifest's limit: a site of 100,000 pages lists them in well under it. */
const MANIFEST_BYTES = 16 * 1024 * 1024;

/**
 * The last build's pages and their hashes; none when there is no manifest or it is not one journey
 * wrote. One that is a link, a pipe, a device or over its limit stops the site, at the manifest.
 */
async function readManifest(path: string, projectRoot: string, io: Io): Promise<Record<string, string>> {
  const info = entryAt(path);
  if (!info) return {};
  const shown = relative(io.cwd, path);
  const expected = "the site's list of pages (a JSON file journey writes)";
  const read = info.isSymbolicLink()
    ? { ok: false as const, reason: `expected ${expected}, found a symbolic link: journey never follows one there (remove it)`, code: 'file-unreadable' as const }
    : await readMapBytes(path, { maxBytes: MANIFEST_BYTES, projectRoot, expected });
  if (!read.ok) throw new ProblemsError([{ file: shown, diagnostics: [problem(shown, 1, 1, 'file', read.reason, read.code)] }]);
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(read.bytes));
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    return {};
  }
}
