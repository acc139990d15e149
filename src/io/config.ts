// journey.config.yaml: project defaults for build and lint, found in the current folder or a parent.
// Validated like a map, with the same error report; the schema is core/config-schema.ts.
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type * as z from 'zod/mini';
import { buildConfigSchema, type ConfigSchema } from '../core/config-schema.js';
import { problem, type Diagnostic } from '../core/diagnostics.js';
import type { LintSeverity } from '../core/lint/rule.js';
import type { Locale } from '../core/locale.js';
import { readDocument } from '../core/read-document.js';
import { FORMAT_IDS, MD_LAYOUTS, PAGE_SIZES, type Format, type MarkdownLayout, type PageSize } from '../render/formats.js';
import { fsReason } from './files.js';

export const CONFIG_NAMES = ['journey.config.yaml', 'journey.config.yml'];

let schema: ConfigSchema | undefined;
const configSchema = () => (schema ??= buildConfigSchema({ formats: FORMAT_IDS as [Format, ...Format[]], pageSizes: PAGE_SIZES, mdLayouts: MD_LAYOUTS }));

export interface Config {
  /** The config file, and the folder its relative paths start from. */
  file: string;
  dir: string;
  inputs: string[];
  format?: Format[];
  outDir?: string;
  pageSize?: PageSize;
  portrait?: boolean;
  locale?: Locale;
  layout?: string;
  mdLayout?: MarkdownLayout;
  browser?: string;
  maxFileSizeMb?: number;
  /** KPI values for build (absolute; inside the config's folder). */
  metrics?: string;
  lint: { rules: Record<string, LintSeverity>; maxAgeMonths?: number };
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
  const read = await readDocument(shown, bytes, configSchema(), { expected: 'a mapping of settings', empty: {} });
  return read.ok ? { ok: true, config: toConfig(read.value, path, shown) } : read;
}

function toConfig(c: z.output<ConfigSchema>, path: string, shown: string): Config {
  const dir = dirname(path);
  return {
      file: shown,
      dir,
      inputs: c.inputs,
      format: c.format as Format[] | undefined,
      outDir: c.out_dir && resolve(dir, c.out_dir),
      pageSize: c.page_size as PageSize | undefined,
      portrait: c.portrait,
      locale: c.locale,
      layout: c.layout && resolve(dir, c.layout),
      mdLayout: c.md_layout as MarkdownLayout | undefined,
      browser: c.browser,
    maxFileSizeMb: c.max_file_size_mb,
    metrics: c.metrics && resolve(dir, c.metrics),
    lint: { rules: c.lint?.rules ?? {}, maxAgeMonths: c.lint?.max_age_months },
  };
}
