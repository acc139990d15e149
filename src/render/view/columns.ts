// The map's columns: each main stage, then the stages of its fork's paths; and the column headings
// (StageView) the layouts print for them.
import type { UiLabels } from '../../core/locale.js';
import type { JourneyMap, Stage } from '../../core/model.js';
import type { StageView } from './types.js';

/** A column of the map: a stage, and for a stage of a fork's path, the fork (its main-path index) and the path. */
export interface Column {
  stage: Stage;
  /** Index on the main path: the stage's own, or its deciding stage's. */
  main: number;
  branch: { index: number; branch: Stage['branches'][number]; step: number } | null;
}

/** The map's columns in order: each main stage, followed by the stages of its fork's paths. */
export function mapColumns(map: Pick<JourneyMap, 'stages'>, mainPath = false): Column[] {
  return map.stages.flatMap((stage, main) => [
    { stage, main, branch: null },
    ...(mainPath ? [] : stage.branches.flatMap((branch, index) => branch.stages.map((s, step) => ({ stage: s, main, branch: { index, branch, step } })))),
  ]);
}

const LETTERS = 'abcd';

/** Each column's heading: its stage's number, label, path, extra fields, milestone and picture. */
export function stageViews(map: JourneyMap, columns: Column[]): StageView[] {
  const ui = map.labels.ui;
  return columns.map((c, i): StageView => {
    const s = c.stage;
    const fork = c.branch && map.stages[c.main]!;
    const branch = c.branch && { key: `${fork!.id}-${c.branch.branch.id}`, id: c.branch.branch.id, name: c.branch.branch.name, label: `${c.main + 1}${LETTERS[c.branch.index]}`, index: c.branch.index, style: c.branch.index + 2 };
    const label = branch ? `${branch.label}.${c.branch!.step + 1}` : String(c.main + 1);
    const before = columns[i - 1];
    const start = branch && c.branch!.step === 0;
    const end = !c.branch && before?.branch;
    return {
      number: c.main + 1,
      id: s.id,
      name: s.name,
      heading: `${map.labels.column} ${label}`,
      fields: map.labels.fields.flatMap(({ key, label }) => (s.fields[key] ? [{ key, label, value: s.fields[key] }] : [])),
      time: s.fields.time ?? null,
      label,
      branch,
      edge: start ? 'path-col path-start' : branch ? 'path-col' : end ? 'path-end' : null,
      ...stageMarks(s, ui),
    };
  });
}

/** A stage's milestone and picture, as its column heading shows them (stage-head.hbs). */
export function stageMarks(stage: Stage, ui: UiLabels): Pick<StageView, 'milestone' | 'image'> {
  return {
    milestone: stage.milestone && { text: stage.milestone.text ?? ui.milestone, label: ui.milestone, own: stage.milestone.text !== null },
    image: stage.image && { src: stage.image.data ?? null, alt: stage.image.alt },
  };
}
