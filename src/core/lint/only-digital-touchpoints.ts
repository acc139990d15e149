import type { Touchpoint } from '../model.js';
import { allStages } from '../stages.js';
import type { LintRule } from './rule.js';

/** Channels that happen away from a screen. Anything else named is taken as digital. */
const OFFLINE = /^(offline|store|shop|branch|phone|call|call[- ]?cent(er|re)|post|mail|letter|print|event|in[- ]?person|face[- ]?to[- ]?face|field|kiosk|counter|tv|radio|word[- ]of[- ]mouth)$/i;

export const onlyDigitalTouchpoints: LintRule = {
  id: 'only-digital-touchpoints',
  severity: 'warn',
  why: 'Touchpoints are online and offline (phone, store, post): do not map only the digital ones.',
  check(map, report) {
    const stages = allStages(map);
    const touchpoints = stages.flatMap(({ stage }) => (stage.cells.touchpoints ?? []) as Touchpoint[]);
    const channels = touchpoints.map((t) => t.channel).filter((c): c is string => Boolean(c));
    if (channels.length === 0 || channels.some((c) => OFFLINE.test(c.trim()))) return;
    const first = stages.find(({ stage }) => (stage.cells.touchpoints?.length ?? 0) > 0)!;
    report([...first.path, 'touchpoints'], `every touchpoint is digital (${[...new Set(channels)].join(', ')}): are there phone calls, stores, post or events in this journey?`, 'key');
  },
};
