// The schema of a whole map for one template, composed from the shared parts and the template's lanes.
import * as z from 'zod/mini';
import { closest, describeValue, excerpt, listWords } from './describe.js';
import { isPlainObject } from './issues.js';
import { SLUG, basedOn, customLaneFields, date, described, locale, optionalText, persona, requiredText, stageCommon, stageId, textList, touchpointList, text } from './schema.js';
import { TEMPLATE_IDS, TEMPLATES } from '../templates/registry.js';
import type { TemplateDefinition } from '../templates/types.js';

const TOP_LEVEL_DESCRIPTIONS = {
  template: 'The kind of map: current-state, future-state, day-in-the-life or service-blueprint',
  title: 'The title of the map',
  summary: 'One paragraph under the title',
  locale: 'Language of the built-in labels: en, it or pl',
  updated: 'Date of the last review, YYYY-MM-DD',
  owners: 'Who keeps this map up to date',
  goals: 'What this map is for',
  research: 'Sources the map is built on',
  persona: 'The customer this map follows: a persona written here, or the path of a persona file (../personas/giulia.yaml)',
  based_on: 'The map this one improves on (a future state based on a current state): its path, relative to this map',
  tags: 'Words to group maps by on a site: a product, a market, a team',
  lanes: 'Custom lanes: { key, label, band }; a stage may then set that key',
  stages: 'The columns of the map, in order',
};

/**
 * A custom lane: `{ key, label, band }`, where `band` is one of the template's bands (default: the
 * template's `defaultBand`). Without a template, a band of any template is accepted.
 */
function customLaneSchema(def: TemplateDefinition | undefined) {
  const bands = def ? [...def.bands] : [...new Set(TEMPLATE_IDS.flatMap((id) => TEMPLATES[id].bands))];
  const bandError = (iss: { input?: unknown }) => {
    const what = def ? `a band of ${def.id} maps` : 'a band';
    let hint = '';
    const input = iss.input;
    if (typeof input === 'string') {
      const owners = TEMPLATE_IDS.filter((id) => TEMPLATES[id].bands.includes(input));
      const near = bands.find((b) => b === input.toLowerCase().replace(/[\s_]+/g, '-')) ?? closest(input.toLowerCase(), bands);
      if (owners.length) hint = ` (\`${excerpt(input)}\` is a band of ${listWords(owners, 'and')} maps)`;
      else if (near) hint = `; did you mean \`${near}\`?`;
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
  return [...Object.keys(stageCommon), ...Object.keys(def.stageExtras ?? {}), ...def.lanes.map((l) => l.key)];
}

/**
 * The schema of a map of one template. Without a template (the map names none, or an unknown one,
 * which the caller reports) it checks everything the templates share, so one mistake never hides
 * the others: stages then accept any further key, since their lanes depend on the template.
 */
export function buildMapSchema(def: TemplateDefinition | undefined, customLaneKeys: readonly string[] = []) {
  const laneShape: Record<string, z.ZodMiniType> = {};
  for (const lane of def?.lanes ?? []) {
    const schema = lane.kind === 'touchpoints' ? touchpointList : textList;
    laneShape[lane.key] = described(schema, def!.labels.en.lanes[lane.key] ?? lane.key);
  }
  const reserved = new Set(def ? stageKeys(def) : Object.keys(stageCommon));
  for (const key of customLaneKeys) if (!reserved.has(key)) laneShape[key] = textList;

  const stageError = { error: (iss: { input?: unknown }) => `expected a stage: a mapping with at least \`name\`, found ${describeValue(iss.input)}` };
  const stageShape = { ...stageCommon, ...def?.stageExtras, ...laneShape };
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

  const customLane = customLaneSchema(def);
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
      template: described(def ? z.literal(def.id) : z.optional(z.unknown()), d.template),
      title: described(requiredText, d.title),
      summary: described(optionalText, d.summary),
      locale: described(locale, d.locale),
      updated: described(date, d.updated),
      owners: described(textList, d.owners),
      goals: described(textList, d.goals),
      research: described(textList, d.research),
      persona: described(persona, d.persona),
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
          ? `two stages are named ${name} (stages ${a} and ${b}): rename one or give each an \`id\``
          : `stages ${a} and ${b} are named ${first.name} and ${name}, which give the same id \`${id}\`: rename one or give each an \`id\``;
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
export const customLaneValue = z.nullable(z.union([text, z.array(text)]));
