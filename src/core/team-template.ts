// A team's own template, declared in a YAML file that journey.config.yaml names (`templates:`):
// its id, name, what a column is, its bands and lanes, labels per locale and a starter map, as data.
// The file is untrusted like a map: read within the same limits (size, nodes, depth, aliases), every
// problem located with what was expected, and nothing in it runs. Pure: the caller reads the file.
import * as z from 'zod/mini';
import { closest, describeValue, didYouMean, excerpt, isPlainObject, listWords } from './describe.js';
import { bySourceOrder, formatPath, problem, type Diagnostic } from './diagnostics.js';
import { LOCALES, type Locale } from './locale.js';
import { LATER_STAGE_KEYS } from './map-schema.js';
import { positionIn, readDocument } from './read-document.js';
import { CUSTOM_LANE_KEY, SLUG, requiredText, stageCommon, text } from './schema.js';
import type { TemplateRegistry } from './templates.js';
import type { LaneDefinition, TemplateDefinition, TemplateLabels } from '../templates/types.js';

/** A template is a few lines: far less than a map may be. */
export const MAX_TEMPLATE_BYTES = 256 * 1024;
export const MAX_TEMPLATE_BANDS = 10;
export const MAX_TEMPLATE_LANES = 40;

const found = (iss: { input?: unknown }) => `found ${describeValue(iss.input)}`;
const key = (what: string, pattern: RegExp, like: string) =>
  z.string({ error: (iss) => `expected ${what} (like \`${like}\`), ${found(iss)}` }).check(z.regex(pattern, { error: (iss) => `expected ${what} (like \`${like}\`), ${found(iss)}` }));
const bandKey = key('a band key of lowercase letters, digits and dashes', SLUG, 'inside');
const laneKey = key('a lane key in snake_case', CUSTOM_LANE_KEY, 'says');
const list = <S extends z.ZodMiniType>(item: S, what: string, max: number) =>
  z.array(item, { error: (iss) => `expected a list of ${what}, ${found(iss)}` }).check(
    z.minLength(1, { error: () => `expected at least one of the ${what}, found an empty list` }),
    z.maxLength(max, { error: (iss) => `expected at most ${max} ${what}, found ${(iss.input as unknown[]).length}` }),
  );
const words = (what: string) => z.record(z.string(), requiredText, { error: (iss) => `expected ${what}, ${found(iss)}` });

const localeLabels = z.strictObject(
  {
    name: z.optional(requiredText),
    use: z.optional(requiredText),
    column: z.optional(requiredText),
    columns: z.optional(requiredText),
    bands: z.optional(words('band labels keyed by band key: { inside: … }')),
    lanes: z.optional(words('lane questions keyed by lane key: { says: … }')),
  },
  { error: (iss) => `expected the template's words in one language: { name, use, column, columns, bands, lanes }, ${found(iss)}` },
);

const templateFile = z.strictObject(
  {
    id: key('a template id of lowercase letters, digits and dashes', SLUG, 'empathy-map'),
    name: requiredText,
    use: z.optional(requiredText),
    column: requiredText,
    columns: z.optional(requiredText),
    bands: list(z.strictObject({ key: bandKey, label: requiredText }, { error: (iss) => `expected a band: { key, label }, ${found(iss)}` }), 'bands', MAX_TEMPLATE_BANDS),
    lanes: list(
      z.strictObject(
        {
          key: laneKey,
          question: requiredText,
          band: z.string({ error: (iss) => `expected the key of one of the template's bands, ${found(iss)}` }),
          kind: z.optional(z.enum(['text', 'touchpoints'], { error: (iss) => `expected \`text\` or \`touchpoints\` (items with a channel), ${found(iss)}` })),
          doing: z.optional(z.boolean({ error: (iss) => `expected true (this lane holds what the person does) or false, ${found(iss)}` })),
        },
        { error: (iss) => `expected a lane: { key, question, band, kind, doing }, ${found(iss)}` },
      ),
      'lanes',
      MAX_TEMPLATE_LANES,
    ),
    labels: z.optional(z.strictObject({ en: z.optional(localeLabels), it: z.optional(localeLabels), pl: z.optional(localeLabels) }, { error: (iss) => `expected labels per locale: { it: …, pl: … }, ${found(iss)}` })),
    starter: z.optional(text),
  },
  { error: (iss) => `expected a template: a mapping with \`id\`, \`name\`, \`column\`, \`bands\` and \`lanes\`, ${found(iss)}` },
);
type TemplateFile = z.output<typeof templateFile>;

/** Stage keys a lane may not take: the keys every stage has. */
const RESERVED = new Set([...Object.keys(stageCommon), ...LATER_STAGE_KEYS, 'name', 'id', 'emotion']);

export type TemplateRead = { ok: true; template: TemplateDefinition } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Reads a template file. `taken` holds the templates already known (the built-in ones, and the
 * project's before this one): an id among them is refused, so a map's `template:` means one thing.
 */
export async function readTemplate(name: string, bytes: Uint8Array, taken: TemplateRegistry): Promise<TemplateRead> {
  const expected = 'a template: a mapping with `id`, `name`, `column`, `bands` and `lanes`';
  const read = await readDocument(name, bytes, templateFile, { maxBytes: MAX_TEMPLATE_BYTES, expected });
  // What the schema cannot see (a lane in a band the file lacks, a key twice, a taken id) is checked
  // also when it finds problems: one mistake never hides the others.
  const raw = read.ok ? read.value : read.diagnostics.some((d) => d.path === 'yaml' || d.path === 'file' || d.path === '(root)') ? undefined : await readDocument(name, bytes, z.unknown(), { expected });
  const problems = crossCheck(raw && 'ok' in raw ? (raw.ok ? raw.value : undefined) : raw, taken);
  const source = new TextDecoder().decode(bytes);
  const found = await Promise.all(
    problems.map(async (p) => {
      const { line, col } = await positionIn(source, p.path, name, p.target);
      return problem(name, line, col, formatPath(p.path), p.message, 'invalid-value');
    }),
  );
  if (!read.ok || found.length) {
    const schemaProblems = read.ok ? [] : read.diagnostics;
    const fresh = found.filter((d) => !schemaProblems.some((s) => s.line === d.line && s.col === d.col));
    return { ok: false, diagnostics: [...schemaProblems, ...fresh].sort(bySourceOrder) };
  }
  return { ok: true, template: definitionOf(read.value) };
}

type Found = { path: (string | number)[]; target?: 'key' | 'value'; message: string };

/** The problems between a template's parts, read from its data as written (it may have other problems). */
function crossCheck(value: unknown, taken: TemplateRegistry): Found[] {
  if (!isPlainObject(value)) return [];
  const problems: Found[] = [];
  const entries = (list: unknown) => (Array.isArray(list) ? list.map((e, i) => [i, isPlainObject(e) ? e : {}] as const) : []);
  const id = value.id;
  if (typeof id === 'string' && Object.hasOwn(taken, id)) problems.push({ path: ['id'], message: `the template id \`${id}\` is taken (${taken[id]!.labels.en.name}): expected an id of its own, not one of ${listWords(Object.keys(taken))}` });
  const bands: string[] = [];
  for (const [i, b] of entries(value.bands)) {
    if (typeof b.key !== 'string') continue;
    if (bands.includes(b.key)) problems.push({ path: ['bands', i, 'key'], message: `the band \`${b.key}\` is declared twice: expected each band once` });
    else bands.push(b.key);
  }
  const lanes = new Set<string>();
  for (const [i, lane] of entries(value.lanes)) {
    if (typeof lane.key === 'string') {
      if (RESERVED.has(lane.key)) problems.push({ path: ['lanes', i, 'key'], message: `\`${lane.key}\` is a key every stage has: expected another key for a lane` });
      else if (lanes.has(lane.key)) problems.push({ path: ['lanes', i, 'key'], message: `the lane \`${lane.key}\` is declared twice: expected each lane key once` });
      else lanes.add(lane.key);
    }
    if (typeof lane.band === 'string' && bands.length && !bands.includes(lane.band)) problems.push({ path: ['lanes', i, 'band'], message: unknownWord('band', lane.band, bands) });
  }
  const labels = isPlainObject(value.labels) ? value.labels : {};
  for (const locale of LOCALES) {
    const l = labels[locale];
    if (!isPlainObject(l)) continue;
    if (isPlainObject(l.bands) && bands.length) for (const k of Object.keys(l.bands)) if (!bands.includes(k)) problems.push({ path: ['labels', locale, 'bands', k], target: 'key', message: unknownWord('band', k, bands) });
    if (isPlainObject(l.lanes) && lanes.size) for (const k of Object.keys(l.lanes)) if (!lanes.has(k)) problems.push({ path: ['labels', locale, 'lanes', k], target: 'key', message: unknownWord('lane', k, [...lanes]) });
  }
  return problems;
}

const unknownWord = (what: string, word: string, known: string[]) =>
  `unknown ${what} \`${excerpt(word)}\`: expected one of the template's ${what}s, ${listWords(known)}${didYouMean(closest(word, known))}`;

/** The file as a template definition: English from its top level, other locales from `labels` (English where they say nothing). */
function definitionOf(t: TemplateFile): TemplateDefinition {
  const en: TemplateLabels = {
    name: t.labels?.en?.name ?? t.name,
    use: t.labels?.en?.use ?? t.use ?? `${t.name}: a template of this project.`,
    column: t.labels?.en?.column ?? t.column,
    columns: t.labels?.en?.columns ?? t.columns ?? `${t.column.toLowerCase()}s`,
    lanes: { ...Object.fromEntries(t.lanes.map((l) => [l.key, l.question])), ...t.labels?.en?.lanes },
    bands: { ...Object.fromEntries(t.bands.map((b) => [b.key, b.label])), ...t.labels?.en?.bands },
  };
  const labelsIn = (locale: Locale): TemplateLabels => {
    const l = t.labels?.[locale];
    if (!l) return en;
    return { name: l.name ?? en.name, use: l.use ?? en.use, column: l.column ?? en.column, columns: l.columns ?? (l.column ? l.column.toLowerCase() : en.columns), lanes: { ...en.lanes, ...l.lanes }, bands: { ...en.bands, ...l.bands } };
  };
  const lanes: LaneDefinition[] = t.lanes.map((l) => ({ key: l.key, kind: l.kind ?? 'text', band: l.band, ...(l.doing ? { doing: true } : {}) }));
  const bands = t.bands.map((b) => b.key);
  return {
    id: t.id,
    lanes,
    bands,
    defaultBand: bands[0]!,
    curveBand: bands[0]!,
    labels: Object.fromEntries(LOCALES.map((locale) => [locale, locale === 'en' ? en : labelsIn(locale)])) as Record<Locale, TemplateLabels>,
    starter: t.starter ?? starterOf(t),
  };
}

/** A starter map when the file gives none: one stage with every lane, its question beside it. */
function starterOf(t: TemplateFile): string {
  const lanes = t.lanes.map((l) => `    ${l.key}: [] # ${l.question.replace(/\s+/g, ' ')}`).join('\n');
  return `# yaml-language-server: $schema=./journey.schema.json\ntemplate: ${t.id}\ntitle: ${JSON.stringify(`A journey: ${t.name}`)}\nstages:\n  - name: ${JSON.stringify(`First ${t.column.toLowerCase()}`)}\n    emotion: neutral\n${lanes}\n`;
}
