import { allStages } from '../stages.js';
import type { LintRule } from './rule.js';

export const painPointWithoutOpportunity: LintRule = {
  id: 'pain-point-without-opportunity',
  severity: 'warn',
  why: 'Pain points are mapped to be solved: a map with pain points and no opportunity stops halfway.',
  check(map, report) {
    const stages = allStages(map);
    const pain = stages.find(({ stage }) => stage.pain_points.length > 0);
    if (!pain || stages.some(({ stage }) => stage.opportunities.length > 0)) return;
    report([...pain.path, 'pain_points'], 'the map lists pain points but no opportunity anywhere: add `opportunities` where the pain points could be solved', 'key');
  },
};
