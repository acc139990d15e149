// The view model: everything a layout prints, computed once from the map. Layouts only loop and print.
import type { UiLabels } from '../core/locale.js';
import { curveY, emotionLevel, emotionWord, signedScore } from '../core/emotion.js';
import { MOTIVES } from '../core/locale.js';
import type { Confidence, Item, JourneyMap, Kpi, Lane, Stage, Touchpoint } from '../core/model.js';

export interface ItemView {
  text: string;
  channel: string | null;
  /** A KPI's target and live value, in one line of the map's locale ("3.9% · target 3.5% · ✓ met"); null otherwise. */
  metric: { text: string; status: 'met' | 'not-met' | 'missing' | 'target' | 'value' } | null;
  /** How sure the map is of the item, and where it comes from (`{ text, confidence, source }`); absent or null when not said. */
  confidence?: Confidence | null;
  source?: string | null;
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
  cells: CellView[];
}
export interface SectionView {
  /** The band's name (service blueprint, back-end), or null for an unnamed group. */
  band: string | null;
  bandKey: string | null;
  /** The blueprint line drawn above this band, if any. */
  line: string | null;
  lineKey: string | null;
  rows: RowView[];
}
export interface CurvePoint {
  scored: boolean;
  score: number | null;
  /** "−1", "0", "+2": signed with a real minus sign. */
  scoreText: string;
  word: string;
  /** m2 m1 z p1 p2: the colour and height of the point. */
  level: string;
  /** Top-to-bottom position in percent of the curve's height. */
  y: number;
  /** The curve's path through this column: from the left edge, through the point, to the right edge. */
  path: string | null;
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
  } | null;
  stages: StageView[];
  stageCount: number;
  curve: { hasScores: boolean; points: CurvePoint[]; description: string };
  sections: SectionView[];
  /** The lines between bands (service blueprint), for the legend. */
  lines: { key: string; label: string }[];
  /** The map as one table, or for print several, each with a run of stages and the lane labels. */
  tables: TableView[];
}

export interface TableView {
  /** Printed posters repeat a compact title line (title, template, persona, review date) on every part. */
  titleLine: boolean;
  /** "Page 2 of 4" when a poster is printed on several pages, one part per page; else null. */
  pageLabel: string | null;
  stages: StageView[];
  stageCount: number;
  curve: { hasScores: boolean; points: CurvePoint[] };
  sections: SectionView[];
}

export interface TableOptions {
  /** The most stages one table holds (default: all of them in one table). */
  stagesPerTable?: number;
  titleLines?: boolean;
  /** Number the tables as pages (a poster prints one table per page). */
  pageLabels?: boolean;
}

export function buildView(map: JourneyMap, options: TableOptions = {}): View {
  const ui = map.labels.ui;
  const stages = map.stages;
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
    },
    stages: stages.map((s, i) => ({
      number: i + 1,
      id: s.id,
      name: s.name,
      heading: `${map.labels.column} ${i + 1}`,
      fields: map.labels.fields.flatMap(({ key, label }) => (s.fields[key] ? [{ key, label, value: s.fields[key] }] : [])),
      time: s.fields.time ?? null,
    })),
    stageCount: stages.length,
    curve: buildCurve(stages, ui),
    sections: buildSections(map),
    lines: map.labels.lines.map(({ key, label }) => ({ key, label })),
  };
  return { ...view, tables: splitTables(view, options, ui.pageOf) };
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
    const points = view.curve.points.slice(from, to);
    return {
      titleLine: options.titleLines ?? false,
      pageLabel: options.pageLabels && count > 1 ? pageOf.replace('{page}', String(t + 1)).replace('{pages}', String(count)) : null,
      stages: view.stages.slice(from, to),
      stageCount: to - from,
      curve: { hasScores: view.curve.hasScores, points },
      sections: view.sections.map((section) => ({ ...section, rows: section.rows.map((row) => ({ ...row, cells: row.cells.slice(from, to) })) })),
    };
  });
}

export function motiveName(motive: string, ui: UiLabels): string {
  return (MOTIVES as readonly string[]).includes(motive) ? ui.motiveNames[motive as (typeof MOTIVES)[number]] : motive;
}


function buildCurve(stages: Stage[], ui: UiLabels): View['curve'] {
  const scores = stages.map((s) => s.emotion);
  const points = scores.map((score, i): CurvePoint => {
    if (score === null) return { scored: false, score: null, scoreText: '', word: ui.noScore, level: 'none', y: 50, path: null };
    const y = curveY(score);
    const prev = scores[i - 1];
    const next = scores[i + 1];
    // Each column draws its share of the line, meeting its neighbours half-way; a stage with
    // no score leaves a gap on both sides.
    const left = prev == null ? '' : `M0,${(y + curveY(prev)) / 2} L50,${y}`;
    const right = next == null ? '' : `${left ? ' ' : `M50,${y} `}L100,${(y + curveY(next)) / 2}`;
    const path = left || right ? `${left}${right}` : null;
    return { scored: true, score, scoreText: signedScore(score), word: emotionWord(score, ui), level: emotionLevel(score), y, path };
  });
  const description = `${ui.emotionCurve}: ${stages.map((s, i) => `${s.name}: ${points[i]!.scored ? `${points[i]!.word} (${points[i]!.scoreText})` : ui.noScore}`).join('; ')}.`;
  return { hasScores: scores.some((s) => s !== null), points, description };
}

function cell(values: readonly (string | Item | Touchpoint)[]): CellView {
  return cellOf(
    values.map((v) =>
      typeof v === 'string'
        ? { text: v, channel: null, metric: null }
        : 'name' in v
          ? { text: v.name, channel: v.channel, metric: null, confidence: v.confidence, source: v.source }
          : { text: v.text, channel: null, metric: null, confidence: v.confidence, source: v.source },
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
  if (!reading && !kpi.target) return { text: kpi.name, channel: null, metric: null };
  const parts: string[] = [];
  if (reading) parts.push(reading.value ?? words.noData);
  if (kpi.target) parts.push(`${words.target} ${kpi.target}`);
  if (reading?.met != null) parts.push(reading.met ? `✓ ${words.met}` : `✗ ${words.notMet}`);
  if (reading?.date) parts.push(words.asOf.replace('{date}', reading.date));
  const status = !reading ? 'target' : reading.value === null ? 'missing' : reading.met === null ? 'value' : reading.met ? 'met' : 'not-met';
  return { text: kpi.name, channel: null, metric: { text: parts.join(' · '), status } };
}

function laneRow(lane: Lane, stages: Stage[]): RowView {
  return { key: lane.key, label: lane.label, kind: lane.kind === 'touchpoints' ? 'touchpoints' : 'lane', cells: stages.map((s) => cell(s.cells[lane.key] ?? [])) };
}

/** A row for a common stage key, shown only when some stage fills it. */
function optionalRow(key: string, label: string, kind: string, stages: Stage[], pick: (s: Stage) => (string | Item)[]): RowView[] {
  const cells = stages.map((s) => cell(pick(s)));
  return cells.some((c) => !c.empty) ? [{ key, label, kind, cells }] : [];
}

function buildSections(map: JourneyMap): SectionView[] {
  const ui = map.labels.ui;
  const stages = map.stages;
  const sections: SectionView[] = [];
  const lanes = map.lanes.filter((l) => l.used);

  // Template lanes, grouped by band in order; a blueprint line sits between consecutive bands.
  let previousBand: string | null = null;
  for (const lane of lanes.filter((l) => !l.custom)) {
    const last = sections.at(-1);
    if (last && lane.band === previousBand) {
      last.rows.push(laneRow(lane, stages));
      continue;
    }
    const line = map.labels.lines.find((l) => l.between[0] === previousBand && l.between[1] === lane.band);
    sections.push({
      band: lane.band ? (map.labels.bands[lane.band] ?? lane.band) : null,
      bandKey: lane.band,
      line: line?.label ?? null,
      lineKey: line?.key ?? null,
      rows: [laneRow(lane, stages)],
    });
    previousBand = lane.band;
  }
  const custom = lanes.filter((l) => l.custom).map((l) => laneRow(l, stages));
  if (custom.length) sections.push({ band: null, bandKey: 'custom', line: null, lineKey: null, rows: custom });

  const insights = [
    ...optionalRow('pain_points', ui.painPoints, 'pain', stages, (s) => s.pain_points),
    ...optionalRow('opportunities', ui.opportunities, 'opportunity', stages, (s) => s.opportunities),
  ];
  if (insights.length) sections.push({ band: null, bandKey: 'insights', line: null, lineKey: null, rows: insights });

  // The back-end band of seed 002: how the business measures, owns and supports each stage.
  const backEnd = [
    ...(stages.some((s) => s.kpis.length) ? [{ key: 'kpis', label: ui.kpis, kind: 'backend', cells: stages.map((s) => cellOf(s.kpis.map((k) => kpiItem(k, ui)))) }] : []),
    ...optionalRow('owner', ui.owner, 'backend', stages, (s) => (s.owner ? [s.owner] : [])),
    ...optionalRow('technology', ui.technology, 'backend', stages, (s) => s.technology),
  ];
  if (backEnd.length) sections.push({ band: ui.bands.backEnd, bandKey: 'back-end', line: null, lineKey: null, rows: backEnd });

  const notes = optionalRow('notes', ui.notes, 'notes', stages, (s) => (s.notes ? [s.notes] : []));
  if (notes.length) sections.push({ band: null, bandKey: 'notes', line: null, lineKey: null, rows: notes });
  return sections;
}
