// The fast path for valid maps: js-yaml (several times faster than the positioned parser, and
// without source positions) and validation. Anything it cannot settle (a syntax error, an alias, a
// problem in the map) returns undefined, and the caller runs the positioned path (load.ts), which
// reports exactly where and what. Positions are only needed when a map has problems.
import { CORE_SCHEMA, load } from 'js-yaml';
import type { Locale } from './locale.js';
import type { JourneyMap } from './model.js';
import { isPlainObject } from './issues.js';
import { mayExceedNodes } from './limits.js';
import { modelOf, validateMap } from './validate.js';
import { isTemplateId } from '../templates/registry.js';

/** Parses YAML text without positions; undefined when the positioned parser should look at it. */
export function quickParse(text: string): unknown {
  // A file that may hold too many nodes is counted exactly, and refused, by the positioned parser.
  if (mayExceedNodes(text)) return undefined;
  try {
    // No aliases at all here: only the positioned parser bounds their expansion.
    return load(text, { schema: CORE_SCHEMA, maxAliases: 0, maxDepth: 64 });
  } catch {
    return undefined;
  }
}

export function quickLoad(text: string, options: { defaultLocale?: Locale } = {}): JourneyMap | undefined {
  const value = quickParse(text);
  if (!isPlainObject(value) || !isTemplateId(value.template)) return undefined;
  const { result } = validateMap(value.template, value, options.defaultLocale);
  return result.success ? modelOf(value.template, result.data) : undefined;
}
