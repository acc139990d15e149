// The lint rules: good practice from the journey-mapping literature (../shared/domain.md), each
// with an id, a default severity and one line on why it matters. Data only: config validation and
// the README table use it too.
export type LintSeverity = 'off' | 'warn' | 'error';

export interface LintRule {
  id: string;
  severity: Exclude<LintSeverity, 'off'>;
  why: string;
}

export const LINT_RULES = [
  { id: 'stage-without-touchpoint', severity: 'warn', why: 'Every step happens somewhere: a stage with no touchpoint hides where the company can act.' },
  { id: 'negative-emotion-unexplained', severity: 'warn', why: 'A negative emotion is a finding: name the pain point behind it or the opportunity it opens.' },
  { id: 'pain-point-without-opportunity', severity: 'warn', why: 'Pain points are mapped to be solved: a map with pain points and no opportunity stops halfway.' },
  { id: 'no-emotion', severity: 'warn', why: 'The emotion curve is what people look at first; neglecting emotions is a common mistake.' },
  { id: 'no-persona', severity: 'warn', why: 'A journey is someone\u2019s: without a persona the map has no customer to empathise with.' },
  { id: 'no-goals', severity: 'warn', why: 'State what the map is for first; a broad goal means several maps, a narrow one a focused map.' },
  { id: 'only-digital-touchpoints', severity: 'warn', why: 'Touchpoints are online and offline (phone, store, post): do not map only the digital ones.' },
  { id: 'future-state-without-change', severity: 'error', why: 'A future-state map plans change: each stage says what changes and how or why.' },
  { id: 'stale-map', severity: 'warn', why: 'Customers and the business change: a map is revisited regularly, and says when it last was.' },
  { id: 'duplicate-stage-name', severity: 'error', why: 'Two stages with one name make the map and its diffs ambiguous.' },
] as const satisfies readonly LintRule[];

export type LintRuleId = (typeof LINT_RULES)[number]['id'];
export const LINT_RULE_IDS = LINT_RULES.map((r) => r.id) as LintRuleId[];

/**
 * The rule list `journey lint --list-rules` prints: id, severity and why, one rule a line, in the
 * README's order. With a config's `lint.rules`, a changed severity shows next to the default.
 */
export function formatLintRules(configured: Partial<Record<string, LintSeverity>> = {}): string {
  const width = Math.max(...LINT_RULES.map((r) => r.id.length));
  const severity = (rule: LintRule) => {
    const set = configured[rule.id];
    return set && set !== rule.severity ? `${set} (default ${rule.severity})` : rule.severity;
  };
  const severityWidth = Math.max(...LINT_RULES.map((r) => severity(r).length));
  return `${LINT_RULES.map((r) => `${r.id.padEnd(width)}  ${severity(r).padEnd(severityWidth)}  ${r.why}`).join('\n')}\n`;
}
