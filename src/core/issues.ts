// Turns zod issues into diagnostics that point at the source and say what was expected.
import type * as z from 'zod/mini';
import type { $ZodIssue } from 'zod/v4/core';
import { closest, didYouMean, excerpt, isPlainObject, listWords } from './describe.js';
import { keyForWord } from './key-words.js';
import { formatPath, type Diagnostic, type PathSegment } from './diagnostics.js';
import { locate } from './locate.js';
import type { Source } from './source.js';
import { problem } from './diagnostics.js';
import { MAX_PROBLEMS } from './limits.js';
import type { Code } from './codes.js';

type Issue = $ZodIssue;

export interface IssueContext {
  source: Source;
  value: unknown;
  schema: z.ZodMiniType;
  /** Extra words for an unknown key, e.g. that it belongs to another template. Returns undefined when it has none. */
  explainUnknownKey?: (key: string, path: readonly PathSegment[]) => string | undefined;
  /** The key a standard word stands for in this template (`frontstage` → `communication`), if any. */
  synonymOf?: (key: string, path: readonly PathSegment[]) => string | undefined;
}

export function issuesToDiagnostics(issues: readonly Issue[], ctx: IssueContext, max = MAX_PROBLEMS): Diagnostic[] {
  // One entry per problem (an unknown-keys issue holds one per key).
  const found = issues
    .flatMap((i) => mostSpecific(i, [], ctx.value))
    .flatMap((issue): { issue: Issue; key?: string }[] => (issue.code === 'unrecognized_keys' ? issue.keys.map((key) => ({ issue, key })) : [{ issue }]));
  const out = found.slice(0, max).map(({ issue, key }) => diagnosticOf(issue, key, ctx));
  // A hostile file can hold a problem in each of its 100,000 nodes: list the first `max`, then
  // say how many more there are, at the first one not listed.
  const next = found[max];
  if (next) {
    const path = [...(next.issue.path as PathSegment[]), ...(next.key === undefined ? [] : [next.key])];
    out.push(at(ctx, path, 'key', `${(found.length - max).toLocaleString('en')} more problems from here on are not listed (at most ${max.toLocaleString('en')} are reported per file)`, 'too-many-problems'));
  }
  return out;
}

/** The suggestion a message's maker kept on its issue (describe.ts: suggest). */
const suggestionIn = (issue: object | undefined) => (issue as { suggestion?: string } | undefined)?.suggestion;

function diagnosticOf(issue: Issue, unknownKey: string | undefined, ctx: IssueContext): Diagnostic {
  const path = issue.path as PathSegment[];
  if (unknownKey !== undefined) {
    const { message, suggestion } = unknownKeyMessage(unknownKey, path, ctx);
    return at(ctx, [...path, unknownKey], 'key', message, 'unknown-key', undefined, suggestion);
  }
  if (issue.code === 'invalid_key') {
    // A key of a free-form mapping (a lint rule id, say) failed its own check: point at the key.
    const inner = issue.issues[0];
    return at(ctx, path, 'key', inner?.message ?? issue.message, 'invalid-value', undefined, suggestionIn(inner) ?? suggestionIn(issue));
  }
  const parentPath = path.slice(0, -1);
  const key = path.at(-1);
  const parent = valueAt(ctx.value, parentPath);
  if (typeof key === 'string' && isPlainObject(parent) && !Object.hasOwn(parent, key)) {
    // A missing required key: point at the object that lacks it.
    const expected = issue.message.replace(/, found nothing$/, '');
    return at(ctx, parentPath, 'value', `missing required key \`${key}\`: ${expected}`, 'missing-key', path);
  }
  return at(ctx, path, 'value', issue.message, 'invalid-value', undefined, suggestionIn(issue));
}

function at(ctx: IssueContext, path: readonly PathSegment[], target: 'key' | 'value', message: string, code: Code, where = path, suggestion?: string): Diagnostic {
  const { line, col } = locate(ctx.source, path, target);
  return problem(ctx.source.file, line, col, formatPath(where), message, code, suggestion);
}

/**
 * A union reports one issue per branch. Keep the branch that got furthest (its issues are inside
 * the value, or about its keys); else the one branch that accepted the value's type and only
 * failed a check of it (text with a control character, where the other branch wanted a mapping);
 * when no branch did, the union's own message says it best.
 */
function mostSpecific(issue: Issue, prefix: PathSegment[], root: unknown): Issue[] {
  const path = [...prefix, ...(issue.path as PathSegment[])];
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [{ ...issue, path } as Issue];
  const deeper = (i: Issue): boolean => goesDeeper(i, path, root);
  const typed = issue.errors.filter((branch) => !branch.every((i) => i.code === 'invalid_type' && i.path.length === 0));
  const valueCheck = (branch: readonly Issue[]) => branch.length > 0 && branch.every((i) => mostSpecific(i, path, root).every((x) => x.code === 'custom' || x.code === 'too_big'));
  const specific = issue.errors.find((branch) => branch.every(deeper)) ?? (typed.length === 1 && valueCheck(typed[0]!) ? typed[0] : undefined);
  if (!specific) return [{ ...issue, path } as Issue];
  return specific.flatMap((i) => mostSpecific(i, path, root));
}

/** An issue inside the value (or about its keys), or a union at the value with a branch that does get inside (an item inside a list's union). */
function goesDeeper(issue: Issue, at: readonly PathSegment[], root: unknown): boolean {
  if (issue.path.length > 0 || issue.code === 'unrecognized_keys') return true;
  return issue.code === 'invalid_union' && issue.errors.some((branch) => branch.length > 0 && !strangerObject(branch, at, root) && branch.every((i) => goesDeeper(i, at, root)));
}

/**
 * A mapping that shares no key with the object a branch expects (only unknown and missing keys): no
 * attempt at that object, so the union's own words say it better (`communication: { channel: web }`
 * is "expected text or a list of text, found a mapping", not "missing `text`").
 */
function strangerObject(branch: readonly Issue[], at: readonly PathSegment[], root: unknown): boolean {
  const value = valueAt(root, at);
  if (!isPlainObject(value)) return false;
  const unknown = (i: Issue) => i.code === 'unrecognized_keys' && i.path.length === 0;
  const missing = (i: Issue) => i.path.length === 1 && !Object.hasOwn(value, i.path[0] as string);
  return branch.some(unknown) && branch.every((i) => unknown(i) || missing(i));
}

function unknownKeyMessage(key: string, objectPath: PathSegment[], ctx: IssueContext): { message: string; suggestion?: string } {
  const known = keysAt(ctx.schema, objectPath) ?? [];
  const suggestion = ctx.synonymOf?.(key, objectPath) ?? keyForWord(key, known) ?? closest(key, known);
  const extra = ctx.explainUnknownKey?.(key, objectPath);
  const shown = excerpt(key);
  if (extra) return { message: `unknown key \`${shown}\`: ${extra}${didYouMean(suggestion)}`, suggestion };
  if (suggestion) return { message: `unknown key \`${shown}\`: did you mean \`${suggestion}\`?`, suggestion };
  return { message: `unknown key \`${shown}\`: expected one of ${listWords(known)}` };
}

/** The keys an object schema accepts at `path`, walking through optional, pipe, union and array wrappers. */
export function keysAt(schema: z.ZodMiniType, path: readonly PathSegment[]): string[] | undefined {
  type Def = { type: string; [k: string]: unknown };
  const def = (s: unknown) => (s as { _zod: { def: Def } })._zod.def;
  const walk = (s: unknown, rest: readonly PathSegment[]): string[] | undefined => {
    const d = def(s);
    switch (d.type) {
      case 'optional':
      case 'nullable':
      case 'default':
      case 'readonly':
        return walk(d.innerType, rest);
      case 'pipe':
        return walk(d.in, rest);
      case 'union':
        for (const option of d.options as unknown[]) {
          const found = walk(option, rest);
          if (found) return found;
        }
        return undefined;
      case 'array':
        return rest.length && typeof rest[0] === 'number' ? walk(d.element, rest.slice(1)) : undefined;
      case 'object': {
        const shape = d.shape as Record<string, unknown>;
        if (rest.length === 0) return Object.keys(shape);
        const key = String(rest[0]);
        return Object.hasOwn(shape, key) ? walk(shape[key], rest.slice(1)) : undefined;
      }
      default:
        return undefined;
    }
  };
  return walk(schema, path);
}

export function valueAt(value: unknown, path: readonly PathSegment[]): unknown {
  let v = value;
  for (const seg of path) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, seg)) return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

