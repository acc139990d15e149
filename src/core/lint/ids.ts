// The id of every lint rule, the templates' own included: what `lint.rules` in the config file may
// name, in the order `journey lint --list-rules` lists them. Apart from the rules, so that checking
// a config file does not load them; each rule's id is typed against this list.
export const LINT_RULE_IDS = [
  'no-goals',
  'no-persona',
  'no-emotion',
  'stale-map',
  'stage-without-touchpoint',
  'negative-emotion-unexplained',
  'duplicate-stage-name',
  'pain-point-without-opportunity',
  'only-digital-touchpoints',
  'unaddressed-base-pain-point',
  'persona-without-score',
  'mostly-assumptions',
  'future-state-without-change',
] as const;

export type LintRuleId = (typeof LINT_RULE_IDS)[number];
