// The evidence below the map: the sources its items cite, numbered, and the confidence marks it uses.
import type { EvidenceView, SectionView } from './types.js';

/**
 * Numbers the sources the items cite, in reading order (each row, stage by stage, band by band: the
 * order the map's table is read in), each source once; sets each item's `sourceNumber`, and notes
 * which confidence marks are used. Null when no item has either.
 */
export function evidenceOf(sections: SectionView[]): EvidenceView | null {
  const numbers = new Map<string, number>();
  const used = { assumed: false, observed: false, reported: false };
  for (const section of sections) {
    for (const row of section.rows) {
      for (const cell of row.cells) {
        for (const item of cell.items) {
          if (item.confidence) used[item.confidence] = true;
          if (item.source === null) continue;
          if (!numbers.has(item.source)) numbers.set(item.source, numbers.size + 1);
          item.sourceNumber = numbers.get(item.source)!;
        }
      }
    }
  }
  if (!numbers.size && !used.assumed && !used.observed && !used.reported) return null;
  return { sources: [...numbers].map(([text, number]) => ({ number, text })), ...used };
}
