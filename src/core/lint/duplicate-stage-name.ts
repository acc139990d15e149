import { formatPath, type PathSegment } from '../diagnostics.js';
import { allStages } from '../stages.js';
import type { LintRule } from './rule.js';

export const duplicateStageName: LintRule = {
  id: 'duplicate-stage-name',
  severity: 'error',
  why: 'Two stages with one name make the map and its diffs ambiguous.',
  check(map, report) {
    const names = new Map<string, PathSegment[]>();
    for (const { stage, path } of allStages(map)) {
      const key = stage.name.trim().toLowerCase().replace(/\s+/g, ' ');
      const first = names.get(key);
      if (first !== undefined) report([...path, 'name'], `stage name "${stage.name}" is used by ${formatPath(first)} too: give each stage its own name`);
      else names.set(key, path);
    }
  },
};
