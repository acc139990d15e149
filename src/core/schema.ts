// The parts of the format every template shares, defined once. Template modules compose them.
// Zod transforms normalise values (text-or-list → list, emotion word → number); the JSON Schema
// is generated from the input side of the same schemas.
import * as z from 'zod';
import { describeValue, listWords } from './describe.js';
import { LOCALES } from './locale.js';

const found = (iss: { input?: unknown }) => `found ${describeValue(iss.input)}`;

/** Plain text. Numbers are accepted as text (`name: 2025`); quote them to keep their exact spelling. */
export const text = z.union([z.string(), z.number().transform(String)], {
  error: (iss) => `expected text, ${found(iss)}`,
});

export const requiredText = z.union([z.string().regex(/\S/, { error: 'expected text, found empty text' }), z.number().transform(String)], {
  error: (iss) => (typeof iss.input === 'string' ? 'expected text, found empty text' : `expected text, ${found(iss)}`),
});

/** Text or a list of text; always a list in the model. `null` (a key with no value) is an empty list. */
export const textList = z
  .union([text, z.array(text)], { error: (iss) => `expected text or a list of text, ${found(iss)}` })
  .nullish()
  .transform((v): string[] => (v == null ? [] : Array.isArray(v) ? v : [v]));

export const optionalText = text.nullish().transform((v) => v ?? null);

export const EMOTION_WORDS = {
  'very-negative': -2,
  frustrated: -2,
  negative: -1,
  worried: -1,
  neutral: 0,
  positive: 1,
  happy: 1,
  'very-positive': 2,
  delighted: 2,
} as const;
const emotionWords = Object.keys(EMOTION_WORDS) as (keyof typeof EMOTION_WORDS)[];

const emotionError = (iss: { input?: unknown }) =>
  `expected an emotion: a whole number from -2 to 2 or one of ${listWords(emotionWords)}, ${found(iss)}`;
export const emotion = z
  .union([z.int({ error: emotionError }).min(-2, { error: emotionError }).max(2, { error: emotionError }), z.enum(emotionWords)], {
    error: emotionError,
  })
  .nullish()
  .transform((v): number | null => (v == null ? null : typeof v === 'number' ? v : EMOTION_WORDS[v]));

export const touchpoint = z.union(
  [
    text.transform((name) => ({ name, channel: null as string | null })),
    z.strictObject({ name: requiredText, channel: optionalText }),
  ],
  { error: (iss) => `expected a touchpoint: text or { name, channel }, ${found(iss)}` },
);
export type Touchpoint = z.output<typeof touchpoint>;

export const touchpointList = z
  .union([touchpoint, z.array(touchpoint)], { error: (iss) => `expected a touchpoint or a list of touchpoints, ${found(iss)}` })
  .nullish()
  .transform((v): Touchpoint[] => (v == null ? [] : Array.isArray(v) ? v : [v]));

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const slug = z.string().regex(SLUG, { error: (iss) => `expected an id of lowercase letters, digits and dashes (like \`first-visit\`), ${found(iss)}` });

export const date = z
  .string({ error: (iss) => `expected a date as YYYY-MM-DD, ${found(iss)}` })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { abort: true, error: (iss) => `expected a date as YYYY-MM-DD (like 2026-11-01), ${found(iss)}` })
  .refine((s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s), {
    error: (iss) => `expected a date as YYYY-MM-DD (like 2026-11-01), ${found(iss)}`,
  })
  .nullish()
  .transform((v) => v ?? null);

export const locale = z
  .enum(LOCALES, { error: (iss) => `expected a locale: ${listWords(LOCALES)}, ${found(iss)}` })
  .nullish()
  .transform((v) => v ?? 'en');

export const persona = z
  .strictObject({
    name: requiredText,
    description: optionalText,
    goals: textList,
    motives: textList,
    frustrations: textList,
    demographics: z
      .record(z.string(), text, { error: (iss) => `expected demographics as key: text pairs (like \`age: 34\`), ${found(iss)}` })
      .nullish()
      .transform((v) => Object.entries(v ?? {}).map(([label, value]) => ({ label, value }))),
  }, { error: (iss) => `expected a persona: a mapping with at least \`name\`, ${found(iss)}` })
  .nullish()
  .transform((v) => v ?? null);
export type Persona = NonNullable<z.output<typeof persona>>;

export const CUSTOM_LANE_KEY = /^[a-z][a-z0-9_]*$/;
export const customLane = z.strictObject(
  {
    key: z.string().regex(CUSTOM_LANE_KEY, {
      error: (iss) => `expected a lane key in snake_case (like \`channels_used\`), ${found(iss)}`,
    }),
    label: requiredText,
  },
  { error: (iss) => `expected a custom lane: { key, label }, ${found(iss)}` },
);

/** Keys every template's stages accept (the lanes of each template come on top). */
export const stageCommon = {
  name: requiredText,
  id: slug.optional(),
  emotion,
  pain_points: textList,
  opportunities: textList,
  kpis: textList,
  owner: optionalText,
  technology: textList,
  notes: optionalText,
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
