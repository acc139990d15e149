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
  /**
   * For each table (group of stages), where its rows part over pages: the units (the curve and each
   * lane's row, counted down the table) that start a new table, for a map too tall for a page.
   */
  rowBreaks?: number[][];
}

/**
 * Runs of at most `size` stages, as even as possible (30 by 9 → 8, 8, 8, 6), each parted by its rows
 * where `rowBreaks` says: each part repeats the stage names and the band's heading, and the curve and a
 * blueprint line stay with the rows after them.
 */
export function splitTables(view: Omit<View, 'tables'>, options: TableOptions, pageOf: string): TableView[] {
  const size = options.stagesPerTable ?? view.stageCount;
  const count = Math.max(1, Math.ceil(view.stageCount / Math.max(1, size)));
  const per = Math.ceil(view.stageCount / count);
  const parts = Array.from({ length: count }, (_, t) => {
    const [from, to] = [t * per, Math.min(view.stageCount, (t + 1) * per)];
    const [first, last] = [view.stages[from], view.stages[to - 1]];
    const stages = view.stages.slice(from, to);
    const table: TableView = {
      part: count > 1 && first && last ? `${first.heading}–${last.label}` : null,
      titleLine: options.titleLines ?? false,
      pageLabel: null,
      stages,
      stageCount: to - from,
      groups: columnGroups(stages),
      curve: sliceCurve(view.curve, from, to),
      sections: view.sections.map((section) => ({ ...section, rows: section.rows.map((row) => ({ ...row, cells: row.cells.slice(from, to) })) })),
    };
    return rowParts(table, options.rowBreaks?.[t] ?? []);
  }).flat();
  if (options.pageLabels && parts.length > 1) parts.forEach((p, i) => (p.pageLabel = pageOf.replace('{page}', String(i + 1)).replace('{pages}', String(parts.length))));
  return parts;
}

/** A table parted before each of the units in `breaks` (see TableOptions.rowBreaks). */
function rowParts(table: TableView, breaks: number[]): TableView[] {
  if (!breaks.length) return [table];
  const bounds = [0, ...breaks, Infinity];
  let unit = 0;
  // Each section's units: its curve (when drawn) and its rows, numbered down the table.
  const units = table.sections.map((section) => {
    const curve = section.curve && table.curve.hasScores ? unit++ : null;
    return { curve, rows: section.rows.map(() => unit++) };
  });
  return bounds.slice(1).map((end, p) => {
    const inPart = (u: number | null) => u !== null && u >= bounds[p]! && u < end;
    const sections = table.sections.flatMap((section, i) => {
      const { curve, rows } = units[i]!;
      const own = section.rows.filter((_, r) => inPart(rows[r]!));
      if (!inPart(curve) && !own.length) return [];
      // The blueprint's line above the band only where the band begins; its heading on every part.
      const begins = inPart(curve ?? rows[0] ?? null);
      return [{ ...section, line: begins ? section.line : null, lineKey: begins ? section.lineKey : null, curve: inPart(curve), rows: own }];
    });
    return { ...table, sections };
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
