// The fast path for valid maps: js-yaml (several times faster than the positioned parser, and
// without source positions) and validation. Anything it cannot settle (a syntax error, an alias, a
// problem in the map) returns undefined, and the caller runs the positioned path (load.ts), which
// reports exactly where and what. Positions are only needed when a map has problems.
import { createRequire } from 'node:module';
import { CORE_SCHEMA, load } from 'js-yaml';
import type { Locale } from './locale.js';
import type { JourneyMap } from './model.js';
import { isPlainObject } from './issues.js';
import { mayExceedNodes, nodeLimitOffset, type YamlLexing } from './limits.js';
import { modelOf, validateMap } from './validate.js';
import { isTemplateId } from '../templates/registry.js';

/** Parses YAML text without positions; undefined when the positioned parser should look at it. */
export function quickParse(text: string): unknown {
  if (!withinNodeLimit(text)) return undefined; // the positioned parser refuses it, at its place
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

/**
 * The node limit, as the positioned parser counts it. Most files are settled by the cheap bound; a
 * large one (a rich 2,000-stage map) is counted with the positioned parser's lexer, loaded here
 * only then, and synchronously: loading it for every build cost small builds 20 ms.
 */
function withinNodeLimit(text: string): boolean {
  if (!mayExceedNodes(text)) return true;
  const yaml = createRequire(import.meta.url)('yaml') as YamlLexing;
  return nodeLimitOffset(text, yaml) === undefined;
}
