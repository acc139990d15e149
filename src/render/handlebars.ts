// One private Handlebars instance with our partials and few, pure helpers. Layouts compile in strict
// mode, so a field that is not in the view model fails loudly instead of printing nothing.
import { join } from 'node:path';
import type FullHandlebars from 'handlebars';
import { TEMPLATES_DIR } from '../paths.js';
import { Handlebars as BuiltInHandlebars, templateFiles, type TemplateInput } from './template-files.js';

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
export function createEngine(kind: 'html' | 'markdown', helpers: Record<string, Handlebars.HelperDelegate> = {}, withCompiler?: typeof FullHandlebars) {
  const hb = (withCompiler ?? BuiltInHandlebars).create();
  hb.registerHelper({
    or: (...args: unknown[]) => args.slice(0, -1).some(Boolean),
    add: (a: number, b: number) => a + b,
    join: (list: unknown[], separator: string) => list.join(separator),
    ...helpers,
  });
  const files = templateFiles(kind);
  const options = { strict: true, noEscape: kind === 'markdown' };
  // Precompiled in the bundle; source text when running from src/ (tests).
  const load = (input: TemplateInput): HandlebarsTemplateDelegate =>
    typeof input === 'string' ? hb.compile(input, options) : hb.template(input as TemplateSpecification);
  for (const [name, input] of Object.entries(files.partials)) {
    // Without the file's final newline, an empty cell stays :empty for CSS.
    hb.registerPartial(name, typeof input === 'string' ? load(input.replace(/\n$/, '')) : load(input));
  }
  const cache = new Map<string, Template>();

  const guard = (file: string, template: HandlebarsTemplateDelegate): Template => (context) => {
    try {
      return template(context);
    } catch (error) {
      throw toLayoutError(file, error);
    }
  };

  /** Compiles a team's own layout; its mistakes are reported at its own file and line. */
  function compile(file: string, source: string): Template {
    let template: HandlebarsTemplateDelegate;
    try {
      template = hb.compile(source, options);
      template({}); // parse now, so syntax errors surface here rather than mid-batch
    } catch (error) {
      if (isParseError(error)) throw toLayoutError(file, error);
    }
    return guard(file, template!);
  }

  return {
    /** The built-in layout named so (a map template's own, or `diff`), else the shared map layout. */
    layout(name: string): Template {
      let template = cache.get(name);
      if (!template) {
        const file = files.layouts[name] === undefined ? DEFAULT_LAYOUT : name;
        const input = files.layouts[file];
        if (input === undefined) throw new Error(`no ${kind} layout ${file}`);
        cache.set(name, (template = guard(join(TEMPLATES_DIR, kind, 'layouts', `${file}.hbs`), load(input))));
      }
      return template;
    },
    css: files.css,
    printCss: files.printCss,
    compile,
  };
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
