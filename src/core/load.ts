// Text in, validated model (or every problem) out: parse → validate → model. Pure.
import { closest, describeValue, listWords } from './describe.js';
import { bySourceOrder, type Diagnostic, type PathSegment } from './diagnostics.js';
import { isPlainObject, issuesToDiagnostics } from './issues.js';
import { UI, type Locale } from './locale.js';
import { locate } from './locate.js';
import { buildMapSchema, type MapSchema } from './map-schema.js';
import { toModel, type JourneyMap } from './model.js';
import { CUSTOM_LANE_KEY } from './schema.js';
import { DEFAULT_LIMITS, decodeText, parseSource, problem, type Limits } from './source.js';
import { TEMPLATE_IDS, TEMPLATES, isTemplateId, templatesWithLane, type TemplateId } from '../templates/registry.js';

export type LoadResult =
  | { ok: true; map: JourneyMap; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

export interface LoadOptions {
  limits?: Limits;
  /** The locale of a map that sets none (from the config file); otherwise English. */
  defaultLocale?: Locale;
}

export function loadMapBytes(file: string, bytes: Uint8Array, options: LoadOptions = {}): LoadResult {
  const decoded = decodeText(file, bytes, options.limits);
  return decoded.ok ? loadMap(file, decoded.text, options) : decoded;
}

export function loadMap(file: string, text: string, options: LoadOptions = {}): LoadResult {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const parsed = parseSource(file, text, limits);
  if (!parsed.ok) return fail(parsed.diagnostics);
  const { source, value } = parsed;
  const warnings = parsed.diagnostics;

  if (!isPlainObject(value)) {
    const { line, col } = locate(source, []);
    const what = value == null ? 'an empty file' : describeValue(value);
    return fail([...warnings, problem(file, line, col, '(root)', `expected a journey map: a mapping with \`template\`, \`title\` and \`stages\`, found ${what}`)]);
  }

  const template = value.template;
  if (!isTemplateId(template)) {
    const { line, col } = locate(source, 'template' in value ? ['template'] : []);
    const guess = typeof template === 'string' ? closest(template, TEMPLATE_IDS) : undefined;
    const message =
      template === undefined
        ? `missing required key \`template\`: expected one of ${listWords(TEMPLATE_IDS)}`
        : `unknown template ${describeValue(template).replace(/^text /, '')}: expected one of ${listWords(TEMPLATE_IDS)}${guess ? `; did you mean \`${guess}\`?` : ''}`;
    return fail([...warnings, problem(file, line, col, 'template', message)]);
  }

  const schema = schemaFor(template, declaredLaneKeys(value.lanes));
  const withDefaults = value.locale == null && options.defaultLocale ? { ...value, locale: options.defaultLocale } : value;
  const result = schema.safeParse(withDefaults);
  if (!result.success) {
    const diagnostics = issuesToDiagnostics(result.error.issues, {
      source,
      value,
      schema,
      explainUnknownKey: (key, path) => explainStageKey(template, key, path),
    });
    return fail([...warnings, ...diagnostics]);
  }
  return { ok: true, map: toModel(TEMPLATES[template], result.data, UI[result.data.locale]), diagnostics: warnings };
}

function fail(diagnostics: Diagnostic[]): LoadResult {
  return { ok: false, diagnostics: diagnostics.sort(bySourceOrder) };
}

// Schemas are built once per template and set of custom lanes: a batch of maps reuses them.
const schemas = new Map<string, MapSchema>();
function schemaFor(template: TemplateId, laneKeys: string[]): MapSchema {
  const cacheKey = `${template}|${laneKeys.join(',')}`;
  let schema = schemas.get(cacheKey);
  if (!schema) schemas.set(cacheKey, (schema = buildMapSchema(TEMPLATES[template], laneKeys)));
  return schema;
}

/** Custom lane keys the map declares, read before validation because the stage schema depends on them. */
function declaredLaneKeys(lanes: unknown): string[] {
  if (!Array.isArray(lanes)) return [];
  return lanes.flatMap((l) => (isPlainObject(l) && typeof l.key === 'string' && CUSTOM_LANE_KEY.test(l.key) ? [l.key] : []));
}

function explainStageKey(template: TemplateId, key: string, path: readonly PathSegment[]): string | undefined {
  if (!(path.length === 2 && path[0] === 'stages')) return undefined;
  const owners = templatesWithLane(key);
  if (owners.length === 0) return undefined;
  return `it belongs to the ${listWords(owners)} template${owners.length > 1 ? 's' : ''}, not to ${template} (declare it under \`lanes:\` to add it as a custom lane)`;
}
