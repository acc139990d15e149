// CSV records for import and metrics, with the line each record starts on, read by csv-parse
// (loaded only when a CSV is read). A file it cannot read is a problem at its line.
import { problem, type Diagnostic } from '../core/diagnostics.js';

export interface CsvRecord {
  cells: string[];
  /** The line the record starts on: a quoted cell may hold line breaks. */
  line: number;
}

export async function parseCsv(file: string, text: string, options: { skipEmpty?: boolean } = {}): Promise<{ ok: true; records: CsvRecord[] } | { ok: false; diagnostics: Diagnostic[] }> {
  const { parse } = await import('csv-parse/sync');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { info: true, bom: true, relax_column_count: true, skip_empty_lines: options.skipEmpty ?? false }) as unknown as typeof records;
  } catch (error) {
    const e = error as { lines?: number; message?: string };
    // The library's message, without its own position (the diagnostic has it) and any control character of the file.
    const message = (e.message ?? String(error))
      .replace(/\s*(at|on) line \d+.*$/s, '')
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, '?')
      .replace(/^([A-Z])/, (c) => c.toLowerCase());
    return { ok: false, diagnostics: [problem(file, e.lines ?? 1, 1, 'csv', message, 'import-error')] };
  }
  // info.lines is where a record ends; it starts after the previous one (or its skipped blank lines).
  let next = 1;
  const out = records.map(({ record, info }) => {
    const height = record.reduce((n, cell) => n + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
    const line = options.skipEmpty ? info.lines - height : next;
    next = info.lines + 1;
    return { cells: record, line };
  });
  return { ok: true, records: out };
}
