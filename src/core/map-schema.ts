// The schema of a whole map for one template, composed from the shared parts and the template's lanes.
import * as z from 'zod/mini';
import { describeValue, excerpt } from './describe.js';
import { customLane, date, described, locale, optionalText, persona, requiredText, stageCommon, stageId, textList, touchpointList, text } from './schema.js';
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
  persona: 'The customer this map follows',
  lanes: 'Custom lanes: { key, label }; a stage may then set that key',
  stages: 'The columns of the map, in order',
};

/** Every stage key the template knows, besides custom lanes. */
export function stageKeys(def: TemplateDefinition): string[] {
  return [...Object.keys(stageCommon), ...Object.keys(def.stageExtras ?? {}), ...def.lanes.map((l) => l.key)];
}

export function buildMapSchema(def: TemplateDefinition, customLaneKeys: readonly string[] = []) {
  const laneShape: Record<string, z.ZodMiniType> = {};
  for (const lane of def.lanes) {
    const schema = lane.kind === 'touchpoints' ? touchpointList : textList;
    laneShape[lane.key] = described(schema, def.labels.en.lanes[lane.key] ?? lane.key);
  }
  const reserved = new Set(stageKeys(def));
  for (const key of customLaneKeys) if (!reserved.has(key)) laneShape[key] = textList;

  const stage = z.strictObject(
    { ...stageCommon, ...def.stageExtras, ...laneShape },
    { error: (iss) => `expected a stage: a mapping with at least \`name\`, found ${describeValue(iss.input)}` },
  );

  const stages = z
    .array(stage, { error: (iss) => `expected a list of stages, found ${describeValue(iss.input)}` })
    .check(
      z.minLength(1, { error: 'expected at least one stage, found an empty list' }),
      z.superRefine((list, ctx) => {
        const seen = new Map<string, number>();
        list.forEach((s, i) => {
          const id = stageId(s as { id?: string; name: string }, i);
          const first = seen.get(id);
          if (first === undefined) seen.set(id, i);
          else
            ctx.addIssue({
              code: 'custom',
              path: [i, (s as { id?: string }).id ? 'id' : 'name'],
              message: `duplicate stage id \`${excerpt(id)}\` (stages[${first}] has it too): expected a unique \`id\` for each stage`,
              input: s,
            });
        });
      }),
    );

  const lanes = z.pipe(
    z.nullish(z.array(customLane, { error: (iss) => `expected a list of custom lanes ({ key, label }), found ${describeValue(iss.input)}` })),
    z
      .transform((v: z.output<typeof customLane>[] | null | undefined) => v ?? [])
      .check(
        z.superRefine((list: z.output<typeof customLane>[], ctx) => {
          const seen = new Set<string>();
          list.forEach((lane, i) => {
            if (reserved.has(lane.key))
              ctx.addIssue({ code: 'custom', path: [i, 'key'], input: lane, message: `\`${excerpt(lane.key)}\` is already a key of ${def.id} stages: expected a new key for a custom lane` });
            else if (seen.has(lane.key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], input: lane, message: `duplicate custom lane \`${excerpt(lane.key)}\`: expected each key once` });
            seen.add(lane.key);
          });
        }),
      ),
  );

  const d = TOP_LEVEL_DESCRIPTIONS;
  return z.strictObject(
    {
      template: described(z.literal(def.id), d.template),
      title: described(requiredText, d.title),
      summary: described(optionalText, d.summary),
      locale: described(locale, d.locale),
      updated: described(date, d.updated),
      owners: described(textList, d.owners),
      goals: described(textList, d.goals),
      research: described(textList, d.research),
      persona: described(persona, d.persona),
      lanes: described(lanes, d.lanes),
      stages: described(stages, d.stages),
    },
    { error: (iss) => `expected a journey map: a mapping with \`template\`, \`title\` and \`stages\`, found ${describeValue(iss.input)}` },
  );
}

export type MapSchema = ReturnType<typeof buildMapSchema>;
export type ValidatedMap = z.output<MapSchema>;

/** The JSON shape of one custom-lane value, for the generated JSON Schema. */
export const customLaneValue = z.nullable(z.union([text, z.array(text)]));
