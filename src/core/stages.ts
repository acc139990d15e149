// Every stage of a map, the main path's and those of its forks' branches, each with the path where it
// is written (for locate()) and the fork it belongs to. Lint rules, diff and the pipeline walk maps
// with it, so a branch stage is never forgotten.
import type { PathSegment } from './diagnostics.js';
import type { Branch, JourneyMap, Stage } from './model.js';

export interface StageAt {
  stage: Stage;
  /** Where the stage is written: `['stages', 2]`, or `['stages', 2, 'branches', 0, 'stages', 1]`. */
  path: PathSegment[];
  /** For a branch stage: the stage that forks, its index on the main path, and the branch. */
  fork: { stage: Stage; index: number; branch: Branch; branchIndex: number } | null;
}

/** The main path's stages in order, each followed by the stages of its branches. */
export function allStages(map: Pick<JourneyMap, 'stages'>): StageAt[] {
  const out: StageAt[] = [];
  map.stages.forEach((stage, index) => {
    out.push({ stage, path: ['stages', index], fork: null });
    stage.branches.forEach((branch, branchIndex) =>
      branch.stages.forEach((s, k) => out.push({ stage: s, path: ['stages', index, 'branches', branchIndex, 'stages', k], fork: { stage, index, branch, branchIndex } })),
    );
  });
  return out;
}

/** A branch stage's fallback id, when its name gives none: unique, since stage ids never end in two numbers. */
export const branchStageFallbackId = (forkIndex: number, branchIndex: number, index: number) => `stage-${forkIndex + 1}-${branchIndex + 1}-${index + 1}`;

/** The default id of a branch, from its name. */
export const branchFallbackId = (branchIndex: number) => `branch-${branchIndex + 1}`;
