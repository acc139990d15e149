// One private Handlebars instance with our partials and few, pure helpers. journey's own layouts run
// as JavaScript compiled from them (render/template-compiler.ts); a team's own layout compiles in
// Handlebars. Both are strict: a field that is not in the view model fails loudly instead of printing nothing.
import { join } from 'node:path';
import type FullHandlebars from 'handlebars';
import { TEMPLATES_DIR } from '../paths.js';
import { Handlebars as BuiltInHandlebars, templateFiles } from './template-files.js';
import { BudgetSpent, countWork, withinBudget } from './layout-budget.js';
import { createRuntime } from './template-runtime.js';
import { TEMPLATE_HELPERS, compileOptionsFor, type TemplateKind } from './template-helpers.js';
import type { CompiledTemplate } from './template-compiler.js';

export type Template = (context: unknown) => string;

/** The layout every map template uses unless templates/<kind>/layouts/<template>.hbs overrides it. */
const DEFAULT_LAYOUT = 'map';

export class LayoutError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly col: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A private Handlebars environment with the helpers and partials. The built-in layouts need only
 * the runtime; pass the full library (`withCompiler`) to compile a team's own layout.
 */
export function createEngine(kind: TemplateKind, helpers: Record<string, Handlebars.HelperDelegate> = {}, withCompiler?: typeof FullHandlebars) {
  const unknown = Object.keys(helpers).filter((name) => !(TEMPLATE_HELPERS[kind] as readonly string[]).includes(name));
  if (unknown.length) throw new Error(`helpers the template compiler does not know: ${unknown.join(', ')} (add them to render/template-helpers.ts)`);
  const hb = (withCompiler ?? BuiltInHandlebars).create();
  hb.registerHelper({
    or: (...args: unknown[]) => args.slice(0, -1).some(Boolean),
    add: (a: number, b: number) => a + b,
    join: (list: unknown[], separator: string) => list.join(separator),
    // Handlebars' own lookup answers an inherited name (`hasOwnProperty`) with a raw warning on
    // the console and an empty string; here it is an error at its place in the layout.
    lookup(obj: unknown, field: unknown, options: Handlebars.HelperOptions) {
      if (obj == null) return obj;
      const key = String(field);
      if (key in Object(obj) && !Object.hasOwn(Object(obj), key)) throw new hb.Exception(inherited(key), options as unknown as hbs.AST.Node);
      return (options as unknown as { lookupProperty: (o: unknown, k: string) => unknown }).lookupProperty(obj, key);
    },
    ...helpers,
  });
  // A team's layout may come from a pull request: `{{log}}` would print its text to the CI log, and
  // its work is counted against a budget (render/layout-budget.ts).
  if (withCompiler) {
    hb.unregisterHelper('log');
    countWork(hb);
  }
  const files = templateFiles(kind);
  // Handlebars' compile options for a team's layout and the built-in partials it calls.
  const handlebarsOptions = { strict: true, noEscape: compileOptionsFor(kind).noEscape };
  if (withCompiler) for (const [name, source] of Object.entries(files.partials)) hb.registerPartial(name, hb.compile(source, handlebarsOptions));
  let compiled: { layouts: Record<string, CompiledTemplate> } | undefined;
  const cache = new Map<string, Template>();

  /** `blocks`: a team's layout renders within the budget, its own blocks' positions telling where it was spent. */
  const guard = (file: string, template: HandlebarsTemplateDelegate, blocks?: Set<string>): Template => (context) => {
    // Inherited properties stay denied, and silently: the compile-time check names them.
    const render = (view: unknown) => template(view, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
    try {
      return blocks ? withinBudget(render, context, blocks) : render(context);
    } catch (error) {
      if (error instanceof BudgetSpent) throw new LayoutError(file, error.loc?.line ?? 1, (error.loc?.column ?? 0) + 1, error.message);
      throw toLayoutError(file, error);
    }
  };

  /** Compiles a team's own layout; its mistakes are reported at its own file and line. */
  function compile(file: string, source: string): Template {
    let template: HandlebarsTemplateDelegate;
    let blocks: Set<string>;
    try {
      blocks = checkLayout(file, hb.parse(source));
      template = hb.compile(source, handlebarsOptions);
      template({}); // parse now, so syntax errors surface here rather than mid-batch
    } catch (error) {
      if (error instanceof LayoutError) throw error;
      if (isParseError(error)) throw toLayoutError(file, error);
    }
    return guard(file, template!, blocks!);
  }

  return {
    /** The built-in layout named so (a map template's own, or `diff`), else the shared map layout. */
    layout(name: string): Template {
      let template = cache.get(name);
      if (!template) {
        const file = Object.hasOwn(files.layouts, name) ? name : DEFAULT_LAYOUT;
        compiled ??= files.compiled(createRuntime(hb, hb.helpers as Record<string, (...args: unknown[]) => unknown>));
        const run = compiled.layouts[file];
        if (run === undefined) throw new Error(`no ${kind} layout ${file}`);
        const path = join(TEMPLATES_DIR, kind, 'layouts', `${file}.hbs`);
        template = (context) => {
          try {
            return run(context, { root: context });
          } catch (error) {
            throw toLayoutError(path, error);
          }
        };
        cache.set(name, template);
      }
      return template;
    },
    css: files.css,
    styles: files.styles,
    /** The helpers its templates call (Handlebars' own and journey's). */
    helpers: hb.helpers,
    compile,
  };
}

// Every object has these; none is data of the view model.
const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));
const inherited = (name: string) => `"${name}" is a property every JavaScript object inherits, not data of the view model`;

/** What journey prints unescaped: its stylesheet and its policy, never text from a map. */
const RAW = new Set(['css', 'csp']);

/**
 * Checks a team's layout before it renders, each mistake an error at its place: a path such as
 * `{{constructor}}` or `{{title.hasOwnProperty}}`, three braces (`{{{title}}}`, `{{& title}}`) around
 * anything but `css`, since user text is never printed raw, and `{{log}}`. Returns where its blocks start.
 */
function checkLayout(file: string, program: hbs.AST.Program): Set<string> {
  const blocks = new Set<string>();
  const at = (loc: hbs.AST.SourceLocation | undefined, message: string) => new LayoutError(file, loc?.start.line ?? 1, (loc?.start.column ?? 0) + 1, message);
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const n = node as { type?: string; parts?: string[]; original?: string; loc?: hbs.AST.SourceLocation; escaped?: boolean; path?: { original?: unknown } };
    const name = n.type === 'PathExpression' ? n.parts?.find((part) => INHERITED.has(part)) : undefined;
    if (name !== undefined) throw at(n.loc, inherited(name));
    if (n.type === 'MustacheStatement' && n.escaped === false && !RAW.has(String(n.path?.original))) {
      const what = String(n.path?.original ?? '…');
      throw at(n.loc, `{{{${what}}}} would print text unescaped: only {{{css}}} may use three braces; write {{${what}}}`);
    }
    if (n.type === 'BlockStatement' && n.loc) blocks.add(`${n.loc.start.line}:${n.loc.start.column}`);
    if (/^(Mustache|Block|SubExpression)/.test(n.type ?? '') && n.path?.original === 'log') throw at(n.loc, '{{log}} would write to the terminal and the CI log: a layout cannot');
    for (const [key, value] of Object.entries(node)) if (key !== 'loc') visit(value);
  };
  visit(program);
  return blocks;
}

function isParseError(error: unknown): boolean {
  return error instanceof Error && /^Parse error on line|^Expecting|doesn't match/.test(error.message);
}

function toLayoutError(file: string, error: unknown): LayoutError {
  const e = error as { message?: string; lineNumber?: number; column?: number };
  const message = String(e.message ?? error);
  const parse = /^Parse error on line (\d+):/.exec(message);
  const line = e.lineNumber ?? (parse ? Number(parse[1]) : 1);
  const col = (e.column ?? 0) + 1;
  // Handlebars appends a code frame and the position; keep the sentence a user can act on.
  const mismatch = /^(\S+) doesn't match (\S+)/.exec(message);
  if (mismatch) {
    return new LayoutError(file, line, col, `block {{#${mismatch[1]}}} is closed by {{/${mismatch[2]}}}: expected {{/${mismatch[1]}}} first`);
  }
  const clean = parse
    ? `syntax error: ${message.split('\n').slice(3).join(' ').trim() || message.split('\n')[0]}`
    : message.replace(/ - \d+:\d+$/, '').replace(/ in \[object Object\]$/, ' in the view model');
  return new LayoutError(file, line, col, clean);
}
