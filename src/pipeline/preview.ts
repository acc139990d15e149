// journey preview: serves a map (or a folder of maps, as the site) on the loopback address and keeps
// open pages up to date as files are saved. Rendering is the build's and the site's own; the watching
// is build --watch's follower. A save with problems keeps the last good pages and tells open pages
// the problems, which they show over the map until a save fixes them.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Diagnostic } from '../core/diagnostics.js';
import { PREVIEW, type Locale } from '../core/locale.js';
import { terminalSafe } from '../core/safe-text.js';
import type { Io } from '../io/terminal.js';
import { isLoopback } from '../io/server-defaults.js';
import { LayoutError, type Template } from '../render/handlebars.js';
import { countWords, reporterFor, type FileReport, type ReporterName } from '../report/index.js';
import { painter } from '../report/text.js';
import { layoutProblem, loadLayout } from './layout.js';
import { readMapFile, shownName, type ReadResult } from './read.js';
import { createReferences, stageImageLimits } from './references.js';
import type { Session } from './session.js';
import { renderSite, siteReader, type SiteReader } from './site.js';
import { followMaps, untilInterrupted } from './watch.js';
import { rereadTeamTemplates, templatesOf } from '../io/templates.js';

/** Saves gathered into one update: short, so a save shows at once, yet an editor's several writes are one. */
const PREVIEW_DEBOUNCE_MS = 25;

export interface PreviewOptions {
  host: string;
  port?: number;
  open?: boolean;
  /** A custom layout for a single map (`--layout`, or the config file's). */
  layout?: string;
  title?: string;
  maxAge?: number;
  reporter: ReporterName;
  quiet?: boolean;
  today?: Date;
}

/** The overlay's lines: a persona file's problem, reached through several maps, is listed once. */
function overlay(problems: Diagnostic[]): { where: string; message: string }[] {
  const lines = problems.map((d) => ({ where: `${d.file}:${d.line}:${d.col}`, message: d.message }));
  return lines.filter((line, i) => lines.findIndex((l) => l.where === line.where && l.message === line.message) === i);
}

/** What the server serves after a round of saves. */
interface Rendered {
  /** Pages by request path (`/`, `/maps/shop.html`). */
  pages: Map<string, string>;
  /** Every problem of the files served: what the overlay lists. */
  problems: Diagnostic[];
  /** The maps read this round, with the files they name. */
  reports: FileReport[];
  /** The language of the pages shown, which the overlay speaks. */
  locale: Locale;
}

export async function preview(session: Session, inputs: string[], options: PreviewOptions, io: Io): Promise<number> {
  const paint = painter(io.color);
  const reporter = reporterFor(options.reporter, io);
  // One map named on its own is served as its document; anything else as the site.
  const single = inputs.length === 1 && session.files.length === 1 && (await stat(resolve(io.cwd, inputs[0]!)).then((s) => s.isFile(), () => false));
  // Referenced files are read afresh each round, so a saved persona file shows.
  const references = () => createReferences(io, { projectRoot: session.projectRoot, maxBytes: session.maxBytes, defaultLocale: session.config?.locale, images: stageImageLimits(session.config?.images) });
  const layoutFile = single ? (options.layout ?? session.config?.layout) : undefined;
  let layout: { template?: Template; problem?: Diagnostic } = {};
  const reloadLayout = async () => {
    if (!layoutFile) return;
    const loaded = await loadLayout(layoutFile, io, session.projectRoot);
    layout = 'diagnostic' in loaded ? { template: layout.template, problem: loaded.diagnostic } : { template: loaded.template };
  };

  let current: Rendered = { pages: new Map(), problems: [], reports: [], locale: session.config?.locale ?? 'en' };
  let version = 1;

  async function renderMap(): Promise<Rendered> {
    const { renderHtml } = await import('../render/html.js');
    const file = session.files[0]!;
    const read = await readMapFile(file, io, { templates: templatesOf(session.config), defaultLocale: session.config?.locale, maxBytes: session.maxBytes, references: references() });
    const problems = [...(read.ok ? [] : read.diagnostics), ...(layout.problem ? [layout.problem] : [])];
    let pages = current.pages; // the last good rendering stays, in its language
    let locale = current.locale;
    if (read.ok && !layout.problem) {
      try {
        pages = new Map([['/', renderHtml(read.map, { layout: layout.template, theme: session.config?.theme })]]);
        locale = read.map.locale;
      } catch (error) {
        if (!(error instanceof LayoutError)) throw error;
        problems.push(layoutProblem(error));
      }
    }
    return { pages, problems, reports: [{ file: shownName(file), diagnostics: read.diagnostics, dependencies: read.ok ? read.dependencies : undefined }], locale };
  }

  // A map that breaks keeps its last good version on the site (its page, its row on the index).
  const lastGood = new Map<string, ReadResult>();
  async function renderFolder(): Promise<Rendered> {
    session.files = await session.expand(); // maps added or removed since
    const fresh = siteReader(session, io, references());
    const reports = new Map<string, FileReport>();
    const read: SiteReader = async (file, positions) => {
      const result = await fresh(file, positions);
      if (!positions) reports.set(file, { file: shownName(file), diagnostics: result.diagnostics, dependencies: result.ok ? result.dependencies : undefined });
      if (result.ok) return void (positions || lastGood.set(file, result)), result;
      return lastGood.get(file) ?? result;
    };
    const site = await renderSite(session, { title: options.title, maxAgeMonths: options.maxAge ?? session.config?.lint.maxAgeMonths ?? 6, today: options.today ?? new Date() }, io, read);
    const pages = new Map([...site.pages].map(([page, html]) => [`/${page}`, html]));
    const all = [...reports.values()];
    return { pages, problems: all.flatMap((r) => (r.diagnostics.some((d) => d.severity === 'error') ? r.diagnostics : [])), reports: all, locale: site.locale };
  }

  const render = single ? renderMap : renderFolder;
  const home = single ? '/' : '/index.html';
  let server: Awaited<ReturnType<typeof import('../io/server.js').startServer>> | undefined;

  /** Takes a round's pages and problems, and tells open pages. */
  const apply = (next: Rendered) => {
    const changed = next.pages.size !== current.pages.size || [...next.pages].some(([path, html]) => current.pages.get(path) !== html);
    if (changed) version++;
    current = next;
    server?.notify();
  };
  /** Prints a round like build --watch: the problems of the maps saved, or a line for each that shows. */
  const say = (saved: string[], rendered: Rendered, ms: number) => {
    // Compared as absolute paths: the follower and the reports may spell one file differently.
    const savedPaths = new Set(saved.map((f) => resolve(io.cwd, f)));
    const reports = rendered.reports.filter((r) => savedPaths.has(resolve(io.cwd, r.file)));
    reporter.report({ command: 'watch', files: reports });
    if (options.reporter !== 'text' || options.quiet) return;
    for (const r of reports) if (!r.diagnostics.some((d) => d.severity === 'error')) io.stderr(`${paint.green('↻')} ${terminalSafe(r.file)} ${paint.dim(`(${ms} ms)`)}\n`);
  };

  await reloadLayout();
  const first = await render();
  apply(first);
  reporter.report({ command: 'watch', files: first.reports });

  const { startServer } = await import('../io/server.js');
  const { EVENTS_PATH, PREVIEW_CSP, previewPage, waitingPage } = await import('../render/preview.js');
  server = await startServer({
    host: options.host,
    port: options.port,
    eventsPath: EVENTS_PATH,
    csp: PREVIEW_CSP,
    page(path) {
      const html = current.pages.get(path === '/' ? home : path) ?? (single && path === '/' ? waitingPage(shownName(session.files[0]!), current.locale) : undefined);
      return html === undefined ? undefined : previewPage(html, version);
    },
    state: () => {
      const words = PREVIEW[current.locale];
      const problems = overlay(current.problems);
      return JSON.stringify({ version: String(version), problems, heading: words.problems(problems.length), note: words.note });
    },
  });

  const follower = await followMaps(
    {
      reports: first.reports,
      layoutFile,
      configFile: session.config?.file,
      expand: session.expand,
      debounceMs: PREVIEW_DEBOUNCE_MS,
      async onChange(change) {
        const started = Date.now();
        if (change.layout) await reloadLayout();
        const team = await rereadTeamTemplates(session.config?.teamTemplates, change.saved, session.projectRoot, io.cwd);
        if (session.config) session.config.teamTemplates = team.templates;
        if (team.diagnostics.length) reporter.report({ command: 'watch', files: [{ file: team.diagnostics[0]!.file, diagnostics: team.diagnostics }] });
        const next = await render();
        apply(next);
        if (change.layout && layout.problem) reporter.report({ command: 'watch', files: [{ file: layoutFile!, diagnostics: [layout.problem] }] });
        say(change.maps, next, Date.now() - started);
        return next.reports;
      },
    },
    io,
  );

  if (!isLoopback(options.host)) {
    io.stderr(`${paint.yellow('!')} --host ${options.host}: the preview is reachable from other machines on the network, and anyone who reaches it can read these maps\n`);
  }
  const what = single ? shownName(session.files[0]!) : countWords(session.files.length, 'map');
  io.stderr(`Preview of ${what} at ${paint.bold(server.url)}\nUpdates on every save. Press Ctrl-C to stop.\n`);
  if (options.open) {
    const { openInBrowser } = await import('../io/open.js');
    const failed = await openInBrowser(server.url, io.env);
    if (failed) io.stderr(`${paint.yellow('!')} could not open a browser (${failed}): open ${server.url} yourself\n`);
  }

  await untilInterrupted(io);
  await follower.close();
  await server.close();
  io.stderr('Stopped the preview.\n');
  return 0;
}
