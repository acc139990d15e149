// The normalised map every renderer consumes: lists are lists, emotions are numbers, ids are set,
// labels are resolved for the map's locale. Renderers never re-check anything.
import type { Locale, UiLabels } from './locale.js';
import type { Persona, Touchpoint } from './schema.js';
import { stageId } from './schema.js';
import type { ValidatedMap } from './map-schema.js';
import type { TemplateId } from '../templates/registry.js';
import type { TemplateDefinition } from '../templates/types.js';

export type { Persona, Touchpoint };

export interface Lane {
  key: string;
  /** The lane's question in the map's locale, or the custom lane's label. */
  label: string;
  kind: 'text' | 'touchpoints';
  band: string | null;
  custom: boolean;
  /** False for an optional lane that no stage fills. */
  used: boolean;
}

export interface Stage {
  id: string;
  name: string;
  /** -2 (very negative) … 2 (very positive), or null when not scored. */
  emotion: number | null;
  time: string | null;
  /** Each lane's cell: a list of text, or of touchpoints for the touchpoints lane. Empty when unset. */
  cells: Record<string, string[] | Touchpoint[]>;
  pain_points: string[];
  opportunities: string[];
  kpis: string[];
  owner: string | null;
  technology: string[];
  notes: string | null;
}

export interface JourneyMap {
  template: TemplateId;
  title: string;
  summary: string | null;
  locale: Locale;
  updated: string | null;
  owners: string[];
  goals: string[];
  research: string[];
  persona: Persona | null;
  lanes: Lane[];
  stages: Stage[];
  labels: { ui: UiLabels; templateName: string; column: string };
}

export function toModel(def: TemplateDefinition, valid: ValidatedMap, ui: UiLabels): JourneyMap {
  const labels = def.labels[valid.locale];
  const raw = valid.stages as unknown as Record<string, unknown>[];
  const laneKeys = [...def.lanes.map((l) => l.key), ...valid.lanes.map((l) => l.key)];
  const stages: Stage[] = valid.stages.map((s, i) => {
    const r = raw[i]!;
    const cells: Stage['cells'] = Object.create(null); // lane keys are the map's: no inherited ones
    for (const key of laneKeys) cells[key] = (r[key] as string[] | Touchpoint[] | undefined) ?? [];
    return {
      id: stageId(s, i),
      name: s.name,
      emotion: s.emotion,
      time: (r.time as string | null | undefined) ?? null,
      cells,
      pain_points: s.pain_points,
      opportunities: s.opportunities,
      kpis: s.kpis,
      owner: s.owner,
      technology: s.technology,
      notes: s.notes,
    };
  });
  const isUsed = (key: string) => stages.some((s) => (s.cells[key]?.length ?? 0) > 0);
  const lanes: Lane[] = [
    ...def.lanes.map((l) => ({
      key: l.key,
      label: labels.lanes[l.key] ?? l.key,
      kind: l.kind,
      band: l.band ?? null,
      custom: false,
      used: !l.optional || isUsed(l.key),
    })),
    ...valid.lanes.map((l) => ({ key: l.key, label: l.label, kind: 'text' as const, band: null, custom: true, used: true })),
  ];
  return {
    template: def.id as TemplateId,
    title: valid.title,
    summary: valid.summary,
    locale: valid.locale,
    updated: valid.updated,
    owners: valid.owners,
    goals: valid.goals,
    research: valid.research,
    persona: valid.persona,
    lanes,
    stages,
    labels: { ui, templateName: labels.name, column: labels.column },
  };
}
