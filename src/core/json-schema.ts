// The JSON Schema of the format, generated from the validator's own zod schemas (never by hand).
import * as z from 'zod/mini';
import { buildMapSchema, customLaneValue } from './map-schema.js';
import { TEMPLATE_IDS, TEMPLATES, type TemplateId } from '../templates/registry.js';

type JsonObject = Record<string, unknown>;
const OPTIONS = { io: 'input', target: 'draft-2020-12', reused: 'inline' } as const;

/** The schema of one template's maps, or of all four (chosen by `template`) when none is given. */
export function jsonSchema(template?: TemplateId): JsonObject {
  if (template) {
    return { $schema: 'https://json-schema.org/draft/2020-12/schema', title: `Journey map: ${template} (format version 1)`, ...templateSchema(template) };
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Journey map (format version 1)',
    type: 'object',
    required: ['template'],
    properties: { template: { enum: TEMPLATE_IDS, description: 'The kind of map' } },
    allOf: TEMPLATE_IDS.map((id) => ({
      if: { properties: { template: { const: id } }, required: ['template'] },
      then: templateSchema(id),
    })),
  };
}

function templateSchema(id: TemplateId): JsonObject {
  const schema = z.toJSONSchema(buildMapSchema(TEMPLATES[id]), OPTIONS) as JsonObject;
  delete schema.$schema;
  // Custom lanes (declared under `lanes:`) add stage keys JSON Schema cannot know in advance:
  // accept any further key holding text, and leave typos to `journey validate`.
  const stages = (schema.properties as JsonObject).stages as JsonObject;
  const stage = stages.items as JsonObject;
  stage.additionalProperties = z.toJSONSchema(customLaneValue, OPTIONS);
  delete (stage.additionalProperties as JsonObject).$schema;
  return schema;
}
