// YAML syntax errors in plain words: one error per slip, at the place to fix, saying what to type.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMap } from '../../src/core/load.js';
import { errorsOf, ROOT, run, tempDir } from '../helpers.js';
import { writeFileSync } from 'node:fs';
import { TEMPLATES } from '../../src/templates/registry.js';

const HEAD = 'template: current-state\ntitle: T\nstages:\n';
/**
 * A rich map (the current-state example as it was hand-written, kept as a fixture so its line numbers
 * stay put) with one line changed, so each slip is tried in a real map, not only a toy.
 */
const example = readFileSync(join(ROOT, 'test', 'fixtures', 'syntax', 'shoes.yaml'), 'utf8');
const exampleWith = (lineNumber: number, edit: (line: string) => string) =>
  example
    .split('\n')
    .map((l, i) => (i === lineNumber - 1 ? edit(l) : l))
    .join('\n');

describe('YAML syntax errors', () => {
  it('a tab: one error at the tab that says to indent with spaces, no cascade', () => {
    expect(errorsOf(exampleWith(33, (l) => `\t${l.slice(4)}`))).toEqual([
      'map.yaml:33:1 error yaml: this line is indented with a tab: indent with spaces (YAML does not allow tabs for indentation)',
    ]);
    expect(errorsOf(`${HEAD}  - name: A\n  \tthinking: x\n  - name: B\n\t  emotion: 1\n`)).toEqual([
      'map.yaml:5:3 error yaml: this line is indented with a tab: indent with spaces (YAML does not allow tabs for indentation)',
      'map.yaml:7:1 error yaml: this line is indented with a tab: indent with spaces (YAML does not allow tabs for indentation)',
    ]);
  });

  it('a missing colon: expected `key: value`, with the line as it should be', () => {
    expect(errorsOf('template: current-state\ntitle T\nstages:\n  - name: A\n')).toEqual([
      'map.yaml:2:1 error yaml: expected `key: value`, found `title T`: add a colon after the key (`title: T`)',
    ]);
    expect(errorsOf(exampleWith(33, (l) => l.replace('thinking:', 'thinking')))).toEqual([
      'map.yaml:33:5 error yaml: expected `key: value`, found `thinking My old shoes hurt after 5 km. …`: add a colon after the key (`thinking: My old shoes hurt after 5 km. Time for new ones?`)',
    ]);
  });

  it('an unclosed list, mapping or quote: pointed at where it opened', () => {
    expect(errorsOf('template: current-state\ntitle: T\nowners: [a, b\nstages:\n  - name: A\n')).toEqual([
      'map.yaml:3:9 error yaml: this list is never closed: add a `]` where it ends',
    ]);
    expect(errorsOf(`${HEAD}  - { name: A, emotion: 1\n  - name: B\n`)).toEqual([
      'map.yaml:4:5 error yaml: this mapping is never closed: add a `}` where it ends',
    ]);
    expect(errorsOf(exampleWith(42, (l) => l.replace(']', '')))).toEqual([
      'map.yaml:42:18 error yaml: this list is never closed: add a `]` where it ends',
    ]);
    expect(errorsOf('template: current-state\ntitle: "T\nstages:\n  - name: A\n')).toEqual([
      'map.yaml:2:8 error yaml: this quoted text is never closed: expected a closing " before the end of the file',
    ]);
    expect(errorsOf(`${HEAD}  - name: 'A\n    emotion: 1\n  - name: B\n`)).toEqual([
      "map.yaml:4:11 error yaml: this quoted text is never closed: expected a closing ' before the end of the file",
    ]);
  });

  it('wrong indentation: the key, its column and the column of the key it should line up with', () => {
    expect(errorsOf(exampleWith(33, (l) => ` ${l}`))).toEqual([
      'map.yaml:33:6 error yaml: wrong indentation: `thinking` starts at column 6, but `name` on line 32 starts at column 5: keys of one mapping line up at the same column',
    ]);
    expect(errorsOf(`${HEAD}  - name: A\n   thinking: x\n`)).toEqual([
      'map.yaml:5:4 error yaml: wrong indentation: `thinking` starts at column 4, but `name` on line 4 starts at column 5: keys of one mapping line up at the same column',
    ]);
    expect(errorsOf('template: current-state\n title: T\nstages:\n  - name: A\n')).toEqual([
      'map.yaml:2:2 error yaml: wrong indentation: `title` starts at column 2, but `template` on line 1 starts at column 1: keys of one mapping line up at the same column',
    ]);
  });

  it('a list item at the wrong level: lined up with the items of its list', () => {
    expect(errorsOf(exampleWith(46, (l) => l.slice(1)))).toEqual([
      'map.yaml:46:2 error yaml: this list item is at column 2, but the items of its list start at column 3 (line 31): line the `-` up with them',
    ]);
    expect(errorsOf(`${HEAD}  - name: A\n- name: B\n`)).toEqual([
      'map.yaml:5:1 error yaml: this list item is at column 1, but the items of its list start at column 3 (line 4): line the `-` up with them',
    ]);
  });

  it('a duplicate key: where it was first set', () => {
    expect(errorsOf('template: current-state\ntitle: T\ntitle: U\nstages: [{ name: A }]\n')).toEqual([
      'map.yaml:3:1 error yaml: duplicate key `title`: it is already set on line 2; keep one of the two',
    ]);
    expect(errorsOf(exampleWith(33, (l) => l.replace('thinking', 'name')))).toEqual([
      'map.yaml:33:5 error yaml: duplicate key `name`: it is already set on line 32; keep one of the two',
    ]);
  });

  it('one error per slip when a file has several', () => {
    expect(errorsOf('template: current-state\ntitle T\nstages:\n  - name: A\n    thinking: x\n    thinking: y\n')).toEqual([
      'map.yaml:2:1 error yaml: expected `key: value`, found `title T`: add a colon after the key (`title: T`)',
      'map.yaml:6:5 error yaml: duplicate key `thinking`: it is already set on line 5; keep one of the two',
    ]);
  });

  it('journey validate prints the one error and counts one', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'map.yaml'), exampleWith(33, (l) => `\t${l.slice(4)}`));
    const { code, stderr } = await run(['validate', 'map.yaml'], { cwd: dir });
    expect(code).toBe(1);
    expect(stderr).toBe('map.yaml:33:1 error yaml: this line is indented with a tab: indent with spaces (YAML does not allow tabs for indentation)\n✗ 1 error in 1 file\n');
  });
});

describe('more slips of people new to YAML', () => {
  it('a colon inside a value: put the value in quotes', () => {
    expect(errorsOf(`${HEAD}  - name: A\n    thinking: Note: this hurts\n    emotion: 1\n`)).toEqual([
      'map.yaml:5:15 error yaml: this value contains `: `, which YAML reads as the start of another key: put the value in quotes (`thinking: "Note: this hurts"`)',
    ]);
  });

  it('a bracket that closes nothing, and text after a closing quote', () => {
    expect(errorsOf('template: current-state\ntitle: T\nowners: [a, b]]\nstages:\n  - name: A\n')).toEqual([
      'map.yaml:3:15 error yaml: this `]` closes nothing: remove it, or add the `[` it should close',
      'map.yaml:3:15 warning yaml: the rest of this file, after line 3, is checked once its YAML syntax is fixed',
    ]);
    expect(errorsOf('template: current-state\ntitle: "T" extra\nstages:\n  - name: A\n')).toEqual([
      'map.yaml:2:12 error yaml: text after the closing quote: put all of the value inside the quotes',
    ]);
  });

  it('a # inside a list starts a comment that hides its closing bracket', () => {
    expect(errorsOf(`${HEAD}  - name: A\n    actions: [Pay, Call #2]\n`)).toEqual([
      'map.yaml:5:14 error yaml: this list is never closed: add a `]` where it ends; ` #` starts a comment there, so put text with a # in quotes',
    ]);
  });

  it('tabs inside a | block are text: the real slip is reported', () => {
    expect(errorsOf('template: current-state\ntitle: T\nsummary: |\n  Steps:\n  \tone\nstages:\n  - name: A\n    thinking x\n')).toEqual([
      'map.yaml:8:5 error yaml: expected `key: value`, found `thinking x`: add a colon after the key (`thinking: x`)',
    ]);
  });

  it('always says something about a file the parser refused', () => {
    // Whatever the input, a refused file has at least one problem at a line and column.
    for (const text of ['a: [', '"', "key: 'x\n", '- a\nb: c\n', '? x\n: y\n: z\n', '{a: 1}}', 'a:\n\t- b\n', '[a, {b: c]']) {
      const result = loadMap('map.yaml', text, { templates: TEMPLATES });
      if (!result.ok) expect(result.diagnostics.length, JSON.stringify(text)).toBeGreaterThan(0);
    }
  });
});
