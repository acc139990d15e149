// One canonical layout for a map (journey fmt, and formatting in an editor): keys in the order of
// the format's documentation and of the template's lanes, two-space indentation, short lists on one
// line. Comments stay (the `yaml` Document keeps them on their nodes) and the meaning stays: only
// the keys of the format's own mappings are reordered, never a free-form mapping (demographics,
// per-persona scores), and a document with anchors keeps its order (an alias must follow its anchor).
// Pure: text in, text out.
import { isMap, isPair, isScalar, isSeq, visit, YAMLSeq, type Document, type Pair, type YAMLMap } from 'yaml';
import { isPlainObject } from './describe.js';
import { parseSource } from './source.js';
import { CUSTOM_LANE_KEY } from './schema.js';
import { templateIn, type TemplateRegistry } from './templates.js';
import { parseBounded } from './yaml-bounds.js';

export type FormatResult = { ok: true; text: string } | { ok: false; reason: string };

const TOP = ['template', 'title', 'summary', 'locale', 'updated', 'owners', 'goals', 'research', 'persona', 'personas', 'based_on', 'tags', 'lanes', 'stages'];
const PERSONA = ['id', 'name', 'description', 'image', 'goals', 'motives', 'frustrations', 'demographics'];
const LANE = ['key', 'label', 'band'];
const BRANCH = ['name', 'id', 'stages'];
/** The keys of a list item: text, touchpoint or KPI, then its evidence. */
const ITEM = ['text', 'name', 'channel', 'metric', 'target', 'confidence', 'source'];
const STAGE_HEAD = ['name', 'id'];
const STAGE_MOMENT = ['emotion', 'milestone', 'image', 'image_alt'];
const STAGE_AFTER_LANES = ['pain_points', 'opportunities', 'kpis', 'owner', 'technology', 'notes', 'branches', 'rejoin'];

/** Lists whose items stay blocks however short: a stage, a branch or a persona is a section of the map. */
const BLOCK_ITEMS = new Set(['stages', 'branches', 'personas']);

/** A line this long or shorter may hold a short list (`[a, b]`) or a flat item (`{ name: x, channel: web }`). */
const FLOW_WIDTH = 100;
/** Where a folded block of text (`>-`) wraps. */
const FOLD_WIDTH = 100;

/** The order of a stage's keys: name and id, the template's extra fields, the moment (emotion, milestone, image), the template's lanes, the custom lanes, then the common keys. */
function stageOrder(templates: TemplateRegistry, template: unknown, customLanes: readonly string[]): string[] {
  const def = templateIn(templates, template);
  // A template not known here (a project's own, formatted without its config): keys it does not name are its lanes.
  return [...STAGE_HEAD, ...Object.keys(def?.stageExtras ?? {}), ...STAGE_MOMENT, ...(def?.lanes.map((l) => l.key) ?? [ANY]), ...customLanes, ...STAGE_AFTER_LANES];
}

/** Formats a map (or a persona file, or any YAML of the format): the text in its canonical layout. */
export function formatMap(text: string, templates: TemplateRegistry): FormatResult {
  // Read as every map is, within the same limits (size, nodes, depth, aliases): a problem means no formatting.
  const parsed = parseSource('', text);
  if (!parsed.ok || parsed.diagnostics.some((d) => d.severity === 'error')) {
    const first = parsed.diagnostics[0];
    return { ok: false, reason: first ? `line ${first.line}: ${first.message} (run journey validate on it)` : 'it is not valid YAML' };
  }
  const doc = parsed.source.doc;
  const root = doc.contents;
  // An empty file, or one of comments only, holds no data to lay out: left as it is (printed, it would gain a `null`).
  if (root === null) return { ok: true, text };
  let hasAlias = false;
  visit(doc, { Alias: () => ((hasAlias = true), visit.BREAK) });
  if (isMap(root) && !hasAlias) reorderDocument(doc, root, templates);
  visit(doc, {
    Seq: (_, seq) => {
      seq.flow = fitsOnOneLine(seq, 'seq');
      if (seq.flow) seq.toString = unpaddedSeq(seq);
    },
    Map: (_, map, path) => {
      const parent = path.at(-1);
      // A flat item of a list (`- { name: Search, channel: web }`) and scores per persona may stand on one line; others are blocks.
      const item = isSeq(parent) && !BLOCK_ITEMS.has(keyOf(path.at(-2)) ?? '');
      map.flow = (item || keyOf(parent) === 'emotion') && fitsOnOneLine(map, 'map');
    },
  });
  keepFoldedLines(doc);
  const out = doc.toString({ indent: 2, indentSeq: true, lineWidth: 0, flowCollectionPadding: true });
  // A safety net for every caller (journey fmt, the editor's formatting): the formatter only moves
  // keys and changes layout, so the data must be the same.
  if (!sameData(text, out)) return { ok: false, reason: 'formatting would change its meaning; please report this map as a bug in journey' };
  return { ok: true, text: out };
}

function reorderDocument(doc: Document, root: YAMLMap, templates: TemplateRegistry): void {
  const first = root.items[0];
  const template = scalarOf(root, 'template');
  const value = doc.toJS() as unknown;
  const lanes = isPlainObject(value) && Array.isArray(value.lanes) ? value.lanes.flatMap((l) => (isPlainObject(l) && typeof l.key === 'string' && CUSTOM_LANE_KEY.test(l.key) ? [l.key] : [])) : [];
  // A persona file has `name` and no `stages`: its keys are a persona's.
  const isPersona = isPlainObject(value) && 'name' in value && !('stages' in value) && !('template' in value);
  reorder(root, isPersona ? PERSONA : TOP);
  const stageKeys = stageOrder(templates, template, lanes);
  const each = (node: unknown, order: string[], then?: (m: YAMLMap) => void) => {
    if (!isSeq(node)) return;
    for (const item of node.items) if (isMap(item)) (reorder(item, order), then?.(item));
  };
  const stage = (m: YAMLMap) => {
    for (const pair of m.items) {
      const key = keyOf(pair);
      if (key === 'branches') each(pair.value, BRANCH, (b) => each(b.get('stages', true), stageKeys, stage));
      else if (key !== 'emotion' && key !== 'name' && key !== 'id') each(pair.value, ITEM);
    }
  };
  // A comment block at the very top (the schema line) stays at the top, whatever key comes first.
  const leading = keyNode(first)?.commentBefore;
  if (leading && root.items[0] !== first) {
    keyNode(first)!.commentBefore = undefined;
    const now = keyNode(root.items[0]);
    if (now) now.commentBefore = now.commentBefore ? `${leading}\n${now.commentBefore}` : leading;
  }
  each(root.get('stages', true), stageKeys, stage);
  each(root.get('lanes', true), LANE);
  each(root.get('personas', true), PERSONA);
  const persona = root.get('persona', true);
  if (isMap(persona)) reorder(persona, PERSONA);
}

const keyNode = (pair: unknown) => (isPair(pair) && isScalar(pair.key) ? pair.key : undefined);
const keyOf = (pair: unknown): string | undefined => (isPair(pair) && isScalar(pair.key) ? String(pair.key.value) : undefined);

function scalarOf(map: YAMLMap, key: string): unknown {
  const node = map.get(key, true);
  return isScalar(node) ? node.value : undefined;
}

/** In an order, where the keys it does not name go. */
const ANY = '*';

/** Sorts a mapping's pairs by `order`; keys it does not name keep their order, where it says `*` or after the ones it names. */
function reorder(map: YAMLMap, order: readonly string[]): void {
  const unknown = order.includes(ANY) ? order.indexOf(ANY) : order.length;
  const rank = (pair: unknown) => {
    const i = order.indexOf(keyOf(pair) ?? '');
    return i === -1 ? unknown : i;
  };
  // A stable sort: equal ranks (unknown keys) stay as written.
  map.items = (map.items as Pair[]).map((pair, i) => ({ pair, i })).sort((a, b) => rank(a.pair) - rank(b.pair) || a.i - b.i).map(({ pair }) => pair);
}

/** A collection of plain one-line scalars with no comment, short enough for one line. */
function fitsOnOneLine(node: YAMLSeq | YAMLMap, kind: 'seq' | 'map'): boolean {
  if (node.items.length === 0) return Boolean(node.flow);
  if (node.comment || node.commentBefore) return false;
  let width = 0;
  // Plain text with a comma or a bracket would need quotes on one line: such a list stays a block.
  const quoted = (n: { type?: string }) => n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE';
  const scalar = (n: unknown) =>
    isScalar(n) && !n.comment && !n.commentBefore && !n.anchor && !n.tag && (quoted(n) || ((n.type === 'PLAIN' || n.type === undefined) && !/[,[\]{}]/.test(String(n.value)))) && !/[\n\r]/.test(String(n.value)) && ((width += String(n.value).length + 4), true);
  const ok = kind === 'seq' ? node.items.every(scalar) : node.items.every((p) => isPair(p) && scalar(p.key) && (p.value === null || scalar(p.value)));
  // The key in front of it and the indentation take about a quarter of the line.
  return ok && width <= FLOW_WIDTH * 0.75;
}

/** `[a, b]` (as the README writes lists) while mappings keep their padding: `{ name: x }`. */
function unpaddedSeq(seq: YAMLSeq): YAMLSeq['toString'] {
  return (ctx, onComment, onChompKeep) => YAMLSeq.prototype.toString.call(seq, ctx && { ...ctx, flowCollectionPadding: '' }, onComment, onChompKeep);
}

/**
 * Text stays on one line however long (a plain line folded in two reads like two keys to a person),
 * but a folded block (`summary: >-`) is refolded at FOLD_WIDTH, as its writer meant it to wrap.
 */
function keepFoldedLines(doc: Document): void {
  type Ctx = { options: object };
  const schema = doc.schema as unknown as { tags: { tag: string; format?: string; stringify?: (item: unknown, ctx: Ctx, ...rest: unknown[]) => string }[] };
  schema.tags = schema.tags.map((tag) => {
    if (tag.tag !== 'tag:yaml.org,2002:str' || tag.format || !tag.stringify) return tag;
    const stringify = tag.stringify;
    return {
      ...tag,
      stringify: (item: unknown, ctx: Ctx, ...rest: unknown[]) =>
        stringify(item, isScalar(item) && item.type === 'BLOCK_FOLDED' ? { ...ctx, options: { ...ctx.options, lineWidth: FOLD_WIDTH } } : ctx, ...rest),
    };
  });
}

/** The same data, key order aside (reordering keys is all the formatter may change). */
function sameData(before: string, after: string): boolean {
  const value = (text: string) => {
    const { doc } = parseBounded(text, { uniqueKeys: false });
    return !doc || doc.errors.length ? '(invalid YAML)' : canonical(doc.toJS());
  };
  return JSON.stringify(value(before)) === JSON.stringify(value(after));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value instanceof Date) return value.toISOString();
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical(value[k])]));
}
