import type { LintRule } from './rule.js';

export const negativeEmotionUnexplained: LintRule = {
  id: 'negative-emotion-unexplained',
  severity: 'warn',
  why: 'A negative emotion is a finding: name the pain point behind it or the opportunity it opens.',
  check(map, report) {
    map.stages.forEach((stage, i) => {
      if (stage.emotion !== null && stage.emotion < 0 && !stage.pain_points.length && !stage.opportunities.length) {
        report(['stages', i, 'emotion'], `stage "${stage.name}" feels negative but names no pain point or opportunity: say why, and what could change`);
      }
    });
  },
};
