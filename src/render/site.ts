// The pages of `journey site`, from the maps of a portfolio as data: a page per map (its document
// with links), a page per shared persona, an index and a health page. Pure: the pipeline reads the
// maps and writes the pages. Every link is relative, so the site works from disk and on any host.
import { posix } from 'node:path';
import type { Diagnostic } from '../core/diagnostics.js';
import { curveY, emotionLevel, emotionWord, signedScore } from '../core/emotion.js';
import { monogram } from '../core/image.js';
import type { JourneyMap, Persona } from '../core/model.js';
import { SITE, UI, type Locale } from '../core/locale.js';
import { themeCss, type Theme } from '../core/theme.js';
import type { TemplateRegistry } from '../core/templates.js';
import { extraCss, htmlEngine } from './html.js';
import { withSymbols } from './symbols.js';
import { buildView } from './view/build.js';
import type { View } from './view/types.js';

export interface SiteEntry {
  /** The map's path as reports show it. */
  file: string;
  /** The map's page, relative to the site's root (`maps/shop/today.html`). */
  page: string;
  /** The map, when it is valid. */
  map?: JourneyMap;
  /** Why the map could not be read or is invalid. */
  problems: Diagnostic[];
  /** journey lint's findings. */
  findings: Diagnostic[];
  stale: boolean;
  /** The page of the map it is based on, and of the diff between the two. */
  basedOn?: { page: string; title: string; diffPage: string };
}

export interface SitePersona {
  id: string;
  persona: Persona;
  page: string;
}

export interface Site {
  title: string;
  entries: SiteEntry[];
  personas: SitePersona[];
  /** The config's theme: every page gets its colours, fonts and logo. */
  theme?: Theme;
  /** The portfolio's locale (see portfolioLocale). */
  locale: Locale;
  /** The templates the maps may name (the built-in ones and the project's own). */
  templates: TemplateRegistry;
}

/** The words of a site's pages in `locale`: the documents' labels (`Template`, `Owners`…) and the site's own. */
const labels = new Map<Locale, typeof UI[Locale] & typeof SITE[Locale]>();
const labelsIn = (locale: Locale) => {
  let words = labels.get(locale);
  // Made once per locale: every page of a site asks.
  if (!words) labels.set(locale, (words = { ...UI[locale], ...SITE[locale] }));
  return words;
};

/**
 * The portfolio's locale: the config's `locale:`, else the one every valid map shares, else English.
 * The index, health and persona pages speak it; a map's page speaks its map's.
 */
export function portfolioLocale(configured: Locale | undefined, maps: readonly JourneyMap[]): Locale {
  if (configured) return configured;
  const locales = new Set(maps.map((m) => m.locale));
  return locales.size === 1 ? [...locales][0]! : 'en';
}

export const HOME = 'index.html';
export const HEALTH = 'health.html';

/** A map's template's name in the page's language. */
const templateName = (map: JourneyMap, site: Site, locale = site.locale) => site.templates[map.template]?.labels[locale].name ?? map.labels.templateName;

/** A link from one page of the site to another. */
const href = (from: string, to: string) => posix.relative(posix.dirname(from), to) || posix.basename(to);

function pageData(page: string, site: Site, links: { href: string; text: string }[] = [], marks = '', locale = site.locale) {
  const engine = htmlEngine();
  return {
    css: `${engine.css}${marks}${engine.styles.site ?? ''}${themeCss(site.theme)}`,
    theme: { logo: site.theme?.logo ?? null },
    site: { home: href(page, HOME), health: href(page, HEALTH), labels: labelsIn(locale), links },
  };
}

/** The shared personas a map follows, with the id its scores use for each. */
const personasOf = (site: Site, map: JourneyMap) =>
  map.personas.flatMap(({ id, persona }) => {
    const shared = persona?.file ? site.personas.find((p) => p.persona.file === persona.file) : undefined;
    return shared ? [{ ...shared, scoreId: id }] : [];
  });

/** A map's page: its HTML document, with links to the index, its persona, the map it is based on and their diff. */
export function siteMapPage(entry: SiteEntry & { map: JourneyMap }, site: Site): string {
  const words = labelsIn(entry.map.locale);
  const links: { href: string; text: string }[] = [];
  for (const persona of personasOf(site, entry.map)) links.push({ href: href(entry.page, persona.page), text: `${words.persona}: ${persona.persona.name}` });
  if (entry.basedOn) {
    links.push({ href: href(entry.page, entry.basedOn.page), text: words.basedOn(entry.basedOn.title) });
    links.push({ href: href(entry.page, entry.basedOn.diffPage), text: words.whatChanges });
  }
  const view = buildView(entry.map, {}, site.theme);
  return finish(htmlEngine().layout('site-map')({ ...view, ...pageData(entry.page, site, links, extraCss(entry.map, view), entry.map.locale) }));
}

/** A small emotion curve for tables: one dot per scored stage, a gap where a stage has none. */
function sparkline(map: JourneyMap, locale: Locale, scoreOf: (s: JourneyMap['stages'][number]) => number | null = (s) => s.emotion) {
  const stages = map.stages.map((s) => ({ name: s.name, emotion: scoreOf(s) }));
  const step = 10;
  const width = Math.max(step, stages.length * step);
  const y = (score: number) => Math.round((curveY(score) / 100) * 24 * 10) / 10;
  const dots = stages.flatMap((s, i) => (s.emotion === null ? [] : [{ x: i * step + step / 2, y: y(s.emotion), level: emotionLevel(s.emotion) }]));
  if (dots.length === 0) return null;
  const segments: string[] = [];
  let run: string[] = [];
  stages.forEach((s, i) => {
    if (s.emotion === null) return void (run.length > 1 && segments.push(run.join(' ')), (run = []));
    run.push(`${i * step + step / 2},${y(s.emotion)}`);
  });
  if (run.length > 1) segments.push(run.join(' '));
  const ui = UI[locale];
  const label = `${ui.emotion}: ${stages.map((s) => `${s.name} ${s.emotion === null ? ui.noScore : signedScore(s.emotion)}`).join(', ')}`;
  return { width, segments, dots, label };
}

function lintStatus(entry: SiteEntry, locale: Locale) {
  const words = SITE[locale].lintStatus;
  if (!entry.map) return { status: 'invalid', text: words.problems(entry.problems.length) };
  const errors = entry.findings.filter((f) => f.severity === 'error').length;
  const warnings = entry.findings.length - errors;
  if (errors) return { status: 'errors', text: `${words.errors(errors)}${warnings ? `, ${words.warnings(warnings)}` : ''}` };
  if (warnings) return { status: 'warnings', text: words.warnings(warnings) };
  return { status: 'ok', text: words.clean };
}

/** The index: every map with what a portfolio owner looks for, then the maps grouped by template, persona, owner and tag. */
export function siteIndex(site: Site): string {
  const page = HOME;
  const words = labelsIn(site.locale);
  const rows = site.entries.map((entry) => {
    const map = entry.map;
    const shared = map ? personasOf(site, map) : [];
    return {
      href: href(page, entry.page),
      file: entry.file,
      title: map?.title ?? entry.file,
      templateName: map ? templateName(map, site) : '',
      // Every persona of the map, each linked to its page when it is a shared one.
      personas: (map?.personas ?? []).flatMap(({ id, persona }) => {
        if (!persona) return [];
        const page = shared.find((p) => p.scoreId === id)?.page;
        return [{ name: persona.name, href: page ? href(HOME, page) : null }];
      }),
      owners: map?.owners ?? [],
      updated: map?.updated ?? null,
      stale: entry.stale,
      sparkline: map ? sparkline(map, site.locale) : null,
      lint: lintStatus(entry, site.locale),
      tags: map?.tags ?? [],
    };
  });
  /** Maps grouped under names; `who` gives each group an identity, so two groups may share a name. */
  const group = (key: string, title: string, names: (entry: SiteEntry) => { id: string; name: string; hint?: string }[]) => {
    const byId = new Map<string, { name: string; hint?: string; maps: { title: string; href: string }[] }>();
    site.entries.forEach((entry, i) => {
      for (const { id, name, hint } of names(entry)) {
        if (!byId.has(id)) byId.set(id, { name, hint, maps: [] });
        byId.get(id)!.maps.push({ title: rows[i]!.title, href: rows[i]!.href });
      }
    });
    // Groups that share a name are told apart by their hint (a persona's file or id).
    const named = [...byId.values()];
    const entries = named
      .map((g) => ({ name: g.hint && named.some((o) => o !== g && o.name === g.name) ? `${g.name} (${g.hint})` : g.name, maps: g.maps }))
      .sort((a, b) => a.name.localeCompare(b.name));
    return entries.length ? [{ key, title, entries }] : [];
  };
  const valid = (f: (map: JourneyMap) => string[]) => (entry: SiteEntry) => (entry.map ? f(entry.map).map((name) => ({ id: name, name })) : []);
  // A persona is who its shared file says; one written in a map is that map's own. Two people who
  // share a name stay apart.
  const personaGroups = (entry: SiteEntry) =>
    (entry.map?.personas ?? []).flatMap(({ id, persona }) =>
      persona ? [persona.file ? { id: `file:${persona.file}`, name: persona.name, hint: persona.file } : { id: `map:${entry.file}#${id}`, name: persona.name, hint: entry.file }] : [],
    );
  const groups = [
    ...group('template', words.groups.template, valid((m) => [templateName(m, site)])),
    ...group('persona', words.groups.persona, personaGroups),
    ...group('owner', words.groups.owner, valid((m) => m.owners)),
    ...group('tag', words.groups.tag, valid((m) => m.tags)),
  ];

  return finish(
    htmlEngine().layout('site-index')({
      lang: site.locale,
      title: site.title,
      template: 'site',
      summary: words.summary({ maps: site.entries.length, personas: site.personas.length }),
      labels: words,
      maps: rows,
      groups,
      ...pageData(page, site),
    }),
  );
}

/** A shared persona's page: who they are, and the journeys they appear in with their emotion across them. */
export function sitePersonaPage(persona: SitePersona, site: Site): string {
  // Each journey with this persona's own scores (a map with several scores each persona apart).
  const journeys = site.entries.flatMap((e) => {
    const here = e.map && personasOf(site, e.map).find((p) => p.id === persona.id);
    return here ? [{ ...e, map: e.map!, scoreOf: (s: JourneyMap['stages'][number]) => (e.map!.personas.length > 1 ? (s.emotions[here.scoreId] ?? null) : s.emotion) }] : [];
  });
  const first = journeys[0]?.map;
  const words = labelsIn(site.locale);
  // The persona's card in the page's language, whichever map it is first met in.
  const view: Pick<View, 'persona'> | undefined = first && buildView({ ...first, locale: site.locale, labels: { ...first.labels, ui: UI[site.locale] }, persona: persona.persona });
  return finish(
    htmlEngine().layout('site-persona')({
      lang: site.locale,
      title: persona.persona.name,
      template: 'site',
      file: persona.persona.file ?? null,
      persona: view?.persona ?? {
        ...persona.persona,
        image: persona.persona.imageData ? { src: persona.persona.imageData, alt: persona.persona.name } : null,
        monogram: monogram(persona.persona.name),
      },
      labels: words,
      maps: journeys.map((e) => {
        const scores = e.map.stages.map(e.scoreOf).filter((s): s is number => s !== null);
        const average = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
        return {
          href: href(persona.page, e.page),
          title: e.map!.title,
          templateName: templateName(e.map, site),
          sparkline: sparkline(e.map, site.locale, e.scoreOf),
          average: average === null ? '–' : signedScore(Math.round(average * 10) / 10),
        };
      }),
      ...pageData(persona.page, site),
    }),
  );
}

/** The health of the portfolio: broken and stale maps, pain points with no opportunity, the most negative stages, every finding. */
export function siteHealth(site: Site): string {
  const page = HEALTH;
  const words = labelsIn(site.locale);
  const where = (d: Diagnostic) => `${d.file}:${d.line}:${d.col}`;
  const valid = site.entries.filter((e): e is SiteEntry & { map: JourneyMap } => e.map !== undefined);
  const link = (e: SiteEntry & { map: JourneyMap }) => ({ href: href(page, e.page), title: e.map.title });
  const stages = valid.flatMap((e) => e.map.stages.map((s) => ({ e, s })));
  return finish(
    htmlEngine().layout('site-health')({
      lang: site.locale,
      title: words.health,
      template: 'site',
      summary: words.healthSummary({
        maps: site.entries.length,
        broken: site.entries.filter((e) => !e.map).length,
        stale: site.entries.filter((e) => e.stale).length,
        findings: site.entries.reduce((n, e) => n + e.findings.length, 0),
      }),
      labels: words,
      broken: site.entries.filter((e) => !e.map).map((e) => ({ file: e.file, problems: e.problems.map((d) => ({ where: where(d), message: d.message })) })),
      stale: valid.filter((e) => e.stale).map((e) => ({ ...link(e), updated: e.map.updated })),
      painPoints: stages.flatMap(({ e, s }) => (s.opportunities.length ? [] : s.pain_points.map((pain) => ({ ...link(e), stage: s.name, text: pain.text })))),
      negative: stages
        .filter(({ s }) => s.emotion !== null && s.emotion < 0)
        .sort((a, b) => a.s.emotion! - b.s.emotion!)
        .slice(0, 10)
        .map(({ e, s }) => ({ ...link(e), stage: s.name, score: signedScore(s.emotion!), level: emotionLevel(s.emotion!) })),
      // Stages by emotion, one row per map; shorter maps are padded so every row has its cells.
      heat: valid.map((e) => ({
        ...link(e),
        cells: Array.from({ length: Math.max(...valid.map((v) => v.map.stages.length)) }, (_, i) => {
          const s = e.map.stages[i];
          if (!s) return { stage: '', score: '', word: '', level: 'none' };
          return {
            stage: s.name,
            score: s.emotion === null ? '–' : signedScore(s.emotion),
            word: s.emotion === null ? words.noScore : emotionWord(s.emotion, words),
            level: s.emotion === null ? 'none' : emotionLevel(s.emotion),
          };
        }),
      })),
      findings: site.entries.flatMap((e) => e.findings.map((d) => ({ where: where(d), severity: d.severity, severityText: words.severity[d.severity], message: d.message, rule: d.rule ?? null }))),
      ...pageData(page, site),
    }),
  );
}

const finish = (html: string) => withSymbols(html.endsWith('\n') ? html : `${html}\n`);
