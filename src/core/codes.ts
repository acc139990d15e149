// The stable code of every problem, with its meaning: what the JSON and GitHub reporters and the
// API carry, so that scripts and tests match a code rather than an English sentence. The README's
// table of codes is tested against this list. A lint finding's code is its rule's id.
import type { LintRuleId } from './lint/ids.js';

export const CODES = {
  'yaml-syntax': 'the file is not valid YAML',
  'yaml-tab-indent': 'a line is indented with a tab',
  'yaml-duplicate-key': 'a key is set twice in one mapping',
  'yaml-unclosed': 'a quote, list or mapping is never closed',
  'yaml-warning': 'the YAML parser warns about something it accepted',
  'yaml-tag': 'a YAML tag makes a kind of value journey files have no place for',
  'too-large': 'a file, its nesting, its nodes or its aliases go over a limit',
  'not-text': 'a file holds binary content or invalid UTF-8',
  'wrong-kind': 'the file holds something other than what was expected (a map, a persona, plain data)',
  'unknown-key': 'a key this place does not have',
  'missing-key': 'a required key is missing',
  'invalid-value': 'a value of the wrong type, or outside what is allowed',
  'too-many-problems': 'more problems than are listed',
  'unknown-template': 'the map names no template journey knows',
  'unknown-persona': 'a score names a persona the map does not list',
  'duplicate-persona': 'two personas have the same id',
  'file-not-found': 'a file named on the command line or in a config file does not exist',
  'file-unreadable': 'a file cannot be read, or is refused (a link out of the project, a pipe, too large)',
  'no-maps-match': 'a pattern or folder matches no map',
  'persona-not-found': 'the persona file a map names does not exist',
  'based-on-not-found': 'the map named by `based_on` does not exist',
  'reference-refused': 'a file a map names is outside the project or not a file',
  'image-refused': 'a picture is missing, too large, not an image, or outside the project',
  'path-outside': 'a path in a config file leads outside its folder',
  'layout-error': 'a custom layout cannot be read, or fails',
  'metrics-error': 'a metrics file cannot be read or is not in its format',
  'metric-missing': 'a KPI names a metric the metrics file has no value for',
  'import-error': 'a file to import is not in the format it should be',
  'git-error': 'a map cannot be read at a git revision',
  'output-clash': 'two maps would write the same document',
  'output-refused': 'a document may not be written where asked',
  'output-unwritable': 'a document cannot be written for a reason of the file system (exit 3 when nothing else failed)',
  'render-failed': 'the browser failed or timed out while making a document',
  'port-in-use': 'the port asked for (or every port tried) is in use (exit 3)',
  'browser-unavailable': 'no browser for PDF or PNG, or it would not start (exit 3 when nothing else failed)',
} as const;

/** A problem's code: one of CODES, or the id of the lint rule that found it. */
export type ProblemCode = keyof typeof CODES;
export type Code = ProblemCode | LintRuleId;

/** The codes that say the environment failed, not the input: a run with only these exits 3. */
export const ENVIRONMENT_CODES: ReadonlySet<Code> = new Set<Code>(['output-unwritable', 'browser-unavailable', 'port-in-use']);
