// What every locale module (en.ts, it.ts, pl.ts) holds: every word of every page journey makes, in
// one language. Each module is typed `Messages`, so a missing or an extra word is a compile error.
// Template-specific labels (lane questions, template names) live with each template in src/templates/.

/** The words of `journey templates` around the templates' own labels. */
export interface ListingLabels {
  columns: string;
  lanes: string;
  optional: string;
  bands: string;
  defaultBand: string;
}

/** The words of `journey diff` (text, Markdown and HTML), in the later map's locale. */
export interface DiffLabels {
  title: string;
  changes: string;
  change: string;
  trend: Record<'better' | 'worse' | 'same' | 'unscored', string>;
  added: string;
  removed: string;
  moved: (from: number, to: number) => string;
  renamed: (name: string) => string;
  emotion: string;
  stillOpen: string;
  /** For the Notes column, which is never empty: what changed in a stage, or that nothing did. */
  lanesChanged: (n: number) => string;
  unchanged: string;
  painPointsOpen: (n: number) => string;
  summary: (c: { compared: number; better: number; worse: number; same: number; added: number; removed: number; moved: number; open: number }) => string;
  /** `--fail-on-regression`: the stages that feel worse, already quoted. */
  regression: (stages: string) => string;
}

export const MOTIVES = ['fomo', 'need', 'quality-of-life', 'impulse', 'prestige', 'finance', 'time', 'risk-management'] as const;

export interface UiLabels {
  template: string;
  updated: string;
  owners: string;
  goals: string;
  research: string;
  persona: string;
  personaGoals: string;
  motives: string;
  frustrations: string;
  demographics: string;
  journey: string;
  stage: string;
  emotion: string;
  emotionCurve: string;
  noScore: string;
  painPoints: string;
  opportunities: string;
  kpis: string;
  owner: string;
  technology: string;
  notes: string;
  /**
   * The common bands: back-end (KPIs, owner, technology) where the template has none of its own (a
   * blueprint), and insights (pain points and opportunities); a template's own bands are in its labels.
   */
  bands: { backEnd: string; insights: string };
  emotions: Record<'-2' | '-1' | '0' | '1' | '2', string>;
  motiveNames: Record<(typeof MOTIVES)[number], string>;
  /** `{page}` and `{pages}` are replaced, for the PDF footer and the page label of a poster on several pages. */
  pageOf: string;
  /** A KPI's live value: its target, whether it is met, and the data's date (`{date}` is replaced). */
  metric: { target: string; met: string; notMet: string; noData: string; asOf: string };
  /** Several personas on one map. */
  personas: string;
  /** A milestone's mark when it has no text of its own. */
  milestone: string;
  /** A stage's picture. */
  image: string;
  /** The paths of a fork, and where they meet again (`{stage}` is replaced). */
  paths: string;
  rejoin: string;
  /** The emotion curve's legend of a map that forks: the main path's line, and the title over the paths' lines. */
  mainPath: string;
  pathsTitle: string;
  /** How sure the map is of an item, and the list of the items' sources. */
  confidence: { observed: string; reported: string; assumed: string };
  sources: string;
  /** One source, as a screen reader announces an item's reference to it ("Source 2"). */
  source: string;
  /** The legend of the assumption mark. */
  assumedNote: string;
  /** The name of the spreadsheet's sheet (`journey export` to XLSX). */
  sheet: string;
}

/** The words of `journey site`'s pages around the maps' own (the document labels fill in the rest: `Template`, `Owners`…). */
export interface SiteLabels {
  /** The title of a site whose command line and config name none. */
  defaultTitle: string;
  navigation: string;
  allMaps: string;
  health: string;
  maps: string;
  map: string;
  lint: string;
  tags: string;
  stale: string;
  journeys: string;
  average: string;
  broken: string;
  staleMaps: string;
  neverReviewed: string;
  painWithoutOpportunity: string;
  heatMap: string;
  findings: string;
  none: string;
  basedOn: (title: string) => string;
  whatChanges: string;
  groups: Record<'template' | 'persona' | 'owner' | 'tag', string>;
  /** The index's line under the title. */
  summary: (c: { maps: number; personas: number }) => string;
  /** The health page's line under the title. */
  healthSummary: (c: { maps: number; broken: number; stale: number; findings: number }) => string;
  /** A map's lint status on the index. */
  lintStatus: { problems: (n: number) => string; errors: (n: number) => string; warnings: (n: number) => string; clean: string };
  severity: Record<'error' | 'warning', string>;
}

/** The words of `journey preview`'s own pages: the overlay listing a save's problems, and the page shown before a map is ever valid. */
export interface PreviewLabels {
  problems: (n: number) => string;
  note: string;
  /** `title` is already escaped for HTML. */
  waiting: (title: string) => string;
}

/** Every word of every page in one language. */
export interface Messages {
  ui: UiLabels;
  diff: DiffLabels;
  listing: ListingLabels;
  site: SiteLabels;
  preview: PreviewLabels;
}
