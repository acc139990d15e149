import type { LintRule } from './rule.js';

export const staleMap: LintRule = {
  id: 'stale-map',
  severity: 'warn',
  why: 'Customers and the business change: a map is revisited regularly, and says when it last was.',
  check(map, report, { maxAgeMonths, today }) {
    if (!map.updated) return report([], 'no `updated` date: add the date of the last review (YYYY-MM-DD)');
    const reviewed = new Date(`${map.updated}T00:00:00Z`);
    const limit = new Date(today);
    limit.setUTCMonth(limit.getUTCMonth() - maxAgeMonths);
    if (reviewed >= limit) return;
    const months = Math.floor((today.getTime() - reviewed.getTime()) / (30.44 * 24 * 3600 * 1000));
    report(['updated'], `last reviewed ${map.updated}, ${months} months ago: revisit the map (and update this date) at least every ${maxAgeMonths} months`);
  },
};
