import type * as z from 'zod/mini';
import type { LintRule } from '../core/lint/rule.js';
import type { Locale } from '../core/locale.js';


export interface LaneDefinition {
  key: string;
  /** `touchpoints` items may carry a channel; every other lane is text or a list of text. */
  kind: 'text' | 'touchpoints';
  /** An optional lane is shown only when a stage fills it (the standard blueprint lanes). */
  optional?: boolean;
  /** The band the lane sits in (one of the template's `bands`); its label is in the template's labels. */
  band: string;
  /** What the person does at each column: an imported Mermaid diagram's tasks go here (default: the first text lane). */
  doing?: boolean;
}

/** A line drawn between two consecutive bands (the blueprint's line of visibility, say). */
export interface LineDefinition {
  key: string;
  between: readonly [string, string];
}

export interface TemplateLabels {
  name: string;
  /** One line on when to use the template. */
  use: string;
  /** What a column is: step, moment of the day, phase. */
  column: string;
  /** The same in the plural, lowercase, for running text ("columns: steps"); plurals are not a suffix in every language. */
  columns: string;
  /** The lane questions, keyed by lane key. */
  lanes: Record<string, string>;
  /** Labels of the template's extra stage fields (`stageExtras`), keyed by field. */
  fields?: Record<string, string>;
  /** Band and line labels, keyed by band and line key. */
  bands?: Record<string, string>;
  lines?: Record<string, string>;
}

export interface TemplateDefinition {
  id: string;
  lanes: readonly LaneDefinition[];
  /** Stage fields beyond the common keys and the lanes (a time of day), shown with the stage's name. */
  stageExtras?: Record<string, z.ZodMiniType>;
  /**
   * The template's bands, top to bottom (service blueprint: customer, frontstage, backstage, support;
   * the others: the experience, front-end and back-end bands of seed 002). Every lane sits in one.
   */
  bands: readonly string[];
  /** Where a custom lane without `band:` goes. */
  defaultBand: string;
  /** The band the emotion curve belongs to: it is drawn at the top of that band. */
  curveBand: string;
  /** Lines between bands, in the order the bands come. */
  lines?: readonly LineDefinition[];
  labels: Record<Locale, TemplateLabels>;
  /** Good-practice rules that only maps of this template follow (`journey lint`). */
  lintRules?: readonly LintRule[];
  /** Words practitioners use for a lane, with the lane key they mean, for "did you mean". */
  synonyms?: Record<string, string>;
  /** The map `journey init` writes: every lane present with a short example. */
  starter: string;
  /** The file a project's own template was read from (journey.config.yaml `templates:`): an input of every map of it. */
  file?: string;
}
