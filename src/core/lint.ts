// Checks a valid map against good practice. Pure: the date to judge staleness by is passed in.
import { quote } from './describe.js';
import type { Diagnostic, PathSegment } from './diagnostics.js';
import { formatPath } from './diagnostics.js';
import { locate } from './locate.js';
import type { JourneyMap, Touchpoint } from './model.js';
import type { Source } from './source.js';
import { LINT_RULES, type LintRuleId, type LintSeverity } from './lint-rules.js';

export interface LintOptions {
  /** Severity per rule id; rules not listed keep their default. */
  rules: Partial<Record<string, LintSeverity>>;
  /** A map whose `updated` is older than this many months is stale. */
  maxAgeMonths: number;
  today: Date;
}

/** Channels that happen away from a screen. Anything else named is taken as digital. */
const OFFLINE = /^(offline|store|shop|branch|phone|call|call[- ]?cent(er|re)|post|mail|letter|print|event|in[- ]?person|face[- ]?to[- ]?face|field|kiosk|counter|tv|radio|word[- ]of[- ]mouth)$/i;

export function lintMap(map: JourneyMap, source: Source, options: LintOptions): Diagnostic[] {
  const found: Diagnostic[] = [];
  const report = (rule: LintRuleId, path: PathSegment[], message: string, target: 'key' | 'value' = 'value') => {
    const severity = options.rules[rule] ?? LINT_RULES.find((r) => r.id === rule)!.severity;
    if (severity === 'off') return;
    const { line, col } = locate(source, path, target);
    found.push({ file: source.file, line, col, path: formatPath(path), message, severity: severity === 'warn' ? 'warning' : 'error', rule });
  };
  const stages = map.stages;
  const hasTouchpointLane = map.lanes.some((l) => l.key === 'touchpoints');

  if (!map.goals.length) report('no-goals', [], 'no `goals`: say what this map is for (for example "Reduce complaints about late deliveries")');
  if (!map.persona) report('no-persona', [], 'no `persona`: describe the customer whose journey this is');
  if (!stages.some((s) => s.emotion !== null)) report('no-emotion', ['stages'], 'no stage has an `emotion`: score how each stage feels, from -2 to 2', 'key');

  if (!map.updated) {
    report('stale-map', [], 'no `updated` date: add the date of the last review (YYYY-MM-DD)');
  } else {
    const reviewed = new Date(`${map.updated}T00:00:00Z`);
    const limit = new Date(options.today);
    limit.setUTCMonth(limit.getUTCMonth() - options.maxAgeMonths);
    if (reviewed < limit) {
      const months = Math.floor((options.today.getTime() - reviewed.getTime()) / (30.44 * 24 * 3600 * 1000));
      report('stale-map', ['updated'], `last reviewed ${map.updated}, ${months} months ago: revisit the map (and update this date) at least every ${options.maxAgeMonths} months`);
    }
  }

  const names = new Map<string, number>();
  stages.forEach((stage, i) => {
    const at = (key: string): PathSegment[] => ['stages', i, key];
    if (hasTouchpointLane && (stage.cells.touchpoints?.length ?? 0) === 0) {
      report('stage-without-touchpoint', at('name'), `stage ${quote(stage.name)} has no touchpoint: where does the customer meet the company here?`);
    }
    if (stage.emotion !== null && stage.emotion < 0 && !stage.pain_points.length && !stage.opportunities.length) {
      report('negative-emotion-unexplained', at('emotion'), `stage ${quote(stage.name)} feels negative but names no pain point or opportunity: say why, and what could change`);
    }
    if (map.template === 'future-state') {
      const missing = ['change', 'rationale'].filter((k) => (stage.cells[k]?.length ?? 0) === 0);
      if (missing.length) report('future-state-without-change', at('name'), `stage ${quote(stage.name)} has no ${missing.map((k) => `\`${k}\``).join(' or ')}: a future state says what changes and how or why`);
    }
    const key = stage.name.trim().toLowerCase().replace(/\s+/g, ' ');
    const first = names.get(key);
    if (first !== undefined) report('duplicate-stage-name', at('name'), `stage name ${quote(stage.name)} is used by stages[${first}] too: give each stage its own name`);
    else names.set(key, i);
  });

  const painAt = stages.findIndex((s) => s.pain_points.length > 0);
  if (painAt !== -1 && !stages.some((s) => s.opportunities.length > 0)) {
    report('pain-point-without-opportunity', ['stages', painAt, 'pain_points'], 'the map lists pain points but no opportunity anywhere: add `opportunities` where the pain points could be solved', 'key');
  }

  const touchpoints = stages.flatMap((s) => (s.cells.touchpoints ?? []) as Touchpoint[]);
  const channels = touchpoints.map((t) => t.channel).filter((c): c is string => Boolean(c));
  if (channels.length > 0 && !channels.some((c) => OFFLINE.test(c.trim()))) {
    const first = stages.findIndex((s) => (s.cells.touchpoints?.length ?? 0) > 0);
    report('only-digital-touchpoints', ['stages', first, 'touchpoints'], `every touchpoint is digital (${[...new Set(channels)].join(', ')}): are there phone calls, stores, post or events in this journey?`, 'key');
  }
  return found.sort((a, b) => a.line - b.line || a.col - b.col);
}
