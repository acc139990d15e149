// The normalised map every renderer consumes: lists are lists, emotions are numbers, ids are set,
// labels are resolved for the map's locale. Renderers never re-check anything.
import type { Locale, UiLabels } from './locale.js';
import type { Persona, Touchpoint } from './schema.js';

export type { Persona, Touchpoint };

/** What a KPI shows once a metrics file is applied: its value (null when the file has none), and whether it meets its target. */
export interface MetricReading {
  value: string | null;
  date: string | null;
  /** null when there is no value or target, or they cannot be compared as numbers. */
  met: boolean | null;
}

/** A KPI; plain-text KPIs have no metric and no target. */
export interface Kpi {
  name: string;
  /** The id of its value in a metrics file. */
  metric: string | null;
  target: string | null;
  /** Set when a build applies a metrics file to a KPI that names a metric. */
  reading?: MetricReading;
}

export interface Lane {
  key: string;
  /** The lane's question in the map's locale, or the custom lane's label. */
  label: string;
  kind: 'text' | 'touchpoints';
  /** The band the lane is drawn in: one of the map's `bands` (a custom lane's `band:`, else the template's default). */
  band: string;
  custom: boolean;
  /** False for an optional lane that no stage fills. */
  used: boolean;
}

export interface Stage {
  id: string;
  name: string;
  /** -2 (very negative) … 2 (very positive), or null when not scored. */
  emotion: number | null;
  /** The template's extra fields (day-in-the-life: `time`), null when not given. */
  fields: Record<string, string | null>;
  /** Each lane's cell: a list of text, or of touchpoints for the touchpoints lane. Empty when unset. */
  cells: Record<string, string[] | Touchpoint[]>;
  pain_points: string[];
  opportunities: string[];
  kpis: Kpi[];
  owner: string | null;
  technology: string[];
  notes: string | null;
}

export interface JourneyMap {
  /** A registered template id (src/templates/registry.ts). */
  template: string;
  title: string;
  summary: string | null;
  locale: Locale;
  updated: string | null;
  owners: string[];
  goals: string[];
  research: string[];
  /** The persona: written in the map, or read from `personaFile` (by the pipeline, which reads files). */
  persona: Persona | null;
  /** The persona file the map names (`persona: ../personas/giulia.yaml`), as written. */
  personaFile: string | null;
  /** The map this one improves on, as written (`based_on: current.yaml`). */
  basedOn: string | null;
  tags: string[];
  lanes: Lane[];
  stages: Stage[];
  labels: {
    ui: UiLabels;
    templateName: string;
    column: string;
    /** The template's extra stage fields, in order, with their labels. */
    fields: { key: string; label: string }[];
    /** Labels of the template's bands, and the lines between bands. */
    bands: Record<string, string>;
    /** The template's bands, top to bottom; `curve` marks the one the emotion curve is drawn in. */
    bandOrder: { key: string; label: string; curve: boolean }[];
    lines: { key: string; label: string; between: readonly [string, string] }[];
  };
}
