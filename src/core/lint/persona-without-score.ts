import { listWords } from '../describe.js';
import { allStages } from '../stages.js';
import type { LintRule } from './rule.js';

export const personaWithoutScore: LintRule = {
  id: 'persona-without-score',
  severity: 'warn',
  why: 'A map of several personas compares how each feels: a stage that scores some of them leaves a gap in the others\u2019 curves.',
  check(map, report) {
    if (map.personas.length < 2) return;
    for (const { stage, path } of allStages(map)) {
      const missing = map.personas.filter((p) => stage.emotions[p.id] == null);
      if (missing.length === 0 || missing.length === map.personas.length) continue;
      const names = missing.map((p) => `\`${p.id}\``);
      report(
        [...path, 'emotion'],
        `stage "${stage.name}" scores some personas but not ${listWords(missing.map((p) => p.id), 'and')}: give ${names.length === 1 ? 'it' : 'each'} a score too (\`emotion: { ${missing[0]!.id}: 0, … }\`), or one score for everyone`,
      );
    }
  },
};
