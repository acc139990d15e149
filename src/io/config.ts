// journey.config.yaml: project defaults for build and lint, found in the current folder or a parent.
// Validated like a map, with the same error report; the schema is core/config-schema.ts.
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type * as z from 'zod/mini';
import { buildConfigSchema, type ConfigSchema } from '../core/config-schema.js';
import { describeValue } from '../core/describe.js';
import { bySourceOrder, problem, type Diagnostic } from '../core/diagnostics.js';
import { issuesToDiagnostics, isPlainObject } from '../core/issues.js';
import type { LintSeverity } from '../core/lint/rule.js';
import type { Locale } from '../core/locale.js';
import { locate } from '../core/locate.js';
import { quickParse } from '../core/quick-load.js';
import { decodeText } from '../core/text.js';
import { FORMAT_IDS, MAX_SCALE, MD_LAYOUTS, PAGE_SIZES, PDF_LAYOUTS, type Format, type MarkdownLayout, type PageSize, type PdfLayout } from '../render/formats.js';
import { fsReason } from './files.js';

export const CONFIG_NAMES = ['journey.config.yaml', 'journey.config.yml'];

let schema: ConfigSchema | undefined;
const configSchema = () => (schema ??= buildConfigSchema({ formats: FORMAT_IDS as [Format, ...Format[]], pageSizes: PAGE_SIZES, mdLayouts: MD_LAYOUTS, pdfLayouts: PDF_LAYOUTS, maxScale: MAX_SCALE }));

export interface Config {
  /** The config file, and the folder its relative paths start from. */
  file: string;
  dir: string;
  inputs: string[];
  format?: Format[];
  outDir?: string;
  pageSize?: PageSize;
  portrait?: boolean;
  pdfLayout?: PdfLayout;
  scale?: number;
  locale?: Locale;
  layout?: string;
  mdLayout?: MarkdownLayout;
  browser?: string;
  maxFileSizeMb?: number;
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
  const decoded = decodeText(shown, bytes);
  if (!decoded.ok) return decoded;
  const quick = quickParse(decoded.text);
  const valid = quick !== undefined ? configSchema().safeParse(quick ?? {}) : undefined;
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
  const result = configSchema().safeParse(value);
  if (!result.success) {
    return { ok: false, diagnostics: issuesToDiagnostics(result.error.issues, { source: parsed.source, value, schema: configSchema() }).sort(bySourceOrder) };
  }
  return { ok: true, config: toConfig(result.data, path, shown) };
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
      pdfLayout: c.pdf_layout as PdfLayout | undefined,
      scale: c.scale,
      locale: c.locale,
      layout: c.layout && resolve(dir, c.layout),
      mdLayout: c.md_layout as MarkdownLayout | undefined,
      browser: c.browser,
    maxFileSizeMb: c.max_file_size_mb,
    lint: { rules: c.lint?.rules ?? {}, maxAgeMonths: c.lint?.max_age_months },
  };
}
