// The one registry of map templates. Adding a template means its folder, an entry here and a layout.
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

export function isTemplateId(value: unknown): value is TemplateId {
  return typeof value === 'string' && Object.hasOwn(TEMPLATES, value);
}

/** Which templates have a lane with this key (for "`priorities` belongs to day-in-the-life"). */
export function templatesWithLane(key: string): TemplateId[] {
  return TEMPLATE_IDS.filter((id) => TEMPLATES[id].lanes.some((lane) => lane.key === key) || (TEMPLATES[id] as TemplateDefinition).stageExtras?.[key]);
}
