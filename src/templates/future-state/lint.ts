import type { LintRule } from '../../core/lint/rule.js';
import { allStages } from '../../core/stages.js';

export const futureStateWithoutChange: LintRule = {
  id: 'future-state-without-change',
  severity: 'error',
  why: 'A future-state map plans change: each stage says what changes and how or why.',
  check(map, report) {
    for (const { stage, path } of allStages(map)) {
      const missing = ['change', 'rationale'].filter((k) => (stage.cells[k]?.length ?? 0) === 0);
      if (missing.length) report([...path, 'name'], `stage "${stage.name}" has no ${missing.map((k) => `\`${k}\``).join(' or ')}: a future state says what changes and how or why`);
    }
  },
};
