import type { JourneyMap } from '../core/model.js';
import { themeCss, type Theme } from '../core/theme.js';
import type { RenderContext } from './options.js';
import { createEngine, type Template } from './handlebars.js';
import { iconSvg } from './icons.js';
import { withSymbols } from './symbols.js';
import { buildView, usesMarks, type TableOptions, type View } from './view.js';

let engine: ReturnType<typeof createEngine> | undefined;

/** The HTML engine with the built-in layouts (maps and `journey diff`), created on first use. */
export function htmlEngine(): ReturnType<typeof createEngine> {
  engine ??= createEngine('html', HELPERS);
  return engine;
}

/** Nothing in a document may load or run: no script, no request, whatever a map or a layout contains. */
export const CSP_META = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">`;
/**
 * `{{{csp}}}` in the page partial prints the policy, whichever layout uses the partial; `{{icon name}}`
 * draws one of the built-in icons (render/icons.ts), defined once in the document, nothing for an unknown name.
 */
const HELPERS = {
  csp: () => CSP_META,
  // An object with toHTML is printed as it is, not escaped: the markup is ours, never the map's.
  icon: (name: unknown) => ({ toHTML: () => (typeof name === 'string' ? iconSvg(name) : '') }),
};

/** A self-contained HTML document: inline CSS, inline SVG, system fonts, no script, no request. */
export function renderHtml(map: JourneyMap, options: { layout?: Template; tables?: TableOptions; theme?: Theme } = {}): string {
  const layout = options.layout ?? htmlEngine().layout(map.template);
  const view = buildView(map, options.tables, options.theme);
  let html = layout({ ...view, css: htmlEngine().css + extraCss(map, view) + themeCss(options.theme) });
  if (options.layout) html = withPolicy(html);
  return withSymbols(html.endsWith('\n') ? html : `${html}\n`); // a final newline, for clean diffs
}

/**
 * Styles only a rich map needs, so that every other map keeps the document it always had, byte for
 * byte: marks.css for milestones, stage images and confidence marks; rich.css for several personas
 * (the curve's legend) and forks (the paths' columns).
 */
export function extraCss(map: JourneyMap, view: View): string {
  const styles = htmlEngine().styles;
  const marks = usesMarks(map) ? (styles.marks ?? '') : '';
  const rich = view.curve.legend || view.stages.some((s) => s.branch) ? (styles.rich ?? '') : '';
  return marks + rich;
}

/**
 * A team's own layout may come from a pull request: its document gets the policy ahead of anything
 * that could load or run, unless it already has it there (the `page` partial puts it first). Two
 * policies both apply, so a layout cannot loosen this one with its own.
 */
function withPolicy(html: string): string {
  const at = html.indexOf(CSP_META);
  if (at !== -1 && !/<(script|iframe|object|embed|link|base|img|svg|frame|meta http-equiv="refresh")/i.test(html.slice(0, at))) return html;
  const head = /<head[^>]*>/i.exec(html) ?? /<html[^>]*>/i.exec(html) ?? /^\s*<!doctype[^>]*>/i.exec(html);
  const end = head ? head.index + head[0].length : 0;
  return `${html.slice(0, end)}${CSP_META}${html.slice(end)}`;
}

/** The format registry's HTML renderer. */
export const renderHtmlDocument = (map: JourneyMap, context: RenderContext) => renderHtml(map, { layout: context.layout, theme: context.theme });

let customEngine: ReturnType<typeof createEngine> | undefined;

/** Compiles a team's own layout (`--layout brand.hbs`) with the built-in partials and helpers. */
export async function compileHtmlLayout(file: string, source: string): Promise<Template> {
  // The compiler is loaded only here: building with the built-in layouts never needs it.
  customEngine ??= createEngine('html', HELPERS, (await import('handlebars')).default);
  return customEngine.compile(file, source);
}
