// The one registry of map templates. Adding a template means its folder, its id in ids.ts, an entry
// here and its layouts in templates/html and templates/markdown.
import { currentState } from './current-state/index.js';
import { dayInTheLife } from './day-in-the-life/index.js';
import { futureState } from './future-state/index.js';
import { serviceBlueprint } from './service-blueprint/index.js';
import { TEMPLATE_IDS, type TemplateId } from './ids.js';
import type { TemplateDefinition } from './types.js';

export const TEMPLATES: Record<TemplateId, TemplateDefinition> = {
  'current-state': currentState,
  'future-state': futureState,
  'day-in-the-life': dayInTheLife,
  'service-blueprint': serviceBlueprint,
};

export { TEMPLATE_IDS, type TemplateId };

export function isTemplateId(value: unknown): value is TemplateId {
  return typeof value === 'string' && Object.hasOwn(TEMPLATES, value);
}

/** Which templates have a lane with this key (for "`priorities` belongs to day-in-the-life"). */
export function templatesWithLane(key: string): TemplateId[] {
  return TEMPLATE_IDS.filter((id) => TEMPLATES[id].lanes.some((lane) => lane.key === key) || Object.hasOwn(TEMPLATES[id].stageExtras ?? {}, key));
}
