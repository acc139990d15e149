// journey import, between the file and the core: reads a CSV, an XLSX, Markdown or a Mermaid journey
// diagram (each library loaded only here), turns it into a map (core/sheet-layout.ts, with
// core/markdown-map.ts for a Markdown table, or core/mermaid-journey.ts),
// writes it as YAML and checks the result like any map. The file may come from a pull request: its
// size is bounded, an XLSX's unpacked size too, and binary content is never echoed.
import { stat } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { quote } from '../core/describe.js';
import { problem, type Diagnostic } from '../core/diagnostics.js';
import { markdownGrid } from '../core/markdown-map.js';
import { isJourney, mermaidToMap } from '../core/mermaid-journey.js';
import { readMap } from '../core/read-map.js';
import { gridToMap, restoreFormula, type GridImport } from '../core/sheet-layout.js';
import { DEFAULT_LIMITS, decodeText, MAX_STAGES } from '../core/text.js';
import { fsReason, readBytes } from '../io/files.js';
import { templateIn, type TemplateRegistry } from '../core/templates.js';
import { parseCsv } from './csv.js';

export const IMPORT_KINDS = { '.csv': 'csv', '.xlsx': 'xlsx', '.mmd': 'mermaid', '.mermaid': 'mermaid', '.md': 'markdown' } as const;

/** An XLSX is a zip: refuse one whose parts would unpack to more than this (a "zip bomb"). */
const MAX_UNPACKED = 100 * 1024 * 1024;
/** Rows and columns of a sheet beyond any journey map (a map has at most MAX_STAGES stages). */
const MAX_ROWS = 1000;

export type ImportResult = { ok: true; yaml: string; stages: number; warnings: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

/** Reads and imports a file; one larger than the limit is refused before it is read. */
export interface ImportOptions {
  /** The templates a map may name; `template`, the one asked for. */
  templates: TemplateRegistry;
  template?: string;
  sheet?: string;
}

export async function importFile(file: string, cwd: string, options: ImportOptions): Promise<ImportResult> {
  const path = resolve(cwd, file);
  let bytes: Uint8Array;
  try {
    const { size } = await stat(path);
    if (size > DEFAULT_LIMITS.maxBytes) return { ok: false, diagnostics: [problem(file, 1, 1, 'file', tooLarge(size), 'too-large')] };
    bytes = await readBytes(path, { maxBytes: DEFAULT_LIMITS.maxBytes, projectRoot: cwd, expected: 'a spreadsheet or diagram file' });
  } catch (error) {
    return { ok: false, diagnostics: [problem(file, 1, 1, 'file', `cannot read the file: ${fsReason(error)}`, (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file-not-found' : 'file-unreadable')] };
  }
  return importMap(file, bytes, options);
}

const tooLarge = (size: number) => `file is ${Math.ceil(size / 1024)} KiB, larger than the limit of ${DEFAULT_LIMITS.maxBytes / 1024 / 1024} MiB`;

export async function importMap(shown: string, bytes: Uint8Array, options: ImportOptions): Promise<ImportResult> {
  const kind = IMPORT_KINDS[extname(shown).toLowerCase() as keyof typeof IMPORT_KINDS];
  const fail = (message: string, line = 1, col = 1, path = 'file'): ImportResult => ({ ok: false, diagnostics: [problem(shown, line, col, path, message, 'import-error')] });
  if (!kind) return fail(`cannot import a ${extname(shown) || 'file without extension'}: expected a .csv or .xlsx spreadsheet, a Mermaid journey (.mmd, .mermaid), or Markdown (.md) with a table of stages or a mermaid block`);
  if (bytes.length > DEFAULT_LIMITS.maxBytes) return fail(tooLarge(bytes.length));

  let name: string;
  let grid:
    | { rows: string[][]; address: (row: number, col: number) => { line: number; col: number; path: string }; band?: (row: number) => string | undefined; warnings?: { line: number; col: number; message: string }[] }
    | undefined;
  let made: { map?: Record<string, unknown>; diagnostics: Diagnostic[]; where?: GridImport['cells']; address?: NonNullable<typeof grid>['address'] };
  if (kind === 'xlsx') {
    const read = await readXlsx(shown, bytes, options.sheet);
    if (!read.ok) return read;
    grid = read.grid;
    name = `${basename(shown)}, sheet ${read.sheet}`;
  } else {
    const decoded = decodeText(shown, bytes, DEFAULT_LIMITS, { text: kind === 'csv' ? 'CSV text' : 'Mermaid text', file: 'a spreadsheet or diagram' });
    if (!decoded.ok) return decoded;
    name = basename(shown);
    if (kind === 'csv') {
      const read = await readCsv(shown, decoded.text);
      if (!read.ok) return read;
      grid = read.grid;
    } else {
      let mermaid: { text: string; offset: number } | undefined = { text: decoded.text, offset: 0 };
      if (kind === 'markdown') {
        if (bytes.length > MAX_MARKDOWN) return fail(`the Markdown is ${Math.ceil(bytes.length / 1024)} KiB, larger than the limit of ${MAX_MARKDOWN / 1024} KiB for a Markdown import (about 1,000 stages in journey's own Markdown)`);
        // A table (or journey's stage sections) is read as a sheet; else the first Mermaid journey.
        const read = await readMarkdown(decoded.text, options.templates);
        if (read.problem) return fail(read.problem.message, read.problem.line, read.problem.col, 'markdown');
        if (read.grid) grid = read.grid;
        mermaid = read.mermaid;
        if (!grid && !mermaid) return fail('found no table of stages and no ```mermaid block holding a journey diagram: expected a GFM table whose header row names the stages, or a Mermaid journey');
      }
      if (!grid) {
        // Without --template, a diagram becomes a map of the first template (current-state).
        const template = templateIn(options.templates, options.template) ?? Object.values(options.templates)[0]!;
        const result = mermaidToMap(mermaid!.text, { template, offset: mermaid!.offset });
        made = { map: result.map, diagnostics: result.problems.map((p) => problem(shown, p.line, p.col, 'mermaid', p.message, 'import-error')) };
      }
    }
  }
  if (grid) {
    if (grid.rows.length > MAX_ROWS || grid.rows.some((r) => r.length > MAX_STAGES + 1)) return fail(`the sheet has more than ${MAX_ROWS} rows or ${MAX_STAGES} stages: expected one journey map`);
    const result = gridToMap(grid.rows, { templates: options.templates, template: options.template, fallbackTitle: basename(shown, extname(shown)), rowBand: grid.band });
    const address = grid.address;
    made = {
      map: result.map,
      where: result.cells,
      address,
      diagnostics: [
        ...(grid.warnings ?? []).map((w) => ({ ...problem(shown, w.line, w.col, 'markdown', w.message, 'import-error'), severity: 'warning' as const })),
        ...result.problems.map((p) => {
          const at = address(p.row, p.col);
          return { ...problem(shown, at.line, at.col, at.path, p.message, 'import-error'), severity: p.severity };
        }),
      ],
    };
  }
  if (!made!.map || made!.diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics: made!.diagnostics };

  const { stringify } = await import('yaml');
  // The first comment names the source, so a reviewer knows where the map came from.
  const yaml = `# Imported by journey import from ${name}\n${stringify(made!.map, { lineWidth: 0 })}`;
  // Whatever the input said, the output must be a valid map: check it as one, and place any
  // problem back at the cell it came from.
  const checked = await readMap('imported map', new TextEncoder().encode(yaml), { templates: options.templates });
  if (!checked.ok) {
    return {
      ok: false,
      diagnostics: checked.diagnostics.map((d) => {
        const at = made!.where && made!.address ? placeOf(d.path, made!.where, made!.address) : undefined;
        // The map's own words (`persona`, `stages[2].emotion`) stay in the message: the cell alone may not say what is wrong.
        return at ? { ...d, file: shown, line: at.line, col: at.col, path: at.path, message: `${d.path}: ${d.message}` } : { ...d, file: shown, line: 1, col: 1 };
      }),
    };
  }
  return { ok: true, yaml, stages: checked.map.stages.length, warnings: made!.diagnostics };
}

/** `stages[2].emotion` → the cell that gave it (or its nearest parent's). */
function placeOf(path: string, cells: GridImport['cells'], address: (row: number, col: number) => { line: number; col: number; path: string }) {
  const parts = path.replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean);
  for (let n = parts.length; n > 0; n--) {
    const cell = cells.get(parts.slice(0, n).join('.'));
    if (cell) return address(cell.row, cell.col);
  }
  return undefined;
}

/** `B7`: a spreadsheet's name for a cell, 0-based row and column in. */
export function cellName(row: number, col: number): string {
  let letters = '';
  for (let c = col + 1; c > 0; c = Math.floor((c - 1) / 26)) letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return `${letters}${row + 1}`;
}

/** Every record of a CSV as a row: a spreadsheet program shows record n as row n. */
async function readCsv(shown: string, text: string) {
  const parsed = await parseCsv(shown, text);
  if (!parsed.ok) return parsed;
  const records = parsed.records;
  return {
    ok: true as const,
    // A cell that `journey export` neutralised against formulas reads back as the text it was.
    grid: { rows: records.map((r) => r.cells.map(restoreFormula)), address: (row: number, col: number) => ({ line: records[row]?.line ?? 1, col: col + 1, path: cellName(row, col) }) },
  };
}

/**
 * Markdown read with micromark's GFM parser (loaded only here): its table as a grid whose cells keep
 * their line and column, or else its first ```mermaid block that holds a journey.
 */
async function readMarkdown(text: string, templates: TemplateRegistry) {
  // Checked before parsing: micromark builds a node for every cell, and 5 MB of table took minutes and
  // gigabytes. A map's tables hold at most MAX_ROWS rows of MAX_STAGES stages; a table cell has a `|`.
  const pipes = countPipes(text);
  if (pipes.total > MAX_TABLE_CELLS || pipes.line !== undefined) {
    const at = pipes.line ?? pipes.totalLine!;
    return { problem: { line: at, col: 1, message: pipes.line !== undefined ? `a table row with more than ${MAX_STAGES.toLocaleString('en')} stages: expected one journey map` : `more than ${MAX_TABLE_CELLS.toLocaleString('en')} table cells by here: expected one journey map of a readable size` } };
  }
  const [{ fromMarkdown }, { gfm }, { gfmFromMarkdown }] = await Promise.all([import('mdast-util-from-markdown'), import('micromark-extension-gfm'), import('mdast-util-gfm')]);
  const tree = fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const read = markdownGrid(tree, templates);
  const code = tree.children.find((n) => n.type === 'code' && n.lang === 'mermaid' && isJourney(n.value));
  // The diagram starts on the line after the fence.
  const mermaid = code?.type === 'code' ? { text: code.value, offset: code.position!.start.line } : undefined;
  if (!read.grid) return { mermaid };
  const { rows, where, bands, warnings } = read.grid;
  return {
    grid: {
      rows,
      address: (row: number, col: number) => ({ ...(where[row]?.[col] ?? where[row]?.[0] ?? { line: 1, col: 1 }), path: 'markdown' }),
      band: (row: number) => bands[row],
      warnings,
    },
    mermaid,
  };
}

/**
 * micromark builds a tree of the whole file, at about 10 s and 1.5 GB a megabyte of list items: a
 * Markdown import is bounded tighter than the 5 MiB of other files.
 */
const MAX_MARKDOWN = 512 * 1024;

/** Table cells (`|`) a Markdown file may hold: 1,000 stages in 20 rows (micromark takes about 0.1 ms a cell). */
const MAX_TABLE_CELLS = 20_000;

/** The `|` in the text, and the first line where a row has more than a map's stages or the total passes the limit. */
function countPipes(text: string): { total: number; line?: number; totalLine?: number } {
  let total = 0;
  let inLine = 0;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) (line++, (inLine = 0));
    else if (c === 0x7c) {
      if (++inLine > MAX_STAGES + 2) return { total, line };
      if (++total > MAX_TABLE_CELLS) return { total, totalLine: line };
    }
  }
  return { total };
}

/** The first sheet (or the one asked for) as rows of text; read-excel-file gives a merged cell's value at its top-left cell. */
async function readXlsx(shown: string, bytes: Uint8Array, sheet: string | undefined) {
  const fail = (message: string) => ({ ok: false as const, diagnostics: [problem(shown, 1, 1, 'file', message, 'import-error')] });
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return fail('not an .xlsx file (an .xlsx is a zip archive; an old binary .xls must be saved as .xlsx first)');
  const { unzipSync } = await import('fflate');
  let unpacked = 0;
  try {
    // Only the sizes the archive declares are read here; nothing is unpacked.
    unzipSync(bytes, { filter: (f) => ((unpacked += f.originalSize), false) });
  } catch {
    return fail('not a readable .xlsx file: the zip archive is damaged');
  }
  if (unpacked > MAX_UNPACKED) return fail(`the workbook unpacks to ${Math.round(unpacked / 1024 / 1024)} MiB, more than the limit of ${MAX_UNPACKED / 1024 / 1024} MiB for one journey map`);
  const { default: readWorkbook } = await import('read-excel-file/node');
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    sheets = (await readWorkbook(Buffer.from(bytes), { trim: false })) as typeof sheets;
  } catch (error) {
    const code = (error as { code?: string }).code;
    return fail(code === 'XLS_FILE_NOT_SUPPORTED' ? 'an old binary .xls file: save it as .xlsx first' : 'not a readable .xlsx file: the workbook is damaged or not a spreadsheet');
  }
  const chosen = sheet === undefined ? sheets[0] : sheets.find((s) => s.sheet === sheet);
  if (!chosen) return fail(`no sheet named ${quote(sheet!)}: the workbook has ${sheets.map((s) => quote(s.sheet)).join(', ')}`);
  const quoted = /^[A-Za-z_][\w.]*$/.test(chosen.sheet) ? chosen.sheet : `'${chosen.sheet.replace(/'/g, "''")}'`;
  return {
    ok: true as const,
    sheet: chosen.sheet,
    grid: { rows: chosen.data.map((row) => row.map(cellText)), address: (row: number, col: number) => ({ line: row + 1, col: col + 1, path: `${quoted}!${cellName(row, col)}` }) },
  };
}

/** A cell as text: a date as YYYY-MM-DD (an `updated` or a day's time typed as a date), a number as written. */
function cellText(value: unknown): string {
  if (value == null) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return String(value);
}
