// Pure pieces of issue 20 that the command layer (issue 12, in progress) wires in: each returns the
// exact text the user will see.
import { describe, expect, it } from 'vitest';
import { LINT_RULES, formatLintRules } from '../src/core/lint-rules.js';
import { skippedMessage } from '../src/io/inputs.js';

describe('journey lint --list-rules', () => {
  it('lists each rule with its id, default severity and why, aligned, in the README order', () => {
    const lines = formatLintRules().split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1)).toHaveLength(LINT_RULES.length);
    expect(lines[0]).toBe('stage-without-touchpoint        warn   Every step happens somewhere: a stage with no touchpoint hides where the company can act.');
    expect(lines[7]).toBe('future-state-without-change     error  A future-state map plans change: each stage says what changes and how or why.');
  });

  it('shows a severity the config changed next to the default', () => {
    const text = formatLintRules({ 'no-persona': 'off', 'stale-map': 'error', 'no-goals': 'warn' });
    expect(text).toContain('no-persona                      off (default warn)    A journey is someone');
    expect(text).toContain('stale-map                       error (default warn)  Customers and the business change');
    expect(text).toContain('no-goals                        warn                  State what the map is for first');
  });
});

describe('the note about skipped files', () => {
  it('names the extension the files have', () => {
    expect(skippedMessage(['maps/ci.yml'])).toBe('skipped a .yml file that is not a journey map (no template, title or stages): maps/ci.yml');
    expect(skippedMessage(['a.yaml', 'b.yaml'])).toBe('skipped 2 .yaml files that are not journey maps (no template, title or stages): a.yaml, b.yaml');
    expect(skippedMessage(['a.yaml', 'b.yml'])).toBe('skipped 2 YAML files that are not journey maps (no template, title or stages): a.yaml, b.yml');
  });
});
