import type { Item, JourneyMap, Kpi, Touchpoint } from '../core/model.js';
import { allStages } from '../core/stages.js';
import { themeCss, type Theme } from '../core/theme.js';
import type { RenderContext } from './options.js';
import { createEngine, type Template } from './handlebars.js';
import { iconSvg } from './icons.js';
import { withSymbols } from './symbols.js';
import { buildView } from './view/build.js';
import type { TableOptions } from './view/tables.js';
import type { LayoutData, View } from './view/types.js';

let engine: ReturnType<typeof createEngine> | undefined;

/** The HTML engine with the built-in layouts (maps and `journey diff`), created on first use. */
export function htmlEngine(): ReturnType<typeof createEngine> {
  engine ??= createEngine('html', HELPERS);
  return engine;
}

/** Nothing in a document may load or run: no script, no request, whatever a map contains. */
const POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";
export const CSP_META = `<meta http-equiv="Content-Security-Policy" content="${POLICY}">`;
/** A team's layout's documents: the same, and neither a `<base>` nor a form. */
const LAYOUT_POLICY = `${POLICY}; base-uri 'none'; form-action 'none'`;
/**
 * `{{{csp}}}` in the page partial prints the policy (a team's layout's document gets journey's own
 * head instead, render/layout-document.ts); `{{icon name}}` draws one of the built-in icons
 * (render/icons.ts), defined once in the document, nothing for an unknown name.
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
  const html = layout({ ...view, css: htmlEngine().css + extraCss(map, view) + themeCss(options.theme) } satisfies LayoutData);
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
 * Whether a map uses a mark of issue 17 that the stylesheet draws (a milestone, a stage image, an
 * item's confidence or source), anywhere on its main path or in its forks: documents of other maps
 * keep the stylesheet they always had, byte for byte.
 */
function usesMarks(map: JourneyMap): boolean {
  const marked = (items: readonly (string | Item | Touchpoint | Kpi)[]) => items.some((i) => typeof i === 'object' && ('confidence' in i || 'source' in i) && ((i as Item).confidence != null || (i as Item).source != null));
  return allStages(map).some(({ stage }) => stage.milestone !== null || stage.image !== null || [...Object.values(stage.cells), stage.pain_points, stage.opportunities, stage.technology].some(marked));
}

/** The format registry's HTML renderer. */
export const renderHtmlDocument = (map: JourneyMap, context: RenderContext) => renderHtml(map, { layout: context.layout, theme: context.theme });

let customEngine: ReturnType<typeof createEngine> | undefined;

/**
 * Compiles a team's own layout (`--layout brand.hbs`) with the built-in partials and helpers. It may
 * come from a pull request, so its document is journey's start of a document (charset, policy) and
 * what the layout wrote that can neither run, load nor navigate (render/layout-document.ts).
 */
export async function compileHtmlLayout(file: string, source: string): Promise<Template> {
  // The compiler and the HTML parser are loaded only here: the built-in layouts never need them.
  customEngine ??= createEngine('html', HELPERS, (await import('handlebars')).default);
  const { layoutDocument } = await import('./layout-document.js');
  const template = customEngine.compile(file, source);
  return (view) => layoutDocument(template(view), (view as View).lang, LAYOUT_POLICY);
}
