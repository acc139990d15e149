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
  css: string;
  /** Added only when the browser prints a document or takes its picture (PDF, PNG). */
  printCss: string;
}

export function templateFiles(kind: 'html' | 'markdown'): TemplateFiles {
  const read = (dir: string) =>
    Object.fromEntries(
      readdirSync(join(TEMPLATES_DIR, kind, dir))
        .filter((f) => f.endsWith('.hbs'))
        .sort()
        .map((f) => [f.slice(0, -4), readFileSync(join(TEMPLATES_DIR, kind, dir, f), 'utf8')]),
    );
  const stylesheet = (name: string) => {
    try {
      return readFileSync(join(TEMPLATES_DIR, kind, name), 'utf8');
    } catch {
      return ''; // Markdown has no stylesheet.
    }
  };
  return { partials: read('partials'), layouts: read('layouts'), css: stylesheet('style.css'), printCss: stylesheet('print.css') };
}
