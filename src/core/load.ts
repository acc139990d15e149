// Text in, validated model (or every problem, each at its line and column) out:
// parse with positions → validate → model. Pure. quick-load.ts is the fast path for valid maps.
import { closest, describeKind, describeValue, isPlainObject, listWords } from './describe.js';
import { bySourceOrder, type Diagnostic, type PathSegment } from './diagnostics.js';
import { issuesToDiagnostics } from './issues.js';
import type { Locale } from './locale.js';
import { locate } from './locate.js';
import type { JourneyMap } from './model.js';
import { parseSource, type Source } from './source.js';
import { DEFAULT_LIMITS, decodeText, type Limits } from './text.js';
import { problem } from './diagnostics.js';
import { modelOf, validateMap } from './validate.js';
import { TEMPLATES, TEMPLATE_IDS, isTemplateId, templatesWithLane, type TemplateId } from '../templates/registry.js';

export type LoadResult =
  | { ok: true; map: JourneyMap; diagnostics: Diagnostic[]; /** Positions, for lint; absent on the quick path. */ source?: Source }
  | { ok: false; diagnostics: Diagnostic[] };

export interface LoadOptions {
  limits?: Limits;
  /** The locale of a map that sets none (from the config file); otherwise English. */
  defaultLocale?: Locale;
}

export function loadMapBytes(file: string, bytes: Uint8Array, options: LoadOptions = {}): LoadResult {
  const decoded = decodeText(file, bytes, options.limits);
  return decoded.ok ? loadMap(file, decoded.text, options) : decoded;
}

export function loadMap(file: string, text: string, options: LoadOptions = {}): LoadResult {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const parsed = parseSource(file, text, limits);
  if (!parsed.ok) return fail(parsed.diagnostics);
  const { source, value } = parsed;
  const warnings = parsed.diagnostics;

  if (!isPlainObject(value)) {
    const { line, col } = locate(source, []);
    // Maybe not a map at all (a link to a secret, say): say what kind of thing it is, not what it says.
    const what = value == null ? 'an empty file' : describeKind(value);
    return fail([...warnings, problem(file, line, col, '(root)', `expected a journey map: a mapping with \`template\`, \`title\` and \`stages\`, found ${what}`)]);
  }

  // An unknown template is reported, and the rest is still checked against the keys every template
  // shares: one mistake never hides the others.
  const template = isTemplateId(value.template) ? value.template : undefined;
  const templateProblems = template ? [] : [templateProblem(source, value)];
  const { schema, result } = validateMap(template, value, options.defaultLocale);
  if (!result.success || !template) {
    const diagnostics = result.success
      ? []
      : issuesToDiagnostics(result.error.issues, {
          source,
          value,
          schema,
          explainUnknownKey: (key, path) => explainStageKey(template, key, path),
          synonymOf: (key, path) => (template && isStagePath(path) ? TEMPLATES[template].synonyms?.[key] : undefined),
        });
    return fail([...warnings, ...templateProblems, ...diagnostics]);
  }
  return { ok: true, map: modelOf(template, result.data), diagnostics: warnings, source };
}

function templateProblem(source: Source, value: Record<string, unknown>): Diagnostic {
  const template = value.template;
  const { line, col } = locate(source, 'template' in value ? ['template'] : []);
  const guess = typeof template === 'string' ? closest(template, TEMPLATE_IDS) : undefined;
  const message =
    template === undefined
      ? `missing required key \`template\`: expected one of ${listWords(TEMPLATE_IDS)}`
      : `unknown template ${describeValue(template).replace(/^text /, '')}: expected one of ${listWords(TEMPLATE_IDS)}${guess ? `; did you mean \`${guess}\`?` : ''}`;
  return problem(source.file, line, col, 'template', message);
}

/** A stage of the main path (`stages[2]`) or of a branch (`stages[2].branches[0].stages[1]`). */
const isStagePath = (path: readonly PathSegment[]) => (path.length === 2 && path[0] === 'stages') || isBranchStagePath(path);
const isBranchStagePath = (path: readonly PathSegment[]) => path.length === 6 && path[0] === 'stages' && path[2] === 'branches' && path[4] === 'stages';

function fail(diagnostics: Diagnostic[]): LoadResult {
  return { ok: false, diagnostics: diagnostics.sort(bySourceOrder) };
}

function explainStageKey(template: TemplateId | undefined, key: string, path: readonly PathSegment[]): string | undefined {
  if (!template || !isStagePath(path)) return undefined;
  if (isBranchStagePath(path) && (key === 'branches' || key === 'rejoin')) {
    return 'forks do not nest: a stage of a branch cannot fork again (give the decision its own stage on the main path, or split the journey into maps)';
  }
  const owners = templatesWithLane(key);
  if (owners.length === 0) return undefined;
  return `it belongs to the ${listWords(owners)} template${owners.length > 1 ? 's' : ''}, not to ${template} (declare it under \`lanes:\` to add it as a custom lane)`;
}
