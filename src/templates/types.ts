import type * as z from 'zod/mini';
import type { Locale } from '../core/locale.js';

/** Where a lane sits in a service blueprint; the lines of interaction, visibility and internal interaction run between bands. */
export type Band = 'customer' | 'frontstage' | 'backstage' | 'support';

export interface LaneDefinition {
  key: string;
  /** `touchpoints` items may carry a channel; every other lane is text or a list of text. */
  kind: 'text' | 'touchpoints';
  /** An optional lane is shown only when a stage fills it (the standard blueprint lanes). */
  optional?: boolean;
  band?: Band;
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
}

export interface TemplateDefinition {
  id: string;
  lanes: readonly LaneDefinition[];
  /** Stage keys beyond the common ones and the lanes (such as `time`). */
  stageExtras?: Record<string, z.ZodMiniType>;
  labels: Record<Locale, TemplateLabels>;
  /** Words practitioners use for a lane, with the lane key they mean, for "did you mean". */
  synonyms?: Record<string, string>;
  /** The map `journey init` writes: every lane present with a short example. */
  starter: string;
}
