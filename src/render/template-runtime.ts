// What the code of render/template-compiler.ts calls: Handlebars' meaning of `if`, `each`, `with`,
// partials and strict fields, written once here rather than in every template.
import type FullHandlebars from 'handlebars';

type Data = Record<string, unknown>;
type Block = (context: unknown, data: Data) => string;

/**
 * A block's data frame (`@root`, `@key`, `@index`, `@first`, `@last`, `@partial-block`, and the frame
 * around it), as Handlebars' createFrame makes one, with every field always there: frames copied
 * with a spread took a new shape at each depth, and V8 went to its runtime for most of their writes.
 */
class Frame {
  root: unknown;
  key: unknown;
  index: unknown;
  first: unknown;
  last: unknown;
  'partial-block': unknown;
  _parent: Data;
  constructor(parent: Data) {
    this.root = parent.root;
    this.key = parent.key;
    this.index = parent.index;
    this.first = parent.first;
    this.last = parent.last;
    this['partial-block'] = parent['partial-block'];
    this._parent = parent;
  }
}

/** Handlebars' own escaping and error, and the helpers a kind's templates call. */
export function createRuntime(handlebars: Pick<typeof FullHandlebars, 'Utils' | 'Exception'>, helpers: Record<string, (...args: unknown[]) => unknown>) {
  const lookupProperty = (parent: Record<string, unknown>, name: string) => (Object.hasOwn(parent, name) ? parent[name] : undefined);
  const fail = (message: string, line = 1, column = 0) => new handlebars.Exception(message, { loc: { start: { line, column } } } as unknown as hbs.AST.Node);
  /**
   * A field: an own property, as Handlebars reads one (an inherited name is nothing). A function is
   * refused: Handlebars would call it, and the view model is data.
   */
  const own = (parent: unknown, name: string): unknown => {
    const value = Object.hasOwn(parent as object, name) ? (parent as Data)[name] : undefined;
    if (typeof value === 'function') throw fail(`"${name}" is a function, not data of the view model`);
    return value;
  };
  return {
    helpers,
    esc: handlebars.Utils.escapeExpression as (value: unknown) => string,
    raw: (value: unknown) => (value == null ? '' : value),
    /** `{{#if}}`: not false, empty or zero, and not an empty list. */
    truthy: (value: unknown) => !(!value || (Array.isArray(value) && value.length === 0)),
    /** `{{#with}}` runs its block for anything but nothing, false, empty text or an empty list (0 is something). */
    isEmpty: (value: unknown) => (!value && value !== 0) || (Array.isArray(value) && value.length === 0),
    /** The contexts `../` reaches: a block that keeps its context does not add a level. */
    push: (context: unknown, depths: unknown[]) => (context != depths[0] ? [context, ...depths] : depths),
    frame: (data: Data): Data => new Frame(data) as unknown as Data,
    parentData(data: Data, depth: number): Data {
      while (data && depth--) data = data._parent as Data;
      return data;
    },
    /** A field printed by itself: missing, it is an error at its place in the template, as in Handlebars' strict mode. */
    strict(parent: unknown, name: string, line: number, column: number) {
      // A frame has every data field; one it was not given (undefined) is missing, as in Handlebars.
      const missing = !parent || !(name in (parent as object)) || (parent instanceof Frame && (parent as unknown as Data)[name] === undefined);
      if (missing) throw fail(`"${name}" not defined in ${parent}`, line, column);
      return own(parent, name);
    },
    own,
    /** `{{#each}}` over a list or an object's fields, with `@index`, `@key`, `@first` and `@last`; `{{else}}` when there is none. */
    each(list: unknown, data: Data, body: Block, inverse?: () => string): string {
      // A Map, a Set or another iterable: its values, as Handlebars takes them.
      if (list && typeof list === 'object' && !Array.isArray(list) && typeof (list as Iterable<unknown>)[Symbol.iterator] === 'function') list = [...(list as Iterable<unknown>)];
      const keys = list && typeof list === 'object' && !Array.isArray(list) ? Object.keys(list) : undefined;
      const length = keys ? keys.length : Array.isArray(list) ? list.length : 0;
      if (length === 0) return inverse ? inverse() : '';
      let out = '';
      const frame = new Frame(data) as unknown as Data & Frame;
      for (let i = 0; i < length; i++) {
        const key = keys ? keys[i]! : i;
        if (!keys && !(i in (list as unknown[]))) continue; // a hole in a list, as Handlebars skips it
        frame.key = key;
        frame.index = i;
        frame.first = i === 0;
        frame.last = i === length - 1;
        out += body((list as Data)[key as string], frame);
      }
      return out;
    },
    options: (name: string, hash: Data, data: Data, line: number, column: number) => ({ name, hash, data, lookupProperty, loc: { start: { line, column }, end: { line, column } } }),
    /** A partial given a hash sees the context's fields and the hash's. */
    extend: (context: unknown, hash: Data) => ({ ...(context as Data), ...hash }),
    partial(partials: Record<string, Block>, name: string): Block {
      const partial = Object.hasOwn(partials, name) ? partials[name] : undefined;
      if (!partial) throw fail(`The partial ${name} could not be found`);
      return partial;
    },
    partialBlock(data: Data): Block {
      const block = data['partial-block'];
      if (typeof block !== 'function') throw fail('The partial @partial-block could not be found');
      return block as Block;
    },
    /** A partial alone on its line is indented as its line was, every line of it. */
    indent(text: string, indent: string): string {
      if (!indent) return text;
      const lines = text.split('\n');
      for (let i = 0; i < lines.length; i++) {
        if (!lines[i] && i + 1 === lines.length) break;
        lines[i] = indent + lines[i];
      }
      return lines.join('\n');
    },
  };
}

export type Runtime = ReturnType<typeof createRuntime>;
