// The built-in map templates: adding one is its folder and one line here. Its id is its key; a
// template's folder holds everything it owns (lanes, labels, starter map, lint rules). The core
// never imports this file: the edges (commands, pipeline, API, language server) pass it in, with
// a project's own templates (io/templates.ts) added.
import { currentState } from './current-state/index.js';
import { dayInTheLife } from './day-in-the-life/index.js';
import { futureState } from './future-state/index.js';
import { serviceBlueprint } from './service-blueprint/index.js';
import type { TemplateDefinition } from './types.js';

export const TEMPLATES = {
  'current-state': currentState,
  'future-state': futureState,
  'day-in-the-life': dayInTheLife,
  'service-blueprint': serviceBlueprint,
} as const satisfies Record<string, TemplateDefinition>;

export type TemplateId = keyof typeof TEMPLATES;
export const TEMPLATE_IDS = Object.keys(TEMPLATES) as TemplateId[];

/** The definition of a map's template (a model's template id is always a registered one). */
export const templateOf = (id: string): TemplateDefinition => TEMPLATES[id as TemplateId];

export function isTemplateId(value: unknown): value is TemplateId {
  return typeof value === 'string' && Object.hasOwn(TEMPLATES, value);
}
