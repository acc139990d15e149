// One private Handlebars instance with our partials and few, pure helpers. Layouts compile in strict
// mode, so a field that is not in the view model fails loudly instead of printing nothing.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { TEMPLATES_DIR } from '../paths.js';

export type Template = (context: unknown) => string;

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

export function createEngine(kind: 'html' | 'markdown', helpers: Record<string, Handlebars.HelperDelegate> = {}) {
  const hb = Handlebars.create();
  hb.registerHelper({
    or: (...args: unknown[]) => args.slice(0, -1).some(Boolean),
    add: (a: number, b: number) => a + b,
    join: (list: unknown[], separator: string) => list.join(separator),
    ...helpers,
  });
  const partialsDir = join(TEMPLATES_DIR, kind, 'partials');
  for (const file of readdirSync(partialsDir).filter((f) => f.endsWith('.hbs'))) {
    // Without the file's final newline, an empty cell stays :empty for CSS.
    hb.registerPartial(file.replace(/\.hbs$/, ''), readFileSync(join(partialsDir, file), 'utf8').replace(/\n$/, ''));
  }
  const cache = new Map<string, Template>();

  /** Compiles a layout; a custom one's mistakes are reported at its own file and line. */
  function compile(file: string, source: string): Template {
    let template: HandlebarsTemplateDelegate;
    try {
      template = hb.compile(source, { strict: true, noEscape: kind === 'markdown' });
      template({}); // parse now, so syntax errors surface here rather than mid-batch
    } catch (error) {
      if (isParseError(error)) throw toLayoutError(file, error);
    }
    return (context) => {
      try {
        return template(context);
      } catch (error) {
        throw toLayoutError(file, error);
      }
    };
  }

  return {
    /** The built-in layout of a map template. */
    layout(templateId: string): Template {
      let template = cache.get(templateId);
      if (!template) {
        const file = join(TEMPLATES_DIR, kind, 'layouts', `${templateId}.hbs`);
        cache.set(templateId, (template = compile(file, readFileSync(file, 'utf8'))));
      }
      return template;
    },
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
