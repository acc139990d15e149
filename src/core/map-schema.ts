// The schema of a whole map for one template, composed from the shared parts and the template's lanes.
import * as z from 'zod/mini';
import { closest, describeValue, didYouMean, excerpt, isPlainObject, listWords, quote, suggest } from './describe.js';
import { SLUG, basedOn, customLaneFields, date, described, item, itemList, locale, optionalText, persona, personas, requiredText, slug, stageCommon, stageEmotion, stageId, stageLater, textList, touchpointList } from './schema.js';
import type { TemplateDefinition } from '../templates/types.js';
import { templateWords, type TemplateRegistry } from './templates.js';
import type { Locale } from './locale.js';

const TOP_LEVEL_DESCRIPTIONS = {
  title: 'The title of the map',
  summary: 'One paragraph under the title',
  locale: 'Language of the built-in labels: en, it or pl',
  updated: 'Date of the last review, YYYY-MM-DD',
  owners: 'Who keeps this map up to date',
  goals: 'What this map is for',
  research: 'Sources the map is built on',
  persona: 'The customer this map follows: a persona written here, or the path of a persona file (../personas/giulia.yaml)',
  personas: 'Several customers on one map (instead of persona): a list of personas written here ({ id, name, … }) or paths of persona files; stages then score each: emotion: { giulia: -1, marco: 1 }',
  based_on: 'The map this one improves on (a future state based on a current state): its path, relative to this map',
  tags: 'Words to group maps by on a site: a product, a market, a team',
  lanes: 'Custom lanes: { key, label, band }; a stage may then set that key',
  stages: 'The columns of the map, in order',
};

/** Stage keys added after format version 1: a custom lane a version-1 map declared with one of these names stays a custom lane. */
export const LATER_STAGE_KEYS = ['milestone', 'image', 'image_alt', 'branches', 'rejoin'] as const;

/**
 * A custom lane: `{ key, label, band }`, where `band` is one of the template's bands (default: the
 * template's `defaultBand`). Without a template, a band of any template is accepted.
 */
function customLaneSchema(def: TemplateDefinition | undefined, templates: TemplateRegistry) {
  const all = Object.values(templates);
  const bands = def ? [...def.bands] : [...new Set(all.flatMap((t) => t.bands))];
  const bandError = (iss: { input?: unknown }) => {
    const what = def ? `a band of ${def.id} maps` : 'a band';
    let hint = '';
    const input = iss.input;
    if (typeof input === 'string') {
      const owners = all.filter((t) => t.bands.includes(input)).map((t) => t.id);
      const near = bands.find((b) => b === input.toLowerCase().replace(/[\s_]+/g, '-')) ?? closest(input.toLowerCase(), bands);
      if (owners.length) hint = ` (\`${excerpt(input)}\` is a band of ${listWords(owners, 'and')} maps)`;
      else hint = didYouMean(suggest(iss, near));
    }
    return `expected ${what}: ${listWords(bands)}, found ${describeValue(input)}${hint}`;
  };
  const bandHelp = def ? `${listWords(bands)}; default \`${def.defaultBand}\`` : 'one of the template\u2019s bands';
  return z.strictObject(
    {
      ...customLaneFields,
      band: described(z.optional(z.enum(bands as [string, ...string[]], { error: bandError })), `The band the lane is drawn in: ${bandHelp}`.replace(/`/g, '')),
    },
    { error: (iss) => `expected a custom lane: { key, label, band }, found ${describeValue(iss.input)}` },
  );
}

/** Every stage key the template knows, besides custom lanes. */
export function stageKeys(def: TemplateDefinition): string[] {
  return [...Object.keys(stageCommon), ...Object.keys(def.stageExtras ?? {}), ...def.lanes.map((l) => l.key), ...LATER_STAGE_KEYS];
}

/** The fewest and most paths a fork offers. */
export const MIN_BRANCHES = 2;
export const MAX_BRANCHES = 4;

/**
 * The schema of a map of one template. Without a template (the map names none, or an unknown one,
 * which the caller reports) it checks everything the templates share, so one mistake never hides
 * the others: stages then accept any further key, since their lanes depend on the template.
 */
export function buildMapSchema(def: TemplateDefinition | undefined, templates: TemplateRegistry, customLaneKeys: readonly string[] = [], mapLocale?: Locale) {
  const laneShape: Record<string, z.ZodMiniType> = {};
  for (const lane of def?.lanes ?? []) {
    const schema = lane.kind === 'touchpoints' ? touchpointList : itemList;
    laneShape[lane.key] = described(schema, def!.labels.en.lanes[lane.key] ?? lane.key);
  }
  const reserved = new Set(def ? stageKeys(def).filter((k) => !(LATER_STAGE_KEYS as readonly string[]).includes(k)) : Object.keys(stageCommon));
  for (const key of customLaneKeys) if (!reserved.has(key)) laneShape[key] = itemList;

  const stageError = { error: (iss: { input?: unknown }) => `expected a stage: a mapping with at least \`name\`, found ${describeValue(iss.input)}` };
  // A custom lane of a version-1 map keeps its name, even one of the keys added since.
  const later: Record<string, z.ZodMiniType> = Object.fromEntries(Object.entries(stageLater).filter(([key]) => !Object.hasOwn(laneShape, key)));
  // A stage of a branch takes every key of a stage but a fork of its own: forks do not nest.
  const branchStageShape = { ...stageCommon, emotion: stageEmotion(mapLocale), ...def?.stageExtras, ...laneShape, ...later };
  const branchStage = def ? z.strictObject(branchStageShape, stageError) : z.looseObject(branchStageShape, stageError);
  const branchError = (iss: { input?: unknown }) => `expected a branch: a mapping with \`name\` and \`stages\`, found ${describeValue(iss.input)}`;
  const branch = z.strictObject(
    {
      name: described(requiredText, 'What the customer does on this path (Buys from us, Goes to a competitor)'),
      id: described(z.optional(slug), 'A short id for this path; derived from the name when absent'),
      stages: described(
        z.array(branchStage, { error: (iss) => `expected a list of stages, found ${describeValue(iss.input)}` }).check(z.minLength(1, { error: 'expected at least one stage on a branch, found an empty list' })),
        'The stages of this path, in order; they take the same keys as any stage',
      ),
    },
    { error: branchError },
  );
  const branchCount = (iss: { input?: unknown }) =>
    `expected ${MIN_BRANCHES} to ${MAX_BRANCHES} branches (the paths a customer may take from this stage), found ${Array.isArray(iss.input) ? iss.input.length : describeValue(iss.input)}`;
  const fork = {
    branches: described(
      z.optional(z.array(branch, { error: (iss) => `expected a list of branches ({ name, stages }), found ${describeValue(iss.input)}` }).check(z.minLength(MIN_BRANCHES, { error: branchCount }), z.maxLength(MAX_BRANCHES, { error: branchCount }))),
      'A decision: 2 to 4 alternative paths from this stage, each { name, id, stages }',
    ),
    rejoin: described(z.optional(slug), 'With branches: the id of a later stage where the paths meet again'),
  };
  for (const key of Object.keys(fork)) if (Object.hasOwn(laneShape, key)) delete (fork as Record<string, unknown>)[key];
  const stageShape = { ...branchStageShape, ...fork };
  const stage = def ? z.strictObject(stageShape, stageError) : z.looseObject(stageShape, stageError);

  const stages = z
    .array(stage, { error: (iss) => `expected a list of stages, found ${describeValue(iss.input)}` })
    .check(
      z.minLength(1, { error: 'expected at least one stage, found an empty list' }),
      // Also when some stage has another problem: every problem is reported, not only the first.
      z.superRefine((list: unknown, ctx) => {
        if (!Array.isArray(list)) return;
        for (const dup of duplicateStages(list)) ctx.addIssue({ code: 'custom', ...dup, input: list[dup.path[0]] });
      }, { when: () => true }),
    );

  const customLane = customLaneSchema(def, templates);
  type CustomLane = z.output<typeof customLane>;
  const lanes = z.pipe(
    z.nullish(z.array(customLane, { error: (iss) => `expected a list of custom lanes ({ key, label, band }), found ${describeValue(iss.input)}` })),
    z
      .transform((v: CustomLane[] | null | undefined) => v ?? [])
      .check(
        z.superRefine((list: CustomLane[], ctx) => {
          const seen = new Set<string>();
          list.forEach((lane, i) => {
            if (reserved.has(lane.key))
              ctx.addIssue({ code: 'custom', path: [i, 'key'], input: lane, message: `\`${excerpt(lane.key)}\` is already a key of ${def?.id ?? 'every template\'s'} stages: expected a new key for a custom lane` });
            else if (seen.has(lane.key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], input: lane, message: `duplicate custom lane \`${excerpt(lane.key)}\`: expected each key once` });
            seen.add(lane.key);
          });
        }),
      ),
  );

  const d = TOP_LEVEL_DESCRIPTIONS;
  return z.strictObject(
    {
      template: described(def ? z.literal(def.id) : z.optional(z.unknown()), `The kind of map: ${templateWords(templates)}`),
      title: described(requiredText, d.title),
      summary: described(optionalText, d.summary),
      locale: described(locale, d.locale),
      updated: described(date, d.updated),
      owners: described(textList, d.owners),
      goals: described(textList, d.goals),
      research: described(textList, d.research),
      persona: described(persona, d.persona),
      personas: described(personas, d.personas),
      based_on: described(basedOn, d.based_on),
      tags: described(textList, d.tags),
      lanes: described(lanes, d.lanes),
      stages: described(stages, d.stages),
    },
    { error: (iss) => `expected a journey map: a mapping with \`template\`, \`title\` and \`stages\`, found ${describeValue(iss.input)}` },
  );
}

/**
 * Stages that share an id, written or derived from the name; read from the input as written, so
 * a stage with another problem still counts. Stage numbers are 1-based, as the document shows them.
 */
function duplicateStages(list: readonly unknown[]): { path: [number, string]; message: string }[] {
  const out: { path: [number, string]; message: string }[] = [];
  const seen = new Map<string, { index: number; name: string; written: boolean }>();
  list.forEach((s, index) => {
    if (!isPlainObject(s)) return;
    const written = typeof s.id === 'string' && SLUG.test(s.id);
    if (s.id != null && !written) return; // an invalid id is a problem of its own
    const name = typeof s.name === 'string' || typeof s.name === 'number' ? String(s.name) : '';
    if (!written && !name.trim()) return;
    const id = stageId({ id: written ? (s.id as string) : undefined, name }, index);
    const first = seen.get(id);
    if (!first) return void seen.set(id, { index, name, written });
    const [a, b] = [first.index + 1, index + 1];
    let message: string;
    if (!written && !first.written) {
      message =
        first.name === name
          ? `two stages are named ${quote(name)} (stages ${a} and ${b}): rename one or give each an \`id\``
          : `stages ${a} and ${b} are named ${quote(first.name)} and ${quote(name)}, which give the same id \`${id}\`: rename one or give each an \`id\``;
    } else {
      const fromName = !first.written ? a : !written ? b : undefined;
      message = `two stages have the id \`${id}\` (stages ${a} and ${b}${fromName ? `; stage ${fromName} takes it from its name` : ''}): expected a unique \`id\` for each stage`;
    }
    out.push({ path: [index, written ? 'id' : 'name'], message });
  });
  return out;
}

export type MapSchema = ReturnType<typeof buildMapSchema>;
export type ValidatedMap = z.output<MapSchema>;

/** The JSON shape of one custom-lane value, for the generated JSON Schema. */
export const customLaneValue = z.nullable(z.union([item, z.array(item)]));
