// What a kind's documents are made from, read from templates/: the partials and layouts (Handlebars
// source) and the stylesheets. Read here for both ways journey runs, so both read them alike: from
// source (render/template-files.ts, the tests) and when journey is built (src/build/esbuild-options.mjs).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TemplateKind } from './template-helpers.js';

export interface TemplateSources {
  /** Handlebars source by name. */
  partials: Record<string, string>;
  layouts: Record<string, string>;
  /** Every stylesheet of the kind by name, minified: style (every document), print (PDF and PNG), site… Markdown has none. */
  styles: Record<string, string>;
  /** Every file read, for a build that watches them. */
  files: string[];
}

/**
 * Every document carries its stylesheet, so it is minified with esbuild's CSS minifier (a quarter
 * smaller); the files in templates/ stay readable.
 */
export const CSS_MINIFY = { loader: 'css', minify: true } as const;

/** `minifyCss` is passed in: esbuild is no dependency of the installed CLI, whose bundle carries the stylesheets minified. */
export function readTemplateSources(templatesDir: string, kind: TemplateKind, minifyCss: (css: string) => string): TemplateSources {
  const files: string[] = [];
  const read = (dir: string, extension: string, text: (source: string) => string) =>
    Object.fromEntries(
      readdirSync(join(templatesDir, kind, dir))
        .filter((f) => f.endsWith(extension))
        .sort()
        .map((f) => {
          files.push(join(templatesDir, kind, dir, f));
          return [f.slice(0, -extension.length), text(readFileSync(join(templatesDir, kind, dir, f), 'utf8'))];
        }),
    );
  // A partial loses its file's final newline, so that an empty cell stays :empty for CSS.
  const partials = read('partials', '.hbs', (source) => source.replace(/\n$/, ''));
  const layouts = read('layouts', '.hbs', (source) => source);
  const styles = read('.', '.css', minifyCss);
  return { partials, layouts, styles, files };
}
