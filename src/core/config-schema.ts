// The schema of journey.config.yaml. The formats and their options (page_size, md_layout, …) are
// passed in by the caller, which takes them from the format registry: core knows no renderer.
import * as z from 'zod/mini';
import { closest, describeValue, listWords, suggest } from './describe.js';
import { LINT_RULE_IDS } from './lint/ids.js';
import { LINT_SEVERITIES } from './lint/rule.js';
import { STAGE_IMAGE_LIMITS } from './image.js';
import { LOCALES } from './locale.js';
import type { FormatOption, optionProblem } from './format-options.js';
import { described, text, textList } from './schema.js';
import { MAX_TEAM_TEMPLATES } from './templates.js';
import { COLOUR_EXPECTED, parseColour, parseFontList } from './theme.js';

type Choices = readonly [string, ...string[]];
export interface ConfigChoices {
  formats: Choices;
  /** Every format's options, each under its `key`, with their help lines and the words for a wrong value. */
  options: readonly FormatOption[];
  help: (option: FormatOption) => string;
  problem: typeof optionProblem;
}

const found = (iss: { input?: unknown }) => `found ${describeValue(iss.input)}`;
const oneOf = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, { error: (iss) => `expected ${what}: ${listWords(values)}, ${found(iss)}` });

const megabytes = () => z.number({ error: (iss) => `expected a size in MB, ${found(iss)}` }).check(z.gt(0, { error: (iss) => `expected a size greater than 0, ${found(iss)}` }));

const opt = <S extends z.ZodMiniType>(schema: S, description?: string) => (description ? described(z.optional(schema), description) : z.optional(schema));

/** A format option's value, checked as its declaration says, in the words the command line uses. */
function optionSchema(o: FormatOption, problem: ConfigChoices['problem']): z.ZodMiniType {
  const expected = (iss: { input?: unknown }) => `${problem(o, iss.input)}, ${found(iss)}`;
  switch (o.type) {
    case 'choice':
      return oneOf(o.choices, o.what);
    case 'boolean':
      return z.boolean({ error: expected });
    case 'string':
      return text;
    case 'number':
      return z.number({ error: (iss) => `expected ${o.what}, ${found(iss)}` }).check(z.gt(o.above, { error: expected }), ...(o.max === undefined ? [] : [z.lte(o.max, { error: expected })]));
  }
}

export function buildConfigSchema(choices: ConfigChoices) {
  const { formats: FORMATS, options, help, problem } = choices;
  return z.strictObject(
  {
    inputs: described(textList, 'Maps to build or check when none are named: files, folders or glob patterns'),
    format: opt(
      z.pipe(
        z.union([oneOf(FORMATS, 'a format'), z.array(oneOf(FORMATS, 'a format'))], { error: (iss) => `expected a format or a list of formats (${listWords(FORMATS)}), ${found(iss)}` }),
        z.transform((v: string | string[]) => (Array.isArray(v) ? v : [v])),
      ),
      'Default output formats',
    ),
    out_dir: opt(text, 'Write documents here, keeping the folder structure of the maps'),
    ...Object.fromEntries(options.map((o) => [o.key, opt(optionSchema(o, problem), help(o))])),
    locale: opt(oneOf(LOCALES, 'a locale'), 'Locale for maps that do not set one'),
    layout: opt(text, 'A custom Handlebars layout for HTML'),
    browser: opt(text, 'Chrome or Chromium for PDF'),
    max_file_size_mb: opt(
      z.number({ error: (iss) => `expected a size in MiB, ${found(iss)}` }).check(z.gt(0, { error: (iss) => `expected a size greater than 0, ${found(iss)}` })),
      'Refuse map files larger than this many MiB (default 5)',
    ),
    images: opt(
      z.strictObject(
        {
          max_image_mb: opt(megabytes(), `Refuse a stage image larger than this many MB (default ${STAGE_IMAGE_LIMITS.imageMb})`),
          max_map_images_mb: opt(megabytes(), `Refuse a map whose stage images together are larger than this many MB (default ${STAGE_IMAGE_LIMITS.mapMb})`),
        },
        { error: (iss) => `expected image limits ({ max_image_mb, max_map_images_mb }), ${found(iss)}` },
      ),
      'Size limits of the stage images documents inline',
    ),
    metrics: opt(
      text.check(
        // A pull request may change the config: its metrics file stays inside the project.
        z.refine((path: string) => !/^(?:[\\/]|[A-Za-z]:)/.test(path) && !path.split(/[\\/]/).includes('..'), {
          error: (iss) => `expected a path inside the project folder, relative to this file (like metrics/latest.csv), ${found(iss)}`,
        }),
      ),
      'KPI values for journey build (CSV or JSON of metric, value, date), relative to this file and inside its folder',
    ),
    templates: opt(
      z.array(text, { error: (iss) => `expected a list of template files (like [templates/empathy-map.yaml]), ${found(iss)}` }).check(
        z.maxLength(MAX_TEAM_TEMPLATES, { error: (iss) => `expected at most ${MAX_TEAM_TEMPLATES} template files, found ${(iss.input as unknown[]).length}` }),
      ),
      'The project\u2019s own templates: YAML files declaring id, name, column, bands and lanes, relative to this file and inside its folder',
    ),
    theme: opt(
      z.strictObject(
        {
          accent: opt(
            z.string({ error: (iss) => `expected ${COLOUR_EXPECTED}, ${found(iss)}` }).check(
              z.refine((v: string) => parseColour(v) !== undefined, { error: (iss) => `expected ${COLOUR_EXPECTED}, ${found(iss)}` }),
            ),
            'The accent colour of documents: #rrggbb, #rgb or a CSS colour name',
          ),
          logo: opt(text, 'A logo for the document header: a local PNG, JPEG or WebP file (at most 1 MB), relative to this file'),
          logo_alt: opt(text, 'The logo\u2019s text for screen readers, usually the organisation\u2019s name (default: Logo)'),
          font: opt(
            z.string({ error: (iss) => `expected a font-family list, ${found(iss)}` }).check(
              z.refine((v: string) => parseFontList(v).ok, { error: (iss) => (parseFontList(String(iss.input)) as { reason: string }).reason }),
            ),
            'Fonts for documents, installed on the machines that build and show them: Inter, "Source Sans 3", sans-serif',
          ),
        },
        { error: (iss) => `expected theme settings ({ accent, logo, logo_alt, font }), ${found(iss)}` },
      ),
      'How documents look: accent colour, logo and fonts',
    ),
    lint: opt(
      z.strictObject(
        {
          rules: opt(
            z.record(
              z.string().check(
                z.refine((id) => (LINT_RULE_IDS as readonly string[]).includes(id), {
                  error: (iss) => {
                    const guess = suggest(iss, closest(String(iss.input), LINT_RULE_IDS));
                    return `unknown lint rule ${describeValue(iss.input).replace(/^text /, '')}${guess ? `: did you mean \`${guess}\`?` : `: expected one of ${listWords(LINT_RULE_IDS)}`}`;
                  },
                }),
              ),
              oneOf(LINT_SEVERITIES, 'a severity'),
              { error: (iss) => `expected rule: severity pairs, ${found(iss)}` },
            ),
          ),
          max_age_months: opt(
            z.int({ error: (iss) => `expected a whole number of months, ${found(iss)}` }).check(z.gte(1, { error: (iss) => `expected at least 1 month, ${found(iss)}` })),
          ),
        },
        { error: (iss) => `expected lint settings ({ rules, max_age_months }), ${found(iss)}` },
      ),
    ),
  },
  { error: (iss) => `expected a mapping of settings, ${found(iss)}` },
);
}

export type ConfigSchema = ReturnType<typeof buildConfigSchema>;
