// The view model: everything a layout prints, computed once from the map. Layouts only loop and print.
import type { UiLabels } from '../core/locale.js';
import { monogram } from '../core/image.js';
import { buildCurveView, describeCurve, sliceCurve, type CurveView } from './curve.js';
import { MOTIVES } from '../core/locale.js';
import type { Theme } from '../core/theme.js';
import { channelIcon } from './icons.js';
import { allStages } from '../core/stages.js';
import type { Confidence, Item, JourneyMap, Kpi, Lane, Stage, Touchpoint } from '../core/model.js';

export type { CurveColumn, CurveMark, CurvePoint, CurveSeries, CurveView, FaceView } from './curve.js';

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
}

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
  persona: {
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
  } | null;
  /** The config's theme as layouts print it: the logo for the header (its colours and fonts are in `css`). */
  theme: { logo: { src: string; alt: string } | null };
  stages: StageView[];
  stageCount: number;
  /** The emotion curve: its series (one today, the map's own), per-column marks, the scale, and a description. */
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
  curve: CurveView;
  sections: SectionView[];
}

export interface TableOptions {
  /** The most stages one table holds (default: all of them in one table). */
  stagesPerTable?: number;
  titleLines?: boolean;
  /** Number the tables as pages (a poster prints one table per page). */
  pageLabels?: boolean;
}

export function buildView(map: JourneyMap, options: TableOptions = {}, theme?: Theme): View {
  const ui = map.labels.ui;
  const stages = map.stages;
  const sections = buildSections(map);
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
    persona: map.persona && {
      name: map.persona.name,
      description: map.persona.description,
      goals: map.persona.goals,
      motives: map.persona.motives.map((m) => motiveName(m, ui)),
      frustrations: map.persona.frustrations,
      demographics: map.persona.demographics,
      image: map.persona.imageData ? { src: map.persona.imageData, alt: map.persona.name } : null,
      monogram: monogram(map.persona.name),
    },
    theme: { logo: theme?.logo ?? null },
    stages: stages.map((s, i) => ({
      number: i + 1,
      id: s.id,
      name: s.name,
      heading: `${map.labels.column} ${i + 1}`,
      fields: map.labels.fields.flatMap(({ key, label }) => (s.fields[key] ? [{ key, label, value: s.fields[key] }] : [])),
      time: s.fields.time ?? null,
      ...stageMarks(s, ui),
    })),
    stageCount: stages.length,
    curve: buildCurve(map),
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

/** Runs of at most `size` stages, as even as possible (30 by 9 → 8, 8, 8, 6). */
function splitTables(view: Omit<View, 'tables'>, options: TableOptions, pageOf: string): TableView[] {
  const size = options.stagesPerTable ?? view.stageCount;
  const count = Math.max(1, Math.ceil(view.stageCount / Math.max(1, size)));
  const per = Math.ceil(view.stageCount / count);
  return Array.from({ length: count }, (_, t) => {
    const [from, to] = [t * per, Math.min(view.stageCount, (t + 1) * per)];
    const [first, last] = [view.stages[from], view.stages[to - 1]];
    return {
      part: count > 1 && first && last ? `${first.heading}–${last.number}` : null,
      titleLine: options.titleLines ?? false,
      pageLabel: options.pageLabels && count > 1 ? pageOf.replace('{page}', String(t + 1)).replace('{pages}', String(count)) : null,
      stages: view.stages.slice(from, to),
      stageCount: to - from,
      curve: sliceCurve(view.curve, from, to),
      sections: view.sections.map((section) => ({ ...section, rows: section.rows.map((row) => ({ ...row, cells: row.cells.slice(from, to) })) })),
    };
  });
}

export function motiveName(motive: string, ui: UiLabels): string {
  return (MOTIVES as readonly string[]).includes(motive) ? ui.motiveNames[motive as (typeof MOTIVES)[number]] : motive;
}


/** The map's curve: one series, the map's own scores (issue 17 adds one per persona here). */
function buildCurve(map: JourneyMap): View['curve'] {
  const ui = map.labels.ui;
  const curve = buildCurveView([{ key: 'map', name: map.persona?.name ?? map.title, scores: map.stages.map((s) => s.emotion) }], ui);
  return { ...curve, description: describeCurve(curve, map.stages.map((s) => s.name), ui) };
}

/** An item as the layouts print it; `evidence` adds how sure the map is of it and where it comes from. */
const itemView = (text: string, rest: Partial<ItemView> = {}, evidence?: { confidence: Confidence | null; source: string | null }, ui?: UiLabels): ItemView => ({
  text,
  channel: null,
  channelIcon: null,
  metric: null,
  confidence: evidence?.confidence ?? null,
  confidenceWord: evidence?.confidence && ui ? ui.confidence[evidence.confidence] : null,
  source: evidence?.source ?? null,
  sourceNumber: null,
  ...rest,
});

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
function commonRows(map: JourneyMap) {
  const ui = map.labels.ui;
  const stages = map.stages;
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
function buildSections(map: JourneyMap): SectionView[] {
  const ui = map.labels.ui;
  const { insights, backEnd, notes } = commonRows(map);
  const lanes = map.lanes.filter((l) => l.used);
  const scored = map.stages.some((s) => s.emotion !== null);
  const sections: SectionView[] = [];
  let previous: string | null = null;
  for (const band of map.labels.bandOrder) {
    const rows = lanes.filter((l) => l.band === band.key).map((l) => laneRow(l, map.stages, map.labels.ui));
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
