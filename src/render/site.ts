// The pages of `journey site`, from the maps of a portfolio as data: a page per map (its document
// with links), a page per shared persona, an index and a health page. Pure: the pipeline reads the
// maps and writes the pages. Every link is relative, so the site works from disk and on any host.
import { posix } from 'node:path';
import type { Diagnostic } from '../core/diagnostics.js';
import { curveY, emotionLevel, emotionWord, signedScore } from '../core/emotion.js';
import { monogram } from '../core/image.js';
import type { JourneyMap, Persona } from '../core/model.js';
import { themeCss, type Theme } from '../core/theme.js';
import { templateOf } from '../templates/registry.js';
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
}

const LABELS = {
  navigation: 'Site',
  allMaps: 'All maps',
  health: 'Portfolio health',
  maps: 'Maps',
  map: 'Map',
  template: 'Template',
  persona: 'Persona',
  owners: 'Owners',
  updated: 'Last reviewed',
  emotion: 'Emotion',
  lint: 'Lint',
  tags: 'Tags',
  stale: 'stale',
  journeys: 'Journeys',
  average: 'Average emotion',
  broken: 'Maps with problems',
  staleMaps: 'Stale maps',
  neverReviewed: 'no review date',
  painWithoutOpportunity: 'Pain points with no opportunity',
  heatMap: 'Where the experience hurts',
  findings: 'Every lint finding',
  none: 'None.',
};

export const HOME = 'index.html';
export const HEALTH = 'health.html';

/** A link from one page of the site to another. */
const href = (from: string, to: string) => posix.relative(posix.dirname(from), to) || posix.basename(to);

function pageData(page: string, site: Site, links: { href: string; text: string }[] = [], marks = '') {
  const engine = htmlEngine();
  return {
    css: `${engine.css}${marks}${engine.styles.site ?? ''}${themeCss(site.theme)}`,
    theme: { logo: site.theme?.logo ?? null },
    site: { home: href(page, HOME), health: href(page, HEALTH), labels: LABELS, links },
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
  const links: { href: string; text: string }[] = [];
  for (const persona of personasOf(site, entry.map)) links.push({ href: href(entry.page, persona.page), text: `${LABELS.persona}: ${persona.persona.name}` });
  if (entry.basedOn) {
    links.push({ href: href(entry.page, entry.basedOn.page), text: `Based on: ${entry.basedOn.title}` });
    links.push({ href: href(entry.page, entry.basedOn.diffPage), text: 'What changes' });
  }
  const view = buildView(entry.map, {}, site.theme);
  return finish(htmlEngine().layout('site-map')({ ...view, ...pageData(entry.page, site, links, extraCss(entry.map, view)) }));
}

/** A small emotion curve for tables: one dot per scored stage, a gap where a stage has none. */
function sparkline(map: JourneyMap, scoreOf: (s: JourneyMap['stages'][number]) => number | null = (s) => s.emotion) {
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
  const label = `${LABELS.emotion}: ${stages.map((s) => `${s.name} ${s.emotion === null ? map.labels.ui.noScore : signedScore(s.emotion)}`).join(', ')}`;
  return { width, segments, dots, label };
}

function lintStatus(entry: SiteEntry) {
  if (!entry.map) return { status: 'invalid', text: `${entry.problems.length} problem${entry.problems.length === 1 ? '' : 's'}` };
  const errors = entry.findings.filter((f) => f.severity === 'error').length;
  const warnings = entry.findings.length - errors;
  if (errors) return { status: 'errors', text: `${errors} error${errors === 1 ? '' : 's'}${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}` };
  if (warnings) return { status: 'warnings', text: `${warnings} warning${warnings === 1 ? '' : 's'}` };
  return { status: 'ok', text: 'no findings' };
}

/** The index: every map with what a portfolio owner looks for, then the maps grouped by template, persona, owner and tag. */
export function siteIndex(site: Site): string {
  const page = HOME;
  const rows = site.entries.map((entry) => {
    const map = entry.map;
    const shared = map ? personasOf(site, map) : [];
    return {
      href: href(page, entry.page),
      file: entry.file,
      title: map?.title ?? entry.file,
      templateName: map?.labels.templateName ?? '',
      // Every persona of the map, each linked to its page when it is a shared one.
      personas: (map?.personas ?? []).flatMap(({ id, persona }) => {
        if (!persona) return [];
        const page = shared.find((p) => p.scoreId === id)?.page;
        return [{ name: persona.name, href: page ? href(HOME, page) : null }];
      }),
      owners: map?.owners ?? [],
      updated: map?.updated ?? null,
      stale: entry.stale,
      sparkline: map ? sparkline(map) : null,
      lint: lintStatus(entry),
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
    ...group('template', 'By template', valid((m) => [templateOf(m.template).labels.en.name])),
    ...group('persona', 'By persona', personaGroups),
    ...group('owner', 'By owner', valid((m) => m.owners)),
    ...group('tag', 'By tag', valid((m) => m.tags)),
  ];

  return finish(
    htmlEngine().layout('site-index')({
      lang: 'en',
      title: site.title,
      template: 'site',
      summary: `${count(site.entries.length, 'map')}, ${count(site.personas.length, 'shared persona')}.`,
      labels: LABELS,
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
  const ui = first?.labels.ui;
  const view: Pick<View, 'persona'> | undefined = first && buildView({ ...first, persona: persona.persona });
  return finish(
    htmlEngine().layout('site-persona')({
      lang: first?.locale ?? 'en',
      title: persona.persona.name,
      template: 'site',
      file: persona.persona.file ?? null,
      persona: view?.persona ?? {
        ...persona.persona,
        image: persona.persona.imageData ? { src: persona.persona.imageData, alt: persona.persona.name } : null,
        monogram: monogram(persona.persona.name),
      },
      labels: { ...LABELS, ...(ui ?? {}), journeys: LABELS.journeys, map: LABELS.map, average: LABELS.average },
      maps: journeys.map((e) => {
        const scores = e.map.stages.map(e.scoreOf).filter((s): s is number => s !== null);
        const average = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
        return {
          href: href(persona.page, e.page),
          title: e.map!.title,
          templateName: e.map!.labels.templateName,
          sparkline: sparkline(e.map, e.scoreOf),
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
  const where = (d: Diagnostic) => `${d.file}:${d.line}:${d.col}`;
  const valid = site.entries.filter((e): e is SiteEntry & { map: JourneyMap } => e.map !== undefined);
  const link = (e: SiteEntry & { map: JourneyMap }) => ({ href: href(page, e.page), title: e.map.title });
  const stages = valid.flatMap((e) => e.map.stages.map((s) => ({ e, s })));
  return finish(
    htmlEngine().layout('site-health')({
      lang: 'en',
      title: LABELS.health,
      template: 'site',
      summary: `${count(site.entries.length, 'map')}: ${site.entries.filter((e) => !e.map).length} with problems, ${site.entries.filter((e) => e.stale).length} stale, ${count(site.entries.reduce((n, e) => n + e.findings.length, 0), 'lint finding')}.`,
      labels: LABELS,
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
            word: s.emotion === null ? e.map.labels.ui.noScore : emotionWord(s.emotion, e.map.labels.ui),
            level: s.emotion === null ? 'none' : emotionLevel(s.emotion),
          };
        }),
      })),
      findings: site.entries.flatMap((e) => e.findings.map((d) => ({ where: where(d), severity: d.severity, message: d.message, rule: d.rule ?? null }))),
      ...pageData(page, site),
    }),
  );
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const finish = (html: string) => withSymbols(html.endsWith('\n') ? html : `${html}\n`);
