// The view model: everything a layout prints, computed once from the map. Layouts only loop and print.
import type { JourneyMap } from '../../core/model.js';
import type { Theme } from '../../core/theme.js';
import { mapColumns, stageViews } from './columns.js';
import { buildCurve } from './map-curve.js';
import { personaMarker, personaView } from './personas.js';
import { buildSections } from './sections.js';
import { evidenceOf, numberSources, sourceNumbers } from './sources.js';
import { splitTables, type TableOptions } from './tables.js';
import type { View } from './types.js';

/**
 * The view of a map: `options` split it into tables (a printed map's parts) or keep to the main path;
 * `theme` gives the header its logo. Sources are numbered before the items get their numbers, so
 * nothing built here is changed afterwards.
 */
export function buildView(map: JourneyMap, options: TableOptions = {}, theme?: Theme): View {
  const ui = map.labels.ui;
  const columns = mapColumns(map, options.mainPath);
  const stages = columns.map((c) => c.stage);
  const unnumbered = buildSections(map, stages);
  const numbers = sourceNumbers(unnumbered);
  const sections = numberSources(unnumbered, numbers);
  const view: Omit<View, 'tables'> = {
    version: 1,
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
    stages: stageViews(map, columns),
    stageCount: stages.length,
    curve: buildCurve(map, columns),
    sections,
    evidence: evidenceOf(sections, numbers),
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
