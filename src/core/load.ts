// Text in, validated model (or every problem, each at its line and column) out:
// parse with positions → validate → model. Pure. quick-load.ts is the fast path for valid maps.
import { closest, describeKind, describeValue, didYouMean, isPlainObject, listWords } from './describe.js';
import { bySourceOrder, type Diagnostic, type PathSegment } from './diagnostics.js';
import { issuesToDiagnostics } from './issues.js';
import type { Locale } from './locale.js';
import { locate } from './locate.js';
import type { JourneyMap } from './model.js';
import { isMap, isNode, isSeq, type Node } from 'yaml';
import { parseSource, type Source } from './source.js';
import { DEFAULT_LIMITS, decodeText, type Limits } from './text.js';
import { problem } from './diagnostics.js';
import { modelOf, validateMap } from './validate.js';
import { templateIn, templatesWithLane, type TemplateRegistry } from './templates.js';
import type { TemplateDefinition } from '../templates/types.js';

export type LoadResult =
  | { ok: true; map: JourneyMap; diagnostics: Diagnostic[]; /** Positions, for lint; absent on the quick path. */ source?: Source }
  | { ok: false; diagnostics: Diagnostic[] };

export interface LoadOptions {
  /** The templates a map may name: the built-in ones, and the project's own. */
  templates: TemplateRegistry;
  limits?: Limits;
  /** The locale of a map that sets none (from the config file); otherwise English. */
  defaultLocale?: Locale;
}

export function loadMapBytes(file: string, bytes: Uint8Array, options: LoadOptions): LoadResult {
  const decoded = decodeText(file, bytes, options.limits);
  return decoded.ok ? loadMap(file, decoded.text, options) : decoded;
}

export function loadMap(file: string, text: string, options: LoadOptions): LoadResult {
  const parsed = parseSource(file, text, options.limits ?? DEFAULT_LIMITS);
  if (!parsed.ok) return fail([...parsed.diagnostics, ...restOfFile(file, text, parsed, options)]);
  return check(file, parsed.source, parsed.value, parsed.diagnostics, options);
}

/** A parsed map checked against its template: the model, or every problem. */
function check(file: string, source: Source, value: unknown, warnings: Diagnostic[], options: LoadOptions): LoadResult {

  if (!isPlainObject(value)) {
    const { line, col } = locate(source, []);
    // Maybe not a map at all (a link to a secret, say): say what kind of thing it is, not what it says.
    const what = value == null ? 'an empty file' : describeKind(value);
    return fail([...warnings, problem(file, line, col, '(root)', `expected a journey map: a mapping with \`template\`, \`title\` and \`stages\`, found ${what}`, 'wrong-kind')]);
  }

  // An unknown template is reported, and the rest is still checked against the keys every template
  // shares: one mistake never hides the others.
  const { templates } = options;
  const template = templateIn(templates, value.template);
  const templateProblems = template ? [] : [templateProblem(source, value, templates)];
  const { schema, result } = validateMap(template, templates, value, options.defaultLocale);
  if (!result.success || !template) {
    const diagnostics = result.success
      ? []
      : issuesToDiagnostics(result.error.issues, {
          source,
          value,
          schema,
          explainUnknownKey: (key, path) => explainStageKey(template, templates, key, path),
          synonymOf: (key, path) => (template && isStagePath(path) ? template.synonyms?.[key] : undefined),
        });
    return fail([...warnings, ...templateProblems, ...diagnostics]);
  }
  return { ok: true, map: modelOf(template, result.data), diagnostics: warnings, source };
}

/**
 * The problems of the rest of a file with YAML syntax errors, so that one slip does not hide the
 * others. The lines the slips spoil are blanked (every other offset stays), the rest is parsed and
 * checked as usual, and a problem is kept only where no spoiled line lies in what it is about (its
 * stage or other list entry, the mapping that misses a key): none comes from a slip itself. When
 * the rest cannot be read either, a warning says it was not checked.
 */
function restOfFile(file: string, text: string, parsed: { diagnostics: Diagnostic[]; spoiled?: [number, number][] | null }, options: LoadOptions): Diagnostic[] {
  const first = parsed.diagnostics.find((d) => d.path === 'yaml' && d.severity === 'error');
  if (parsed.spoiled === undefined || !first) return [];
  const notChecked: Diagnostic = { ...problem(file, first.line, first.col, 'yaml', 'the rest of this file is checked once its YAML syntax is fixed', 'yaml-syntax'), severity: 'warning' };
  if (parsed.spoiled === null) return [notChecked];
  const lines = text.split(/(?<=\n)/);
  const ranges = parsed.spoiled.map(([from, to]) => [from, Math.min(to, lines.length - 1)] as const);
  const spoiled = new Set(ranges.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => from + i)));
  // A slip that spoils every line after it (a bracket that closes nothing) leaves those unchecked: say so.
  const toTheEnd = parsed.spoiled.find(([from, to]) => to === Infinity && lines.slice(from + 1).some((l) => /^\s*[^\s#]/.test(l)));
  if (toTheEnd) notChecked.message = `the rest of this file, after line ${toTheEnd[0] + 1}, is checked once its YAML syntax is fixed`;
  // A spoiled list entry keeps its `-` first, so the entries after it keep their numbers.
  for (const keepDashes of [true, false]) {
    const blanked = lines.map((line, i) => (spoiled.has(i) ? blank(line, keepDashes) : line)).join('');
    const again = parseSource(file, blanked, options.limits ?? DEFAULT_LIMITS);
    if (!again.ok) continue;
    const result = check(file, again.source, again.value, [], options);
    const found = result.ok ? [] : result.diagnostics.filter((d) => !spoils(again.source, spoiled, d));
    return toTheEnd ? [...found, notChecked] : found;
  }
  return [notChecked];
}

/** A line's text as spaces (its line break kept, and its indentation and `-` with `keepDashes`). */
function blank(line: string, keepDashes: boolean): string {
  const body = line.replace(/\r?\n$/, '');
  const lead = keepDashes ? /^ *(?:-(?: +|$))*/.exec(body)![0] : '';
  return lead + ' '.repeat(body.length - lead.length) + line.slice(body.length);
}

/** Whether a spoiled line lies in what a problem is about: the node it points at, or a list entry holding it. */
function spoils(source: Source, spoiled: ReadonlySet<number>, d: Diagnostic): boolean {
  if (spoiled.has(d.line - 1)) return true;
  const offset = (source.lines.lineStarts[d.line - 1] ?? 0) + d.col - 1;
  const lineOf = (o: number) => source.lines.linePos(o).line - 1;
  const touches = (from: number, to: number) => {
    for (let l = lineOf(from); l <= lineOf(to); l++) if (spoiled.has(l)) return true;
    return false;
  };
  const within = (n: unknown): n is Node => isNode(n) && !!n.range && n.range[0] <= offset && offset < Math.max(n.range[2], n.range[0] + 1);
  let node: unknown = source.doc.contents;
  let from = (node as Node | null)?.range?.[0] ?? 0;
  while (within(node)) {
    if (node.range![0] === offset) return touches(from, node.range![2]);
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items[lastStartingBy(node.items, (p) => (p.key as Node | null)?.range?.[0] ?? (p.value as Node | null)?.range?.[0], offset)];
      next = pair && (within(pair.key) ? pair.key : pair.value);
    } else if (isSeq(node)) {
      const i = lastStartingBy(node.items, (n) => (n as Node | null)?.range?.[0], offset);
      if (i < 0 || !within(node.items[i])) return false;
      const entry = node.items[i] as Node;
      // An entry runs from its `-`, which may stand on a line of its own above it, to its end.
      const before = source.text.slice(0, entry.range![0]).trimEnd();
      const start = before.endsWith('-') ? before.length - 1 : entry.range![0];
      if (isMap(entry) && touches(start, entry.range![2])) return true;
      next = entry;
      from = start;
      node = next;
      continue;
    }
    if (!isNode(next)) return false;
    from = next.range?.[0] ?? from;
    node = next;
  }
  return false;
}

/** The index of the last item that starts at or before `offset` (items stand in source order): a binary search, as a mapping may hold 100,000 keys. */
function lastStartingBy<T>(items: readonly T[], start: (item: T) => number | undefined, offset: number): number {
  let [lo, hi, found] = [0, items.length - 1, -1];
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((start(items[mid]!) ?? Infinity) <= offset) [found, lo] = [mid, mid + 1];
    else hi = mid - 1;
  }
  return found;
}

function templateProblem(source: Source, value: Record<string, unknown>, templates: TemplateRegistry): Diagnostic {
  const template = value.template;
  const TEMPLATE_IDS = Object.keys(templates);
  const { line, col } = locate(source, 'template' in value ? ['template'] : []);
  const guess = typeof template === 'string' ? closest(template, TEMPLATE_IDS) : undefined;
  const message =
    template === undefined
      ? `missing required key \`template\`: expected one of ${listWords(TEMPLATE_IDS)}`
      : `unknown template ${describeValue(template).replace(/^text /, '')}: expected one of ${listWords(TEMPLATE_IDS)}${didYouMean(guess)}`;
  return problem(source.file, line, col, 'template', message, template === undefined ? 'missing-key' : 'unknown-template', guess);
}

/** A stage of the main path (`stages[2]`) or of a branch (`stages[2].branches[0].stages[1]`). */
const isStagePath = (path: readonly PathSegment[]) => (path.length === 2 && path[0] === 'stages') || isBranchStagePath(path);
const isBranchStagePath = (path: readonly PathSegment[]) => path.length === 6 && path[0] === 'stages' && path[2] === 'branches' && path[4] === 'stages';

function fail(diagnostics: Diagnostic[]): LoadResult {
  return { ok: false, diagnostics: diagnostics.sort(bySourceOrder) };
}

function explainStageKey(template: TemplateDefinition | undefined, templates: TemplateRegistry, key: string, path: readonly PathSegment[]): string | undefined {
  if (!template || !isStagePath(path)) return undefined;
  if (isBranchStagePath(path) && (key === 'branches' || key === 'rejoin')) {
    return 'forks do not nest: a stage of a branch cannot fork again (give the decision its own stage on the main path, or split the journey into maps)';
  }
  const owners = templatesWithLane(templates, key);
  if (owners.length === 0) return undefined;
  return `it belongs to the ${listWords(owners)} template${owners.length > 1 ? 's' : ''}, not to ${template.id} (declare it under \`lanes:\` to add it as a custom lane)`;
}
