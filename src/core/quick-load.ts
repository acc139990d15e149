// The fast path for valid maps: js-yaml (several times faster than the positioned parser, and
// without source positions) and validation. Anything it cannot settle (a syntax error, an alias, a
// problem in the map) returns undefined, and the caller runs the positioned path (load.ts), which
// reports exactly where and what. Positions are only needed when a map has problems.
import { CORE_SCHEMA, load } from 'js-yaml';
import type { Locale } from './locale.js';
import type { JourneyMap } from './model.js';
import { isPlainObject } from './describe.js';
import { mayExceedNodes, nodeLimitOffset, type YamlLexing } from './limits.js';
import { modelOf, validateMap } from './validate.js';
import { templateIn, type TemplateRegistry } from './templates.js';

/**
 * A directive (`%YAML 1.1`) or a tag (`!!str`, `!custom`) changes how YAML reads a value, and the two
 * parsers do not read them alike: such text always takes the positioned path, so every command gives
 * it the same verdict. The test is loose (`a, !b` in plain text matches too); a false match only
 * costs the slower path.
 */
const DIRECTIVE_OR_TAG = /^%|(?:^|[:,[{-])[ \t]*!/m;

/**
 * Parses YAML text without positions; undefined when the positioned parser should look at it. A
 * large file (a rich 2,000-stage map) is counted against the node limit with the positioned
 * parser's lexer, which the caller loads for such a file only (`needsLexer`); without it the file
 * goes to the positioned path, which counts it too.
 */
export function quickParse(text: string, lexing?: YamlLexing): unknown {
  if (DIRECTIVE_OR_TAG.test(text)) return undefined;
  if (mayExceedNodes(text) && (!lexing || nodeLimitOffset(text, lexing) !== undefined)) return undefined; // refused there, at its place
  try {
    // No aliases at all here: only the positioned parser bounds their expansion.
    return load(text, { schema: CORE_SCHEMA, maxAliases: 0, maxDepth: 64 });
  } catch {
    return undefined;
  }
}

/** Whether quickParse wants the lexer for this text: most files are settled by a cheap bound. */
export const needsLexer = (text: string) => mayExceedNodes(text);

export function quickLoad(text: string, options: { templates: TemplateRegistry; defaultLocale?: Locale; lexing?: YamlLexing }): JourneyMap | undefined {
  const value = quickParse(text, options.lexing);
  const def = isPlainObject(value) ? templateIn(options.templates, value.template) : undefined;
  if (!def) return undefined;
  const { result } = validateMap(def, options.templates, value as Record<string, unknown>, options.defaultLocale);
  return result.success ? modelOf(def, result.data) : undefined;
}
