// The view a layout receives: everything it prints, computed once from the map (render/view/build.ts).
// A team's own layout is written against these types, so they are a public contract of the API
// (exported from src/index.ts), and README.md's list of the fields is tested against them
// (test/view.test.ts): every field has a short doc comment, which that list mirrors.
import type { Confidence } from '../../core/model.js';
import type { UiLabels } from '../../core/locale.js';
import type { CurveView, LegendItem } from '../curve.js';

export type { CurveColumn, CurveMark, CurvePoint, CurveSeries, CurveView, FaceView, LegendItem } from '../curve.js';

/** What a team's own HTML layout (`--layout`) receives: the view, and the document's stylesheet. */
export interface LayoutData extends View {
  /** The document's stylesheet (the built-in one, what the map's marks need, the theme's colours and fonts): print it with `{{{css}}}`. */
  css: string;
}

/**
 * Everything a layout prints, computed once from the map. `version` changes only when a field is
 * removed or changes its meaning; a new field keeps the version.
 */
export interface View {
  /** The version of the view's fields: 1. It changes only when a field is removed or changes its meaning. */
  version: 1;
  /** The map's locale, for `<html lang>`: `en`, `it` or `pl`. */
  lang: string;
  /** The map's title. */
  title: string;
  /** The map's summary; null without one. */
  summary: string | null;
  /** The template's id (`current-state`, `service-blueprint`…). */
  template: string;
  /** The template's name in the map's locale ("Current state"). */
  templateName: string;
  /** Every built-in label in the map's locale by name (`labels.painPoints`), the template's extra fields' (`labels.time`), `bands` and `lines` by key. */
  labels: UiLabels & { bands: Record<string, string>; lines: Record<string, string>; [field: string]: unknown };
  /** When the map was last reviewed, as written (`2026-11-20`); null when not said. */
  updated: string | null;
  /** Who owns the map. */
  owners: string[];
  /** What the map is for. */
  goals: string[];
  /** The research the map is based on. */
  research: string[];
  /** The (first) persona's card; null without a persona. */
  persona: PersonaView | null;
  /** The id of the persona card's heading (`persona-title`); the other personas' cards have their own. */
  personaTitleId: string;
  /** With several personas, the first one's look in the curve, shown on its card (a legend entry); else null. */
  personaMarker: PersonaMarker | null;
  /** The personas of `personas:` after the first, each a card of its own after the first's. */
  otherPersonas: OtherPersonaView[];
  /** With several personas, their names ("Giulia, Tomasz"), for a poster's title line; else null. */
  personaNames: string | null;
  /** The config's theme as layouts print it: the logo for the header (its colours and fonts are in `css`). */
  theme: {
    /** The logo, inlined as a data: URI; null without one. */
    logo: PictureView | null;
  };
  /** Every column: the main path's stages, each fork's paths' stages after the stage that forks. */
  stages: StageView[];
  /** How many columns `stages` has. */
  stageCount: number;
  /** The emotion curve: a series per persona (and per path of a fork), per-column marks, the scale, and a description. */
  curve: CurveView & {
    /** The curve in words, for readers who cannot see it ("Emotion curve: Awareness: negative (−1); …"). */
    description: string;
  };
  /** The map's rows, band by band, as the map's table draws them. */
  sections: SectionView[];
  /** The lines between bands (service blueprint), for the legend. */
  lines: {
    /** The line's key (`visibility`). */
    key: string;
    /** Its name in the map's locale ("Line of visibility"). */
    label: string;
  }[];
  /** The map as one table, or for print several, each with a run of stages and the lane labels. */
  tables: TableView[];
  /**
   * The evidence below the map: the sources the map's items cite, each once, numbered in the order the
   * map (row by row) first cites them; and which confidence marks it uses, for their legend. Null when
   * no item says either.
   */
  evidence: EvidenceView | null;
}

/** A picture inlined as a data: URI, with its alternative text. */
export interface PictureView {
  /** The picture as a data: URI. */
  src: string;
  /** What the picture shows, for a reader who cannot see it. */
  alt: string;
}

export interface PersonaView {
  /** The persona's name. */
  name: string;
  /** Who the persona is, in a sentence or two; null when not said. */
  description: string | null;
  /** What the persona wants. */
  goals: string[];
  /** What drives the persona: a built-in motive named in the map's locale ("Quality of life"), another as written. */
  motives: string[];
  /** What gets in the persona's way. */
  frustrations: string[];
  /** Facts about the persona (age, job…). */
  demographics: {
    /** The fact's name ("Age"). */
    label: string;
    /** Its value ("34"). */
    value: string;
  }[];
  /** The persona's picture (`image:`), inlined as a data: URI, with the name as its alternative text; null without one. */
  image: PictureView | null;
  /** Initials for the monogram shown when there is no picture ("GR"). */
  monogram: string;
}

/** A persona's marker (and line, without a fork) in the emotion curve. */
export type PersonaMarker = LegendItem;

/** A persona of `personas:` after the first, with a card of its own. */
export interface OtherPersonaView {
  /** The persona's card. */
  persona: PersonaView;
  /** The id of its card's heading (`persona-title-2`…). */
  personaTitleId: string;
  /** Its look in the curve, shown on its card. */
  personaMarker: PersonaMarker;
}

export interface StageView {
  /** Its number on the main path, from 1; a path's stage has its deciding stage's number. */
  number: number;
  /** The stage's id (`id:`, or made from its name). */
  id: string;
  /** The stage's name. */
  name: string;
  /** Its column's heading: the template's word for a column and `label` ("Step 2", "Step 2a.1"). */
  heading: string;
  /** The template's extra fields that this stage fills (a time of day), shown with its name. */
  fields: {
    /** The field's key (`time`). */
    key: string;
    /** Its name in the map's locale. */
    label: string;
    /** Its value, as written. */
    value: string;
  }[];
  /** Layout data of format version 1, kept for custom layouts: the day-in-the-life `time`. */
  time: string | null;
  /** A moment of truth: its own text, or the locale's "Moment of truth" (`label`) for `milestone: true`; null when the stage is none. */
  milestone: {
    /** What the milestone says: its own text, or `label`. */
    text: string;
    /** "Moment of truth" in the map's locale. */
    label: string;
    /** The map gives the milestone a text of its own. */
    own: boolean;
  } | null;
  /** The stage's picture: `src` is the file inlined as a data: URI, null when it was not read (the API's render()); `alt` describes it. */
  image: {
    /** The picture as a data: URI; null when it was not read. */
    src: string | null;
    /** Its `image_alt`. */
    alt: string;
  } | null;
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
  /** The path's id. */
  id: string;
  /** The path's name. */
  name: string;
  /** "2a": the deciding stage's number and the path's letter. */
  label: string;
  /** 0…3: its place among its fork's paths. */
  index: number;
  /** Its line's dash in the emotion curve (series style 2…5), drawn beside its name. */
  style: number;
}

export interface SectionView {
  /** The band's name (a template's band, back-end, insights), or null for an unnamed group (notes). */
  band: string | null;
  /** The band's key (customer, frontstage…, experience, front-end, back-end, insights, notes): the layout colours each. */
  bandKey: string | null;
  /** The blueprint line drawn above this band, if any. */
  line: string | null;
  /** That line's key (`visibility`); null without one. */
  lineKey: string | null;
  /** The emotion curve is drawn at the top of this band (the experience band; a blueprint's customer band). */
  curve: boolean;
  /** The band's rows, in order. */
  rows: RowView[];
}

export interface RowView {
  /** The lane's key (`thinking`, `touchpoints`, `pain_points`, `kpis`…). */
  key: string;
  /** The row's heading: the lane's question or name in the map's locale. */
  label: string;
  /** lane | touchpoints | pain | opportunity | backend | notes: the layout styles each kind. */
  kind: string;
  /** The icon drawn before the label (`{{icon icon}}`): `pain` and `opportunity`; null for the others. */
  icon: string | null;
  /** A cell per column, in the columns' order. */
  cells: CellView[];
}

export interface CellView {
  /** What the stage holds in this lane, in order. */
  items: ItemView[];
  /** One item prints as a paragraph, several as a list. */
  single: boolean;
  /** The cell has no item. */
  empty: boolean;
}

export interface ItemView {
  /** The item's text (a touchpoint's or a KPI's name). */
  text: string;
  /** A touchpoint's channel, as written; null otherwise. */
  channel: string | null;
  /** The channel's icon (`{{icon channelIcon}}`: web, app, email, phone…), null for a channel without one (a neutral tag). */
  channelIcon: string | null;
  /** A KPI's target and live value, in one line of the map's locale ("3.9% · target 3.5% · ✓ met"); null otherwise. */
  metric: {
    /** The line: value, target, whether it is met, the data's date. */
    text: string;
    /** met, not-met, missing (no value in the data), target (no data yet) or value (no target to meet). */
    status: 'met' | 'not-met' | 'missing' | 'target' | 'value';
  } | null;
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

export interface EvidenceView {
  /** The sources the items cite, each once, in the order of their numbers. */
  sources: {
    /** Its number, from 1, as the items' marks write it. */
    number: number;
    /** The source, as written. */
    text: string;
  }[];
  /** Some item is marked assumed (the legend names only the marks used). */
  assumed: boolean;
  /** Some item is marked observed. */
  observed: boolean;
  /** Some item is marked reported. */
  reported: boolean;
}

export interface TableView {
  /** "Step 1–8" when the map is in several tables (a printed map in parts), naming each table's region; else null. */
  part: string | null;
  /** Printed posters repeat a compact title line (title, template, persona, review date) on every part. */
  titleLine: boolean;
  /** "Page 2 of 4" when a poster is printed on several pages, one part per page; else null. */
  pageLabel: string | null;
  /** The table's columns: a run of the view's `stages`. */
  stages: StageView[];
  /** How many columns the table has. */
  stageCount: number;
  /** Its columns in runs, each fork's path under a heading naming it; null when the table has no path of a fork. */
  groups: ColumnGroup[] | null;
  /** The emotion curve over the table's columns. */
  curve: CurveView;
  /** The view's sections with the table's columns' cells. */
  sections: SectionView[];
}

/** A run of a table's columns under one heading: a fork's path (`branch`), or main-path stages (no heading). */
export interface ColumnGroup {
  /** The path the run's stages belong to; null for main-path stages. */
  branch: BranchView | null;
  /** How many columns the run spans. */
  span: number;
  /** The run's stages. */
  stages: StageView[];
}
