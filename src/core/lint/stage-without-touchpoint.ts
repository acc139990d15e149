import { allStages } from '../stages.js';
import type { LintRule } from './rule.js';

export const stageWithoutTouchpoint: LintRule = {
  id: 'stage-without-touchpoint',
  severity: 'warn',
  why: 'Every step happens somewhere: a stage with no touchpoint hides where the company can act.',
  check(map, report) {
    if (!map.lanes.some((l) => l.key === 'touchpoints')) return;
    for (const { stage, path } of allStages(map)) {
      if ((stage.cells.touchpoints?.length ?? 0) === 0) report([...path, 'name'], `stage "${stage.name}" has no touchpoint: where does the customer meet the company here?`);
    }
  },
};
