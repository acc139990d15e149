// The parts of the format every template shares, defined once. Template modules compose them.
// Transforms normalise values (text-or-list → list, emotion word → number); the JSON Schema is
// generated from the input side of the same schemas. zod/mini: the same checks as classic zod,
// several times cheaper to load, which every start of the CLI pays for.
import * as z from 'zod/mini';
import { EMOTION_MAX, EMOTION_MIN, emotionHeadwordList, emotionLocales, emotionScoreOf, emotionWords, nearEmotionWord, translateEmotionWord } from './emotion.js';
import { closest, describeValue, didYouMean, excerpt, listWords, quote, sameButForm, suggest } from './describe.js';
import { LOCALE_NAMES, LOCALES, type Locale } from './locale.js';
import { MAX_TEXT_LENGTH } from './text.js';

const found = (iss: { input?: unknown }) => `found ${describeValue(iss.input)}`;
type Schema = z.ZodMiniType;
/** A value, with a normalising step after validation (invisible to the JSON Schema). */
const then = <S extends Schema, T>(schema: S, fn: (value: z.output<S>) => T) => z.pipe(schema, z.transform(fn));
/**
 * `schema` with a description for the JSON Schema, kept in zod's registry as z.describe keeps it, but
 * not as a check: even a check that does nothing is run at every value validated (thousands a map).
 */
export const described = <S extends Schema>(schema: S, description: string): S => {
  const copy = schema.clone(schema.def, { parent: true }) as S;
  z.globalRegistry.add(copy, { ...z.globalRegistry.get(copy), description });
  return copy;
};

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

/**
 * Text or a list of text; always a list in the model. `null` (a key with no value) is an empty list.
 * The list is tried first (here and in the lists below): most maps write lists, and every option
 * that fails first costs an issue object, which made validation a quarter slower.
 */
export const textList = then(
  z.nullish(z.union([z.array(text), text], { error: (iss) => `expected text or a list of text, ${found(iss)}` })),
  (v): string[] => (v == null ? [] : Array.isArray(v) ? v : [v]),
);

export const optionalText = then(z.nullish(text), (v) => v ?? null);

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * "`very-negative`, … or `delighted`, or in Italian `molto-negativo`, … (in any gender and number)";
 * the English words alone when the locale is in doubt (a map with an unknown `locale`).
 */
function emotionWordList(locale: Locale | undefined): string {
  const own = locale && locale !== 'en' ? `, or in ${LOCALE_NAMES[locale]} ${listWords(emotionHeadwordList(locale))} (in any gender and number)` : '';
  return `one of ${listWords(emotionHeadwordList('en'))}${own}`;
}

const emotionError = (locale: Locale | undefined) => (iss: { input?: unknown }) => {
  const input = iss.input;
  // A word of another locale's map: its word in this one (`felice` in an English map → `happy`).
  const other = typeof input === 'string' && locale ? translateEmotionWord(input, locale) : undefined;
  const words = emotionWords(locale);
  const text = typeof input === 'string' ? input : undefined;
  // A feeling the format has no word for (`angry`) finds its score's word, before a merely similar spelling.
  const guess = suggest(iss, other?.word ?? sameButForm(input, [...words, -2, -1, 0, 1, 2]) ?? (text === undefined ? undefined : (closest(text, words) ?? nearEmotionWord(text, locale ?? 'en', closest))));
  const hint = other
    ? `; \`${excerpt(input as string)}\` is ${LOCALE_NAMES[other.from]}: did you mean \`${other.word}\`? (or set \`locale: ${other.from}\` to write the map in ${LOCALE_NAMES[other.from]})`
    : didYouMean(guess);
  return `expected an emotion: a whole number from ${EMOTION_MIN} to ${EMOTION_MAX} or ${emotionWordList(locale)}, ${found(iss)}${hint}`;
};

/** A score: a whole number, or a word of the map's locale or English (every locale's when it is not known: the JSON Schema). */
function emotionScore(locale: Locale | undefined) {
  const error = emotionError(locale);
  return z.union([z.int({ error }).check(z.gte(EMOTION_MIN, { error }), z.lte(EMOTION_MAX, { error })), z.enum(emotionWords(locale) as [string, ...string[]])], { error });
}
const toScore = (v: string | number | null | undefined, locale: Locale | undefined): number | null =>
  v == null ? null : typeof v === 'number' ? v : emotionScoreOf(v, emotionLocales(locale))!;

/** Scores per persona (`{ giulia: -1, marco: 1 }`), keyed by persona id, as written; a map with `personas:` only. */
export type PersonaScores = Record<string, number | null>;

/**
 * How the customer feels at a stage: one score, or with `personas:` a score per persona
 * (`{ giulia: -1, marco: 1 }`). Which ids a map may use is checked with the whole map (map-checks.ts).
 */
function emotion(locale: Locale | undefined) {
  const score = emotionScore(locale);
  const error = emotionError(locale);
  return then(
    z.nullish(
      z.union(
        [
          score,
          z.record(z.string().check(z.regex(SLUG_PATTERN, { error: (iss) => `expected a persona id (lowercase letters, digits and dashes) as the key of a score, ${found(iss)}` })), z.nullish(score), {
            error,
          }),
        ],
        { error },
      ),
    ),
    (v): number | null | PersonaScores => {
      if (v == null || typeof v !== 'object') return toScore(v, locale);
      const scores: PersonaScores = Object.create(null);
      for (const [id, s] of Object.entries(v)) scores[id] = toScore(s, locale);
      return scores;
    },
  );
}

/** A stage's `emotion` for a map in `locale`: its words and English ones; every locale's when it is not known (the JSON Schema). */
export const stageEmotion = (locale?: Locale) =>
  described(
    emotion(locale),
    'How the customer feels: -2 to 2, or very-negative/frustrated, negative/worried, neutral, positive/happy, very-positive/delighted (an Italian or Polish map also takes its own words: frustrato, felice, zadowolony…); with `personas:`, a score per persona: { giulia: -1, marco: 1 }',
  );

/** How sure the map is of an item: seen in research, told by customers or staff, or a guess to check. */
export const CONFIDENCES = ['observed', 'reported', 'assumed'] as const;
export type Confidence = (typeof CONFIDENCES)[number];
const confidence = described(
  then(
    z.nullish(
      z.enum(CONFIDENCES, {
        error: (iss) => {
          const guess = suggest(iss, sameButForm(iss.input, CONFIDENCES) ?? (typeof iss.input === 'string' ? closest(iss.input, CONFIDENCES) : undefined));
          return `expected a confidence: ${listWords(CONFIDENCES)}, ${found(iss)}${didYouMean(guess)}`;
        },
      }),
    ),
    (v) => v ?? null,
  ),
  'How sure the map is of this: observed (seen in research), reported (told by customers or staff) or assumed (a guess to check)',
);
const evidenceSource = described(optionalText, 'Where it comes from: a study, an interview, a data set');

const isMapping = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** An item of a stage's list: text, or `{ text, confidence, source }` to say how sure the map is of it. */
export const item = z.union(
  [
    then(text, (t) => ({ text: t, confidence: null as Confidence | null, source: null as string | null })),
    z.strictObject({
      text: described(requiredText, 'The item itself'),
      confidence,
      source: evidenceSource,
    }),
  ],
  { error: (iss) => (isMapping(iss.input) ? `expected text or { text, confidence, source }, ${found(iss)}` : `expected text, ${found(iss)}`) },
);
/** An item of a stage's list in the model: plain text has no confidence and no source. */
export interface Item {
  text: string;
  confidence: Confidence | null;
  source: string | null;
}

/** Text, an item, or a list of them; always a list of items in the model. */
export const itemList = then(
  z.nullish(z.union([z.array(item), item], { error: (iss) => `expected text or a list of text, ${found(iss)}` })),
  (v): Item[] => (v == null ? [] : Array.isArray(v) ? v : [v]),
);

export const touchpoint = z.union(
  [
    then(text, (name) => ({ name, channel: null as string | null, confidence: null as Confidence | null, source: null as string | null })),
    z.strictObject({
      name: described(requiredText, 'Where the customer meets the company'),
      channel: described(optionalText, 'web, app, email, phone, store, social, offline, …'),
      confidence,
      source: evidenceSource,
    }),
  ],
  { error: (iss) => `expected a touchpoint: text or { name, channel }, ${found(iss)}` },
);
/** A touchpoint in the model: plain text has no channel, confidence or source. */
export interface Touchpoint {
  name: string;
  channel: string | null;
  confidence: Confidence | null;
  source: string | null;
}

export const touchpointList = then(
  z.nullish(z.union([z.array(touchpoint), touchpoint], { error: (iss) => `expected a touchpoint or a list of touchpoints, ${found(iss)}` })),
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
  z.nullish(z.union([z.array(kpi), kpi], { error: (iss) => `expected a KPI or a list of KPIs, ${found(iss)}` })),
  (v): Kpi[] => (v == null ? [] : Array.isArray(v) ? v : [v]),
);

export const SLUG = SLUG_PATTERN;
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
  z.nullish(z.enum(LOCALES, { error: (iss) => `expected a locale: ${listWords(LOCALES)}, ${found(iss)}${didYouMean(suggest(iss, sameButForm(iss.input, LOCALES)))}` })),
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

/** At most this many personas on one map: more curves than this cannot be told apart on one chart. */
export const MAX_PERSONAS = 5;

/** A persona written in a map's `personas:` list: a map's persona plus the `id` its scores use. */
const listedPersona = z.strictObject(
  {
    id: described(z.optional(slug), 'The id this persona\u2019s scores use (`emotion: { giulia: -1 }`); default: from the name'),
    ...personaFields,
    image: described(optionalText, 'A picture of the persona: a local PNG, JPEG or WebP file (at most 1 MB), relative to this map'),
  },
  { error: (iss) => `expected a persona: a mapping with at least \`name\`, or the path of a persona file (like \`../personas/giulia.yaml\`), ${found(iss)}` },
);
export type ListedPersona = z.output<typeof listedPersona>;

/** Several personas on one map, each written here or the path of a persona file; the alternative to `persona`. */
export const personas = then(
  z.nullish(
    z
      .array(
        z.union([listedPersona, yamlPath('a persona file')], {
          error: (iss) => `expected a persona: a mapping with at least \`name\`, or the path of a persona file (like \`../personas/giulia.yaml\`), ${found(iss)}`,
        }),
        { error: (iss) => `expected a list of personas (each a mapping with at least \`name\`, or the path of a persona file), ${found(iss)}` },
      )
      // Refinements that look at lists only: zod still runs checks on text that failed to be a list.
      .check(
        z.refine((v: unknown) => !Array.isArray(v) || v.length > 0, { error: 'expected at least one persona, found an empty list' }),
        z.refine((v: unknown) => !Array.isArray(v) || v.length <= MAX_PERSONAS, {
          error: (iss) => `expected at most ${MAX_PERSONAS} personas (more curves cannot be told apart on one chart), found ${(iss.input as unknown[]).length}`,
        }),
      ),
  ),
  (v) => v ?? [],
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

/** A milestone: `true`, or a short text naming the moment of truth. */
export const MAX_MILESTONE_LENGTH = 100;
const milestoneError = (iss: { input?: unknown }) => `expected a milestone: \`true\`, or a short text (at most ${MAX_MILESTONE_LENGTH} characters) naming the moment of truth, ${found(iss)}`;
export const milestone = then(
  z.nullish(
    z.union([z.boolean(), z.string().check(z.regex(/\S/, { error: milestoneError }), z.maxLength(MAX_MILESTONE_LENGTH, { error: milestoneError }), noControls())], { error: milestoneError }),
  ),
  (v): { text: string | null } | null => (v == null || v === false ? null : { text: v === true ? null : v }),
);

/** A scheme (`https:`, `data:`, `file:`, a drive letter) or a host (`//cdn…`): nothing a map may make journey fetch. */
const LOCAL = /^(?!\s*(?:[a-zA-Z][a-zA-Z0-9+.-]*:|[/\\]{2}))/;
export const IMAGE_EXTENSION = /\.(?:png|jpe?g|webp)$/i;
const imageError = (iss: { input?: unknown }) => `expected the path of a PNG, JPEG or WebP file, relative to this map (like \`screens/checkout.png\`), ${found(iss)}`;
/** A stage's picture: a local PNG, JPEG or WebP file. A URL is refused here, before any file is looked at. */
export const imagePath = then(
  z.nullish(
    z.string({ error: imageError }).check(
      // A pattern, not a refinement, so the JSON Schema refuses an address too.
      z.regex(LOCAL, {
        abort: true,
        error: (iss) => `expected the path of a local image file, relative to this map (like \`screens/checkout.png\`), found the address ${quote(String(iss.input), 60)}: journey never fetches an image; save it in the project folder and give its path`,
      }),
      z.regex(IMAGE_EXTENSION, { abort: true, error: imageError }),
      noControls(),
    ),
  ),
  (v) => v ?? null,
);

/** Keys every template's stages accept (the lanes of each template come on top). Descriptions show on hover in editors. */
export const stageCommon = {
  name: described(requiredText, 'The column heading of this stage'),
  id: described(z.optional(slug), 'A unique id of lowercase letters, digits and dashes; derived from the name when absent'),
  emotion: stageEmotion(),
  pain_points: described(itemList, 'What goes wrong or hurts at this stage'),
  opportunities: described(itemList, 'What we could do better at this stage'),
  kpis: described(kpiList, 'How the business measures this stage (back-end band): text, or { name, metric, target }'),
  owner: described(optionalText, 'Who is responsible for this stage (back-end band)'),
  technology: described(itemList, 'Systems that support this stage (back-end band)'),
  notes: described(optionalText, 'Anything else worth knowing about this stage'),
};

/** Stage keys added after format version 1, which every stage accepts too (a branch's stages included). */
export const stageLater = {
  milestone: described(milestone, 'A moment of truth: true, or a short text naming it'),
  image: described(imagePath, 'A picture of this stage (a screen, a storyboard frame): a local PNG, JPEG or WebP file, relative to this map; needs image_alt'),
  image_alt: described(then(z.nullish(requiredText), (v) => v ?? null), 'What the image shows, in words, for readers who cannot see it (required with image)'),
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
