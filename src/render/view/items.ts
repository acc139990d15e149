// A table's cells: the items a map's stage holds, as the layouts print them.
import type { UiLabels } from '../../core/locale.js';
import type { Confidence, Item, Kpi, Touchpoint } from '../../core/model.js';
import { channelIcon } from '../icons.js';
import type { CellView, ItemView } from './types.js';

/**
 * An item as the layouts print it: a touchpoint has a channel, a KPI a metric line; `evidence` adds
 * how sure the map is of it and where it comes from. Every item has the same fields in the same order
 * (one shape for V8, which optimises this in every thread of a batch).
 */
function itemView(text: string, extra: { channel?: string | null; metric?: ItemView['metric'] } = {}, evidence?: { confidence: Confidence | null; source: string | null }, ui?: UiLabels): ItemView {
  const channel = extra.channel ?? null;
  const metric = extra.metric ?? null;
  const confidence = evidence?.confidence ?? null;
  return {
    text,
    channel,
    channelIcon: channel ? channelIcon(channel) : null,
    metric,
    confidence,
    confidenceWord: confidence && ui ? ui.confidence[confidence] : null,
    source: evidence?.source ?? null,
    sourceNumber: null,
    dirAuto: RIGHT_TO_LEFT.test(text) || (channel !== null && RIGHT_TO_LEFT.test(channel)) || (metric !== null && RIGHT_TO_LEFT.test(metric.text)),
  };
}
/** Letters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko… and their presentation forms). */
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

export function cell(values: readonly (string | Item | Touchpoint)[], ui: UiLabels): CellView {
  const items: ItemView[] = [];
  for (const v of values) items.push(typeof v === 'string' ? itemView(v) : 'name' in v ? itemView(v.name, { channel: v.channel }, v, ui) : itemView(v.text, undefined, v, ui));
  return cellOf(items);
}

export function cellOf(items: ItemView[]): CellView {
  return { items, single: items.length === 1, empty: items.length === 0 };
}

/** A KPI with its target and, once a metrics file is applied, its value, whether it is met and the data's date. */
export function kpiItem(kpi: Kpi, ui: UiLabels): ItemView {
  const words = ui.metric;
  const reading = kpi.reading;
  if (!reading && !kpi.target) return itemView(kpi.name);
  const parts: string[] = [];
  if (reading) parts.push(reading.value ?? words.noData);
  if (kpi.target) parts.push(`${words.target} ${kpi.target}`);
  if (reading?.met != null) parts.push(reading.met ? `✓ ${words.met}` : `✗ ${words.notMet}`);
  if (reading?.date) parts.push(words.asOf.replace('{date}', () => reading.date!));
  const status = !reading ? 'target' : reading.value === null ? 'missing' : reading.met === null ? 'value' : reading.met ? 'met' : 'not-met';
  return itemView(kpi.name, { metric: { text: parts.join(' · '), status } });
}
