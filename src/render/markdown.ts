import type { JourneyMap } from '../core/model.js';
export function renderMarkdown(_map: JourneyMap, _options: { layout: 'auto' | 'table' | 'sections' }): string {
  throw new Error('todo');
}
