import { diffMaps } from '../diff.js';
import type { LintRule } from './rule.js';

export const unaddressedBasePainPoint: LintRule = {
  id: 'unaddressed-base-pain-point',
  severity: 'warn',
  why: 'A map based on another (a future state on a current state) answers each of its pain points: a change, an opportunity, or the pain point kept on purpose.',
  check(map, report, { base }) {
    if (!base) return;
    for (const stage of diffMaps(base.map, map).stages) {
      const before = stage.beforeIndex === null ? undefined : base.map.stages[stage.beforeIndex];
      if (!before?.pain_points.length) continue;
      const after = stage.afterIndex === null ? undefined : map.stages[stage.afterIndex];
      // A change or an opportunity answers the stage's pain points; one listed again is carried over.
      if (after && ((after.cells.change?.length ?? 0) > 0 || after.opportunities.length > 0)) continue;
      for (const pain of before.pain_points.map((p) => p.text).filter((p) => !stage.unaddressed.includes(p))) {
        const where = `pain point "${pain}" of ${base.file} (stage "${before.name}")`;
        if (after) report(['stages', stage.afterIndex!, 'name'], `${where} is not addressed: give stage "${after.name}" a \`change\` or an opportunity, or list the pain point again to carry it over`);
        else report(['based_on'], `${where} is not addressed: this map has no such stage; keep the stage with a \`change\` that removes it, or carry the pain point over`);
      }
    }
  },
};
