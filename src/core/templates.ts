// The templates a map may name, as the core receives them from its callers: the built-in ones
// (src/templates/registry.ts) and a project's own (journey.config.yaml `templates:`). The core
// knows no template by name; whatever it says of templates it reads from the registry it is given.
import type { TemplateDefinition } from '../templates/types.js';

/** A project's own templates (journey.config.yaml `templates:`), besides the built-in ones. */
export const MAX_TEAM_TEMPLATES = 20;

/** Template definitions keyed by id, in the order they are listed. */
export type TemplateRegistry = Readonly<Record<string, TemplateDefinition>>;

/** The definition a map's `template:` names, if the registry has it. */
export const templateIn = (templates: TemplateRegistry, id: unknown): TemplateDefinition | undefined =>
  typeof id === 'string' && Object.hasOwn(templates, id) ? templates[id] : undefined;

/** Which templates have a lane or extra field with this key (for "`priorities` belongs to day-in-the-life"). */
export function templatesWithLane(templates: TemplateRegistry, key: string): string[] {
  return Object.values(templates)
    .filter((def) => def.lanes.some((lane) => lane.key === key) || Object.hasOwn(def.stageExtras ?? {}, key))
    .map((def) => def.id);
}

/** "a, b, c or d": the ids as running text (schema descriptions). */
export const templateWords = (templates: TemplateRegistry): string => {
  const ids = Object.keys(templates);
  return ids.length <= 1 ? ids.join('') : `${ids.slice(0, -1).join(', ')} or ${ids.at(-1)}`;
};
