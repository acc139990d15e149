import type { JourneyMap } from '../core/model.js';
import type { RenderContext } from './options.js';
import { createEngine, type Template } from './handlebars.js';
import { buildView, type TableOptions } from './view.js';

let engine: ReturnType<typeof createEngine> | undefined;

/** The HTML engine with the built-in layouts (maps and `journey diff`), created on first use. */
export function htmlEngine(): ReturnType<typeof createEngine> {
  engine ??= createEngine('html');
  return engine;
}

/** A self-contained HTML document: inline CSS, inline SVG, system fonts, no script, no request. */
export function renderHtml(map: JourneyMap, options: { layout?: Template; tables?: TableOptions } = {}): string {
  const layout = options.layout ?? htmlEngine().layout(map.template);
  const html = layout({ ...buildView(map, options.tables), css: htmlEngine().css });
  return html.endsWith('\n') ? html : `${html}\n`; // a final newline, for clean diffs
}

/** The format registry's HTML renderer. */
export const renderHtmlDocument = (map: JourneyMap, context: RenderContext) => renderHtml(map, { layout: context.layout });

let customEngine: ReturnType<typeof createEngine> | undefined;

/** Compiles a team's own layout (`--layout brand.hbs`) with the built-in partials and helpers. */
export async function compileHtmlLayout(file: string, source: string): Promise<Template> {
  // The compiler is loaded only here: building with the built-in layouts never needs it.
  customEngine ??= createEngine('html', {}, (await import('handlebars')).default);
  return customEngine.compile(file, source);
}
