// journey fmt: one canonical layout, every comment kept, the same model before and after, stable.
import { readFileSync, readdirSync, statSync, writeFileSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Lexer } from 'yaml';
import { formatMap } from '../src/core/format.js';
import { loadMap } from '../src/core/load.js';
import { rewriteReadFile } from '../src/pipeline/write.js';
import { TEMPLATE_IDS, TEMPLATES } from '../src/templates/registry.js';
import { EXAMPLES, ROOT, run, tempDir } from './helpers.js';

/** Every .yaml file under a folder. */
function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? yamlFiles(path) : /\.ya?ml$/.test(name) ? [path] : [];
  });
}

/** Every comment of a YAML text, as the YAML lexer reads them (a `#` inside quotes is no comment). */
const comments = (text: string) => [...new Lexer().lex(text)].filter((token) => token.startsWith('#'));

const MESSY = `# yaml-language-server: $schema=./journey.schema.json
title: Renewing a permit   # the title people search for
stages:
    # the first stage
    - thinking:
        - Is it time?
        - Again?
      name: Reminder
      emotion: Happy
      touchpoints:
        - name: Letter
          channel: post
    - name: Apply
      kpis:
        - {name: Conversion, metric: conversion, target: 5%}
template: current-state
`;

describe('journey fmt', () => {
  it('lays a map out canonically: keys in the documented order, two spaces, short lists on one line, every comment kept', () => {
    const result = formatMap(MESSY, TEMPLATES);
    expect(result.ok).toBe(true);
    const text = (result as { text: string }).text;
    expect(text).toBe(`# yaml-language-server: $schema=./journey.schema.json
template: current-state
title: Renewing a permit # the title people search for
stages:
  # the first stage
  - name: Reminder
    emotion: Happy
    thinking: [Is it time?, Again?]
    touchpoints:
      - { name: Letter, channel: post }
  - name: Apply
    kpis:
      - { name: Conversion, metric: conversion, target: 5% }
`);
    expect(comments(text).sort()).toEqual(comments(MESSY).sort());
  });

  it('keeps the model of every fixture and example, and a second run changes nothing', () => {
    const files = [...yamlFiles(join(ROOT, 'test', 'fixtures')), ...yamlFiles(EXAMPLES)];
    expect(files.length).toBeGreaterThan(15);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const once = formatMap(text, TEMPLATES);
      const name = relative(ROOT, file);
      if (!once.ok) {
        // Only a file that is not valid YAML is left alone.
        expect(loadMap(name, text, { templates: TEMPLATES }).ok, name).toBe(false);
        continue;
      }
      const before = loadMap(name, text, { templates: TEMPLATES });
      const after = loadMap(name, once.text, { templates: TEMPLATES });
      expect(after.ok, name).toBe(before.ok);
      if (before.ok && after.ok) expect(JSON.stringify(after.map), name).toBe(JSON.stringify(before.map));
      else expect(after.diagnostics.map((d) => d.message).sort(), name).toEqual(before.diagnostics.map((d) => d.message).sort());
      expect(comments(once.text).sort(), name).toEqual(comments(text).sort());
      expect((formatMap(once.text, TEMPLATES) as { text: string }).text, name).toBe(once.text);
    }
  });

  it('never reorders a free-form mapping (demographics, scores per persona) nor a document with anchors', () => {
    const map = `template: current-state\ntitle: T\npersona:\n  name: Ana\n  demographics:\n    zone: north\n    age: "40"\nstages:\n  - name: A\n`;
    expect((formatMap(map, TEMPLATES) as { text: string }).text).toContain('    zone: north\n    age: "40"');
    const anchored = `title: &t T\ntemplate: current-state\nstages:\n  - name: *t\n`;
    expect((formatMap(anchored, TEMPLATES) as { text: string }).text).toBe(anchored);
  });

  it('every example in the repository is formatted', async () => {
    const result = await run(['fmt', '--check', '--no-config', 'examples']);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/every file is formatted\n$/);
    expect(result.code).toBe(0);
  });

  it('the starter map of every template (journey init) is formatted', () => {
    for (const id of TEMPLATE_IDS) expect((formatMap(TEMPLATES[id].starter, TEMPLATES) as { text: string }).text, id).toBe(TEMPLATES[id].starter);
  });

  it('--check names the unformatted files and exits 1 without touching them; without it, rewrites them in place', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'messy.yaml'), MESSY);
    writeFileSync(join(dir, 'tidy.yaml'), (formatMap(MESSY, TEMPLATES) as { text: string }).text);
    const check = await run(['fmt', '--check', '--no-config', '.'], { cwd: dir });
    expect(check.stdout).toBe('messy.yaml\n');
    expect(check.stderr).toBe('1 file not formatted: run journey fmt\n');
    expect(check.code).toBe(1);
    expect(readFileSync(join(dir, 'messy.yaml'), 'utf8')).toBe(MESSY);

    const write = await run(['fmt', '--no-config', '.'], { cwd: dir });
    expect(write).toMatchObject({ code: 0, stdout: 'messy.yaml\n', stderr: 'formatted 1 file\n' });
    expect(readFileSync(join(dir, 'messy.yaml'), 'utf8')).toBe(readFileSync(join(dir, 'tidy.yaml'), 'utf8'));
    expect(readdirSync(dir).sort()).toEqual(['messy.yaml', 'tidy.yaml']); // no temporary file left
    expect((await run(['fmt', '--check', '--no-config', '.'], { cwd: dir })).code).toBe(0);
  });

  it('leaves an empty file and a file of comments only as they are, rather than writing `null` into them', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'empty.yaml'), '');
    writeFileSync(join(dir, 'notes.yaml'), '# a map will go here\n');
    const result = await run(['fmt', '--no-config', 'empty.yaml', 'notes.yaml'], { cwd: dir });
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: 'formatted 0 files\n' });
    expect(readFileSync(join(dir, 'empty.yaml'), 'utf8')).toBe('');
    expect(readFileSync(join(dir, 'notes.yaml'), 'utf8')).toBe('# a map will go here\n');
    expect((await run(['fmt', '--check', '--no-config', 'empty.yaml', 'notes.yaml'], { cwd: dir })).code).toBe(0);
  });

  it('leaves a file with YAML errors alone and says where, and never writes through a link', async () => {
    const dir = tempDir();
    const broken = 'template: current-state\ntitle: [unclosed\nstages:\n  - name: A\n';
    writeFileSync(join(dir, 'broken.yaml'), broken);
    const result = await run(['fmt', '--no-config', 'broken.yaml'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^broken\.yaml: cannot format: line 2: /);
    expect(readFileSync(join(dir, 'broken.yaml'), 'utf8')).toBe(broken);
    // --check does not call it formatted in the same breath.
    const checked = await run(['fmt', '--check', '--no-config', 'broken.yaml'], { cwd: dir });
    expect(checked.code).toBe(1);
    expect(checked.stderr).toMatch(/^broken\.yaml: cannot format: line 2: .*\n1 file could not be formatted \(above\)\n$/s);

    writeFileSync(join(dir, 'real.yaml'), MESSY);
    symlinkSync(join(dir, 'real.yaml'), join(dir, 'link.yaml'));
    const linked = await run(['fmt', '--no-config', 'link.yaml'], { cwd: dir });
    expect(linked.code).toBe(1);
    expect(linked.stderr).toContain('cannot write link.yaml: it is a symbolic link');
    expect(readFileSync(join(dir, 'real.yaml'), 'utf8')).toBe(MESSY);
  });

  it('rewrites a file only while it holds what was read: a save in between wins', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'map.yaml'), MESSY);
    const read = readFileSync(join(dir, 'map.yaml'));
    writeFileSync(join(dir, 'map.yaml'), `${MESSY}# saved meanwhile\n`);
    const io = { cwd: dir } as Parameters<typeof rewriteReadFile>[1];
    await expect(rewriteReadFile('map.yaml', io, read, 'template: current-state\n')).rejects.toThrow('cannot write map.yaml: it changed since it was read; run journey fmt again');
    expect(readFileSync(join(dir, 'map.yaml'), 'utf8')).toBe(`${MESSY}# saved meanwhile\n`);
  });

  it('formats standard input to standard output', async () => {
    const result = await run(['fmt', '-'], { stdin: MESSY });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe((formatMap(MESSY, TEMPLATES) as { text: string }).text);
  });
});
