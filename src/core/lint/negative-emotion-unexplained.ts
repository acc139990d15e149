import { allStages } from '../stages.js';
import type { LintRule } from './rule.js';

export const negativeEmotionUnexplained: LintRule = {
  id: 'negative-emotion-unexplained',
  severity: 'warn',
  why: 'A negative emotion is a finding: name the pain point behind it or the opportunity it opens.',
  check(map, report) {
    for (const { stage, path } of allStages(map)) {
      // With several personas, a stage that feels negative to any of them.
      const scores = map.personas.length > 1 ? Object.values(stage.emotions) : [stage.emotion];
      if (scores.some((e) => e !== null && e < 0) && !stage.pain_points.length && !stage.opportunities.length) {
        report([...path, 'emotion'], `stage "${stage.name}" feels negative but names no pain point or opportunity: say why, and what could change`);
      }
    }
  },
};
