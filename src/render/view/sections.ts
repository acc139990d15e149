// The map's rows, grouped in bands: as the HTML draws them, and as the Markdown tables group them.
import type { UiLabels } from '../../core/locale.js';
import type { Item, JourneyMap, Lane, Stage } from '../../core/model.js';
import { cell, cellOf, kpiItem } from './items.js';
import type { RowView, SectionView } from './types.js';

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
export function buildSections(map: JourneyMap, stages: Stage[]): SectionView[] {
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
