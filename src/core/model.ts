// The normalised map every renderer consumes: lists are lists, emotions are numbers, ids are set,
// labels are resolved for the map's locale. Renderers never re-check anything.
import type { Locale, UiLabels } from './locale.js';
import type { PathSegment } from './diagnostics.js';
import type { Confidence, Item, Persona, Touchpoint } from './schema.js';

export type { Confidence, Item, Persona, Touchpoint };

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

/** One of the map's personas (`personas:`, or the single `persona:`), with the id its scores are keyed by. */
export interface MapPersona {
  /** Unique in the map: the persona's `id`; else, for a persona file, its file name; else its name as a slug. */
  id: string;
  /** The persona; null for a persona file that was not read (the pipeline reads them; the API's validate() does not). */
  persona: Persona | null;
  /** The persona file as written in the map, for a shared persona; null for one written in the map. */
  file: string | null;
  /** Where it is written: `['persona']`, or `['personas', 1]`, for a problem placed there (a picture, say). */
  path: PathSegment[];
}

/** A stage's picture: a local image file the map names. The image reader (src/io/images.ts, readImage) is to check and read it. */
export interface StageImage {
  /** The path as written in the map, relative to the map's folder. */
  src: string;
  /** What it shows, for readers who cannot see it. */
  alt: string;
  /**
   * The picture inlined as a `data:` URI, once the pipeline has read and checked the file (build,
   * preview, site); absent when it was not read (the API's validate() and render() have no folder).
   */
  data?: string;
}

/** A stage's image with where it is written: the seam for the image reader, which reports a problem at `path`. */
export interface MapImage extends StageImage {
  /** The id of the stage it belongs to (a main or a branch stage). */
  stage: string;
  /** The path of the `image` key in the map (`['stages', 2, 'branches', 0, 'stages', 1, 'image']`), for locate(). */
  path: PathSegment[];
}

/** One path of a fork: what the customer does instead of going on along the main path. */
export interface Branch {
  /** Unique among the branches of its fork: written, or derived from the name. */
  id: string;
  name: string;
  /** At least one; they take the same keys as any stage, but do not fork again. */
  stages: Stage[];
}

export interface Stage {
  id: string;
  name: string;
  /** -2 (very negative) … 2 (very positive), or null when not scored; with several personas, the first persona's score. */
  emotion: number | null;
  /**
   * The score of each persona of `map.personas`, keyed by its id (every id present, null when that persona has no
   * score here). A plain `emotion: -1` gives every persona that score. Empty when the map has no persona.
   */
  emotions: Record<string, number | null>;
  /** The score per persona as written (`emotion: { giulia: -1 }`), keyed as written; null for one score or none. */
  scoresAsWritten: Record<string, number | null> | null;
  /** The template's extra fields (day-in-the-life: `time`), null when not given. */
  fields: Record<string, string | null>;
  /** Each lane's cell: a list of items, or of touchpoints for the touchpoints lane. Empty when unset. */
  cells: Record<string, Item[] | Touchpoint[]>;
  pain_points: Item[];
  opportunities: Item[];
  kpis: Kpi[];
  owner: string | null;
  technology: Item[];
  notes: string | null;
  /** A moment of truth (`milestone: true`, text null; or its short text); null when the stage is none. */
  milestone: { text: string | null } | null;
  image: StageImage | null;
  /** The paths that fork from this stage (2 to 4); empty when it does not fork. */
  branches: Branch[];
  /** With branches: the id of the later main-path stage where the paths meet again; null when they do not. */
  rejoin: string | null;
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
  /**
   * Every persona of the map, in order: those of `personas:`, or the one of `persona:`. `persona` is the first
   * of them (when read), and each stage's `emotions` is keyed by their ids.
   */
  personas: MapPersona[];
  /** The map this one improves on, as written (`based_on: current.yaml`). */
  basedOn: string | null;
  tags: string[];
  lanes: Lane[];
  /** The main path; the stages of a fork's branches are in their stage's `branches`. */
  stages: Stage[];
  /** Every stage image (main and branch stages), in source order, with where it is written. */
  images: MapImage[];
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
