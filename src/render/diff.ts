// The three faces of `journey diff`: terminal text, Markdown for a pull-request comment, and an
// HTML page with both emotion curves drawn in the changes table, above the changes highlighted per cell.
import type { ChalkInstance } from 'chalk';
import { templateMismatch, type BranchStageDiff, type MapDiff, type StageDiff } from '../core/diff.js';
import { DIFF, type DiffLabels } from '../core/locale.js';
import { htmlEngine } from './html.js';
import { withSymbols } from './symbols.js';
import { mdCell, mdLine, mdText } from './markdown-text.js';
import { signedScore } from '../core/emotion.js';
import { buildCurveView, describeCurve, markerShape, type SeriesInput } from './curve.js';

const score = (n: number | null) => (n === null ? '–' : signedScore(n));
const delta = (d: StageDiff) => (d.emotion.delta === null ? '' : d.emotion.delta === 0 ? '±0' : signedScore(d.emotion.delta));
/** The diff's own words follow the later map's locale, like the lane labels it shows. */
const wordsOf = (diff: MapDiff): DiffLabels => DIFF[diff.after.locale];

function statusNote(d: StageDiff, w: DiffLabels): string {
  const notes = [];
  if (d.status === 'added') notes.push(w.added);
  if (d.status === 'removed') notes.push(w.removed);
  if (d.moved) notes.push(w.moved(d.beforeIndex! + 1, d.afterIndex! + 1));
  if (d.renamedFrom) notes.push(w.renamed(d.renamedFrom));
  return notes.join(', ');
}

export function summaryLine(diff: MapDiff): string {
  const c = diff.counts;
  const compared = [...diff.stages, ...diff.branches].filter((d) => d.status === 'matched').length;
  return wordsOf(diff).summary({ compared, better: c.better, worse: c.worse, same: c.same, added: c.added, removed: c.removed, moved: c.moved, open: c.unaddressed });
}

export function diffText(diff: MapDiff, files: [string, string], paint: ChalkInstance): string {
  const w = wordsOf(diff);
  const out = [paint.bold(`${files[0]} → ${files[1]}`), `${diff.before.title} → ${diff.after.title}`, ''];
  for (const d of [...diff.stages, ...diff.branches]) {
    const mark = d.status === 'added' ? paint.green('+') : d.status === 'removed' ? paint.red('−') : d.moved ? paint.yellow('↕') : ' ';
    const trend = d.emotion.trend === 'better' ? paint.green : d.emotion.trend === 'worse' ? paint.red : paint.dim;
    const emotion = d.personas.length
      ? ''
      : d.status === 'matched' && (d.emotion.before !== null || d.emotion.after !== null)
        ? trend(`${w.emotion} ${score(d.emotion.before)} → ${score(d.emotion.after)}${d.emotion.delta !== null ? ` (${delta(d)}, ${w.trend[d.emotion.trend]})` : ''}`)
        : '';
    const note = statusNote(d, w);
    const where = 'fork' in d ? paint.dim(`${branchPlace(d as BranchStageDiff)}: `) : '';
    out.push(`${mark} ${where}${paint.bold(d.name)}${note ? paint.dim(` (${note})`) : ''}${emotion ? `  ${emotion}` : ''}`);
    if (d.status !== 'matched') continue;
    // Several personas: a line each, with its own trend.
    for (const p of d.personas) {
      if (p.before === null && p.after === null) continue;
      const paintTrend = p.trend === 'better' ? paint.green : p.trend === 'worse' ? paint.red : paint.dim;
      out.push(`    ${paintTrend(`${p.name}: ${w.emotion} ${score(p.before)} → ${score(p.after)}${p.delta !== null ? ` (${p.delta === 0 ? '±0' : signedScore(p.delta)}, ${w.trend[p.trend]})` : ''}`)}`);
    }
    for (const lane of d.changed) {
      out.push(`    ${paint.cyan(lane.label)}`);
      for (const r of lane.removed) out.push(`      ${paint.red(`− ${r}`)}`);
      for (const a of lane.added) out.push(`      ${paint.green(`+ ${a}`)}`);
    }
    for (const p of d.unaddressed) out.push(`    ${paint.yellow(`${w.stillOpen}: ${p}`)}`);
  }
  out.push('', summaryLine(diff));
  return `${out.join('\n')}\n`;
}

export function diffMarkdown(diff: MapDiff, files: [string, string]): string {
  const w = wordsOf(diff);
  const ui = diff.after.labels.ui;
  const lines = [
    `## ${w.title}: ${mdLine(diff.after.title)}`,
    '',
    `\`${files[0].replace(/`/g, "'")}\` → \`${files[1].replace(/`/g, "'")}\`: ${summaryLine(diff)}.`,
    '',
    `| ${ui.stage} | ${ui.emotion} | ${w.change} | ${ui.notes} |`,
    '| --- | --- | --- | --- |',
  ];
  for (const d of [...diff.stages, ...diff.branches]) {
    const sign = d.emotion.trend === 'better' ? '📈 ' : d.emotion.trend === 'worse' ? '📉 ' : '';
    const where = 'fork' in d ? `${mdCell(branchPlace(d as BranchStageDiff))}: ` : '';
    if (d.personas.length) {
      // Several personas: a line each in the emotion and change cells.
      const shown = d.personas.filter((p) => p.before !== null || p.after !== null);
      const emotion = shown.map((p) => `${mdCell(p.name)} ${d.status === 'matched' ? `${score(p.before)} → ${score(p.after)}` : d.status === 'added' ? score(p.after) : score(p.before)}`).join('<br>');
      const change = shown.map((p) => `${p.trend === 'better' ? '📈 ' : p.trend === 'worse' ? '📉 ' : ''}${p.delta === null ? '' : p.delta === 0 ? '±0' : signedScore(p.delta)}`).join('<br>');
      lines.push(`| ${where}${mdCell(d.name)} | ${emotion} | ${change} | ${mdCell(notes(d, w))} |`);
      continue;
    }
    const emotion = d.status === 'matched' ? `${score(d.emotion.before)} → ${score(d.emotion.after)}` : d.status === 'added' ? score(d.emotion.after) : score(d.emotion.before);
    lines.push(`| ${where}${mdCell(d.name)} | ${emotion} | ${sign}${delta(d)} | ${mdCell(notes(d, w))} |`);
  }
  for (const d of [...diff.stages, ...diff.branches].filter((s) => s.status === 'matched' && (s.changed.length || s.unaddressed.length))) {
    lines.push('', `### ${'fork' in d ? `${mdLine(branchPlace(d as BranchStageDiff))}: ` : ''}${mdLine(d.name)}`, '');
    for (const lane of d.changed) {
      lines.push(`- **${mdText(lane.label)}**`);
      for (const r of lane.removed) lines.push(`  - ➖ ${mdText(r)}`);
      for (const a of lane.added) lines.push(`  - ➕ ${mdText(a)}`);
    }
    for (const p of d.unaddressed) lines.push(`- ⚠️ ${w.stillOpen}: ${mdText(p)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Where a branch stage is: `Decision ⑂ Buys from us`. */
const branchPlace = (d: BranchStageDiff) => `${d.fork.name} ⑂ ${d.branch.name}`;

/** A stage's row note: added, removed, moved or renamed, how many lanes changed, pain points still open; never empty. */
function notes(d: StageDiff, w: DiffLabels): string {
  const parts = [statusNote(d, w)];
  if (d.status === 'matched') {
    parts.push(d.changed.length ? w.lanesChanged(d.changed.length) : w.unchanged);
    if (d.unaddressed.length) parts.push(w.painPointsOpen(d.unaddressed.length));
  }
  return parts.filter(Boolean).join('; ');
}

/** For `--fail-on-regression`: which stages feel worse, in the map's locale; undefined when none does. */
export function regressionMessage(diff: MapDiff): string | undefined {
  const worse = [...diff.stages, ...diff.branches].filter((s) => s.emotion.trend === 'worse').map((s) => `"${s.name}"`);
  return worse.length ? wordsOf(diff).regression(worse.join(', ')) : undefined;
}

/** The comparison as JSON-ready data, for bots that comment on pull requests: changes per stage. */
export function diffJson(diff: MapDiff, files: [string, string]) {
  const side = (map: MapDiff['before'], file: string) => ({ file, title: map.title, template: map.template, locale: map.locale });
  const compared = [...diff.stages, ...diff.branches].filter((d) => d.status === 'matched').length;
  return {
    before: side(diff.before, files[0]),
    after: side(diff.after, files[1]),
    summary: { compared, ...diff.counts, regression: diff.regression, text: summaryLine(diff) },
    warnings: [templateMismatch(diff.before, diff.after, files)].filter((w): w is string => w !== undefined),
    stages: diff.stages.map((d) => ({
      id: d.id,
      name: d.name,
      status: d.status,
      renamedFrom: d.renamedFrom,
      /** 1-based, as the documents number stages; null on the side a stage is missing from. */
      position: { before: d.beforeIndex === null ? null : d.beforeIndex + 1, after: d.afterIndex === null ? null : d.afterIndex + 1 },
      moved: d.moved,
      emotion: d.emotion,
      ...(d.personas.length ? { personas: d.personas } : {}),
      changes: d.changed.map((l) => ({ lane: l.key, label: l.label, added: l.added, removed: l.removed })),
      stillOpen: d.unaddressed,
    })),
    ...(diff.branches.length
      ? {
          branches: diff.branches.map((d) => ({
            fork: d.fork,
            branch: d.branch,
            id: d.id,
            name: d.name,
            status: d.status,
            renamedFrom: d.renamedFrom,
            /** 1-based within its branch. */
            position: { before: d.beforeIndex === null ? null : d.beforeIndex + 1, after: d.afterIndex === null ? null : d.afterIndex + 1 },
            emotion: d.emotion,
            ...(d.personas.length ? { personas: d.personas } : {}),
            changes: d.changed.map((l) => ({ lane: l.key, label: l.label, added: l.added, removed: l.removed })),
            stillOpen: d.unaddressed,
          })),
        }
      : {}),
  };
}
export type DiffJson = ReturnType<typeof diffJson>;

/** The changes table's columns: the main path's stages, each fork's branch stages after the stage that forks. */
function diffColumns(diff: MapDiff): StageDiff[] {
  const columns: StageDiff[] = [...diff.stages];
  for (const d of diff.branches) {
    let at = -1;
    columns.forEach((c, i) => (c.id === d.fork.id || ('fork' in c && (c as BranchStageDiff).fork.id === d.fork.id)) && (at = i));
    columns.splice(at === -1 ? columns.length : at + 1, 0, d);
  }
  return columns;
}

export function diffHtml(diff: MapDiff, files: [string, string]): string {
  const engine = htmlEngine();
  const ui = diff.after.labels.ui;
  const columns = diffColumns(diff);
  const forks = columns.length > diff.stages.length;
  const laneKeys = columns[0]?.lanes.map((l, i) => ({ key: l.key, label: l.label, i })) ?? [];
  const rows = laneKeys
    .filter(({ i }) => columns.some((d) => d.lanes[i]!.added.length || d.lanes[i]!.removed.length || d.lanes[i]!.kept.length))
    .map(({ key, label, i }) => ({
      key,
      label,
      cells: columns.map((d) => {
        const lane = d.lanes[i]!;
        return { kept: lane.kept, added: d.status === 'matched' ? lane.added : [], removed: d.status === 'matched' ? lane.removed : [], plain: d.status === 'added' ? lane.added : d.status === 'removed' ? lane.removed : [], changed: Boolean(lane.added.length || lane.removed.length) && d.status === 'matched' };
      }),
    }));
  const w = wordsOf(diff);
  const html = engine.layout('diff')({
    lang: diff.after.locale,
    title: `${diff.before.title} → ${diff.after.title}`,
    template: diff.after.template,
    css: engine.css + (forks || diff.stages.some((d) => d.personas.length) ? (engine.styles.rich ?? '') : ''),
    files,
    summary: summaryLine(diff),
    regression: diff.regression,
    curve: chart(diff, files, ui, columns),
    stages: columns.map((d) => ({
      name: d.name,
      path: 'fork' in d ? `${(d as BranchStageDiff).fork.name} → ${(d as BranchStageDiff).branch.name}` : null,
      status: d.status,
      note: statusNote(d, w),
      emotion: d.status === 'matched' ? `${score(d.emotion.before)} → ${score(d.emotion.after)}` : d.status === 'added' ? score(d.emotion.after) : score(d.emotion.before),
      trend: d.emotion.trend,
      trendWord: d.emotion.delta === null ? '' : `${delta(d)} ${w.trend[d.emotion.trend]}`,
      // Several personas: a line each, with its own change and trend (the cell's colour is the stage's).
      personas: d.personas
        .filter((p) => p.before !== null || p.after !== null)
        .map((p) => ({
          name: p.name,
          emotion: d.status === 'matched' ? `${score(p.before)} → ${score(p.after)}` : d.status === 'added' ? score(p.after) : score(p.before),
          trend: p.trend,
          trendWord: p.delta === null ? '' : `${p.delta === 0 ? '±0' : signedScore(p.delta)} ${w.trend[p.trend]}`,
        })),
      unaddressed: d.unaddressed,
    })),
    rows,
    labels: ui,
    words: { changes: w.changes },
  });
  return withSymbols(html.endsWith('\n') ? html : `${html}\n`);
}

/**
 * Both curves as a row of the changes table, so each point sits in its stage's column: the earlier
 * map's series first (dashed, hollow markers), the later one's on top (solid, filled).
 */
function chart(diff: MapDiff, files: [string, string], ui: MapDiff['after']['labels']['ui'], columns: StageDiff[]) {
  const before = (d: StageDiff) => (d.status === 'added' ? null : (d.emotion.before ?? beforeScore(diff, d)));
  const after = (d: StageDiff) => (d.status === 'removed' ? null : (d.emotion.after ?? afterScore(diff, d)));
  const sides = [
    { key: 'before', name: files[0], style: 2, score: before, map: diff.before },
    { key: 'after', name: files[1], style: 1, score: after, map: diff.after },
  ];
  const isBranch = (d: StageDiff): d is BranchStageDiff => 'fork' in d;
  const mainColumns = columns.flatMap((d, i) => (isBranch(d) ? [] : [i]));
  const inputs: SeriesInput[] = sides.flatMap((side) => {
    const main: SeriesInput = { key: side.key, name: side.name, style: side.style, scores: columns.map((d) => (isBranch(d) ? null : side.score(d))), route: mainColumns };
    // Each branch of a fork, as in the map: from the deciding stage's point through its stages to where the paths meet again.
    const branches = new Map<string, number[]>();
    columns.forEach((d, i) => isBranch(d) && branches.set(`${d.fork.id}/${d.branch.id}`, [...(branches.get(`${d.fork.id}/${d.branch.id}`) ?? []), i]));
    const paths = [...branches].map(([key, own]): SeriesInput => {
      const first = columns[own[0]!] as BranchStageDiff;
      const forkAt = columns.findIndex((d) => !isBranch(d) && d.id === first.fork.id);
      const rejoinId = side.map.stages.find((s) => s.id === first.fork.id)?.rejoin ?? null;
      const rejoinAt = rejoinId === null ? -1 : columns.findIndex((d) => !isBranch(d) && d.id === rejoinId);
      return {
        key: `${side.key}/${key}`,
        name: side.name,
        style: side.style,
        scores: columns.map((d, i) => (own.includes(i) ? side.score(d) : null)),
        route: [...(forkAt === -1 ? [] : [{ column: forkAt, score: side.score(columns[forkAt]!) }]), ...own, ...(rejoinAt === -1 ? [] : [{ column: rejoinAt, score: side.score(columns[rejoinAt]!) }])],
      };
    });
    return [main, ...paths];
  });
  const legendItems = sides.map((side) => ({ name: side.name, style: side.style, shape: markerShape(side.style), line: true, marker: true }));
  const curve = buildCurveView(inputs, ui, { labels: false, legendItems });
  const names = columns.map((d) => (isBranch(d) ? `${d.name} (${d.branch.name})` : d.name));
  // The description: one sentence per side, each column's point from whichever of the side's series has it.
  const description = sides
    .map((side) => {
      const own = curve.series.filter((s) => s.key === side.key || s.key.startsWith(`${side.key}/`));
      const parts = names.map((name, i) => {
        const point = own.map((s) => s.points[i]!).find((p) => p.scored);
        return `${name}: ${point ? `${point.word} (${point.scoreText})` : ui.noScore}`;
      });
      return `${ui.emotionCurve} (${side.name}): ${parts.join('; ')}.`;
    })
    .join(' ');
  return { ...curve, description: hasForks(columns) ? description : describeCurve(curve, names, ui) };
}

const hasForks = (columns: StageDiff[]) => columns.some((d) => 'fork' in d);
const beforeScore = (diff: MapDiff, d: StageDiff) => (d.beforeIndex === null ? null : 'fork' in d ? (d as BranchStageDiff).status === 'added' ? null : branchScore(diff.before, d as BranchStageDiff, d.beforeIndex) : diff.before.stages[d.beforeIndex]!.emotion);
const afterScore = (diff: MapDiff, d: StageDiff) => (d.afterIndex === null ? null : 'fork' in d ? branchScore(diff.after, d as BranchStageDiff, d.afterIndex) : diff.after.stages[d.afterIndex]!.emotion);
/** A branch stage's score in one map, found by its fork and branch ids and its place in the branch. */
const branchScore = (map: MapDiff['after'], d: BranchStageDiff, index: number) => map.stages.find((s) => s.branches.some((b) => b.id === d.branch.id))?.branches.find((b) => b.id === d.branch.id)?.stages[index]?.emotion ?? null;
