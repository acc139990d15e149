// `journey export`: a map as a spreadsheet, CSV or XLSX, in the layout `journey import` reads back
// (core/sheet-layout.ts). The writers (csv-stringify, write-excel-file) are loaded only here.
import type { JourneyMap } from '../core/model.js';
import { mapToGrid, neutraliseFormula } from '../core/sheet-layout.js';
import type { TemplateDefinition } from '../templates/types.js';

/** `template` is the map's. */
export async function renderSheet(map: JourneyMap, format: 'csv' | 'xlsx', template: TemplateDefinition): Promise<string | Uint8Array> {
  const { rows, width } = mapToGrid(map, template);
  if (format === 'csv') {
    const { stringify } = await import('csv-stringify/sync');
    // A byte-order mark, so spreadsheet programs open the file as UTF-8; quoted cells keep their line breaks.
    // No cell a spreadsheet would run as a formula (neutraliseFormula).
    return stringify(rows.map((r) => [...r.map(neutraliseFormula), ...Array(Math.max(0, width - r.length)).fill('')]), { bom: true });
  }
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  const header = rows.findIndex((r) => r.length > 1 && r[0] === '');
  const sheet = rows.map((row, r) =>
    r === 0
      ? // The title spans the map, as practitioners merge it.
        [{ value: row[0], type: String, columnSpan: width, fontWeight: 'bold' as const, fontSize: 14 }, ...Array(width - 1).fill(null)]
      : // Text is a string cell (t="s"), which no spreadsheet program runs as a formula; a score is a number cell.
        row.map((value, c) => ({ value, type: typeof value === 'number' ? Number : String, wrap: true, alignVertical: 'top' as const, fontWeight: c === 0 || r === header ? ('bold' as const) : undefined })),
  );
  const columns = Array.from({ length: width }, (_, c) => ({ width: c === 0 ? 40 : 32 }));
  const data = await writeXlsxFile(sheet as never, { columns, sheet: map.labels.ui.sheet, stickyRowsCount: header + 1, stickyColumnsCount: 1 } as never).toBuffer();
  return new Uint8Array(data);
}
