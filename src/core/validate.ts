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
// No template (an unknown or missing one) checks what every template shares.
const schemas = new Map<string, MapSchema>();
export function schemaFor(template: TemplateId | undefined, laneKeys: string[]): MapSchema {
  const cacheKey = `${template ?? ''}|${laneKeys.join(',')}`;
  let schema = schemas.get(cacheKey);
  if (!schema) schemas.set(cacheKey, (schema = buildMapSchema(template && TEMPLATES[template], laneKeys)));
  return schema;
}

/** Custom lane keys the map declares, read before validation because the stage schema depends on them. */
export function declaredLaneKeys(lanes: unknown): string[] {
  if (!Array.isArray(lanes)) return [];
  return lanes.flatMap((l) => (isPlainObject(l) && typeof l.key === 'string' && CUSTOM_LANE_KEY.test(l.key) ? [l.key] : []));
}

/** The map as validated, with the config's default locale for a map that sets none. */
export function validateMap(template: TemplateId | undefined, value: Record<string, unknown>, defaultLocale?: Locale) {
  const schema = schemaFor(template, declaredLaneKeys(value.lanes));
  // Refused before validation, which would otherwise work through every stage first.
  if (Array.isArray(value.stages) && value.stages.length > MAX_STAGES) {
    const message = `expected at most ${MAX_STAGES.toLocaleString('en')} stages, found ${value.stages.length.toLocaleString('en')}; split the journey into several maps`;
    const issue = { code: 'custom' as const, path: ['stages'], message, input: value.stages };
    return { schema, result: { success: false as const, error: { issues: [issue] }, data: undefined } };
  }
  const input = value.locale == null && defaultLocale ? { ...value, locale: defaultLocale } : value;
  return { schema, result: schema.safeParse(input) };
}

export function modelOf(template: TemplateId, valid: ValidatedMap): JourneyMap {
  return toModel(TEMPLATES[template], valid, UI[valid.locale]);
}
