// The one way in for a map: bytes → text → the quick path for a valid map, or the positioned path
// (load.ts, with the `yaml` parser, loaded only then) to report exactly what is wrong and where.
// Every command goes through here, so validate, build, lint and diff give the same verdict.
import type { Locale } from './locale.js';
import type { LoadResult } from './load.js';
import { needsLexer, quickLoad } from './quick-load.js';
import type { TemplateRegistry } from './templates.js';
import { DEFAULT_LIMITS, decodeText } from './text.js';

export interface ReadMapOptions {
  /** The templates a map may name: the built-in ones, and the project's own. */
  templates: TemplateRegistry;
  defaultLocale?: Locale;
  maxBytes?: number;
  /** Keep source positions even for a valid map (lint points its findings into the source). */
  positions?: boolean;
}

export async function readMap(name: string, bytes: Uint8Array, options: ReadMapOptions): Promise<LoadResult> {
  const limits = { ...DEFAULT_LIMITS, maxBytes: options.maxBytes ?? DEFAULT_LIMITS.maxBytes };
  const decoded = decodeText(name, bytes, limits);
  if (!decoded.ok) return decoded;
  // The lexer of the positioned parser counts a large file's nodes; loaded only for such a file.
  const lexing = !options.positions && needsLexer(decoded.text) ? await import('yaml') : undefined;
  const map = options.positions ? undefined : quickLoad(decoded.text, { ...options, lexing });
  if (map) return { ok: true, map, diagnostics: [] };
  const { loadMap } = await import('./load.js');
  return loadMap(name, decoded.text, { templates: options.templates, defaultLocale: options.defaultLocale, limits });
}
