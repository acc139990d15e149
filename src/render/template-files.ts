// The layouts, partials and stylesheet of a document kind, read from templates/, and the templates
// compiled to JavaScript (render/template-compiler.ts). The bundle (src/build/esbuild-options.mjs)
// replaces this module with the same, compiled when journey is built, so the CLI compiles nothing
// at start.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import FullHandlebars from 'handlebars';
import { TEMPLATES_DIR } from '../paths.js';
import { compileTemplates, type TemplateFactory } from './template-compiler.js';
import { compileOptionsFor, type TemplateKind } from './template-helpers.js';

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
  const read = (dir: string) =>
    Object.fromEntries(
      readdirSync(join(TEMPLATES_DIR, kind, dir))
        .filter((f) => f.endsWith('.hbs'))
        .sort()
        .map((f) => [f.slice(0, -4), readFileSync(join(TEMPLATES_DIR, kind, dir, f), 'utf8')])
        // Without the file's final newline, an empty cell stays :empty for CSS.
        .map(([name, text]) => [name, dir === 'partials' ? text!.replace(/\n$/, '') : text]),
    );
  // Markdown has no stylesheet.
  const styles = Object.fromEntries(
    readdirSync(join(TEMPLATES_DIR, kind))
      .filter((f) => f.endsWith('.css'))
      .map((f) => [f.slice(0, -4), minifyCss(readFileSync(join(TEMPLATES_DIR, kind, f), 'utf8'))]),
  );
  const sources = { partials: read('partials'), layouts: read('layouts') };
  const compiled = new Function('r', compileTemplates(sources, (source) => FullHandlebars.parse(source), compileOptionsFor(kind))) as TemplateFactory;
  return { ...sources, compiled, css: styles.style ?? '', styles };
}

/**
 * A stylesheet as every document carries it: without comments and spaces, a quarter smaller. The
 * files in templates/ stay readable; the bundle minifies them the same way when journey is built.
 */
export const minifyCss = (css: string): string => transformSync(css, { loader: 'css', minify: true }).code;
