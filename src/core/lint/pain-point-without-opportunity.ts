import type { LintRule } from './rule.js';

export const painPointWithoutOpportunity: LintRule = {
  id: 'pain-point-without-opportunity',
  severity: 'warn',
  why: 'Pain points are mapped to be solved: a map with pain points and no opportunity stops halfway.',
  check(map, report) {
    const painAt = map.stages.findIndex((s) => s.pain_points.length > 0);
    if (painAt === -1 || map.stages.some((s) => s.opportunities.length > 0)) return;
    report(['stages', painAt, 'pain_points'], 'the map lists pain points but no opportunity anywhere: add `opportunities` where the pain points could be solved', 'key');
  },
};
