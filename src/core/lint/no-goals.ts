import type { LintRule } from './rule.js';

export const noGoals: LintRule = {
  id: 'no-goals',
  severity: 'warn',
  why: 'State what the map is for first; a broad goal means several maps, a narrow one a focused map.',
  check(map, report) {
    if (!map.goals.length) report([], 'no `goals`: say what this map is for (for example "Reduce complaints about late deliveries")');
  },
};
