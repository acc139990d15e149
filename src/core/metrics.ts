// Live metrics: the values a metrics file gives KPIs that name a metric, and whether each meets its
// target. Pure: the file is read and parsed at the edge (pipeline/metrics.ts).
import { describeValue } from './describe.js';
import { formatPath, problem, type Diagnostic } from './diagnostics.js';
import { locate } from './locate.js';
import type { Source } from './source.js';
import type { JourneyMap, Kpi } from './model.js';

/** One metric's latest value as the metrics file gives it. */
export interface MetricValue {
  value: string;
  date: string | null;
}

/** The metrics of one file, by metric id; plain data, so worker threads can take it. */
export interface MetricsData {
  /** The file, as named in messages. */
  file: string;
  values: Record<string, MetricValue>;
}

/** A KPI that names a metric the file has no value for. */
export interface MissingMetric {
  stage: number;
  kpi: number;
  metric: string;
}

/**
 * The map with each KPI that names a metric given its reading. Several rows for one metric: the
 * caller keeps the latest, so a nightly job may append to one file.
 */
export function applyMetrics(map: JourneyMap, data: MetricsData): { map: JourneyMap; missing: MissingMetric[] } {
  const missing: MissingMetric[] = [];
  const stages = map.stages.map((stage, s) => ({
    ...stage,
    kpis: stage.kpis.map((kpi, k): Kpi => {
      if (!kpi.metric) return kpi;
      const found = Object.hasOwn(data.values, kpi.metric) ? data.values[kpi.metric]! : undefined;
      if (!found) missing.push({ stage: s, kpi: k, metric: kpi.metric });
      return { ...kpi, reading: { value: found?.value ?? null, date: found?.date ?? null, met: found ? isMet(found.value, kpi.target) : null } };
    }),
  }));
  return { map: { ...map, stages }, missing };
}

const NUMBER = /^(<=|>=|≤|≥|<|>)?\s*([+\-−]?\d[\d\s\u00a0\u202f]*(?:[.,]\d+)?)\s*(.*)$/;

/** `3.5%` → { at: 'least', n: 3.5, unit: '%' }; `< 2 days` → { at: 'most', n: 2, unit: 'days' }. */
function parseQuantity(text: string): { op: string; n: number; unit: string } | undefined {
  const m = NUMBER.exec(text.trim());
  if (!m) return undefined;
  const digits = m[2]!.replace(/[\s\u00a0\u202f]/g, '').replace('−', '-').replace(',', '.');
  const n = Number(digits);
  return Number.isFinite(n) ? { op: m[1] ?? '', n, unit: m[3]!.trim().toLowerCase() } : undefined;
}

/**
 * Whether `value` meets `target`. A target is a number with an optional unit and comparison
 * (`3.5%`, `>= 4.2`, `< 2 days`); a plain number means "at least". null when either is not a number
 * or their units differ.
 */
export function isMet(value: string, target: string | null): boolean | null {
  if (!target) return null;
  const v = parseQuantity(value);
  const t = parseQuantity(target);
  if (!v || !t || v.op || (v.unit && t.unit && v.unit !== t.unit)) return null;
  switch (t.op) {
    case '<':
      return v.n < t.n;
    case '<=':
    case '≤':
      return v.n <= t.n;
    case '>':
      return v.n > t.n;
    default:
      return v.n >= t.n;
  }
}

/** One row of a metrics file as read (a CSV record or a JSON object), with where each field is. */
export interface MetricsRow {
  fields: Record<string, unknown>;
  at: (field?: string) => { line: number; col: number };
}

const COLUMNS = ['metric', 'value', 'date'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The values of a metrics file's rows, checked: every row names a metric and its date, if any, is
 * YYYY-MM-DD. A row without a value gives none (the KPIs that name its metric warn). Several rows of
 * one metric: the latest date wins, and among rows of the same date the last one.
 */
export function collectMetrics(file: string, rows: readonly MetricsRow[]): { data: MetricsData; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const values: Record<string, MetricValue> = Object.create(null);
  const say = (row: MetricsRow, field: string | undefined, message: string) => {
    const { line, col } = row.at(field);
    diagnostics.push(problem(file, line, col, field ?? 'metrics', message, 'metrics-error'));
  };
  for (const row of rows) {
    const unknown = Object.keys(row.fields).filter((k) => !COLUMNS.includes(k));
    for (const key of unknown) say(row, key, `unknown column \`${key}\`: expected \`metric\`, \`value\` and optionally \`date\``);
    const metric = scalar(row.fields.metric);
    const value = scalar(row.fields.value);
    const date = scalar(row.fields.date);
    if (row.fields.metric !== undefined && metric === undefined) say(row, 'metric', `expected the metric's id as text, found ${describeValue(row.fields.metric)}`);
    else if (!metric) say(row, 'metric', 'expected the id of a metric (like conversion_rate), found nothing');
    if (row.fields.value != null && value === undefined) say(row, 'value', `expected a number or text, found ${describeValue(row.fields.value)}`);
    if (date && !DATE.test(date)) say(row, 'date', `expected a date as YYYY-MM-DD (like 2026-11-20), found ${describeValue(row.fields.date)}`);
    if (unknown.length || !metric || (date && !DATE.test(date)) || (row.fields.value != null && value === undefined)) continue;
    if (!value) continue; // a row without a value: each KPI that names the metric warns of it
    const previous = values[metric];
    if (!previous || (date ?? '') >= (previous.date ?? '')) values[metric] = { value, date: date || null };
  }
  return { data: { file, values }, diagnostics };
}

/** Text as written, a number as text; undefined for anything else. */
function scalar(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return v == null ? '' : undefined;
}

/** The warning for a KPI whose metric has no value, at the KPI's `metric` in the map. */
export function missingMetricWarning(file: string, source: Source | undefined, missing: MissingMetric, metricsFile: string): Diagnostic {
  const path = ['stages', missing.stage, 'kpis', missing.kpi, 'metric'];
  const { line, col } = source ? locate(source, path) : { line: 1, col: 1 };
  return { ...problem(file, line, col, formatPath(path), `no value for metric \`${missing.metric}\` in ${metricsFile}: the KPI shows "no data"`, 'metric-missing'), severity: 'warning' };
}
