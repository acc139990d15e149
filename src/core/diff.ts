// Compares two maps of a journey: which stages were added, removed or moved, how each matched
// stage's emotion changed, and lane by lane what was added or removed. Pure.
import type { JourneyMap, Stage, Touchpoint } from './model.js';

export type Trend = 'better' | 'worse' | 'same' | 'unscored';

export interface LaneChange {
  key: string;
  label: string;
  added: string[];
  removed: string[];
  kept: string[];
}

export interface StageDiff {
  status: 'matched' | 'added' | 'removed';
  id: string;
  name: string;
  /** The stage's name in the earlier map, when it changed. */
  renamedFrom: string | null;
  beforeIndex: number | null;
  afterIndex: number | null;
  moved: boolean;
  emotion: { before: number | null; after: number | null; delta: number | null; trend: Trend };
  /** Every lane with its items; `changed` lanes are those with something added or removed. */
  lanes: LaneChange[];
  changed: LaneChange[];
  /** Pain points of the earlier map that the later map still lists for this stage. */
  unaddressed: string[];
}

export interface MapDiff {
  before: JourneyMap;
  after: JourneyMap;
  stages: StageDiff[];
  counts: { added: number; removed: number; moved: number; better: number; worse: number; same: number; unaddressed: number };
  regression: boolean;
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');
const itemText = (v: string | Touchpoint) => (typeof v === 'string' ? v : v.channel ? `${v.name} (${v.channel})` : v.name);

/** The lanes to compare: the later map's, then any the earlier map has besides, then the common keys. */
function laneList(before: JourneyMap, after: JourneyMap): { key: string; label: string; pick: (s: Stage) => string[] }[] {
  const ui = after.labels.ui;
  const lanes = [...after.lanes, ...before.lanes.filter((l) => !after.lanes.some((a) => a.key === l.key))].map((l) => ({
    key: l.key,
    label: l.label,
    pick: (s: Stage) => (s.cells[l.key] ?? []).map(itemText),
  }));
  const common: [string, string, (s: Stage) => string[]][] = [
    ['pain_points', ui.painPoints, (s) => s.pain_points],
    ['opportunities', ui.opportunities, (s) => s.opportunities],
    ['kpis', ui.kpis, (s) => s.kpis.map((k) => (k.target ? `${k.name} (${k.target})` : k.name))],
    ['owner', ui.owner, (s) => (s.owner ? [s.owner] : [])],
    ['technology', ui.technology, (s) => s.technology],
    ['notes', ui.notes, (s) => (s.notes ? [s.notes] : [])],
  ];
  return [...lanes, ...common.map(([key, label, pick]) => ({ key, label, pick }))];
}

export function diffMaps(before: JourneyMap, after: JourneyMap): MapDiff {
  // Match by id first, then by name among the stages still unmatched.
  const pairOf = new Map<number, number>(); // after index → before index
  const used = new Set<number>();
  after.stages.forEach((s, a) => {
    const b = before.stages.findIndex((t, i) => !used.has(i) && t.id === s.id);
    if (b !== -1) (pairOf.set(a, b), used.add(b));
  });
  after.stages.forEach((s, a) => {
    if (pairOf.has(a)) return;
    const b = before.stages.findIndex((t, i) => !used.has(i) && norm(t.name) === norm(s.name));
    if (b !== -1) (pairOf.set(a, b), used.add(b));
  });
  const moved = movedStages([...pairOf.entries()].sort((x, y) => x[0] - y[0]).map(([, b]) => b));
  const lanes = laneList(before, after);

  const stageDiff = (b: Stage | undefined, a: Stage | undefined, bi: number | null, ai: number | null): StageDiff => {
    const emotion = trend(b?.emotion ?? null, a?.emotion ?? null, Boolean(a && b));
    const laneChanges = lanes.map(({ key, label, pick }) => {
      const was = b ? pick(b) : [];
      const now = a ? pick(a) : [];
      const wasSet = new Set(was.map(norm));
      const nowSet = new Set(now.map(norm));
      return { key, label, added: now.filter((x) => !wasSet.has(norm(x))), removed: was.filter((x) => !nowSet.has(norm(x))), kept: now.filter((x) => wasSet.has(norm(x))) };
    });
    const stage = (a ?? b)!;
    return {
      status: a && b ? 'matched' : a ? 'added' : 'removed',
      id: stage.id,
      name: stage.name,
      renamedFrom: a && b && a.name !== b.name ? b.name : null,
      beforeIndex: bi,
      afterIndex: ai,
      moved: bi !== null && moved.has(bi),
      emotion,
      lanes: laneChanges,
      changed: laneChanges.filter((l) => l.added.length || l.removed.length),
      unaddressed: a && b ? b.pain_points.filter((p) => a.pain_points.some((q) => norm(q) === norm(p))) : [],
    };
  };

  // The later map's order, with each removed stage placed after the stage that preceded it before.
  const stages: StageDiff[] = after.stages.map((s, a) => {
    const b = pairOf.get(a);
    return stageDiff(b === undefined ? undefined : before.stages[b], s, b ?? null, a);
  });
  before.stages.forEach((s, b) => {
    if (used.has(b)) return;
    let at = 0;
    stages.forEach((d, i) => {
      if (d.beforeIndex !== null && d.beforeIndex < b) at = i + 1;
    });
    stages.splice(at, 0, stageDiff(s, undefined, b, null));
  });

  const count = (f: (d: StageDiff) => boolean) => stages.filter(f).length;
  const counts = {
    added: count((d) => d.status === 'added'),
    removed: count((d) => d.status === 'removed'),
    moved: count((d) => d.moved),
    better: count((d) => d.emotion.trend === 'better'),
    worse: count((d) => d.emotion.trend === 'worse'),
    same: count((d) => d.emotion.trend === 'same'),
    unaddressed: stages.reduce((n, d) => n + d.unaddressed.length, 0),
  };
  return { before, after, stages, counts, regression: counts.worse > 0 };
}

function trend(before: number | null, after: number | null, matched: boolean): StageDiff['emotion'] {
  if (!matched || before === null || after === null) return { before, after, delta: null, trend: 'unscored' };
  const delta = after - before;
  return { before, after, delta, trend: delta > 0 ? 'better' : delta < 0 ? 'worse' : 'same' };
}

/** Matched stages (earlier positions, in the later order) outside the longest run kept in order moved. */
function movedStages(order: number[]): Set<number> {
  // Longest increasing subsequence, O(n²): maps have tens of stages, not thousands.
  const best = order.map(() => 1);
  const prev = order.map(() => -1);
  for (let i = 0; i < order.length; i++) {
    for (let j = 0; j < i; j++) {
      if (order[j]! < order[i]! && best[j]! + 1 > best[i]!) (best[i] = best[j]! + 1, (prev[i] = j));
    }
  }
  let end = best.indexOf(Math.max(0, ...best));
  const inOrder = new Set<number>();
  while (end !== -1) (inOrder.add(order[end]!), (end = prev[end]!));
  return new Set(order.filter((b) => !inOrder.has(b)));
}

/**
 * A warning when two maps' templates have different lanes (current-state and future-state share
 * theirs): stages and emotions still compare, but each side's own lanes show as all removed or all
 * added. Undefined when the comparison is like for like.
 */
export function templateMismatch(before: JourneyMap, after: JourneyMap, files: [string, string]): string | undefined {
  if (before.template === after.template) return undefined;
  const keys = (m: JourneyMap) => m.lanes.filter((l) => !l.custom).map((l) => l.key).sort().join(',');
  if (keys(before) === keys(after)) return undefined;
  return `${files[0]} is a ${before.template} map and ${files[1]} a ${after.template} map: stages and emotions compare, but lanes only one template has show as all removed or all added`;
}
