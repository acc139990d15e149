// The view model: everything a layout prints, computed once from the map. Layouts only loop and print.
import type { UiLabels } from '../core/locale.js';
import { monogram } from '../core/image.js';
import { buildCurveView, describeCurve, markerShape, sliceCurve, type CurveView, type LegendItem, type SeriesInput } from './curve.js';
import { MOTIVES } from '../core/locale.js';
import type { Theme } from '../core/theme.js';
import { channelIcon } from './icons.js';
import { allStages } from '../core/stages.js';
import type { Confidence, Item, JourneyMap, Kpi, Lane, Stage, Touchpoint } from '../core/model.js';

export type { CurveColumn, CurveMark, CurvePoint, CurveSeries, CurveView, FaceView, LegendItem } from './curve.js';

export interface ItemView {
  text: string;
  channel: string | null;
  /** The channel's icon (`{{icon channelIcon}}`: web, app, email, phone…), null for a channel without one (a neutral tag). */
  channelIcon: string | null;
  /** A KPI's target and live value, in one line of the map's locale ("3.9% · target 3.5% · ✓ met"); null otherwise. */
  metric: { text: string; status: 'met' | 'not-met' | 'missing' | 'target' | 'value' } | null;
  /** How sure the map is of the item (`{ text, confidence, source }`): observed, reported or assumed; null when not said. */
  confidence: Confidence | null;
  /** The confidence in the map's locale ("assumed", "ipotesi"); null when not said. */
  confidenceWord: string | null;
  /** Where the item comes from, as written; null when not said. */
  source: string | null;
  /** The source's number in the document's list of sources (`sources`), numbered in order of first use; null without a source. */
  sourceNumber: number | null;
  /**
   * The item holds right-to-left text (Hebrew, Arabic…): it takes its direction from its first strong
   * letter (`dir="auto"`). Other items read left to right like the document, so they need no attribute.
   */
  dirAuto: boolean;
}
export interface CellView {
  items: ItemView[];
  /** One item prints as a paragraph, several as a list. */
  single: boolean;
  empty: boolean;
}
export interface RowView {
  key: string;
  label: string;
  /** lane | touchpoints | pain | opportunity | backend | notes: the layout styles each kind. */
  kind: string;
  /** The icon drawn before the label (`{{icon icon}}`): `pain` and `opportunity`; null for the others. */
  icon: string | null;
  cells: CellView[];
}
export interface SectionView {
  /** The band's name (a template's band, back-end, insights), or null for an unnamed group (notes). */
  band: string | null;
  /** The band's key (customer, frontstage…, experience, front-end, back-end, insights, notes): the layout colours each. */
  bandKey: string | null;
  /** The blueprint line drawn above this band, if any. */
  line: string | null;
  lineKey: string | null;
  /** The emotion curve is drawn at the top of this band (the experience band; a blueprint's customer band). */
  curve: boolean;
  rows: RowView[];
}
export interface StageView {
  number: number;
  id: string;
  name: string;
  heading: string;
  /** The template's extra fields that this stage fills (a time of day), shown with its name. */
  fields: { key: string; label: string; value: string }[];
  /** Layout data of format version 1, kept for custom layouts: the day-in-the-life `time`. */
  time: string | null;
  /** A moment of truth: its own text, or the locale's "Moment of truth" (`label`) for `milestone: true`; null when the stage is none. */
  milestone: { text: string; label: string; own: boolean } | null;
  /** The stage's picture: `src` is the file inlined as a data: URI, null when it was not read (the API's render()); `alt` describes it. */
  image: { src: string | null; alt: string } | null;
  /** Its number as the documents write it: "2", or "2a.1" for the first stage of the first path from stage 2. */
  label: string;
  /** For a stage of a fork's path: the path (its number "2a", its name, 0…3 among its fork's paths); null on the main path. */
  branch: BranchView | null;
  /**
   * Its column's classes where the map forks: `path-col` for a path's column (`path-start` too for its
   * first), `path-end` for the main-path column after a fork's paths; null elsewhere.
   */
  edge: string | null;
}

export interface BranchView {
  /** Unique in the map: the deciding stage's id and the path's id. */
  key: string;
  id: string;
  name: string;
  /** "2a": the deciding stage's number and the path's letter. */
  label: string;
  index: number;
  /** Its line's dash in the emotion curve (series style 2…5), drawn beside its name. */
  style: number;
}

/** A run of a table's columns under one heading: a fork's path (`branch`), or main-path stages (no heading). */
export interface ColumnGroup {
  branch: BranchView | null;
  span: number;
  stages: StageView[];
}

export interface PersonaView {
  name: string;
  description: string | null;
  goals: string[];
  motives: string[];
  frustrations: string[];
  demographics: { label: string; value: string }[];
  /** The persona's picture (`image:`), inlined as a data: URI, with the name as its alternative text; null without one. */
  image: { src: string; alt: string } | null;
  /** Initials for the monogram shown when there is no picture ("GR"). */
  monogram: string;
}

/** A persona's marker (and line, without a fork) in the emotion curve. */
export type PersonaMarker = LegendItem;

export interface View {
  lang: string;
  title: string;
  summary: string | null;
  template: string;
  templateName: string;
  labels: UiLabels & { bands: Record<string, string>; lines: Record<string, string>; [field: string]: unknown };
  updated: string | null;
  owners: string[];
  goals: string[];
  research: string[];
  persona: PersonaView | null;
  /** The id of the persona card's heading (`persona-title`); the other personas' cards have their own. */
  personaTitleId: string;
  /** The personas of `personas:` after the first, each a card of its own after the first's. */
  otherPersonas: { persona: PersonaView; personaTitleId: string; personaMarker: PersonaMarker }[];
  /** With several personas, the first one's look in the curve, shown on its card (a legend entry); else null. */
  personaMarker: PersonaMarker | null;
  /** With several personas, their names ("Giulia, Tomasz"), for a poster's title line; else null. */
  personaNames: string | null;
  /** The config's theme as layouts print it: the logo for the header (its colours and fonts are in `css`). */
  theme: { logo: { src: string; alt: string } | null };
  /** Every column: the main path's stages, each fork's paths' stages after the stage that forks. */
  stages: StageView[];
  stageCount: number;
  /** The emotion curve: a series per persona (and per path of a fork), per-column marks, the scale, and a description. */
  curve: CurveView & { description: string };
  sections: SectionView[];
  /** The lines between bands (service blueprint), for the legend. */
  lines: { key: string; label: string }[];
  /** The map as one table, or for print several, each with a run of stages and the lane labels. */
  tables: TableView[];
  /**
   * The evidence below the map: the sources the map's items cite, each once, numbered in the order the
   * map (row by row) first cites them; and which confidence marks it uses, for their legend. Null when
   * no item says either.
   */
  evidence: EvidenceView | null;
}

export interface EvidenceView {
  sources: { number: number; text: string }[];
  /** Which marks the items use (the legend names only these). */
  assumed: boolean;
  observed: boolean;
  reported: boolean;
}

export interface TableView {
  /** "Step 1–8" when the map is in several tables (a printed map in parts), naming each table's region; else null. */
  part: string | null;
  /** Printed posters repeat a compact title line (title, template, persona, review date) on every part. */
  titleLine: boolean;
  /** "Page 2 of 4" when a poster is printed on several pages, one part per page; else null. */
  pageLabel: string | null;
  stages: StageView[];
  stageCount: number;
  /** Its columns in runs, each fork's path under a heading naming it; null when the table has no path of a fork. */
  groups: ColumnGroup[] | null;
  curve: CurveView;
  sections: SectionView[];
}

export interface TableOptions {
  /** The most stages one table holds (default: all of them in one table). */
  stagesPerTable?: number;
  titleLines?: boolean;
  /** Number the tables as pages (a poster prints one table per page). */
  pageLabels?: boolean;
  /** The main path only, without forks' paths (Markdown, which lists the paths apart). */
  mainPath?: boolean;
  /**
   * For each table (group of stages), where its rows part over pages: the units (the curve and each
   * lane's row, counted down the table) that start a new table, for a map too tall for a page.
   */
  rowBreaks?: number[][];
}

/** A column of the map: a stage, and for a stage of a fork's path, the fork (its main-path index) and the path. */
export interface Column {
  stage: Stage;
  /** Index on the main path: the stage's own, or its deciding stage's. */
  main: number;
  branch: { index: number; branch: Stage['branches'][number]; step: number } | null;
}

/** The map's columns in order: each main stage, followed by the stages of its fork's paths. */
export function mapColumns(map: Pick<JourneyMap, 'stages'>, mainPath = false): Column[] {
  return map.stages.flatMap((stage, main) => [
    { stage, main, branch: null },
    ...(mainPath ? [] : stage.branches.flatMap((branch, index) => branch.stages.map((s, step) => ({ stage: s, main, branch: { index, branch, step } })))),
  ]);
}

const LETTERS = 'abcd';

export function buildView(map: JourneyMap, options: TableOptions = {}, theme?: Theme): View {
  const ui = map.labels.ui;
  const columns = mapColumns(map, options.mainPath);
  const stages = columns.map((c) => c.stage);
  const sections = buildSections(map, stages);
  const view: Omit<View, 'tables'> = {
    lang: map.locale,
    title: map.title,
    summary: map.summary,
    template: map.template,
    templateName: map.labels.templateName,
    labels: viewLabels(map),
    updated: map.updated,
    owners: map.owners,
    goals: map.goals,
    research: map.research,
    persona: map.persona && personaView(map.persona, ui),
    personaTitleId: 'persona-title',
    otherPersonas: map.personas.slice(1).flatMap((p, i) => (p.persona ? [{ persona: personaView(p.persona, ui), personaTitleId: `persona-title-${i + 2}`, personaMarker: personaMarker(map, i + 1) }] : [])),
    personaMarker: map.personas.length > 1 ? personaMarker(map, 0) : null,
    personaNames: map.personas.length > 1 ? map.personas.map((p) => p.persona?.name ?? p.id).join(', ') : null,
    theme: { logo: theme?.logo ?? null },
    stages: columns.map((c, i): StageView => {
      const s = c.stage;
      const fork = c.branch && map.stages[c.main]!;
      const branch = c.branch && { key: `${fork!.id}-${c.branch.branch.id}`, id: c.branch.branch.id, name: c.branch.branch.name, label: `${c.main + 1}${LETTERS[c.branch.index]}`, index: c.branch.index, style: c.branch.index + 2 };
      const label = branch ? `${branch.label}.${c.branch!.step + 1}` : String(c.main + 1);
      const before = columns[i - 1];
      const start = branch && c.branch!.step === 0;
      const end = !c.branch && before?.branch;
      return {
        number: c.main + 1,
        id: s.id,
        name: s.name,
        heading: `${map.labels.column} ${label}`,
        fields: map.labels.fields.flatMap(({ key, label }) => (s.fields[key] ? [{ key, label, value: s.fields[key] }] : [])),
        time: s.fields.time ?? null,
        label,
        branch,
        edge: start ? 'path-col path-start' : branch ? 'path-col' : end ? 'path-end' : null,
        ...stageMarks(s, ui),
      };
    }),
    stageCount: stages.length,
    curve: buildCurve(map, columns),
    sections,
    // After the sections: it numbers their items' sources.
    evidence: evidenceOf(sections),
    lines: map.labels.lines.map(({ key, label }) => ({ key, label })),
  };
  return { ...view, tables: splitTables(view, options, ui.pageOf) };
}

/** A stage's milestone and picture, as its column heading shows them (stage-head.hbs). */
export function stageMarks(stage: Stage, ui: UiLabels): Pick<StageView, 'milestone' | 'image'> {
  return {
    milestone: stage.milestone && { text: stage.milestone.text ?? ui.milestone, label: ui.milestone, own: stage.milestone.text !== null },
    image: stage.image && { src: stage.image.data ?? null, alt: stage.image.alt },
  };
}

/**
 * Numbers the sources the items cite, in reading order (each row, stage by stage, band by band: the
 * order the map's table is read in), each source once; sets each item's `sourceNumber`, and notes
 * which confidence marks are used. Null when no item has either.
 */
function evidenceOf(sections: SectionView[]): EvidenceView | null {
  const numbers = new Map<string, number>();
  const used = { assumed: false, observed: false, reported: false };
  for (const section of sections) {
    for (const row of section.rows) {
      for (const cell of row.cells) {
        for (const item of cell.items) {
          if (item.confidence) used[item.confidence] = true;
          if (item.source === null) continue;
          if (!numbers.has(item.source)) numbers.set(item.source, numbers.size + 1);
          item.sourceNumber = numbers.get(item.source)!;
        }
      }
    }
  }
  if (!numbers.size && !used.assumed && !used.observed && !used.reported) return null;
  return { sources: [...numbers].map(([text, number]) => ({ number, text })), ...used };
}

/**
 * Whether a map uses a mark of issue 17 that the stylesheet draws (a milestone, a stage image, an
 * item's confidence or source), anywhere on its main path or in its forks: documents of other maps
 * keep the stylesheet they always had, byte for byte.
 */
export function usesMarks(map: JourneyMap): boolean {
  const marked = (items: readonly (string | Item | Touchpoint | Kpi)[]) => items.some((i) => typeof i === 'object' && ('confidence' in i || 'source' in i) && ((i as Item).confidence != null || (i as Item).source != null));
  return allStages(map).some(({ stage }) => stage.milestone !== null || stage.image !== null || [...Object.values(stage.cells), stage.pain_points, stage.opportunities, stage.technology].some(marked));
}

/**
 * Every label in the map's locale, for layouts: the built-in ones, the template's extra fields
 * (`labels.time`), its bands and its lines (`labels.lines.visibility`).
 */
function viewLabels(map: JourneyMap): View['labels'] {
  const { ui, fields, bands, lines } = map.labels;
  return {
    ...ui,
    ...Object.fromEntries(fields.map((f) => [f.key, f.label])),
    bands: { ...ui.bands, ...bands },
    lines: Object.fromEntries(lines.map((l) => [l.key, l.label])),
  };
}

/**
 * Runs of at most `size` stages, as even as possible (30 by 9 → 8, 8, 8, 6), each parted by its rows
 * where `rowBreaks` says: each part repeats the stage names and the band's heading, and the curve and a
 * blueprint line stay with the rows after them.
 */
function splitTables(view: Omit<View, 'tables'>, options: TableOptions, pageOf: string): TableView[] {
  const size = options.stagesPerTable ?? view.stageCount;
  const count = Math.max(1, Math.ceil(view.stageCount / Math.max(1, size)));
  const per = Math.ceil(view.stageCount / count);
  const parts = Array.from({ length: count }, (_, t) => {
    const [from, to] = [t * per, Math.min(view.stageCount, (t + 1) * per)];
    const [first, last] = [view.stages[from], view.stages[to - 1]];
    const stages = view.stages.slice(from, to);
    const sections = view.sections.map((section) => ({ ...section, rows: section.rows.map((row) => ({ ...row, cells: row.cells.slice(from, to) })) }));
    const table = {
      part: count > 1 && first && last ? `${first.heading}–${last.label}` : null,
      titleLine: options.titleLines ?? false,
      pageLabel: null as string | null,
      stages,
      stageCount: to - from,
      groups: columnGroups(stages),
      curve: sliceCurve(view.curve, from, to),
      sections,
    };
    return rowParts(table, options.rowBreaks?.[t] ?? []);
  }).flat();
  if (options.pageLabels && parts.length > 1) parts.forEach((p, i) => (p.pageLabel = pageOf.replace('{page}', String(i + 1)).replace('{pages}', String(parts.length))));
  return parts;
}

/** A table parted before each of the units in `breaks` (see TableOptions.rowBreaks). */
function rowParts(table: TableView, breaks: number[]): TableView[] {
  if (!breaks.length) return [table];
  const bounds = [0, ...breaks, Infinity];
  let unit = 0;
  // Each section's units: its curve (when drawn) and its rows, numbered down the table.
  const units = table.sections.map((section) => {
    const curve = section.curve && table.curve.hasScores ? unit++ : null;
    return { curve, rows: section.rows.map(() => unit++) };
  });
  return bounds.slice(1).map((end, p) => {
    const inPart = (u: number | null) => u !== null && u >= bounds[p]! && u < end;
    const sections = table.sections.flatMap((section, i) => {
      const { curve, rows } = units[i]!;
      const own = section.rows.filter((_, r) => inPart(rows[r]!));
      if (!inPart(curve) && !own.length) return [];
      // The blueprint's line above the band only where the band begins; its heading on every part.
      const begins = inPart(curve ?? rows[0] ?? null);
      return [{ ...section, line: begins ? section.line : null, lineKey: begins ? section.lineKey : null, curve: inPart(curve), rows: own }];
    });
    return { ...table, sections };
  });
}

/** The look of persona `index`'s curve: its marker, and its dash unless the map forks (then dashes are the paths'). */
function personaMarker(map: JourneyMap, index: number): PersonaMarker {
  const forks = map.stages.some((s) => s.branches.length);
  return { name: map.personas[index]!.persona?.name ?? map.personas[index]!.id, style: index + 1, shape: markerShape(index + 1), line: !forks, marker: true };
}

function personaView(persona: NonNullable<JourneyMap['persona']>, ui: UiLabels): PersonaView {
  return {
    name: persona.name,
    description: persona.description,
    goals: persona.goals,
    motives: persona.motives.map((m) => motiveName(m, ui)),
    frustrations: persona.frustrations,
    demographics: persona.demographics,
    image: persona.imageData ? { src: persona.imageData, alt: persona.name } : null,
    monogram: monogram(persona.name),
  };
}

export function motiveName(motive: string, ui: UiLabels): string {
  return (MOTIVES as readonly string[]).includes(motive) ? ui.motiveNames[motive as (typeof MOTIVES)[number]] : motive;
}


/** A table's columns in runs: main-path stages, and each fork's path (also when a table holds only part of it). */
function columnGroups(stages: StageView[]): ColumnGroup[] | null {
  if (!stages.some((s) => s.branch)) return null;
  const groups: ColumnGroup[] = [];
  for (const stage of stages) {
    const last = groups[groups.length - 1];
    if (last && last.branch?.key === stage.branch?.key) (last.stages.push(stage), last.span++);
    else groups.push({ branch: stage.branch, span: 1, stages: [stage] });
  }
  return groups;
}

/**
 * The map's curve. One persona (or none) and no fork: one series, the map's own scores, as ever.
 * Several personas: a series each, told apart by the marker's shape and fill, and by the line's dash
 * unless the map forks. A fork: the main path's series bridges its paths' columns along the curve's
 * top edge to the next main stage, and each path has a series of its own per persona, from the
 * deciding stage's point through its stages to the stage where the paths meet again (or ending with
 * its last stage), drawn only over its own columns (toward a point past another path's columns it
 * stops short of the border), its line dashed as the path's (main solid; paths 2…5), and with one
 * persona its marker too. The legend names the personas and the paths.
 */
function buildCurve(map: JourneyMap, columns: Column[]): View['curve'] {
  const ui = map.labels.ui;
  const forks = columns.some((c) => c.branch);
  const several = map.personas.length > 1;
  if (!forks && !several) {
    const curve = buildCurveView([{ key: 'map', name: map.persona?.name ?? map.title, scores: columns.map((c) => c.stage.emotion) }], ui);
    return { ...curve, description: describeCurve(curve, columns.map((c) => c.stage.name), ui) };
  }
  const people = several ? map.personas.map((p) => ({ key: p.id, name: p.persona?.name ?? p.id, score: (s: Stage) => s.emotions[p.id] ?? null })) : [{ key: 'map', name: map.persona?.name ?? map.title, score: (s: Stage) => s.emotion }];
  const columnOf = new Map(columns.map((c, i) => [c.stage, i]));
  const mainColumns = columns.flatMap((c, i) => (c.branch ? [] : [i]));
  const forking = map.stages.filter((s) => s.branches.length && columnOf.has(s.branches[0]!.stages[0]!));
  const inputs: SeriesInput[] = [];
  people.forEach((person, p) => {
    const style = (path: number) => ({ style: several ? p + 1 : path, lineStyle: forks ? path : p + 1 });
    inputs.push({ key: person.key, name: person.name, scores: columns.map((c) => (c.branch ? null : person.score(c.stage))), route: mainColumns, jump: 'bridge', ...style(1) });
    for (const fork of forking) {
      const at = columnOf.get(fork)!;
      const rejoin = fork.rejoin === null ? undefined : map.stages.find((s) => s.id === fork.rejoin);
      fork.branches.forEach((branch, b) => {
        const own = branch.stages.map((s) => columnOf.get(s)!);
        inputs.push({
          key: `${person.key}/${fork.id}/${branch.id}`,
          name: several ? `${person.name}: ${branch.name}` : branch.name,
          scores: columns.map((c, i) => (own.includes(i) ? person.score(c.stage) : null)),
          route: [{ column: at, score: person.score(fork) }, ...own, ...(rejoin ? [{ column: columnOf.get(rejoin)!, score: person.score(rejoin) }] : [])],
          jump: 'gap',
          ...style(b + 2),
        });
      });
    }
  });
  const item = (name: string, style: number, line: boolean, marker: boolean): LegendItem => ({ name, style, shape: markerShape(style), line, marker });
  const personaItems = several ? people.map((person, p) => item(person.name, p + 1, !forks, true)) : [];
  const pathItems = forks
    ? [item(ui.mainPath, 1, true, !several), ...forking.flatMap((fork) => fork.branches.map((branch, b) => item(branch.name, b + 2, true, !several)))]
    : [];
  const legendGroups = [
    ...(personaItems.length ? [{ title: forks ? ui.personas : null, legendItems: personaItems }] : []),
    ...(pathItems.length ? [{ title: several ? ui.pathsTitle : null, legendItems: pathItems }] : []),
  ];
  const curve = buildCurveView(inputs, ui, { labels: !several, legendItems: [...personaItems, ...pathItems], legendGroups });
  return { ...curve, description: describeColumns(curve, columns, people.length, map, ui) };
}

/**
 * The curve in words, a sentence per persona, its stages in the columns' order, a path's stages named
 * with their path: "Emotion curve (Giulia): Awareness: negative (−1); Checkout (Buys from us): positive (+1); …".
 */
function describeColumns(curve: CurveView, columns: Column[], people: number, map: JourneyMap, ui: UiLabels): string {
  const perPerson = curve.series.length / people;
  return Array.from({ length: people }, (_, p) => {
    const own = curve.series.slice(p * perPerson, (p + 1) * perPerson);
    const name = people > 1 ? ` (${own[0]!.name})` : '';
    const parts = columns.map((c, i) => {
      const point = own.map((s) => s.points[i]!).find((pt) => pt.scored);
      const stage = c.branch ? `${c.stage.name} (${c.branch.branch.name})` : c.stage.name;
      return `${stage}: ${point ? `${point.word} (${point.scoreText})` : ui.noScore}`;
    });
    return `${ui.emotionCurve}${name}: ${parts.join('; ')}.`;
  }).join(' ');
}

/** An item as the layouts print it; `evidence` adds how sure the map is of it and where it comes from. */
function itemView(text: string, rest: Partial<ItemView> = {}, evidence?: { confidence: Confidence | null; source: string | null }, ui?: UiLabels): ItemView {
  const item: ItemView = {
    text,
    channel: null,
    channelIcon: null,
    metric: null,
    confidence: evidence?.confidence ?? null,
    confidenceWord: evidence?.confidence && ui ? ui.confidence[evidence.confidence] : null,
    source: evidence?.source ?? null,
    sourceNumber: null,
    dirAuto: false,
    ...rest,
  };
  item.dirAuto = RIGHT_TO_LEFT.test(text) || RIGHT_TO_LEFT.test(item.channel ?? '') || RIGHT_TO_LEFT.test(item.metric?.text ?? '');
  return item;
}
/** Letters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko… and their presentation forms). */
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

function cell(values: readonly (string | Item | Touchpoint)[], ui: UiLabels): CellView {
  return cellOf(
    values.map((v) =>
      typeof v === 'string'
        ? itemView(v)
        : 'name' in v
          ? itemView(v.name, { channel: v.channel, channelIcon: v.channel ? channelIcon(v.channel) : null }, v, ui)
          : itemView(v.text, {}, v, ui),
    ),
  );
}

function cellOf(items: ItemView[]): CellView {
  return { items, single: items.length === 1, empty: items.length === 0 };
}

/** A KPI with its target and, once a metrics file is applied, its value, whether it is met and the data's date. */
function kpiItem(kpi: Kpi, ui: UiLabels): ItemView {
  const words = ui.metric;
  const reading = kpi.reading;
  if (!reading && !kpi.target) return itemView(kpi.name);
  const parts: string[] = [];
  if (reading) parts.push(reading.value ?? words.noData);
  if (kpi.target) parts.push(`${words.target} ${kpi.target}`);
  if (reading?.met != null) parts.push(reading.met ? `✓ ${words.met}` : `✗ ${words.notMet}`);
  if (reading?.date) parts.push(words.asOf.replace('{date}', () => reading.date!));
  const status = !reading ? 'target' : reading.value === null ? 'missing' : reading.met === null ? 'value' : reading.met ? 'met' : 'not-met';
  return itemView(kpi.name, { metric: { text: parts.join(' · '), status } });
}

function laneRow(lane: Lane, stages: Stage[], ui: UiLabels): RowView {
  return { key: lane.key, label: lane.label, kind: lane.kind === 'touchpoints' ? 'touchpoints' : 'lane', icon: null, cells: stages.map((s) => cell(s.cells[lane.key] ?? [], ui)) };
}

/** A row for a common stage key, shown only when some stage fills it. */
function optionalRow(key: string, label: string, kind: string, stages: Stage[], pick: (s: Stage) => (string | Item)[], ui: UiLabels): RowView[] {
  const cells = stages.map((s) => cell(pick(s), ui));
  const icon = kind === 'pain' || kind === 'opportunity' ? kind : null;
  return cells.some((c) => !c.empty) ? [{ key, label, kind, icon, cells }] : [];
}

/** Pain points and opportunities, and the back-end rows (KPIs, owner, technology), when some stage fills them. */
function commonRows(map: JourneyMap, stages = map.stages) {
  const ui = map.labels.ui;
  const insights = [
    ...optionalRow('pain_points', ui.painPoints, 'pain', stages, (s) => s.pain_points, ui),
    ...optionalRow('opportunities', ui.opportunities, 'opportunity', stages, (s) => s.opportunities, ui),
  ];
  // The back-end band of seed 002: how the business measures, owns and supports each stage.
  const backEnd = [
    ...(stages.some((s) => s.kpis.length) ? [{ key: 'kpis', label: ui.kpis, kind: 'backend', icon: null, cells: stages.map((s) => cellOf(s.kpis.map((k) => kpiItem(k, ui)))) }] : []),
    ...optionalRow('owner', ui.owner, 'backend', stages, (s) => (s.owner ? [s.owner] : []), ui),
    ...optionalRow('technology', ui.technology, 'backend', stages, (s) => s.technology, ui),
  ];
  const notes = optionalRow('notes', ui.notes, 'notes', stages, (s) => (s.notes ? [s.notes] : []), ui);
  return { insights, backEnd, notes };
}

const section = (bandKey: string | null, band: string | null, rows: RowView[], extra: Partial<SectionView> = {}): SectionView => ({
  band,
  bandKey,
  line: null,
  lineKey: null,
  curve: false,
  rows,
  ...extra,
});

/**
 * The map's rows, band by band, as the HTML draws them: each of the template's bands in order (its
 * lanes, then the custom lanes placed in it), with the emotion curve at the top of its band and a
 * blueprint line between two bands; the back-end rows in the `back-end` band (or a band of their own
 * after the template's, in a blueprint); then pain points and opportunities, then notes.
 */
function buildSections(map: JourneyMap, stages: Stage[]): SectionView[] {
  const ui = map.labels.ui;
  const { insights, backEnd, notes } = commonRows(map, stages);
  const lanes = map.lanes.filter((l) => l.used);
  const scored = stages.some((s) => s.emotion !== null || Object.values(s.emotions).some((e) => e !== null));
  const sections: SectionView[] = [];
  let previous: string | null = null;
  for (const band of map.labels.bandOrder) {
    const rows = lanes.filter((l) => l.band === band.key).map((l) => laneRow(l, stages, map.labels.ui));
    if (band.key === 'back-end') rows.push(...backEnd);
    const curve = band.curve && scored;
    if (!rows.length && !curve) continue;
    const line = map.labels.lines.find((l) => l.between[0] === previous && l.between[1] === band.key);
    sections.push(section(band.key, band.label, rows, { line: line?.label ?? null, lineKey: line?.key ?? null, curve }));
    previous = band.key;
  }
  if (backEnd.length && !map.labels.bandOrder.some((b) => b.key === 'back-end')) sections.push(section('back-end', ui.bands.backEnd, backEnd));
  if (insights.length) sections.push(section('insights', ui.bands.insights, insights));
  if (notes.length) sections.push(section('notes', null, notes));
  return sections;
}

/**
 * The rows as the Markdown tables group them, which a GFM table cannot tint: the template's lanes in
 * order, under a heading only for the blueprint's bands (which its lines part); custom lanes after
 * the lanes, or in their band in a blueprint; pain points and opportunities; the back-end; notes.
 */
export function tableSections(map: JourneyMap): SectionView[] {
  const ui = map.labels.ui;
  const { insights, backEnd, notes } = commonRows(map);
  const lanes = map.lanes.filter((l) => l.used);
  const sections: SectionView[] = [];
  if (map.labels.lines.length) {
    let previous: string | null = null;
    for (const band of map.labels.bandOrder) {
      const rows = lanes.filter((l) => l.band === band.key).map((l) => laneRow(l, map.stages, map.labels.ui));
      if (!rows.length) continue;
      const line = map.labels.lines.find((l) => l.between[0] === previous && l.between[1] === band.key);
      sections.push(section(band.key, band.label, rows, { line: line?.label ?? null, lineKey: line?.key ?? null }));
      previous = band.key;
    }
  } else {
    sections.push(section(null, null, lanes.filter((l) => !l.custom).map((l) => laneRow(l, map.stages, map.labels.ui))));
    const custom = lanes.filter((l) => l.custom).map((l) => laneRow(l, map.stages, map.labels.ui));
    if (custom.length) sections.push(section('custom', null, custom));
  }
  if (insights.length) sections.push(section('insights', null, insights));
  if (backEnd.length) sections.push(section('back-end', ui.bands.backEnd, backEnd));
  if (notes.length) sections.push(section('notes', null, notes));
  return sections;
}
