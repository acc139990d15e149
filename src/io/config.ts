// journey.config.yaml: project defaults for build and lint, found in the current folder or a parent.
// Validated like a map, with the same error report.
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import * as z from 'zod/mini';
import { closest, describeValue, listWords } from '../core/describe.js';
import { LINT_RULE_IDS } from '../core/lint-rules.js';
import { bySourceOrder, type Diagnostic } from '../core/diagnostics.js';
import { issuesToDiagnostics, isPlainObject } from '../core/issues.js';
import { LOCALES, type Locale } from '../core/locale.js';
import { locate } from '../core/locate.js';
import { described, text, textList } from '../core/schema.js';
import { quickParse } from '../core/quick-load.js';
import { decodeText, problem } from '../core/text.js';
import { FORMATS, type Format } from '../render/formats.js';
import { fsReason } from './files.js';

export const CONFIG_NAMES = ['journey.config.yaml', 'journey.config.yml'];
const PAGE_SIZES = ['A4', 'A3', 'Letter', 'Legal', 'Tabloid'] as const;
const found = (iss: { input?: unknown }) => `found ${describeValue(iss.input)}`;
const oneOf = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, { error: (iss) => `expected ${what}: ${listWords(values)}, ${found(iss)}` });

export const LINT_SEVERITIES = ['off', 'warn', 'error'] as const;

const opt = <S extends z.ZodMiniType>(schema: S, description?: string) => (description ? described(z.optional(schema), description) : z.optional(schema));

export const configSchema = z.strictObject(
  {
    inputs: described(textList, 'Maps to build or check when none are named: files, folders or glob patterns'),
    format: opt(
      z.pipe(
        z.union([oneOf(FORMATS, 'a format'), z.array(oneOf(FORMATS, 'a format'))], { error: (iss) => `expected a format or a list of formats (${listWords(FORMATS)}), ${found(iss)}` }),
        z.transform((v: Format | Format[]) => (Array.isArray(v) ? v : [v])),
      ),
      'Default output formats',
    ),
    out_dir: opt(text, 'Write documents here, keeping the folder structure of the maps'),
    page_size: opt(oneOf(PAGE_SIZES, 'a page size'), 'PDF paper size'),
    portrait: opt(z.boolean({ error: (iss) => `expected true or false, ${found(iss)}` }), 'PDF in portrait'),
    locale: opt(oneOf(LOCALES, 'a locale'), 'Locale for maps that do not set one'),
    layout: opt(text, 'A custom Handlebars layout for HTML'),
    md_layout: opt(oneOf(['auto', 'table', 'sections'] as const, 'a Markdown layout')),
    browser: opt(text, 'Chrome or Chromium for PDF'),
    max_file_size_mb: opt(
      z.number({ error: (iss) => `expected a size in MiB, ${found(iss)}` }).check(z.gt(0, { error: (iss) => `expected a size greater than 0, ${found(iss)}` })),
      'Refuse map files larger than this many MiB (default 5)',
    ),
    lint: opt(
      z.strictObject(
        {
          rules: opt(
            z.record(
              z.string().check(
                z.refine((id) => (LINT_RULE_IDS as string[]).includes(id), {
                  error: (iss) => {
                    const guess = closest(String(iss.input), LINT_RULE_IDS);
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

export interface Config {
  /** The config file, and the folder its relative paths start from. */
  file: string;
  dir: string;
  inputs: string[];
  format?: Format[];
  outDir?: string;
  pageSize?: (typeof PAGE_SIZES)[number];
  portrait?: boolean;
  locale?: Locale;
  layout?: string;
  mdLayout?: 'auto' | 'table' | 'sections';
  browser?: string;
  maxFileSizeMb?: number;
  lint: { rules: Record<string, (typeof LINT_SEVERITIES)[number]>; maxAgeMonths?: number };
}

export async function findConfigFile(cwd: string): Promise<string | undefined> {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(dir, name);
      if (await readFile(candidate).then(() => true, () => false)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Reads and validates a config file; `shown` is its path as printed in problems. */
export async function loadConfig(path: string, shown: string): Promise<{ ok: true; config: Config } | { ok: false; diagnostics: Diagnostic[] }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return { ok: false, diagnostics: [problem(shown, 1, 1, 'file', `cannot read the config file: ${fsReason(error)}`)] };
  }
  const decoded = decodeText(shown, bytes);
  if (!decoded.ok) return decoded;
  const quick = quickParse(decoded.text);
  const valid = quick !== undefined ? configSchema.safeParse(quick ?? {}) : undefined;
  if (valid?.success) return { ok: true, config: toConfig(valid.data, path, shown) };
  // Something is off: parse again with positions to say exactly where.
  const { parseSource } = await import('../core/source.js');
  const parsed = parseSource(shown, decoded.text);
  if (!parsed.ok) return parsed;
  const value = parsed.value ?? {};
  if (!isPlainObject(value)) {
    const { line, col } = locate(parsed.source, []);
    return { ok: false, diagnostics: [problem(shown, line, col, '(root)', `expected a mapping of settings, found ${describeValue(value)}`)] };
  }
  const result = configSchema.safeParse(value);
  if (!result.success) {
    return { ok: false, diagnostics: issuesToDiagnostics(result.error.issues, { source: parsed.source, value, schema: configSchema }).sort(bySourceOrder) };
  }
  return { ok: true, config: toConfig(result.data, path, shown) };
}

function toConfig(c: z.output<typeof configSchema>, path: string, shown: string): Config {
  const dir = dirname(path);
  return {
      file: shown,
      dir,
      inputs: c.inputs,
      format: c.format,
      outDir: c.out_dir && resolve(dir, c.out_dir),
      pageSize: c.page_size,
      portrait: c.portrait,
      locale: c.locale,
      layout: c.layout && resolve(dir, c.layout),
      mdLayout: c.md_layout,
      browser: c.browser,
    maxFileSizeMb: c.max_file_size_mb,
    lint: { rules: c.lint?.rules ?? {}, maxAgeMonths: c.lint?.max_age_months },
  };
}
