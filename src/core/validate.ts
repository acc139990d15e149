// Validation of a parsed map against its template's schema, shared by the quick path (no
// positions) and the positioned path (exact problem reports).
import type { $ZodIssue } from 'zod/v4/core';
import { isPlainObject } from './describe.js';
import type { Locale, UiLabels } from './locale.js';
import { LOCALES, UI } from './locale.js';
import { buildMapSchema, type MapSchema, type ValidatedMap } from './map-schema.js';
import type { JourneyMap, Touchpoint, Lane } from './model.js';
import { crossCheck } from './map-checks.js';
import type { Branch, MapImage, MapPersona, Stage, StageImage } from './model.js';
import { listedPersonaId, personaFileId, resolveScores } from './personas.js';
import { CUSTOM_LANE_KEY, slugify, stageId, type Item, type PersonaScores } from './schema.js';
import { allStages, branchFallbackId, branchStageFallbackId } from './stages.js';
import { MAX_STAGES } from './text.js';
import type { TemplateDefinition } from '../templates/types.js';
import type { TemplateRegistry } from './templates.js';

// Schemas are built once per template (or registry, for a map without a known template) and set of
// custom lanes: a batch of maps reuses them. No template checks what every template shares.
const schemas = new WeakMap<object, Map<string, MapSchema>>();
export function schemaFor(def: TemplateDefinition | undefined, templates: TemplateRegistry, laneKeys: string[], locale?: Locale): MapSchema {
  const cacheKey = `${locale ?? ''}|${laneKeys.join(',')}`;
  const owner = def ?? templates;
  let cache = schemas.get(owner);
  if (!cache) schemas.set(owner, (cache = new Map()));
  let schema = cache.get(cacheKey);
  if (!schema) cache.set(cacheKey, (schema = buildMapSchema(def, templates, laneKeys, locale)));
  return schema;
}

const isLocale = (v: unknown): v is Locale => (LOCALES as readonly unknown[]).includes(v);

/** Custom lane keys the map declares, read before validation because the stage schema depends on them. */
export function declaredLaneKeys(lanes: unknown): string[] {
  if (!Array.isArray(lanes)) return [];
  return lanes.flatMap((l) => (isPlainObject(l) && typeof l.key === 'string' && CUSTOM_LANE_KEY.test(l.key) ? [l.key] : []));
}

/** The stages of the main path and of every branch, counted in the input as written. */
function stageCount(stages: unknown): number {
  if (!Array.isArray(stages)) return 0;
  let count = stages.length;
  for (const stage of stages) {
    if (!isPlainObject(stage) || !Array.isArray(stage.branches)) continue;
    for (const branch of stage.branches) if (isPlainObject(branch) && Array.isArray(branch.stages)) count += branch.stages.length;
  }
  return count;
}

/** The map as validated, with the config's default locale for a map that sets none. */
export type Validation = {
  schema: MapSchema;
  result: ReturnType<MapSchema['safeParse']> | { success: false; error: { issues: $ZodIssue[] }; data: undefined };
};

export function validateMap(def: TemplateDefinition | undefined, templates: TemplateRegistry, value: Record<string, unknown>, defaultLocale?: Locale): Validation {
  // Emotion words are those of the map's locale (and English); any locale's while the locale is in doubt.
  const locale = value.locale ?? defaultLocale ?? 'en';
  const schema = schemaFor(def, templates, declaredLaneKeys(value.lanes), isLocale(locale) ? locale : undefined);
  // Refused before validation, which would otherwise work through every stage first.
  const count = stageCount(value.stages);
  if (count > MAX_STAGES) {
    const inBranches = count - (value.stages as unknown[]).length;
    const where = inBranches ? ` (${inBranches.toLocaleString('en')} of them on branches)` : '';
    const message = `expected at most ${MAX_STAGES.toLocaleString('en')} stages, found ${count.toLocaleString('en')}${where}; split the journey into several maps`;
    const issue = { code: 'custom' as const, path: ['stages'], message, input: value.stages };
    return { schema, result: { success: false as const, error: { issues: [issue as $ZodIssue] }, data: undefined } };
  }
  const data = ownData(value) as Record<string, unknown>;
  if (data.locale == null && defaultLocale) data.locale = defaultLocale;
  const parsed = schema.safeParse(data);
  // Cross-references (persona ids, rejoin, image_alt, stage ids in branches), also when the map has other problems.
  const crossIssues = crossCheck(data, new Set(declaredLaneKeys(value.lanes)));
  const result: Validation['result'] = crossIssues.length
    ? { success: false as const, error: { issues: [...(parsed.success ? [] : parsed.error.issues), ...crossIssues] }, data: undefined }
    : parsed;
  // zod drops a `__proto__` key of a free-form mapping without a word; demographics is the only one.
  const demographics = (data.persona as Record<string, unknown> | undefined)?.demographics;
  if (isPlainObject(demographics) && Object.hasOwn(demographics, '__proto__')) {
    const path = ['persona', 'demographics', '__proto__'];
    const issue = { code: 'custom' as const, path, message: 'expected a demographics label other than `__proto__`, which JavaScript reserves', input: demographics.__proto__ };
    const issues = [...(result.success ? [] : result.error.issues), issue as $ZodIssue];
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

export function modelOf(def: TemplateDefinition, valid: ValidatedMap): JourneyMap {
  return toModel(def, valid, UI[valid.locale]);
}

type ValidStage = ValidatedMap['stages'][number];

/** The normalised model of a validated map, with its labels resolved for its locale. */
function toModel(def: TemplateDefinition, valid: ValidatedMap, ui: UiLabels): JourneyMap {
  const labels = def.labels[valid.locale];
  const customKeys = new Set(valid.lanes.map((l) => l.key));
  const laneKeys = [...def.lanes.map((l) => l.key), ...valid.lanes.map((l) => l.key)];
  const fieldKeys = Object.keys(def.stageExtras ?? {});
  // A key added since version 1 that a map declares as a custom lane stays that lane.
  const later = (r: Record<string, unknown>, key: string) => (customKeys.has(key) ? undefined : r[key]);
  const stageOf = (s: ValidStage, id: string, branches: Branch[]): Stage => {
    const r = s as unknown as Record<string, unknown>;
    const cells: Stage['cells'] = Object.create(null); // lane keys are the map's: no inherited ones
    for (const key of laneKeys) cells[key] = (r[key] as Item[] | Touchpoint[] | undefined) ?? [];
    const emotion = later(r, 'emotion') === undefined ? null : (s.emotion as number | PersonaScores | null);
    const scores = emotion !== null && typeof emotion === 'object' ? emotion : null;
    const src = later(r, 'image') as string | null | undefined;
    const image: StageImage | null = src ? { src, alt: (later(r, 'image_alt') as string | null | undefined) ?? '' } : null;
    return {
      id,
      name: s.name,
      emotion: scores ? null : (emotion as number | null),
      emotions: {},
      scoresAsWritten: scores,
      fields: Object.fromEntries(fieldKeys.map((key) => [key, (r[key] as string | null | undefined) ?? null])),
      cells,
      pain_points: s.pain_points,
      opportunities: s.opportunities,
      kpis: s.kpis,
      owner: s.owner,
      technology: s.technology,
      notes: s.notes,
      milestone: (later(r, 'milestone') as Stage['milestone'] | undefined) ?? null,
      image,
      branches,
      rejoin: (later(r, 'rejoin') as string | undefined) ?? null,
    };
  };
  const stages: Stage[] = valid.stages.map((s, i) => {
    const written = (later(s as unknown as Record<string, unknown>, 'branches') ?? []) as { name: string; id?: string; stages: ValidStage[] }[];
    const branches = written.map((b, j): Branch => ({
      id: b.id ?? (slugify(b.name) || branchFallbackId(j)),
      name: b.name,
      stages: b.stages.map((bs, k) => stageOf(bs, bs.id ?? (slugify(bs.name) || branchStageFallbackId(i, j, k)), [])),
    }));
    return stageOf(s, stageId(s, i), branches);
  });
  const isUsed = (key: string) => allStages({ stages }).some(({ stage }) => (stage.cells[key]?.length ?? 0) > 0);
  const lanes: Lane[] = [
    ...def.lanes.map((l) => ({
      key: l.key,
      label: labels.lanes[l.key] ?? l.key,
      kind: l.kind,
      band: l.band,
      custom: false,
      used: !l.optional || isUsed(l.key),
    })),
    ...valid.lanes.map((l) => ({ key: l.key, label: l.label, kind: 'text' as const, band: l.band ?? def.defaultBand, custom: true, used: true })),
  ];
  const personas: MapPersona[] = valid.personas.length
    ? valid.personas.map((p, i) =>
        typeof p === 'string' ? { id: personaFileId(p), persona: null, file: p, path: ['personas', i] } : { id: listedPersonaId(p, i), persona: { ...p, id: listedPersonaId(p, i) }, file: null, path: ['personas', i] },
      )
    : valid.persona == null
      ? []
      : typeof valid.persona === 'string'
        ? [{ id: personaFileId(valid.persona), persona: null, file: valid.persona, path: ['persona'] }]
        : [{ id: listedPersonaId(valid.persona, 0), persona: valid.persona, file: null, path: ['persona'] }];
  const images: MapImage[] = allStages({ stages }).flatMap(({ stage, path }) => (stage.image ? [{ ...stage.image, stage: stage.id, path: [...path, 'image'] }] : []));
  const map: JourneyMap = {
    template: def.id,
    title: valid.title,
    summary: valid.summary,
    locale: valid.locale,
    updated: valid.updated,
    owners: valid.owners,
    goals: valid.goals,
    research: valid.research,
    persona: valid.personas.length ? (personas[0]!.persona ?? null) : typeof valid.persona === 'string' ? null : valid.persona,
    personaFile: typeof valid.persona === 'string' ? valid.persona : null,
    personas,
    basedOn: valid.based_on,
    tags: valid.tags,
    lanes,
    stages,
    images,
    labels: {
      ui,
      templateName: labels.name,
      column: labels.column,
      fields: fieldKeys.map((key) => ({ key, label: labels.fields?.[key] ?? key })),
      bands: labels.bands ?? {},
      bandOrder: def.bands.map((key) => ({ key, label: labels.bands?.[key] ?? key, curve: key === def.curveBand })),
      lines: (def.lines ?? []).map((l) => ({ key: l.key, label: labels.lines?.[l.key] ?? l.key, between: l.between })),
    },
  };
  return resolveScores(map, personas);
}
