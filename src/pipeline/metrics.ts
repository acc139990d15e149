// Reads a metrics file (`--metrics`, or `metrics:` in the config) for a build: CSV or JSON rows of
// `metric, value[, date]`. It may come from a pull request, so it gets a map's limits: bounded size,
// no binary, strict UTF-8; a malformed file stops the build with every problem at its line.
import { extname, relative, resolve } from 'node:path';
import { quote } from '../core/describe.js';
import { problem } from '../core/diagnostics.js';
import { collectMetrics, type MetricsData, type MetricsRow } from '../core/metrics.js';
import { DEFAULT_LIMITS, decodeText } from '../core/text.js';
import { ProblemsError } from '../errors.js';
import { fsReason, readBytes } from '../io/files.js';
import type { Io } from '../io/terminal.js';
import { parseCsv } from './csv.js';

export interface MetricsSource {
  /** The path as given (for messages) and where it is. */
  shown: string;
  path: string;
  /** The project folder: a metrics file inside it may not lead out of it through a symbolic link. */
  within: string;
}

/** The metrics of the file; throws ProblemsError, with every problem at its line, when it is malformed. */
export async function loadMetrics(source: MetricsSource, maxBytes = DEFAULT_LIMITS.maxBytes): Promise<MetricsData> {
  const { shown, path } = source;
  const fail = (message: string): never => {
    throw new ProblemsError([{ file: shown, diagnostics: [problem(shown, 1, 1, 'file', message, 'metrics-error')] }]);
  };
  let bytes: Uint8Array = new Uint8Array();
  try {
    // A link inside the project may point anywhere: refused, as is anything but a regular file or
    // more than the limit, before (and while) reading.
    bytes = await readBytes(path, { maxBytes, projectRoot: source.within, expected: 'a metrics file' });
  } catch (error) {
    fail(`cannot read the metrics file: ${fsReason(error)}`);
  }
  const decoded = decodeText(shown, bytes, { ...DEFAULT_LIMITS, maxBytes }, { text: 'CSV or JSON text', file: 'a metrics file' });
  if (!decoded.ok) throw new ProblemsError([{ file: shown, diagnostics: decoded.diagnostics }]);
  const rows = extname(path).toLowerCase() === '.json' ? await jsonRows(shown, decoded.text) : await csvRows(shown, decoded.text);
  const { data, diagnostics } = collectMetrics(shown, rows);
  if (diagnostics.length) throw new ProblemsError([{ file: shown, diagnostics }]);
  return data;
}

/** `metric,value,date` with a header row. */
async function csvRows(file: string, text: string): Promise<MetricsRow[]> {
  const parsed = await parseCsv(file, text, { skipEmpty: true });
  if (!parsed.ok) throw new ProblemsError([{ file, diagnostics: parsed.diagnostics }]);
  const [head, ...body] = parsed.records;
  const header = (head?.cells ?? []).map((h) => h.trim().toLowerCase());
  if (!header.includes('metric') || !header.includes('value')) {
    const found = head ? quote(head.cells.join(','), 60) : 'an empty file';
    throw new ProblemsError([{ file, diagnostics: [problem(file, head?.line ?? 1, 1, 'csv', `expected a header row naming the columns \`metric\`, \`value\` and optionally \`date\`, found ${found}`, 'metrics-error')] }]);
  }
  return body.map(({ cells, line }) => ({
    fields: Object.fromEntries(header.flatMap((h, i) => (h && cells[i] !== undefined ? [[h, cells[i]]] : []))),
    at: (field) => ({ line, col: field ? header.indexOf(field) + 1 || 1 : 1 }),
  }));
}

/** A JSON list of `{ metric, value, date }`; read with the positioned YAML parser, so each problem has its line. */
async function jsonRows(file: string, text: string): Promise<MetricsRow[]> {
  const { parseSource } = await import('../core/source.js');
  const { locate } = await import('../core/locate.js');
  const parsed = parseSource(file, text);
  if (!parsed.ok) throw new ProblemsError([{ file, diagnostics: parsed.diagnostics }]);
  const list = parsed.value;
  if (!Array.isArray(list)) {
    throw new ProblemsError([{ file, diagnostics: [problem(file, 1, 1, 'json', 'expected a list of { "metric", "value", "date" } objects', 'metrics-error')] }]);
  }
  const notObjects = list.flatMap((item, i) => {
    if (item !== null && typeof item === 'object' && !Array.isArray(item)) return [];
    const { line, col } = locate(parsed.source, [i]);
    return [problem(file, line, col, `[${i}]`, 'expected an object: { "metric": …, "value": …, "date": … }', 'metrics-error')];
  });
  if (notObjects.length) throw new ProblemsError([{ file, diagnostics: notObjects }]);
  return list.map((item: Record<string, unknown>, i) => ({ fields: item, at: (field?: string) => locate(parsed.source, field ? [i, field] : [i]) }));
}

/** Where a build's metrics come from: `--metrics` (relative to the current folder), else the config's `metrics:`. */
export function metricsSource(option: string | undefined, config: { metrics?: string; dir: string } | undefined, io: Io): MetricsSource | undefined {
  if (option) return { shown: option, path: resolve(io.cwd, option), within: config?.dir ?? io.cwd };
  if (!config?.metrics) return undefined;
  const path = config.metrics;
  return { shown: relative(io.cwd, path) || path, path, within: config.dir };
}
