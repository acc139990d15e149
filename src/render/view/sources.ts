// The evidence below the map: the sources its items cite, numbered, and the confidence marks it uses.
// Pure functions of the sections: the numbering is worked out first, then given to the items.
import type { EvidenceView, ItemView, SectionView } from './types.js';

/**
 * The items in reading order: each row, stage by stage, band by band (the order the map's table is
 * read in). A list, not a generator: V8 compiles and runs plain loops far more cheaply.
 */
function itemsInOrder(sections: readonly SectionView[]): ItemView[] {
  const items: ItemView[] = [];
  for (const section of sections) for (const row of section.rows) for (const cell of row.cells) for (const item of cell.items) items.push(item);
  return items;
}

/** Each source the items cite, numbered from 1 in the order the reader first meets it. */
export function sourceNumbers(sections: readonly SectionView[]): ReadonlyMap<string, number> {
  const numbers = new Map<string, number>();
  for (const { source } of itemsInOrder(sections)) if (source !== null && !numbers.has(source)) numbers.set(source, numbers.size + 1);
  return numbers;
}

/** The sections with each item's `sourceNumber` filled in from `numbers` (new objects; the given ones are left as they are). */
export function numberSources(sections: SectionView[], numbers: ReadonlyMap<string, number>): SectionView[] {
  if (!numbers.size) return sections;
  const item = (i: ItemView): ItemView => (i.source === null ? i : { ...i, sourceNumber: numbers.get(i.source)! });
  return sections.map((section) => ({
    ...section,
    rows: section.rows.map((row) => ({ ...row, cells: row.cells.map((cell) => ({ ...cell, items: cell.items.map(item) })) })),
  }));
}

/** The sources, numbered, and which confidence marks the items use; null when no item has either. */
export function evidenceOf(sections: readonly SectionView[], numbers: ReadonlyMap<string, number>): EvidenceView | null {
  const used = { assumed: false, observed: false, reported: false };
  for (const { confidence } of itemsInOrder(sections)) if (confidence) used[confidence] = true;
  if (!numbers.size && !used.assumed && !used.observed && !used.reported) return null;
  return { sources: [...numbers].map(([text, number]) => ({ number, text })), ...used };
}
