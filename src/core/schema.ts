// The parts of the format every template shares, defined once. Template modules compose them.
// Transforms normalise values (text-or-list → list, emotion word → number); the JSON Schema is
// generated from the input side of the same schemas. zod/mini: the same checks as classic zod,
// several times cheaper to load, which every start of the CLI pays for.
import * as z from 'zod/mini';
import { describeValue, listWords } from './describe.js';
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
export const emotion = then(
  z.nullish(
    z.union([z.int({ error: emotionError }).check(z.gte(-2, { error: emotionError }), z.lte(2, { error: emotionError })), z.enum(emotionWords)], {
      error: emotionError,
    }),
  ),
  (v): number | null => (v == null ? null : typeof v === 'number' ? v : EMOTION_WORDS[v]),
);

export const touchpoint = z.union(
  [then(text, (name) => ({ name, channel: null as string | null })), z.strictObject({ name: requiredText, channel: optionalText })],
  { error: (iss) => `expected a touchpoint: text or { name, channel }, ${found(iss)}` },
);
export type Touchpoint = z.output<typeof touchpoint>;

export const touchpointList = then(
  z.nullish(z.union([touchpoint, z.array(touchpoint)], { error: (iss) => `expected a touchpoint or a list of touchpoints, ${found(iss)}` })),
  (v): Touchpoint[] => (v == null ? [] : Array.isArray(v) ? v : [v]),
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

export const locale = then(z.nullish(z.enum(LOCALES, { error: (iss) => `expected a locale: ${listWords(LOCALES)}, ${found(iss)}` })), (v) => v ?? 'en');

export const persona = then(
  z.nullish(
    z.strictObject(
      {
        name: requiredText,
        description: optionalText,
        goals: textList,
        motives: textList,
        frustrations: textList,
        demographics: then(
          z.nullish(z.record(z.string().check(noControls()), text, { error: (iss) => `expected demographics as key: text pairs (like \`age: 34\`), ${found(iss)}` })),
          (v) => Object.entries(v ?? {}).map(([label, value]) => ({ label, value })),
        ),
      },
      { error: (iss) => `expected a persona: a mapping with at least \`name\`, ${found(iss)}` },
    ),
  ),
  (v) => v ?? null,
);
export type Persona = NonNullable<z.output<typeof persona>>;

export const CUSTOM_LANE_KEY = /^[a-z][a-z0-9_]*$/;
export const customLane = z.strictObject(
  {
    key: z.string().check(z.regex(CUSTOM_LANE_KEY, { error: (iss) => `expected a lane key in snake_case (like \`channels_used\`), ${found(iss)}` })),
    label: requiredText,
  },
  { error: (iss) => `expected a custom lane: { key, label }, ${found(iss)}` },
);

/** Keys every template's stages accept (the lanes of each template come on top). */
export const stageCommon = {
  name: requiredText,
  id: z.optional(slug),
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
