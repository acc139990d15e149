// The parts of the format every template shares, defined once. Template modules compose them.
// Transforms normalise values (text-or-list → list, emotion word → number); the JSON Schema is
// generated from the input side of the same schemas. zod/mini: the same checks as classic zod,
// several times cheaper to load, which every start of the CLI pays for.
import * as z from 'zod/mini';
import { EMOTION_MAX, EMOTION_MIN, EMOTION_WORDS } from './emotion.js';
import { describeValue, didYouMean, listWords } from './describe.js';
import { LOCALES } from './locale.js';
import { MAX_TEXT_LENGTH } from './text.js';

const found = (iss: { input?: unknown }) => `found ${describeValue(iss.input)}`;
type Schema = z.ZodMiniType;
/** A value, with a normalising step after validation (invisible to the JSON Schema). */
const then = <S extends Schema, T>(schema: S, fn: (value: z.output<S>) => T) => z.pipe(schema, z.transform(fn));
export const described = <S extends Schema>(schema: S, description: string): S => schema.check(z.describe(description)) as S;

const longText = (iss: { input?: unknown }) =>
  `expected text of at most ${MAX_TEXT_LENGTH.toLocaleString('en')} characters, found ${(iss.input as string).length.toLocaleString('en')}`;
// Control characters other than tab and line break: a "\0" escape put NUL bytes into documents
// (git then treats them as binary) and ESC sequences reach terminals. Refused, so the author sees where.
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;
export const controlError = (iss: { input?: unknown }) => {
  const s = String(iss.input);
  const at = s.search(CONTROL);
  const code = s.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0');
  return `expected text without control characters, found U+${code} at character ${at + 1}; only tabs and line breaks are allowed`;
};
export const noControls = () => z.refine<string>((s) => !CONTROL.test(s), { error: controlError });
const boundedString = () => z.string().check(z.maxLength(MAX_TEXT_LENGTH, { error: longText }), noControls());

/** Plain text. Numbers are accepted as text (`name: 2025`); quote them to keep their exact spelling. */
export const text = z.union([boundedString(), then(z.number(), String)], {
  error: (iss) => `expected text, ${found(iss)}`,
});

export const requiredText = z.union([boundedString().check(z.regex(/\S/, { error: 'expected text, found empty text' })), then(z.number(), String)], {
  error: (iss) => (typeof iss.input === 'string' ? 'expected text, found empty text' : `expected text, ${found(iss)}`),
});

/** Text or a list of text; always a list in the model. `null` (a key with no value) is an empty list. */
export const textList = then(
  z.nullish(z.union([text, z.array(text)], { error: (iss) => `expected text or a list of text, ${found(iss)}` })),
  (v): string[] => (v == null ? [] : Array.isArray(v) ? v : [v]),
);

export const optionalText = then(z.nullish(text), (v) => v ?? null);

const emotionWords = Object.keys(EMOTION_WORDS) as (keyof typeof EMOTION_WORDS)[];

const emotionError = (iss: { input?: unknown }) =>
  `expected an emotion: a whole number from ${EMOTION_MIN} to ${EMOTION_MAX} or one of ${listWords(emotionWords)}, ${found(iss)}${didYouMean(iss.input, [...emotionWords, -2, -1, 0, 1, 2])}`;
export const emotion = then(
  z.nullish(
    z.union([z.int({ error: emotionError }).check(z.gte(EMOTION_MIN, { error: emotionError }), z.lte(EMOTION_MAX, { error: emotionError })), z.enum(emotionWords)], {
      error: emotionError,
    }),
  ),
  (v): number | null => (v == null ? null : typeof v === 'number' ? v : EMOTION_WORDS[v]),
);

export const touchpoint = z.union(
  [
    then(text, (name) => ({ name, channel: null as string | null })),
    z.strictObject({
      name: described(requiredText, 'Where the customer meets the company'),
      channel: described(optionalText, 'web, app, email, phone, store, social, offline, …'),
    }),
  ],
  { error: (iss) => `expected a touchpoint: text or { name, channel }, ${found(iss)}` },
);
export type Touchpoint = z.output<typeof touchpoint>;

export const touchpointList = then(
  z.nullish(z.union([touchpoint, z.array(touchpoint)], { error: (iss) => `expected a touchpoint or a list of touchpoints, ${found(iss)}` })),
  (v): Touchpoint[] => (v == null ? [] : Array.isArray(v) ? v : [v]),
);

/** A KPI: plain text, or one that names a metric of the metrics file (`--metrics`) and the target to reach. */
export const kpi = z.union(
  [
    then(text, (name) => ({ name, metric: null as string | null, target: null as string | null })),
    z.strictObject({
      name: described(requiredText, 'What the business measures at this stage'),
      metric: described(optionalText, 'The id of its value in the metrics file (journey build --metrics)'),
      target: described(optionalText, 'The value to reach: 3.5%, >= 4.2, < 2 days (a plain number means at least)'),
    }),
  ],
  { error: (iss) => `expected a KPI: text or { name, metric, target }, ${found(iss)}` },
);
export type Kpi = z.output<typeof kpi>;

export const kpiList = then(
  z.nullish(z.union([kpi, z.array(kpi)], { error: (iss) => `expected a KPI or a list of KPIs, ${found(iss)}` })),
  (v): Kpi[] => (v == null ? [] : Array.isArray(v) ? v : [v]),
);

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const slug = z.string().check(z.regex(SLUG, { error: (iss) => `expected an id of lowercase letters, digits and dashes (like \`first-visit\`), ${found(iss)}` }));

const dateError = (iss: { input?: unknown }) => `expected a date as YYYY-MM-DD (like 2026-11-01), ${found(iss)}`;
export const date = then(
  z.nullish(
    z
      .string({ error: dateError })
      .check(
        z.regex(/^\d{4}-\d{2}-\d{2}$/, { abort: true, error: dateError }),
        z.refine((s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s), { error: dateError }),
      ),
  ),
  (v) => v ?? null,
);

export const locale = then(
  z.nullish(z.enum(LOCALES, { error: (iss) => `expected a locale: ${listWords(LOCALES)}, ${found(iss)}${didYouMean(iss.input, LOCALES)}` })),
  (v) => v ?? 'en',
);

/** What a persona says about a customer, inline in a map or in a persona file of its own. */
const personaFields = {
  name: described(requiredText, 'The persona\u2019s name'),
  description: described(optionalText, 'Who they are, in a sentence or two'),
  goals: described(textList, 'What they want to achieve'),
  motives: described(textList, 'Why they buy: fomo, need, quality-of-life, impulse, prestige, finance, time, risk-management, or your own words'),
  frustrations: described(textList, 'What gets in their way'),
  demographics: described(
    then(
      z.nullish(z.record(z.string().check(noControls()), text, { error: (iss) => `expected demographics as key: text pairs (like \`age: 34\`), ${found(iss)}` })),
      (v) => Object.entries(v ?? {}).map(([label, value]) => ({ label, value })),
    ),
    'Facts as key: text pairs, such as age: 34',
  ),
};

/** A path from a map to another file of the project: a persona file, the map a future state is based on. */
export const YAML_PATH = /^[^\0]+\.ya?ml$/i;
const yamlPath = (what: string) =>
  z.string().check(z.regex(YAML_PATH, { error: (iss) => `expected the path of ${what} (a .yaml file, relative to this map), ${found(iss)}` }));

/** A persona written in the map, or the path of a shared persona file (`../personas/giulia.yaml`). */
export const persona = then(
  z.nullish(
    z.union([z.strictObject({ ...personaFields, image: described(optionalText, 'A picture of the persona: a local PNG, JPEG or WebP file (at most 1 MB), relative to this map') }), yamlPath('a persona file')], {
      error: (iss) => `expected a persona: a mapping with at least \`name\`, or the path of a persona file (like \`../personas/giulia.yaml\`), ${found(iss)}`,
    }),
  ),
  (v) => v ?? null,
);

/** A shared persona file: the keys of a map's persona, plus an id and an image. */
export const personaFile = z.strictObject(
  {
    id: described(z.optional(slug), 'A short id for links and the site (default: from the file name)'),
    ...personaFields,
    image: described(optionalText, 'A picture of the persona: a local PNG, JPEG or WebP file (at most 1 MB), relative to this file'),
  },
  { error: (iss) => `expected a persona: a mapping with at least \`name\`, ${found(iss)}` },
);

/** The map a future state improves on (`based_on: current.yaml`). */
export const basedOn = then(z.nullish(yamlPath('the map this one is based on')), (v) => v ?? null);

export type Persona = Omit<z.output<typeof personaFile>, 'id' | 'image'> & {
  id?: string;
  image?: string | null;
  /** The persona file, for a shared persona. */
  file?: string;
  /** The picture `image` names, inlined as a data: URI (set by the pipeline, which reads files). */
  imageData?: string;
};


export const CUSTOM_LANE_KEY = /^[a-z][a-z0-9_]*$/;
/** A custom lane's key and label; its `band` depends on the template (map-schema.ts). */
export const customLaneFields = {
    key: described(
      z.string().check(z.regex(CUSTOM_LANE_KEY, { error: (iss) => `expected a lane key in snake_case (like \`channels_used\`), ${found(iss)}` })),
      'The key stages use for this lane, in snake_case (like channels_used)',
    ),
    label: described(requiredText, 'The lane\u2019s heading in the document, usually a question'),
};

/** Keys every template's stages accept (the lanes of each template come on top). Descriptions show on hover in editors. */
export const stageCommon = {
  name: described(requiredText, 'The column heading of this stage'),
  id: described(z.optional(slug), 'A unique id of lowercase letters, digits and dashes; derived from the name when absent'),
  emotion: described(emotion, 'How the customer feels: -2 to 2, or very-negative/frustrated, negative/worried, neutral, positive/happy, very-positive/delighted'),
  pain_points: described(textList, 'What goes wrong or hurts at this stage'),
  opportunities: described(textList, 'What we could do better at this stage'),
  kpis: described(kpiList, 'How the business measures this stage (back-end band): text, or { name, metric, target }'),
  owner: described(optionalText, 'Who is responsible for this stage (back-end band)'),
  technology: described(textList, 'Systems that support this stage (back-end band)'),
  notes: described(optionalText, 'Anything else worth knowing about this stage'),
};

/** `Buying running shoes` → `buying-running-shoes`; empty when nothing Latin is left. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function stageId(stage: { id?: string | undefined; name: string }, index: number): string {
  return stage.id ?? (slugify(stage.name) || `stage-${index + 1}`);
}
