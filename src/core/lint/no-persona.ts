import type { LintRule } from './rule.js';

export const noPersona: LintRule = {
  id: 'no-persona',
  severity: 'warn',
  why: 'A journey is someone\u2019s: without a persona the map has no customer to empathise with.',
  check(map, report) {
    if (!map.persona) report([], 'no `persona`: describe the customer whose journey this is');
  },
};
