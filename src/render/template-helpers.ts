// The helpers journey's own templates call, by kind of document. The template compiler
// (render/template-compiler.ts) reads `{{name …}}` as a call for these names only, when journey is
// built and when it runs from source; render/handlebars.ts refuses to register any other.
import type { CompileOptions } from './template-compiler.js';

export const TEMPLATE_HELPERS = {
  html: ['or', 'add', 'join', 'lookup', 'csp', 'icon'],
  markdown: ['or', 'add', 'join', 'lookup', 'md', 'mdLine'],
} as const;

export type TemplateKind = keyof typeof TEMPLATE_HELPERS;

/** How a kind's templates compile: HTML escapes what it prints, Markdown prints text as it is. */
export const compileOptionsFor = (kind: TemplateKind): CompileOptions => ({ helpers: TEMPLATE_HELPERS[kind], noEscape: kind === 'markdown' });
