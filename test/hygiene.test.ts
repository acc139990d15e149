// Text that is not text (control characters) and keys named like JavaScript's own properties
// get the same clear, located answers as any other mistake.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, runBin, tempDir } from './helpers.js';

describe('control characters in map text', () => {
  it('are refused at their place, so no NUL or escape sequence reaches a document', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'map.yaml'), 'template: current-state\ntitle: T\nstages:\n  - name: A\n    thinking: "before\\0after"\n    actions: [ok, "\\e[31mred"]\n    notes: "tabs\\tand\\nline breaks are fine"\n');
    const { code, stderr } = await run(['build', 'map.yaml', '-f', 'html,md'], { cwd });
    expect(code).toBe(1);
    expect(stderr).toContain('map.yaml:5:15 error stages[0].thinking: expected text without control characters, found U+0000 at character 7; only tabs and line breaks are allowed\n');
    expect(stderr).toContain('map.yaml:6:19 error stages[0].actions[1]: expected text without control characters, found U+001B at character 1; only tabs and line breaks are allowed\n');
    expect(existsSync(join(cwd, 'map.html')) || existsSync(join(cwd, 'map.md'))).toBe(false);
  });

  it('include CR, DEL and C1 controls, in every kind of text (labels, demographics keys)', async () => {
    const map = 'template: current-state\ntitle: "a\\rb"\npersona: { name: P, demographics: { "x\\x7f": y } }\nlanes: [{ key: k, label: "\\x85" }]\nstages: [{ name: A }]\n';
    const { stderr } = await run(['validate', '-'], { stdin: map });
    expect(stderr).toContain('<stdin>:2:8 error title: expected text without control characters, found U+000D at character 2');
    expect(stderr).toContain('found U+007F at character 2');
    expect(stderr).toContain('<stdin>:4:26 error lanes[0].label: expected text without control characters, found U+0085 at character 1');
  });
});

describe("keys named like Object's properties", () => {
  const NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty'];
  const TOP = '`template`, `title`, `summary`, `locale`, `updated`, `owners`, `goals`, `research`, `persona`, `personas`, `based_on`, `tags`, `lanes` or `stages`';
  const STAGE = '`name`, `id`, `emotion`, `pain_points`, `opportunities`, `kpis`, `owner`, `technology`, `notes`, `time`, `thinking`, `priorities`, `touchpoints`, `product_use`, `product_opportunity`, `milestone`, `image`, `image_alt`, `branches` or `rejoin`';

  it('are unknown keys at the top level and in a stage, like any other (not "found function", not another template\'s lane)', async () => {
    const map = `template: day-in-the-life\ntitle: T\n${NAMES.map((k) => `${k}: x\n`).join('')}stages:\n  - name: A\n${NAMES.map((k) => `    ${k}: x\n`).join('')}`;
    const { stderr } = await run(['validate', '-'], { stdin: map });
    expect(stderr.trimEnd().split('\n')).toEqual([
      ...NAMES.map((k, i) => `<stdin>:${3 + i}:1 error ${k}: unknown key \`${k}\`: expected one of ${TOP}`),
      ...NAMES.map((k, i) => `<stdin>:${9 + i}:5 error stages[0].${k}: unknown key \`${k}\`: expected one of ${STAGE}`),
      '✗ 8 errors in 1 file',
    ]);
  });

  it('make a working custom lane (`constructor`), or are refused as lane keys with the usual message', async () => {
    const lanes = 'lanes:\n  - { key: constructor, label: Who builds it }\n';
    const ok = await run(['build', '-', '-f', 'md', '-o', '-'], { stdin: `template: current-state\ntitle: T\n${lanes}stages:\n  - name: A\n  - name: B\n    constructor: [The shop]\n` });
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toContain('| **Who builds it** |  | The shop |');
    const refused = await run(['validate', '-'], { stdin: `template: current-state\ntitle: T\nlanes:\n${NAMES.slice(1).map((k) => `  - { key: ${k}, label: L }\n`).join('')}stages: [{ name: A }]\n` });
    expect(refused.stderr.trimEnd().split('\n')).toEqual([
      ...NAMES.slice(1).map((k, i) => `<stdin>:${4 + i}:12 error lanes[${i}].key: expected a lane key in snake_case (like \`channels_used\`), found text "${k}"`),
      '✗ 3 errors in 1 file',
    ]);
  });

  it('are demographics labels like any other, except `__proto__`, which is refused instead of dropped', async () => {
    const persona = `persona:\n  name: P\n  demographics:\n${NAMES.map((k) => `    ${k}: v ${k}\n`).join('')}`;
    const { stderr } = await run(['validate', '-'], { stdin: `template: current-state\ntitle: T\n${persona}stages: [{ name: A }]\n` });
    expect(stderr).toBe('<stdin>:7:16 error persona.demographics.__proto__: expected a demographics label other than `__proto__`, which JavaScript reserves\n✗ 1 error in 1 file\n');
    const md = await run(['build', '-', '-f', 'md', '-o', '-'], { stdin: `template: current-state\ntitle: T\n${persona.replace(/ {4}__proto__.*\n/, '')}stages: [{ name: A }]\n` });
    for (const k of ['constructor', 'toString', 'hasOwnProperty']) expect(md.stdout).toContain(`v ${k}`);
  });
});

describe('a custom layout that reaches for an inherited property', () => {
  it('gets a located layout error, not Handlebars\' raw warning and an empty gap', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'map.yaml'), 'template: current-state\ntitle: T\nstages: [{ name: A }]\n');
    const layouts = {
      'lookup.hbs': '{{#> page}}\n<p>{{lookup this "hasOwnProperty"}}</p>\n{{/page}}\n',
      'each.hbs': '{{#> page}}\n{{#each stages}}  {{lookup . "constructor"}}{{/each}}\n{{/page}}\n',
      'path.hbs': '{{#> page}}\n<p>{{title.toString}}</p>\n{{/page}}\n',
    };
    const expected = {
      'lookup.hbs': 'lookup.hbs:2:4 error layout: "hasOwnProperty" is a property every JavaScript object inherits, not data of the view model',
      'each.hbs': 'each.hbs:2:19 error layout: "constructor" is a property every JavaScript object inherits, not data of the view model',
      'path.hbs': 'path.hbs:2:6 error layout: "toString" is a property every JavaScript object inherits, not data of the view model',
    };
    for (const [name, source] of Object.entries(layouts)) {
      writeFileSync(join(cwd, name), source);
      const { code, stderr } = await runBin(['build', 'map.yaml', '--layout', name], { cwd });
      expect(code).toBe(1);
      expect(stderr).not.toContain('Access has been denied');
      expect(stderr).toContain(expected[name as keyof typeof expected]);
    }
    expect(existsSync(join(cwd, 'map.html'))).toBe(false);
  });
});
