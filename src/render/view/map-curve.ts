// The map's emotion curve: which series it draws (a persona each, a fork's paths) and its description.
import type { UiLabels } from '../../core/locale.js';
import type { JourneyMap, Stage } from '../../core/model.js';
import { buildCurveView, describeCurve, markerShape, type CurveView, type LegendItem, type SeriesInput } from '../curve.js';
import type { Column } from './columns.js';
import type { View } from './types.js';

/**
 * The map's curve. One persona (or none) and no fork: one series, the map's own scores, as ever.
 * Several personas: a series each, told apart by the marker's shape and fill, and by the line's dash
 * unless the map forks. A fork: the main path's series leaves the deciding stage and comes back to
 * the next main stage with a faint level stub at each, drawing nothing over its paths' columns, and
 * each path has a series of its own per persona, from the deciding stage's point through its stages
 * to the stage where the paths meet again (or ending with its last stage), drawn only over its own
 * columns (it starts or ends at its own point where the decision or the rejoin lies past another
 * path's columns), its line dashed as the path's (main solid; paths 2…5), and with one persona its
 * marker too. The legend names the personas and the paths.
 */
export function buildCurve(map: JourneyMap, columns: Column[]): View['curve'] {
  const ui = map.labels.ui;
  const forks = columns.some((c) => c.branch);
  const several = map.personas.length > 1;
  if (!forks && !several) {
    const curve = buildCurveView([{ key: 'map', name: map.persona?.name ?? map.title, scores: columns.map((c) => c.stage.emotion) }], ui);
    return { ...curve, description: describeCurve(curve, columns.map((c) => c.stage.name), ui) };
  }
  const people = several ? map.personas.map((p) => ({ key: p.id, name: p.persona?.name ?? p.id, score: (s: Stage) => s.emotions[p.id] ?? null })) : [{ key: 'map', name: map.persona?.name ?? map.title, score: (s: Stage) => s.emotion }];
  const columnOf = new Map(columns.map((c, i) => [c.stage, i]));
  const mainColumns = columns.flatMap((c, i) => (c.branch ? [] : [i]));
  const forking = map.stages.filter((s) => s.branches.length && columnOf.has(s.branches[0]!.stages[0]!));
  const inputs: SeriesInput[] = [];
  people.forEach((person, p) => {
    const style = (path: number) => ({ style: several ? p + 1 : path, lineStyle: forks ? path : p + 1 });
    inputs.push({ key: person.key, name: person.name, scores: columns.map((c) => (c.branch ? null : person.score(c.stage))), route: mainColumns, jump: 'bridge', ...style(1) });
    for (const fork of forking) {
      const at = columnOf.get(fork)!;
      const rejoin = fork.rejoin === null ? undefined : map.stages.find((s) => s.id === fork.rejoin);
      fork.branches.forEach((branch, b) => {
        const own = branch.stages.map((s) => columnOf.get(s)!);
        inputs.push({
          key: `${person.key}/${fork.id}/${branch.id}`,
          name: several ? `${person.name}: ${branch.name}` : branch.name,
          scores: columns.map((c, i) => (own.includes(i) ? person.score(c.stage) : null)),
          route: [{ column: at, score: person.score(fork) }, ...own, ...(rejoin ? [{ column: columnOf.get(rejoin)!, score: person.score(rejoin) }] : [])],
          jump: 'gap',
          ...style(b + 2),
        });
      });
    }
  });
  const item = (name: string, style: number, line: boolean, marker: boolean): LegendItem => ({ name, style, shape: markerShape(style), line, marker });
  const personaItems = several ? people.map((person, p) => item(person.name, p + 1, !forks, true)) : [];
  const pathItems = forks
    ? [item(ui.mainPath, 1, true, !several), ...forking.flatMap((fork) => fork.branches.map((branch, b) => item(branch.name, b + 2, true, !several)))]
    : [];
  const legendGroups = [
    ...(personaItems.length ? [{ title: forks ? ui.personas : null, legendItems: personaItems }] : []),
    ...(pathItems.length ? [{ title: several ? ui.pathsTitle : null, legendItems: pathItems }] : []),
  ];
  const curve = buildCurveView(inputs, ui, { labels: !several, legendItems: [...personaItems, ...pathItems], legendGroups });
  return { ...curve, description: describeColumns(curve, columns, people.length, map, ui) };
}

/**
 * The curve in words, a sentence per persona, its stages in the columns' order, a path's stages named
 * with their path: "Emotion curve (Giulia): Awareness: negative (−1); Checkout (Buys from us): positive (+1); …".
 */
function describeColumns(curve: CurveView, columns: Column[], people: number, map: JourneyMap, ui: UiLabels): string {
  const perPerson = curve.series.length / people;
  return Array.from({ length: people }, (_, p) => {
    const own = curve.series.slice(p * perPerson, (p + 1) * perPerson);
    const name = people > 1 ? ` (${own[0]!.name})` : '';
    const parts = columns.map((c, i) => {
      const point = own.map((s) => s.points[i]!).find((pt) => pt.scored);
      const stage = c.branch ? `${c.stage.name} (${c.branch.branch.name})` : c.stage.name;
      return `${stage}: ${point ? `${point.word} (${point.scoreText})` : ui.noScore}`;
    });
    return `${ui.emotionCurve}${name}: ${parts.join('; ')}.`;
  }).join(' ');
}
