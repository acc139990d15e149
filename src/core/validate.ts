// Validation of a parsed map against its template's schema, shared by the quick path (no
// positions) and the positioned path (exact problem reports).
import { isPlainObject } from './issues.js';
import type { Locale } from './locale.js';
import { UI } from './locale.js';
import { buildMapSchema, type MapSchema, type ValidatedMap } from './map-schema.js';
import { toModel, type JourneyMap } from './model.js';
import { CUSTOM_LANE_KEY } from './schema.js';
import { MAX_STAGES } from './text.js';
import { TEMPLATES, type TemplateId } from '../templates/registry.js';

// Schemas are built once per template and set of custom lanes: a batch of maps reuses them.
const schemas = new Map<string, MapSchema>();
export function schemaFor(template: TemplateId, laneKeys: string[]): MapSchema {
  const cacheKey = `${template}|${laneKeys.join(',')}`;
  let schema = schemas.get(cacheKey);
  if (!schema) schemas.set(cacheKey, (schema = buildMapSchema(TEMPLATES[template], laneKeys)));
  return schema;
}

/** Custom lane keys the map declares, read before validation because the stage schema depends on them. */
export function declaredLaneKeys(lanes: unknown): string[] {
  if (!Array.isArray(lanes)) return [];
  return lanes.flatMap((l) => (isPlainObject(l) && typeof l.key === 'string' && CUSTOM_LANE_KEY.test(l.key) ? [l.key] : []));
}

/** The map as validated, with the config's default locale for a map that sets none. */
export function validateMap(template: TemplateId, value: Record<string, unknown>, defaultLocale?: Locale) {
  const schema = schemaFor(template, declaredLaneKeys(value.lanes));
  // Refused before validation, which would otherwise work through every stage first.
  if (Array.isArray(value.stages) && value.stages.length > MAX_STAGES) {
    const message = `expected at most ${MAX_STAGES.toLocaleString('en')} stages, found ${value.stages.length.toLocaleString('en')}; split the journey into several maps`;
    const issue = { code: 'custom' as const, path: ['stages'], message, input: value.stages };
    return { schema, result: { success: false as const, error: { issues: [issue] }, data: undefined } };
  }
  const data = ownData(value) as Record<string, unknown>;
  if (data.locale == null && defaultLocale) data.locale = defaultLocale;
  const result = schema.safeParse(data);
  // zod drops a `__proto__` key of a free-form mapping without a word; demographics is the only one.
  const demographics = (data.persona as Record<string, unknown> | undefined)?.demographics;
  if (isPlainObject(demographics) && Object.hasOwn(demographics, '__proto__')) {
    const path = ['persona', 'demographics', '__proto__'];
    const issue = { code: 'custom' as const, path, message: 'expected a demographics label other than `__proto__`, which JavaScript reserves', input: demographics.__proto__ };
    const issues = [...(result.success ? [] : result.error.issues), issue];
    return { schema, result: { success: false as const, error: { issues }, data: undefined } };
  }
  return { schema, result };
}

/**
 * The parsed map as data without prototypes. Validation reads each key a schema knows: on a plain
 * object a custom lane named `constructor` that a stage leaves out read Object's constructor
 * ("found function"). Without prototypes, a key is there only when the map wrote it.
 */
function ownData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ownData);
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(value)) out[key] = ownData(value[key]);
  return out;
}

export function modelOf(template: TemplateId, valid: ValidatedMap): JourneyMap {
  return toModel(TEMPLATES[template], valid, UI[valid.locale]);
}
