// The layouts, partials and stylesheet of a document kind, read from templates/. The bundle
// (src/build/bundle.mjs) replaces this module with the same templates precompiled, so the CLI
// does not compile Handlebars at every start.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import FullHandlebars from 'handlebars';
import { TEMPLATES_DIR } from '../paths.js';

/**
 * The Handlebars that renders the built-in layouts: here the full library, which compiles the
 * source text; in the bundle only its runtime, as the templates arrive precompiled.
 */
export const Handlebars: typeof FullHandlebars = FullHandlebars;

/** Handlebars source, or a precompiled template spec. */
export type TemplateInput = string | object;

export interface TemplateFiles {
  partials: Record<string, TemplateInput>;
  layouts: Record<string, TemplateInput>;
  /** style.css: every document's stylesheet. */
  css: string;
  /** Further stylesheets by name (site.css: what only site pages add). */
  styles: Record<string, string>;
}

export function templateFiles(kind: 'html' | 'markdown'): TemplateFiles {
  const read = (dir: string) =>
    Object.fromEntries(
      readdirSync(join(TEMPLATES_DIR, kind, dir))
        .filter((f) => f.endsWith('.hbs'))
        .sort()
        .map((f) => [f.slice(0, -4), readFileSync(join(TEMPLATES_DIR, kind, dir, f), 'utf8')]),
    );
  // Markdown has no stylesheet.
  const styles = Object.fromEntries(
    readdirSync(join(TEMPLATES_DIR, kind))
      .filter((f) => f.endsWith('.css'))
      .map((f) => [f.slice(0, -4), readFileSync(join(TEMPLATES_DIR, kind, f), 'utf8')]),
  );
  return { partials: read('partials'), layouts: read('layouts'), css: styles.style ?? '', styles };
}
