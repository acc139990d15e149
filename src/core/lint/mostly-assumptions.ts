import { allStages } from '../stages.js';
import type { Item, Touchpoint } from '../model.js';
import type { LintRule } from './rule.js';

/**
 * "Most" is more than half of all the items of the map's stages (lanes, touchpoints, pain points,
 * opportunities, technology and custom lanes, branch stages included), marked or not: a map that
 * marks only its guesses is not flagged for that, and one built on guesses is.
 */
export const mostlyAssumptions: LintRule = {
  id: 'mostly-assumptions',
  severity: 'warn',
  why: 'A map is built on research: when most of its items are marked `assumed`, validate them before acting on it.',
  check(map, report) {
    const every = allStages(map);
    const items = every.flatMap(({ stage }) => [...Object.values(stage.cells).flat(), ...stage.pain_points, ...stage.opportunities, ...stage.technology] as (Item | Touchpoint)[]);
    const assumed = items.filter((i) => i.confidence === 'assumed').length;
    if (assumed * 2 <= items.length) return;
    const percent = Math.round((assumed / items.length) * 100);
    report(['stages'], `${assumed} of the map's ${items.length} items (${percent}%) are marked \`confidence: assumed\`: check them with research (interviews, analytics, tests) and mark what you confirm \`observed\` or \`reported\``, 'key');
  },
};
