import type { JourneyMap } from '../core/model.js';
export async function createPdfRenderer(): Promise<{ render(map: JourneyMap, html: string): Promise<Uint8Array>; close(): Promise<void> }> {
  throw new Error('todo');
}
