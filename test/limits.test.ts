// Files within the byte limit that would still cost seconds and gigabytes: too many nodes, huge
// mappings, floods of problems. Each is refused or cut short with a located message, quickly.
import { describe, expect, it } from 'vitest';
import { quickLoad } from '../src/core/quick-load.js';
import { run } from './helpers.js';
import { TEMPLATES } from '../src/templates/registry.js';

const HEAD = 'template: current-state\ntitle: T\nstages: [{ name: A }]\n';

describe('the node limit', () => {
  it('refuses 2.6 million list items (5 MB) at the item that passes 100,000 (it once took 13 s and 2.6 GB)', async () => {
    const { code, stderr } = await run(['validate', '-'], { stdin: `${HEAD}owners: [${Array(2_600_000).fill('a').join(',')}]\n` });
    expect(code).toBe(1);
    // 4 nodes before the list, `[` and 50,000 items with their commas: the limit falls at column 99,999.
    expect(stderr).toMatch(/^<stdin>:4:9999\d error yaml: more than 100,000 YAML values, list items and keys by here: expected a journey map of a readable size \(split a very large journey into several maps\)\n/);
  });

  it('counts empty list items and documents too', async () => {
    const nulls = await run(['validate', '-'], { stdin: `${HEAD}owners:\n${'- \n'.repeat(120_000)}` });
    expect(nulls.stderr).toMatch(/^<stdin>:\d+:1 error yaml: more than 100,000/);
    const documents = await run(['validate', '-'], { stdin: 'a\n...\n'.repeat(120_000) });
    expect(documents.stderr).toMatch(/^<stdin>:\d+:1 error yaml: more than 100,000/);
  });

  it('still loads a rich 2,000-stage map, on the quick path', async () => {
    const stage = (i: number) =>
      `  - name: Stage ${i}\n    emotion: 1\n    thinking: I think ${i}\n    actions: [One, Two, Three]\n    touchpoints: [Web, { name: Store, channel: store }]\n    pain_points: [Slow, Costly]\n    opportunities: [Faster]\n    kpis: [Conversion]\n    owner: Team\n    change: Change ${i}\n    rationale: Because\n`;
    const text = `template: current-state\ntitle: T\nstages:\n${Array.from({ length: 2000 }, (_, i) => stage(i)).join('')}`;
    expect((await run(['lint', '-'], { stdin: text })).code).toBe(0);
    // Counted exactly, it stays on the quick path (the cheap bound alone would send it to the slow one).
    const lexing = await import('yaml');
    expect(quickLoad(text, { templates: TEMPLATES, lexing })?.stages).toHaveLength(2000);
    expect(quickLoad(`${text}owners: [${Array(20_000).fill('a').join(',')}]\n`, { templates: TEMPLATES, lexing })).toBeUndefined();
  });
});

describe('within the node limit', () => {
  it('a mapping of 45,000 keys is checked (once quadratic: it took minutes), its duplicates found', async () => {
    const keys = Array.from({ length: 45_000 }, (_, i) => `    x${i}: 1\n`).join('');
    const stdin = `template: current-state\ntitle: T\nstages:\n  - name: A\n${keys}`;
    const unknown = await run(['validate', '-'], { stdin });
    const duplicate = await run(['validate', '-'], { stdin: `${stdin}    x7: 2\n` });
    expect(duplicate.stderr).toBe('<stdin>:45005:5 error yaml: duplicate key `x7`: it is already set on line 12; keep one of the two\n✗ 1 error in 1 file\n');
    // Problems past the first 1,000 are counted, not listed.
    const lines = unknown.stderr.trimEnd().split('\n');
    expect(lines.at(-2)).toBe('<stdin>:1005:5 error stages[0].x1000: 44,000 more problems from here on are not listed (at most 1,000 are reported per file)');
    expect(lines.length).toBe(1002);
  });
});
