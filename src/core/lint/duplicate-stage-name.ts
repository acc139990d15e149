import type { LintRule } from './rule.js';

export const duplicateStageName: LintRule = {
  id: 'duplicate-stage-name',
  severity: 'error',
  why: 'Two stages with one name make the map and its diffs ambiguous.',
  check(map, report) {
    const names = new Map<string, number>();
    map.stages.forEach((stage, i) => {
      const key = stage.name.trim().toLowerCase().replace(/\s+/g, ' ');
      const first = names.get(key);
      if (first !== undefined) report(['stages', i, 'name'], `stage name "${stage.name}" is used by stages[${first}] too: give each stage its own name`);
      else names.set(key, i);
    });
  },
};
