import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JourneyMap } from '../core/model.js';
import { TEMPLATES_DIR } from '../paths.js';
import { createEngine, type Template } from './handlebars.js';
import { buildView } from './view.js';

let engine: ReturnType<typeof createEngine> | undefined;
let css: string | undefined;

/** A self-contained HTML document: inline CSS, inline SVG, system fonts, no script, no request. */
export function renderHtml(map: JourneyMap, options: { layout?: Template; stagesPerTable?: number } = {}): string {
  engine ??= createEngine('html');
  css ??= readFileSync(join(TEMPLATES_DIR, 'html', 'style.css'), 'utf8');
  const layout = options.layout ?? engine.layout(map.template);
  const html = layout({ ...buildView(map, { stagesPerTable: options.stagesPerTable }), css });
  return html.endsWith('\n') ? html : `${html}\n`; // a final newline, for clean diffs
}

/** Compiles a team's own layout (`--layout brand.hbs`) with the built-in partials and helpers. */
export function compileHtmlLayout(file: string, source: string): Template {
  engine ??= createEngine('html');
  return engine.compile(file, source);
}
