// journey lint's rules and the check of a valid map against them. Pure: the date to judge staleness
// by is passed in. Rules that concern one template live with it (src/templates/<id>/lint.ts).
import { bySourceOrder, formatPath, type Diagnostic } from '../diagnostics.js';
import { locate } from '../locate.js';
import type { JourneyMap } from '../model.js';
import type { Source } from '../source.js';
import { templateIn, type TemplateRegistry } from '../templates.js';
import { duplicateStageName } from './duplicate-stage-name.js';
import { mostlyAssumptions } from './mostly-assumptions.js';
import { negativeEmotionUnexplained } from './negative-emotion-unexplained.js';
import { noEmotion } from './no-emotion.js';
import { noGoals } from './no-goals.js';
import { noPersona } from './no-persona.js';
import { onlyDigitalTouchpoints } from './only-digital-touchpoints.js';
import { painPointWithoutOpportunity } from './pain-point-without-opportunity.js';
import { personaWithoutScore } from './persona-without-score.js';
import type { LintRule, LintSettings, LintSeverity } from './rule.js';
import { staleMap } from './stale-map.js';
import { stageWithoutTouchpoint } from './stage-without-touchpoint.js';
import { unaddressedBasePainPoint } from './unaddressed-base-pain-point.js';

/** Rules for every map. Findings at the same place keep this order: the map as a whole first. */
const COMMON_RULES: readonly LintRule[] = [
  noGoals,
  noPersona,
  noEmotion,
  staleMap,
  stageWithoutTouchpoint,
  negativeEmotionUnexplained,
  duplicateStageName,
  painPointWithoutOpportunity,
  onlyDigitalTouchpoints,
  unaddressedBasePainPoint,
  personaWithoutScore,
  mostlyAssumptions,
];

/** Every rule, the templates' own included: what `lint.rules` in the config file may name. */
export const lintRules = (templates: TemplateRegistry): readonly LintRule[] => [...COMMON_RULES, ...Object.values(templates).flatMap((t) => t.lintRules ?? [])];

export interface LintOptions extends LintSettings {
  /** The templates, for the rules of the map's own. */
  templates: TemplateRegistry;
  /** Severity per rule id; rules not listed keep their default. */
  rules: Partial<Record<string, LintSeverity>>;
}

/**
 * Checks a map; `source` places each finding at its line and column. Without it (a map read on the
 * quick path) findings are placed at 1:1: a caller that needs their places reads the map with
 * positions when there are any.
 */
export function lintMap(map: JourneyMap, source: Source | { file: string }, options: LintOptions): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const rule of [...COMMON_RULES, ...(templateIn(options.templates, map.template)?.lintRules ?? [])]) {
    const severity = options.rules[rule.id] ?? rule.severity;
    if (severity === 'off') continue;
    rule.check(
      map,
      (path, message, target = 'value') => {
        const { line, col } = 'doc' in source ? locate(source, path, target) : { line: 1, col: 1 };
        found.push({ file: source.file, line, col, path: formatPath(path), message, severity: severity === 'warn' ? 'warning' : 'error', code: rule.id, rule: rule.id });
      },
      options,
    );
  }
  return found.sort(bySourceOrder);
}

/** The rules as `journey lint --list-rules` prints them: id, severity (the config's, when it differs), why. */
export function formatLintRules(templates: TemplateRegistry, configured: Partial<Record<string, LintSeverity>> = {}): string {
  const LINT_RULES = lintRules(templates);
  const width = Math.max(...LINT_RULES.map((r) => r.id.length));
  const severity = (rule: LintRule) => {
    const set = configured[rule.id];
    return set && set !== rule.severity ? `${set} (default ${rule.severity})` : rule.severity;
  };
  const severityWidth = Math.max(...LINT_RULES.map((r) => severity(r).length));
  return `${LINT_RULES.map((r) => `${r.id.padEnd(width)}  ${severity(r).padEnd(severityWidth)}  ${r.why}`).join('\n')}\n`;
}
