// The JSON Schema of the format, generated from the validator's own zod schemas (never by hand).
import * as z from 'zod/mini';
import type { ConfigSchema } from './config-schema.js';
import { buildMapSchema, customLaneValue, stageKeys } from './map-schema.js';
import { MAX_PERSONAS, item, personaFile, touchpoint } from './schema.js';
import { TEMPLATE_IDS, TEMPLATES, type TemplateId } from '../templates/registry.js';

type JsonObject = Record<string, unknown>;
const OPTIONS = { io: 'input', target: 'draft-2020-12', reused: 'inline' } as const;

/** The schema of one template's maps, or of all four (chosen by `template`) when none is given. */
export function jsonSchema(template?: TemplateId): JsonObject {
  if (template) {
    return shared(requiredApart({ $schema: 'https://json-schema.org/draft/2020-12/schema', title: `Journey map: ${template} (format version 1)`, ...templateSchema(template) }) as JsonObject);
  }
  return shared(requiredApart({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Journey map (format version 1)',
    type: 'object',
    required: ['template'],
    properties: { template: { enum: TEMPLATE_IDS, description: 'The kind of map: current-state, future-state, day-in-the-life or service-blueprint' } },
    allOf: TEMPLATE_IDS.map((id) => ({
      if: { properties: { template: { const: id } }, required: ['template'] },
      then: templateSchema(id, `#/allOf/${TEMPLATE_IDS.indexOf(id)}/then`),
    })),
  }) as JsonObject);
}

/** Stage keys added since version 1, which a version-1 map may use as custom lane keys. */
const ADDED_STAGE_KEYS = ['image', 'image_alt', 'milestone', 'branches', 'rejoin'] as const;

/** A key a branch stage may not have: forks do not nest. */
const noFork = { not: {}, description: 'Forks do not nest: a stage of a branch cannot fork again' };

/** One template's schema; `at` is the JSON Pointer where it will stand in the whole document (branch stages refer to its stage). */
function templateSchema(id: TemplateId, at = '#'): JsonObject {
  const schema = z.toJSONSchema(buildMapSchema(TEMPLATES[id]), OPTIONS) as JsonObject;
  delete schema.$schema;
  // Custom lanes (declared under `lanes:`) add stage keys JSON Schema cannot know in advance: a map
  // that declares some accepts any further stage key holding text, and leaves typos to `journey
  // validate`. A map that declares none (most maps) gets closed stages, so an editor flags a typo
  // (`thinkng`) or another template's lane as it is typed.
  const stage = ((schema.properties as JsonObject).stages as JsonObject).items as JsonObject;
  stage.title = 'Stage'; // what editors call it: "Expected \"Stage\"", not the map's title
  const laneValue = z.toJSONSchema(customLaneValue, OPTIONS) as JsonObject;
  delete laneValue.$schema;
  stage.additionalProperties = laneValue;
  // A fork's branches hold stages of their own: the same keys, but no fork of their own. They refer
  // to the stage's schema rather than repeat it (a copy made the schema five times larger).
  const branch = ((stage.properties as JsonObject).branches as JsonObject).items as { properties: { stages: { items: JsonObject } } };
  branch.properties.stages.items = { $ref: `${at}/properties/stages/items`, title: 'Stage', properties: { branches: noFork, rejoin: noFork } };
  // Keys added to stages since version 1 may name a version-1 map's custom lane: where lanes are
  // declared, such a key holds either (validate knows which); where none are, only the new meaning.
  const props = stage.properties as JsonObject;
  const added = Object.fromEntries(ADDED_STAGE_KEYS.map((key) => [key, props[key]]));
  for (const key of ADDED_STAGE_KEYS) props[key] = { description: (added[key] as JsonObject).description, anyOf: [added[key], laneValue] };
  // A rule JSON Schema can state: persona or personas (their count is checked with refinements,
  // which JSON Schema does not carry over, so it is stated here).
  schema.not = { required: ['persona', 'personas'] };
  Object.assign(((schema.properties as JsonObject).personas as { anyOf: JsonObject[] }).anyOf[0]!, { minItems: 1, maxItems: MAX_PERSONAS });
  schema.if = { properties: { lanes: { type: 'array', minItems: 1 } }, required: ['lanes'] };
  const keys = stageKeys(TEMPLATES[id]);
  const known = { ...Object.fromEntries(keys.map((key) => [key, true])), ...added };
  const knownInBranch = Object.fromEntries(Object.entries(known).filter(([key]) => key !== 'branches' && key !== 'rejoin'));
  // Between keys: image_alt goes with image.
  const pair = { image: ['image_alt'], image_alt: ['image'] };
  schema.else = {
    properties: {
      stages: {
        items: {
          properties: { ...known, branches: { allOf: [added.branches, { items: { properties: { stages: { items: { properties: knownInBranch, additionalProperties: false, dependentRequired: pair } } } } }] } },
          additionalProperties: false,
          dependentRequired: pair,
        },
      },
    },
  };
  return schema;
}

/**
 * yaml-language-server offers an extra completion for every object schema that lists both its
 * properties and its required keys, labelled with the closest title ("object(Journey map (format
 * version 1))"). The same rule stated in an `allOf` beside the properties validates alike and
 * keeps completion to the keys themselves.
 */
function requiredApart(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(requiredApart);
  if (node === null || typeof node !== 'object') return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) out[key] = requiredApart(value);
  if (out.properties && Array.isArray(out.required)) {
    out.allOf = [...((out.allOf as unknown[]) ?? []), { required: out.required }];
    delete out.required;
  }
  return out;
}

/** The schema of a shared persona file (`personas/giulia.yaml`), for editors. */
export function personaJsonSchema(): JsonObject {
  const schema = z.toJSONSchema(personaFile, OPTIONS) as JsonObject;
  return requiredApart({ ...schema, $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'Persona (journey persona file)' }) as JsonObject;
}

/** The schema of journey.config.yaml, for editors: made from the schema that checks it (core/config-schema.ts). */
export function configJsonSchema(schema: ConfigSchema): JsonObject {
  return requiredApart({ $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'journey.config.yaml', ...jsonOf(schema) }) as JsonObject;
}

/**
 * A list item (`{ text, confidence, source }` or text) and a touchpoint are the same schema in every
 * lane of every template: each is stated once under `$defs` and referred to, which keeps the
 * document (and an editor's work) small.
 */
function shared(doc: JsonObject): JsonObject {
  const defs: Record<string, JsonObject> = { item: requiredApart(jsonOf(item)) as JsonObject, touchpoint: requiredApart(jsonOf(touchpoint)) as JsonObject };
  const keys = new Map(Object.entries(defs).map(([name, schema]) => [JSON.stringify(schema), name]));
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    const name = keys.get(JSON.stringify(node));
    if (name) return { $ref: `#/$defs/${name}` };
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]));
  };
  return { ...(walk(doc) as JsonObject), $defs: defs };
}

function jsonOf(schema: z.ZodMiniType): JsonObject {
  const json = z.toJSONSchema(schema, OPTIONS) as JsonObject;
  delete json.$schema;
  return json;
}
