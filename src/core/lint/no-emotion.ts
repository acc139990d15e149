import { allStages } from '../stages.js';
import type { LintRule } from './rule.js';

export const noEmotion: LintRule = {
  id: 'no-emotion',
  severity: 'warn',
  why: 'The emotion curve is what people look at first; neglecting emotions is a common mistake.',
  check(map, report) {
    const scored = allStages(map).some(({ stage: s }) => s.emotion !== null || Object.values(s.emotions).some((e) => e !== null));
    if (!scored) report(['stages'], 'no stage has an `emotion`: score how each stage feels, from -2 to 2', 'key');
  },
};
