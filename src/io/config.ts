// journey.config.yaml: project defaults for build and lint, found in the current folder or a parent.
// Validated like a map, with the same error report; the schema is core/config-schema.ts.
import { lstat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type * as z from 'zod/mini';
import type { ConfigSchema } from '../core/config-schema.js';
import { problem, type Diagnostic } from '../core/diagnostics.js';
import type { LintSeverity } from '../core/lint/rule.js';
import type { Locale } from '../core/locale.js';
import { positionIn, readDocument } from '../core/read-document.js';
import { CONFIG_CHOICES, FORMAT_OPTIONS, type Format, type FormatOptionValues } from '../render/formats.js';
import { readMapBytes } from './files.js';
import { DEFAULT_LIMITS } from '../core/text.js';
import { staysInFolder } from './write-guard.js';
import { DEFAULT_IMAGE_BYTES } from '../core/image.js';
import { parseFontList, type Theme, type ThemeOptions } from '../core/theme.js';
import { readImage } from './images.js';
import type { TemplateDefinition } from '../templates/types.js';

export const CONFIG_NAMES = ['journey.config.yaml', 'journey.config.yml'];

// Loaded with the first config file: a build without one does not pay for the config's schema.
let schema: ConfigSchema | undefined;
async function configSchema(): Promise<ConfigSchema> {
  const { buildConfigSchema } = await import('../core/config-schema.js');
  return (schema ??= buildConfigSchema(CONFIG_CHOICES));
}

/** The settings of journey.config.yaml; each format's options (`page_size:`, …) under their API names. */
export interface Config extends Partial<FormatOptionValues> {
  /** The config file, and the folder its relative paths start from. */
  file: string;
  dir: string;
  inputs: string[];
  format?: Format[];
  outDir?: string;
  locale?: Locale;
  layout?: string;
  /** `browser:`, relative to the config's folder, and where it stands in the file. */
  browser?: string;
  browserAt?: { line: number; col: number };
  maxFileSizeMb?: number;
  /** `images:` size limits of stage images in MB (1,000,000 bytes), for the image reader (defaults: core/image.ts, STAGE_IMAGE_LIMITS). */
  images?: { maxImageMb?: number; maxMapImagesMb?: number };
  /** KPI values for build (absolute; inside the config's folder). */
  metrics?: string;
  lint: { rules: Record<string, LintSeverity>; maxAgeMonths?: number };
  /** `theme:`, checked, with its logo read and inlined. */
  theme?: Theme;
  /** The project's own templates (`templates:`), read from their files: io/templates.ts adds them to the built-in ones. */
  teamTemplates?: TemplateDefinition[];
}

export async function findConfigFile(cwd: string, top?: string): Promise<string | undefined> {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(dir, name);
      // Whatever is there under the name is the config file: one that is a link, a pipe or a device
      // is refused when it is read, not passed over for a parent's.
      if (await lstat(candidate).then(() => true, () => false)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir || dir === top) return undefined;
    dir = parent;
  }
}

/** Reads and validates a config file; `shown` is its path as printed in problems; `given`, its text as an editor holds it. */
export async function loadConfig(path: string, shown: string, given?: Uint8Array): Promise<{ ok: true; config: Config } | { ok: false; diagnostics: Diagnostic[] }> {
  // Its own folder is its project: a config file that is a link out of it is refused.
  const file = given ? { ok: true as const, bytes: given } : await readMapBytes(path, { maxBytes: DEFAULT_LIMITS.maxBytes, projectRoot: dirname(path), expected: 'a config file' });
  if (!file.ok) return { ok: false, diagnostics: [problem(shown, 1, 1, 'file', file.reason.replace(/^cannot read the file/, 'cannot read the config file'), file.code)] };
  const bytes = file.bytes;
  const read = await readDocument(shown, bytes, await configSchema(), { expected: 'a mapping of settings', empty: {} });
  if (!read.ok) return read;
  const config = toConfig(read.value, path, shown);
  // A config file comes from the repository, maybe from a pull request: its paths stay inside its
  // folder, as written and through links, and its browser is remembered with its place (build
  // honours it only when the command line allows: see pipeline/plan.ts).
  const text = () => new TextDecoder().decode(bytes);
  const problems: Diagnostic[] = [];
  for (const key of ['out_dir', 'layout', 'metrics'] as const) {
    const value = read.value[key];
    if (value === undefined || (await staysInFolder(value, config.dir))) continue;
    const { line, col } = await positionIn(await text(), [key], shown);
    problems.push(problem(shown, line, col, key, `${key} ${JSON.stringify(value)} leads outside the folder of ${shown}: paths in a config file stay inside its folder (name a path outside it on the command line)`, 'path-outside'));
  }
  const theme = read.value.theme;
  if (theme) {
    config.theme = { accent: theme.accent, font: theme.font && (parseFontList(theme.font) as { css: string }).css };
    if (theme.logo !== undefined) {
      // The logo is a picture like a persona's: local, inside this file's folder, PNG, JPEG or WebP, at most 1 MB.
      const logo = await readImage({ path: theme.logo, from: path, cwd: config.dir, projectRoot: config.dir, maxBytes: DEFAULT_IMAGE_BYTES, what: 'logo' });
      if (logo.ok) config.theme.logo = { src: logo.image.src, alt: theme.logo_alt ?? 'Logo' };
      else {
        const { line, col } = await positionIn(await text(), ['theme', 'logo'], shown);
        problems.push(problem(shown, line, col, 'theme.logo', logo.reason, 'image-refused'));
      }
    }
  }
  if (read.value.templates?.length) {
    const { readTeamTemplates } = await import('./templates.js');
    const team = await readTeamTemplates(read.value.templates, config.dir, shown, (at) => positionIn(text(), at, shown));
    if (team.ok) config.teamTemplates = team.templates;
    else problems.push(...team.diagnostics);
  }
  if (problems.length) return { ok: false, diagnostics: problems };
  if (config.browser) config.browserAt = await positionIn(await text(), ['browser'], shown);
  return { ok: true, config };
}

/** The API's theme option, checked as the config's `theme:` is; the logo is relative to `cwd` and must stay inside it. */
export async function resolveTheme(given: ThemeOptions, cwd: string): Promise<{ ok: true; theme: Theme } | { ok: false; reason: string }> {
  const { COLOUR_EXPECTED, parseColour } = await import('../core/theme.js');
  if (given.accent !== undefined && parseColour(given.accent) === undefined) return { ok: false, reason: `theme.accent: expected ${COLOUR_EXPECTED}, found ${JSON.stringify(given.accent)}` };
  const theme: Theme = { accent: given.accent };
  if (given.font !== undefined) {
    const font = parseFontList(given.font);
    if (!font.ok) return { ok: false, reason: `theme.font: ${font.reason}` };
    theme.font = font.css;
  }
  if (given.logo !== undefined) {
    const logo = await readImage({ path: given.logo, from: join(cwd, 'theme'), cwd, projectRoot: cwd, maxBytes: DEFAULT_IMAGE_BYTES, what: 'logo' });
    if (!logo.ok) return { ok: false, reason: `theme.logo: ${logo.reason}` };
    theme.logo = { src: logo.image.src, alt: given.logoAlt ?? 'Logo' };
  }
  return { ok: true, theme };
}

function toConfig(c: z.output<ConfigSchema>, path: string, shown: string): Config {
  const dir = dirname(path);
  return {
      file: shown,
      dir,
      inputs: c.inputs,
      format: c.format as Format[] | undefined,
      outDir: c.out_dir && resolve(dir, c.out_dir),
      locale: c.locale,
      layout: c.layout && resolve(dir, c.layout),
      browser: c.browser && resolve(dir, c.browser),
      // Each format's options, under their API names (the schema checked them against their declarations).
      ...Object.fromEntries(FORMAT_OPTIONS.flatMap((o) => ((c as Record<string, unknown>)[o.key] === undefined ? [] : [[o.name, (c as Record<string, unknown>)[o.key]]]))),
    maxFileSizeMb: c.max_file_size_mb,
    images: c.images && { maxImageMb: c.images.max_image_mb, maxMapImagesMb: c.images.max_map_images_mb },
    metrics: c.metrics && resolve(dir, c.metrics),
    lint: { rules: c.lint?.rules ?? {}, maxAgeMonths: c.lint?.max_age_months },
  };
}
