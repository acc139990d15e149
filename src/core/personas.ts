// Several personas on one map: their ids, and each stage's score per persona. A persona file's id is
// only known once the file is read (its `id`, else its file name): the core scores stages with the
// ids it knows, and the pipeline scores them again with the files' own ids (resolveScores).
import { closest, didYouMean, excerpt, listWords } from './describe.js';
import type { PathSegment } from './diagnostics.js';
import type { JourneyMap, MapPersona } from './model.js';
import { slugify } from './schema.js';
import { allStages } from './stages.js';

/** The id a persona file gets from its name, as the pipeline gives it when the file sets no `id`. */
export function personaFileId(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? '';
  // A slug a score may name (`emotion: { under: 1 }` for `_under_.yaml`): no dash at either end.
  return name.replace(/\.ya?ml$/i, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'persona';
}

/** The id of a persona written in the map: its `id`, else its name as a slug. */
export const listedPersonaId = (persona: { id?: string | undefined; name: string }, index: number) => persona.id ?? (slugify(persona.name) || `persona-${index + 1}`);

/**
 * Gives every stage (branch stages too) a score per persona of `personas`, from the scores as written:
 * a plain score counts for every persona; a mapping gives each its own, null when it names none.
 */
export function resolveScores(map: JourneyMap, personas: MapPersona[]): JourneyMap {
  const ids = personas.map((p) => p.id);
  const score = <S extends JourneyMap['stages'][number]>(s: S): S => {
    const emotions: Record<string, number | null> = {};
    const written = s.scoresAsWritten;
    for (const id of ids) emotions[id] = written ? (Object.hasOwn(written, id) ? written[id]! : null) : s.emotion;
    return { ...s, emotions, emotion: written ? (ids[0] !== undefined ? emotions[ids[0]]! : null) : s.emotion, branches: s.branches.map((b) => ({ ...b, stages: b.stages.map(score) })) };
  };
  return { ...map, personas, stages: map.stages.map(score) };
}

/** A persona id a score names that is not one of the map's personas' ids: where, and what to say. */
export function unknownPersonaScores(map: JourneyMap): { path: PathSegment[]; message: string; suggestion?: string }[] {
  const ids = map.personas.map((p) => p.id);
  return allStages(map).flatMap(({ stage, path }) =>
    Object.keys(stage.scoresAsWritten ?? {})
      .filter((key) => !ids.includes(key))
      .map((key) => ({ path: [...path, 'emotion', key], ...unknownPersona(key, ids) })),
  );
}

export function unknownPersona(key: string, ids: readonly string[]): { message: string; suggestion?: string } {
  const suggestion = closest(key, ids);
  return { message: `unknown persona \`${excerpt(key)}\` in this score: expected one of ${listWords(ids)} (the ids of \`personas\`)${didYouMean(suggestion)}`, suggestion };
}
