// A persona as its card shows it, and its look in the emotion curve.
import { monogram } from '../../core/image.js';
import { MOTIVES, type UiLabels } from '../../core/locale.js';
import type { JourneyMap } from '../../core/model.js';
import { markerShape } from '../curve.js';
import type { PersonaMarker, PersonaView } from './types.js';

/** The look of persona `index`'s curve: its marker, and its dash unless the map forks (then dashes are the paths'). */
export function personaMarker(map: JourneyMap, index: number): PersonaMarker {
  const forks = map.stages.some((s) => s.branches.length);
  return { name: map.personas[index]!.persona?.name ?? map.personas[index]!.id, style: index + 1, shape: markerShape(index + 1), line: !forks, marker: true };
}

export function personaView(persona: NonNullable<JourneyMap['persona']>, ui: UiLabels): PersonaView {
  return {
    name: persona.name,
    description: persona.description,
    goals: persona.goals,
    motives: persona.motives.map((m) => motiveName(m, ui)),
    frustrations: persona.frustrations,
    demographics: persona.demographics,
    image: persona.imageData ? { src: persona.imageData, alt: persona.name } : null,
    monogram: monogram(persona.name),
  };
}

export function motiveName(motive: string, ui: UiLabels): string {
  return (MOTIVES as readonly string[]).includes(motive) ? ui.motiveNames[motive as (typeof MOTIVES)[number]] : motive;
}
