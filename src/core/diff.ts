// Compares two maps of a journey: which stages were added, removed or moved, how each matched
// stage's emotion changed, and lane by lane what was added or removed. Pure.
import type { Item, JourneyMap, Stage, Touchpoint } from './model.js';
import { allStages } from './stages.js';

export type Trend = 'better' | 'worse' | 'same' | 'unscored';

export interface LaneChange {
  key: string;
  label: string;
  added: string[];
  removed: string[];
  kept: string[];
}

/** One persona's score at a stage, before and after (maps with several personas). */
export interface PersonaTrend {
  /** The persona's id, by which the two maps' personas are matched. */
  id: string;
  name: string;
  before: number | null;
  after: number | null;
  delta: number | null;
  trend: Trend;
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
  /**
   * The score before and after (the first persona's). With several personas, `trend` sums up `personas`:
   * worse when any persona feels worse, else better when any feels better, else the same.
   */
  emotion: { before: number | null; after: number | null; delta: number | null; trend: Trend };
  /** Persona by persona, when either map has several personas; empty otherwise. */
  personas: PersonaTrend[];
  /** Every lane with its items; `changed` lanes are those with something added or removed. */
  lanes: LaneChange[];
  changed: LaneChange[];
  /** Pain points of the earlier map that the later map still lists for this stage. */
  unaddressed: string[];
}

/** A stage of a fork's branch, matched by id across both maps' branches (then by name in the same branch). */
export interface BranchStageDiff extends StageDiff {
  /** The id and name of the stage that forks, and the branch's id and name (the later map's, for a stage it keeps). */
  fork: { id: string; name: string };
  branch: { id: string; name: string };
}

export interface MapDiff {
  before: JourneyMap;
  after: JourneyMap;
  /** The main path's stages. */
  stages: StageDiff[];
  /** The stages of forks' branches, in the later map's order, removed ones after their branch's others. */
  branches: BranchStageDiff[];
  counts: { added: number; removed: number; moved: number; better: number; worse: number; same: number; unaddressed: number };
  regression: boolean;
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');
/** An item as the diff shows it; a confidence mark is part of it, so `assumed` → `observed` shows as a change. */
const itemText = (v: string | Item | Touchpoint) => {
  if (typeof v === 'string') return v;
  const text = 'text' in v ? v.text : v.channel ? `${v.name} (${v.channel})` : v.name;
  return v.confidence ? `${text} [${v.confidence}]` : text;
};

/** The lanes to compare: the later map's, then any the earlier map has besides, then the common keys. */
function laneList(before: JourneyMap, after: JourneyMap): { key: string; label: string; pick: (s: Stage) => string[] }[] {
  const ui = after.labels.ui;
  const lanes = [...after.lanes, ...before.lanes.filter((l) => !after.lanes.some((a) => a.key === l.key))].map((l) => ({
    key: l.key,
    label: l.label,
    pick: (s: Stage) => (s.cells[l.key] ?? []).map(itemText),
  }));
  const common: [string, string, (s: Stage) => string[]][] = [
    ['pain_points', ui.painPoints, (s) => s.pain_points.map(itemText)],
    ['opportunities', ui.opportunities, (s) => s.opportunities.map(itemText)],
    ['kpis', ui.kpis, (s) => s.kpis.map((k) => (k.target ? `${k.name} (${k.target})` : k.name))],
    ['owner', ui.owner, (s) => (s.owner ? [s.owner] : [])],
    ['technology', ui.technology, (s) => s.technology.map(itemText)],
    ['notes', ui.notes, (s) => (s.notes ? [s.notes] : [])],
  ];
  return [...lanes, ...common.map(([key, label, pick]) => ({ key, label, pick }))];
}

/**
 * Pairs of indexes (after → before): by id first, then by name among the stages still unmatched, in
 * the same group (a branch). Indexed, so two maps of thousands of stages compare in linear time.
 */
function match<T extends { stage: Stage }>(before: T[], after: T[], groupOf: (t: T) => string = () => ''): Map<number, number> {
  const pairOf = new Map<number, number>();
  const used = new Set<number>();
  const byId = new Map<string, number>();
  before.forEach((t, i) => byId.has(t.stage.id) || byId.set(t.stage.id, i));
  after.forEach((s, a) => {
    const b = byId.get(s.stage.id);
    if (b !== undefined && !used.has(b)) (pairOf.set(a, b), used.add(b));
  });
  const byName = new Map<string, number[]>();
  before.forEach((t, i) => {
    if (used.has(i)) return;
    const key = `${groupOf(t)}\0${norm(t.stage.name)}`;
    const list = byName.get(key);
    if (list) list.push(i);
    else byName.set(key, [i]);
  });
  after.forEach((s, a) => {
    if (pairOf.has(a)) return;
    const b = byName.get(`${groupOf(s)}\0${norm(s.stage.name)}`)?.shift();
    if (b !== undefined) (pairOf.set(a, b), used.add(b));
  });
  return pairOf;
}

export function diffMaps(before: JourneyMap, after: JourneyMap): MapDiff {
  const wrap = (m: JourneyMap) => m.stages.map((stage) => ({ stage }));
  const pairOf = match(wrap(before), wrap(after));
  const used = new Set(pairOf.values());
  const moved = movedStages([...pairOf.entries()].sort((x, y) => x[0] - y[0]).map(([, b]) => b));
  const lanes = laneList(before, after);
  const personas = personaList(before, after);

  const stageDiff = (b: Stage | undefined, a: Stage | undefined, bi: number | null, ai: number | null): StageDiff => {
    const personaTrends = personas.map((p): PersonaTrend => ({ id: p.id, name: p.name, ...trend(b && p.before ? (b.emotions[p.id] ?? null) : null, a && p.after ? (a.emotions[p.id] ?? null) : null, Boolean(a && b)) }));
    const first = trend(b?.emotion ?? null, a?.emotion ?? null, Boolean(a && b));
    const emotion = personaTrends.length ? { ...first, trend: overall(personaTrends) } : first;
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
      personas: personaTrends,
      lanes: laneChanges,
      changed: laneChanges.filter((l) => l.added.length || l.removed.length),
      unaddressed: a && b ? b.pain_points.filter((p) => a.pain_points.some((q) => norm(q.text) === norm(p.text))).map((p) => p.text) : [],
    };
  };

  // The later map's order, with each removed stage placed after the stage that preceded it before.
  const stages: StageDiff[] = after.stages.map((s, a) => {
    const b = pairOf.get(a);
    return stageDiff(b === undefined ? undefined : before.stages[b], s, b ?? null, a);
  });
  // Each removed stage follows the latest-placed stage that came before it (in the earlier map).
  const lastBefore: number[] = []; // lastBefore[b]: the last position of a matched stage from before index < b
  const positionOf = new Map<number, number>();
  stages.forEach((d, i) => d.beforeIndex !== null && positionOf.set(d.beforeIndex, Math.max(i, positionOf.get(d.beforeIndex) ?? -1)));
  for (let b = 0, last = -1; b < before.stages.length; b++) {
    lastBefore[b] = last;
    last = Math.max(last, positionOf.get(b) ?? -1);
  }
  const removedAfter = new Map<number, StageDiff[]>();
  before.stages.forEach((s, b) => {
    if (used.has(b)) return;
    const anchor = lastBefore[b]!;
    const list = removedAfter.get(anchor);
    if (list) list.push(stageDiff(s, undefined, b, null));
    else removedAfter.set(anchor, [stageDiff(s, undefined, b, null)]);
  });
  stages.splice(0, stages.length, ...(removedAfter.get(-1) ?? []), ...stages.flatMap((d, i) => [d, ...(removedAfter.get(i) ?? [])]));

  // Branch stages: matched by id across every branch (ids are unique in a map), then by name in the same branch.
  const branchStages = (m: JourneyMap) =>
    allStages(m).flatMap(({ stage, fork, path }) => (fork ? [{ stage, fork: { id: fork.stage.id, name: fork.stage.name }, branch: { id: fork.branch.id, name: fork.branch.name }, index: path.at(-1) as number }] : []));
  const [bBefore, bAfter] = [branchStages(before), branchStages(after)];
  const groupOf = (x: { fork: { id: string }; branch: { id: string } }) => `${x.fork.id}\0${x.branch.id}`;
  const branchPairs = match(bBefore, bAfter, groupOf);
  const branchUsed = new Set(branchPairs.values());
  // Grouped by branch, in the later map's order; a removed stage ends its branch's group.
  const groups = new Map<string, BranchStageDiff[]>();
  const add = (key: string, d: BranchStageDiff) => {
    const group = groups.get(key);
    if (group) group.push(d);
    else groups.set(key, [d]);
  };
  bAfter.forEach((s, a) => {
    const b = branchPairs.get(a);
    const was = b === undefined ? undefined : bBefore[b]!;
    add(groupOf(s), { ...stageDiff(was?.stage, s.stage, was?.index ?? null, s.index), moved: false, fork: s.fork, branch: s.branch });
  });
  bBefore.forEach((s, b) => {
    if (!branchUsed.has(b)) add(groupOf(s), { ...stageDiff(s.stage, undefined, s.index, null), moved: false, fork: s.fork, branch: s.branch });
  });
  const branches = [...groups.values()].flat();

  const every = [...stages, ...branches];
  const count = (f: (d: StageDiff) => boolean) => every.filter(f).length;
  const counts = {
    added: count((d) => d.status === 'added'),
    removed: count((d) => d.status === 'removed'),
    moved: count((d) => d.moved),
    better: count((d) => d.emotion.trend === 'better'),
    worse: count((d) => d.emotion.trend === 'worse'),
    same: count((d) => d.emotion.trend === 'same'),
    unaddressed: every.reduce((n, d) => n + d.unaddressed.length, 0),
  };
  return { before, after, stages, branches, counts, regression: counts.worse > 0 };
}

/** The personas to compare, matched by id: the later map's, then those only the earlier map has. Empty unless a map has several. */
function personaList(before: JourneyMap, after: JourneyMap): { id: string; name: string; before: boolean; after: boolean }[] {
  if (before.personas.length < 2 && after.personas.length < 2) return [];
  const nameOf = (p: JourneyMap['personas'][number]) => p.persona?.name ?? p.id;
  const inBefore = new Set(before.personas.map((p) => p.id));
  const inAfter = new Set(after.personas.map((p) => p.id));
  return [...after.personas, ...before.personas.filter((p) => !inAfter.has(p.id))].map((p) => ({ id: p.id, name: nameOf(p), before: inBefore.has(p.id), after: inAfter.has(p.id) }));
}

/** A stage's trend over its personas: worse when any is worse, else better when any is better, else the same. */
function overall(trends: PersonaTrend[]): Trend {
  for (const t of ['worse', 'better', 'same'] as const) if (trends.some((p) => p.trend === t)) return t;
  return 'unscored';
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
