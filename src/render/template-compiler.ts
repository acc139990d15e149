// Compiles journey's own Handlebars templates (templates/<kind>/) into plain JavaScript that builds
// the document as one string. Handlebars' runtime makes an options object, a program wrapper and a
// checked property lookup for every `{{#if}}`, `{{#each}}` and field a cell prints: for a batch of
// maps that was a quarter of the time. The templates stay Handlebars (parsed by Handlebars, with
// its whitespace rules), and the code this writes gives the same text as Handlebars in strict mode;
// test/template-compiler.test.ts compares the two on a corpus. A team's own layout is still
// compiled and run by Handlebars (render/handlebars.ts), within its budget.
//
// Only what journey's templates use is supported: `if`, `unless`, `each`, `with`, partials (with a
// context, a hash, a block, `@partial-block`), helpers and subexpressions, `this`, `../`, `@root`,
// `@index`, `@first`, `@last`, `@key`. Anything else is an error when journey is built, and so is a
// partial that does not exist. The context is data, as the view model is: a field that holds a
// function is an error where Handlebars would call it; fields are own properties, as in Handlebars.
import type { Runtime } from './template-runtime.js';

type Node = hbs.AST.Node;
type Program = hbs.AST.Program;
type Expression = hbs.AST.Expression;
type PathExpression = hbs.AST.PathExpression;
/** `{{> name}}`, or `{{#> name}}…{{/name}}` with a block. */
type AnyPartial = Omit<hbs.AST.PartialStatement, 'type'> & { type: string; program?: Program };

/** Where generated code finds the current context, the contexts around it (`../`) and the data frame. */
interface Scope {
  c: string;
  ds: string;
  d: string;
}

export interface CompileOptions {
  /** Helpers the templates may call; any other name is a field of the context. */
  helpers: readonly string[];
  /** Markdown prints text as it is; HTML escapes it. */
  noEscape: boolean;
}

/** A kind's templates compiled: the body of `function (r) { … }` returning `{ partials, layouts }`. */
export function compileTemplates(
  sources: { partials: Record<string, string>; layouts: Record<string, string> },
  parse: (source: string) => Program,
  options: CompileOptions,
): string {
  const out: string[] = ['const P = {}, L = {};'];
  for (const [group, table] of [
    ['P', sources.partials],
    ['L', sources.layouts],
  ] as const) {
    for (const [name, source] of Object.entries(table)) {
      const where = `${group === 'P' ? 'partial' : 'layout'} ${name}`;
      const compiler = new Compiler(options, where, Object.keys(sources.partials));
      out.push(`${group}[${JSON.stringify(name)}] = function (c0, d0) { const ds0 = [c0]; let o = ""; ${compiler.program(parse(source), { c: 'c0', ds: 'ds0', d: 'd0' })} return o; };`);
    }
  }
  out.push('return { partials: P, layouts: L };');
  return out.join('\n');
}

/** The factory compileTemplates writes, made into a function (when running from source). */
export type TemplateFactory = (r: Runtime) => { partials: Record<string, CompiledTemplate>; layouts: Record<string, CompiledTemplate> };
/** A compiled template: its context and the data frame (`@root`, `@index`, …) it runs in. */
export type CompiledTemplate = (context: unknown, data: Record<string, unknown>) => string;

const q = JSON.stringify;

/**
 * The context or data frame itself (`c3`, `d2`, `ds1[2]`): read more than once at no cost. A field
 * of one of these is read right there when it is its own (as Handlebars reads one), so each place
 * keeps V8's record of the objects it meets and reads them fast, rather than one shared lookup for
 * every field of every template.
 */
const SCOPE_VARIABLE = /^(?:[cd]\d+|ds\d+\[\d+\])$/;

class Compiler {
  private next = 0;
  constructor(
    private readonly options: CompileOptions,
    private readonly where: string,
    private readonly partials: readonly string[],
  ) {}

  private fail(node: Node, what: string): never {
    throw new Error(`${this.where}, line ${node.loc?.start.line ?? '?'}: ${what} is not supported by the template compiler`);
  }

  private fresh(s: Scope): Scope {
    const n = ++this.next;
    return { c: `c${n}`, ds: `ds${n}`, d: s.d };
  }

  program(program: Program | undefined, s: Scope): string {
    if (!program) return '';
    if (program.blockParams?.length) this.fail(program, 'a block parameter');
    return program.body.map((node) => this.statement(node, s)).join('\n');
  }

  private statement(node: Node, s: Scope): string {
    switch (node.type) {
      case 'ContentStatement': {
        const value = (node as hbs.AST.ContentStatement).value;
        return value ? `o += ${q(value)};` : '';
      }
      case 'CommentStatement':
        return '';
      case 'MustacheStatement': {
        const m = node as hbs.AST.MustacheStatement;
        const value = this.call(m.path, m.params, m.hash, s, true);
        return m.escaped && !this.options.noEscape ? `o += r.esc(${value});` : `o += r.raw(${value});`;
      }
      case 'BlockStatement':
        return this.block(node as hbs.AST.BlockStatement, s);
      case 'PartialStatement':
      case 'PartialBlockStatement':
        return this.partial(node as unknown as AnyPartial, s);
      default:
        return this.fail(node, node.type);
    }
  }

  private block(b: hbs.AST.BlockStatement, s: Scope): string {
    const name = b.path.type === 'PathExpression' ? (b.path as PathExpression).original : '';
    if (b.hash?.pairs.length) this.fail(b, `a hash on {{#${name}}}`);
    const arg = () => {
      if (b.params.length !== 1) this.fail(b, `{{#${name}}} with ${b.params.length} arguments`);
      return this.expression(b.params[0]!, s);
    };
    switch (name) {
      case 'if':
      case 'unless': {
        const test = `r.truthy(${arg()})`;
        return `if (${name === 'if' ? test : `!${test}`}) {\n${this.program(b.program, s)}\n} else {\n${this.program(b.inverse, s)}\n}`;
      }
      case 'with': {
        const inner = this.fresh(s);
        return `{ const ${inner.c} = ${arg()}; if (!r.isEmpty(${inner.c})) { const ${inner.ds} = r.push(${inner.c}, ${s.ds});\n${this.program(b.program, inner)}\n} else {\n${this.program(b.inverse, s)}\n} }`;
      }
      case 'each': {
        const inner = this.fresh(s);
        inner.d = `d${this.next}`;
        const body = `(${inner.c}, ${inner.d}) => { const ${inner.ds} = r.push(${inner.c}, ${s.ds}); let o = "";\n${this.program(b.program, inner)}\nreturn o; }`;
        const inverse = b.inverse ? `() => { let o = "";\n${this.program(b.inverse, s)}\nreturn o; }` : 'undefined';
        return `o += r.each(${arg()}, ${s.d}, ${body}, ${inverse});`;
      }
      default:
        return this.fail(b, `the block helper {{#${name}}}`);
    }
  }

  private partial(p: AnyPartial, s: Scope): string {
    if (p.name.type !== 'PathExpression') this.fail(p, 'a dynamic partial');
    const name = (p.name as PathExpression).original;
    if (p.params.length > 1) this.fail(p, 'a partial with several arguments');
    let context = p.params.length ? this.expression(p.params[0]!, s) : s.c;
    if (p.hash?.pairs.length) context = `r.extend(${context}, ${this.hash(p.hash, s)})`;
    const indent = q(p.indent ?? '');
    if (name === '@partial-block') return `o += r.indent(r.partialBlock(${s.d})(${context}, ${s.d}), ${indent});`;
    if (!this.partials.includes(name)) this.fail(p, `the missing partial ${name}`);
    if (!p.program) return `o += r.indent(r.partial(P, ${q(name)})(${context}, ${s.d}), ${indent});`;
    // A partial with a block: the block runs where the partial writes {{> @partial-block}}, with the
    // contexts around this call (as Handlebars' program does) and a data frame of its own.
    const inner = this.fresh(s);
    const n = this.next;
    inner.d = `d${n}`;
    const body = this.program(p.program, inner);
    return (
      `{ const f${n} = r.frame(${s.d}), outer${n} = ${s.d}["partial-block"];\n` +
      `f${n}["partial-block"] = (${inner.c}, dIn) => { const ${inner.d} = r.frame(dIn); ${inner.d}["partial-block"] = outer${n}; const ${inner.ds} = r.push(${inner.c}, ${s.ds}); let o = "";\n${body}\nreturn o; };\n` +
      `o += r.indent(r.partial(P, ${q(name)})(${context}, f${n}), ${indent}); }`
    );
  }

  private hash(hash: hbs.AST.Hash, s: Scope): string {
    return `{ ${hash.pairs.map((pair) => `${q(pair.key)}: ${this.expression(pair.value, s)}`).join(', ')} }`;
  }

  /** A mustache's or subexpression's value: a helper's result, or a field (strict when printed). */
  private call(path: Expression, params: Expression[], hash: hbs.AST.Hash | undefined, s: Scope, printed: boolean): string {
    const helper = path.type === 'PathExpression' ? this.helperName(path as PathExpression) : undefined;
    if (helper !== undefined) {
      const args = params.map((p) => this.expression(p, s));
      const at = `${path.loc?.start.line ?? 0}, ${path.loc?.start.column ?? 0}`;
      return `r.helpers[${q(helper)}](${[...args, `r.options(${q(helper)}, ${hash?.pairs.length ? this.hash(hash, s) : '{}'}, ${s.d}, ${at})`].join(', ')})`;
    }
    if (params.length || hash?.pairs.length || !printed) this.fail(path, `the unknown helper ${(path as PathExpression).original}`);
    return path.type === 'PathExpression' ? this.path(path as PathExpression, s, printed) : this.expression(path, s);
  }

  private helperName(path: PathExpression): string | undefined {
    const simple = !path.data && path.depth === 0 && path.parts.length === 1 && !/^\.|this\b/.test(path.original);
    return simple && this.options.helpers.includes(path.parts[0]!) ? path.parts[0] : undefined;
  }

  private expression(e: Expression, s: Scope): string {
    switch (e.type) {
      case 'PathExpression':
        return this.path(e as PathExpression, s, false);
      case 'SubExpression': {
        const sub = e as hbs.AST.SubExpression;
        return this.call(sub.path, sub.params, sub.hash, s, false);
      }
      case 'StringLiteral':
      case 'NumberLiteral':
      case 'BooleanLiteral':
        return q((e as hbs.AST.StringLiteral).value);
      case 'UndefinedLiteral':
        return 'undefined';
      case 'NullLiteral':
        return 'null';
      default:
        return this.fail(e, e.type);
    }
  }

  /**
   * A field: `a.b` of the context, `../a` of one around it, `@root.a` of the data. Printed by itself
   * (`{{a.b}}`), its last part must exist, as in Handlebars' strict mode; as an argument it may be missing.
   */
  private path(p: PathExpression, s: Scope, printed: boolean): string {
    let base: string;
    if (p.data) base = p.depth ? `r.parentData(${s.d}, ${p.depth})` : s.d;
    else base = p.depth ? `${s.ds}[${p.depth}]` : s.c;
    const parts = p.parts;
    if (!parts.length) return base;
    let value = base;
    for (let i = 0; i < parts.length - 1; i++) value = this.field(value, parts[i]!);
    return this.field(value, parts[parts.length - 1]!, printed ? `${p.loc?.start.line ?? 0}, ${p.loc?.start.column ?? 0}` : undefined);
  }

  /**
   * `name` of `base`: as the runtime's `own` reads it, or its `strict` when printed (`at`, the line and
   * column); an own field that is not a function (nor, printed, undefined) is read right there (see
   * SCOPE_VARIABLE). Anything else, a missing field or a function included, takes the runtime's way,
   * and its error.
   */
  private field(base: string, name: string, at?: string): string {
    const slow = at ? `r.strict(${base}, ${q(name)}, ${at})` : `r.own(${base}, ${q(name)})`;
    if (!SCOPE_VARIABLE.test(base)) return slow;
    const read = `${base}[${q(name)}]`;
    const defined = at ? ` && ${read} !== undefined` : '';
    return `(${base} != null && Object.hasOwn(${base}, ${q(name)}) && typeof ${read} !== "function"${defined} ? ${read} : ${slow})`;
  }
}
