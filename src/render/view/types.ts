// The view a layout receives: everything it prints, computed once from the map (render/view/build.ts).
// A team's own layout is written against these types, so they are a public contract of the API.
import type { Confidence } from '../../core/model.js';
import type { UiLabels } from '../../core/locale.js';
import type { CurveView, LegendItem } from '../curve.js';

export type { CurveColumn, CurveMark, CurvePoint, CurveSeries, CurveView, FaceView, LegendItem } from '../curve.js';

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
