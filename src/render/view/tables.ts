// The view split into tables, each a run of stages: a printed map in parts, a poster's pages.
import { sliceCurve } from '../curve.js';
import type { ColumnGroup, StageView, TableView, View } from './types.js';

export interface TableOptions {
  /** The most stages one table holds (default: all of them in one table). */
  stagesPerTable?: number;
  titleLines?: boolean;
  /** Number the tables as pages (a poster prints one table per page). */
  pageLabels?: boolean;
  /** The main path only, without forks' paths (Markdown, which lists the paths apart). */
  mainPath?: boolean;
}

/** Runs of at most `size` stages, as even as possible (30 by 9 → 8, 8, 8, 6). */
export function splitTables(view: Omit<View, 'tables'>, options: TableOptions, pageOf: string): TableView[] {
  const size = options.stagesPerTable ?? view.stageCount;
  const count = Math.max(1, Math.ceil(view.stageCount / Math.max(1, size)));
  const per = Math.ceil(view.stageCount / count);
  return Array.from({ length: count }, (_, t) => {
    const [from, to] = [t * per, Math.min(view.stageCount, (t + 1) * per)];
    const [first, last] = [view.stages[from], view.stages[to - 1]];
    const stages = view.stages.slice(from, to);
    return {
      part: count > 1 && first && last ? `${first.heading}–${last.label}` : null,
      titleLine: options.titleLines ?? false,
      pageLabel: options.pageLabels && count > 1 ? pageOf.replace('{page}', String(t + 1)).replace('{pages}', String(count)) : null,
      stages,
      stageCount: to - from,
      groups: columnGroups(stages),
      curve: sliceCurve(view.curve, from, to),
      sections: view.sections.map((section) => ({ ...section, rows: section.rows.map((row) => ({ ...row, cells: row.cells.slice(from, to) })) })),
    };
  });
}

/** A table's columns in runs: main-path stages, and each fork's path (also when a table holds only part of it). */
function columnGroups(stages: StageView[]): ColumnGroup[] | null {
  if (!stages.some((s) => s.branch)) return null;
  const groups: ColumnGroup[] = [];
  for (const stage of stages) {
    const last = groups[groups.length - 1];
    if (last && last.branch?.key === stage.branch?.key) (last.stages.push(stage), last.span++);
    else groups.push({ branch: stage.branch, span: 1, stages: [stage] });
  }
  return groups;
}
