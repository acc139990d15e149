// The template ids, apart from their definitions so the CLI can list them without loading schemas.
// The registry (registry.ts) must define every id here: the compiler checks it.
export const TEMPLATE_IDS = ['current-state', 'future-state', 'day-in-the-life', 'service-blueprint'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];
