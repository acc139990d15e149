// The layouts, partials and stylesheets of a document kind (render/template-sources.ts), and the
// templates compiled to JavaScript (render/template-compiler.ts). The bundle (src/build/esbuild-options.mjs)
// replaces this module with the same, compiled when journey is built, so the CLI compiles nothing
// at start.
import { transformSync } from 'esbuild';
import FullHandlebars from 'handlebars';
import { TEMPLATES_DIR } from '../paths.js';
import { compileTemplates, type TemplateFactory } from './template-compiler.js';
import { compileOptionsFor, type TemplateKind } from './template-helpers.js';
import { CSS_MINIFY, readTemplateSources } from './template-sources.js';

/**
 * The Handlebars that holds the helpers and escapes text: here the full library; in the bundle only
 * its runtime. A team's own layout loads the full library itself (render/html.ts).
 */
export const Handlebars: typeof FullHandlebars = FullHandlebars;

export interface TemplateFiles {
  /** Handlebars source by name: what a team's own layout may call with `{{> name}}`. */
  partials: Record<string, string>;
  layouts: Record<string, string>;
  /** The same partials and layouts compiled to JavaScript. */
  compiled: TemplateFactory;
  /** style.css: every document's stylesheet. */
  css: string;
  /** Further stylesheets by name (site.css: what only site pages add). */
  styles: Record<string, string>;
}

const cache = new Map<TemplateKind, TemplateFiles>();

export function templateFiles(kind: TemplateKind): TemplateFiles {
  let files = cache.get(kind);
  if (!files) cache.set(kind, (files = readTemplateFiles(kind)));
  return files;
}

function readTemplateFiles(kind: TemplateKind): TemplateFiles {
  const { partials, layouts, styles } = readTemplateSources(TEMPLATES_DIR, kind, (css) => transformSync(css, CSS_MINIFY).code);
  const compiled = new Function('r', compileTemplates({ partials, layouts }, (source) => FullHandlebars.parse(source), compileOptionsFor(kind))) as TemplateFactory;
  return { partials, layouts, compiled, css: styles.style ?? '', styles };
}
