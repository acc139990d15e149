// A lint rule: good practice from the journey-mapping literature (../shared/domain.md), with an id, a
// default severity, one line on why it matters, and a check. One file per rule.
import type { PathSegment } from '../diagnostics.js';
import type { JourneyMap } from '../model.js';
import type { LintRuleId } from './ids.js';

export const LINT_SEVERITIES = ['off', 'warn', 'error'] as const;
export type LintSeverity = (typeof LINT_SEVERITIES)[number];

/** Reports a finding at a path of the map (`target: 'key'` points at the key rather than its value). */
export type Report = (path: PathSegment[], message: string, target?: 'key' | 'value') => void;

export interface LintSettings {
  /** A map whose `updated` is older than this many months is stale. */
  maxAgeMonths: number;
  today: Date;
  /** The map this one is based on (`based_on:`), read by the caller. */
  base?: { map: JourneyMap; file: string };
}

export interface LintRule {
  id: LintRuleId;
  severity: Exclude<LintSeverity, 'off'>;
  why: string;
  check(map: JourneyMap, report: Report, settings: LintSettings): void;
}
