// A team's own template, declared in a YAML file that journey.config.yaml names: every command knows
// it as it knows the built-in ones, and the file is read as untrusted input.
import { mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Editor } from './lsp-client.js';
import { EXAMPLES, run, startJourney, tempDir } from './helpers.js';

const TEMPLATE = `# What a person says, does, thinks and feels at each moment.
id: empathy-map
name: Empathy map
use: What a person says, does, thinks and feels at each moment, before designing for them.
column: Moment
bands:
  - key: observed
    label: What we observe
  - key: inferred
    label: What we infer
lanes:
  - key: says
    question: What does the person say?
    band: observed
  - key: does
    question: What does the person do?
    band: observed
    doing: true
  - key: thinks
    question: What does the person think?
    band: inferred
  - key: feels
    question: What does the person feel?
    band: inferred
labels:
  it:
    name: Mappa dell'empatia
    column: Momento
    bands: { observed: Cosa osserviamo, inferred: Cosa deduciamo }
    lanes: { says: Cosa dice la persona? }
`;

const MAP = `template: empathy-map
title: Choosing a gym
goals: [Know why people pick a gym]
persona: { name: Ana }
updated: 2026-11-01
stages:
  - name: Browsing
    emotion: neutral
    says: [I just want something close]
    does: [Compares three gyms online]
    thinks: Are the prices real?
    feels: [Unsure]
    pain_points: [Prices hidden until the visit]
    opportunities: [Show prices online]
  - name: Trial visit
    emotion: positive
    says: [The staff were friendly]
    does: [Tries the machines]
    thinks: I could come here after work.
    feels: [Relieved]
`;

/** A project with the template file, the config naming it, and a map of it. */
function project(template = TEMPLATE, config = 'templates: [templates/empathy-map.yaml]\n'): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'templates'));
  writeFileSync(join(dir, 'templates', 'empathy-map.yaml'), template);
  writeFileSync(join(dir, 'journey.config.yaml'), config);
  writeFileSync(join(dir, 'gym.yaml'), MAP);
  return dir;
}

/** The problems a run prints, one `file:line:col message` line each (the summary line left out). */
const problemLines = (stderr: string) => stderr.split('\n').filter((l) => /^\S+:\d+:\d+ /.test(l));

describe('a team template named in journey.config.yaml', () => {
  it('is listed by journey templates after the built-in ones, with its file, in the locale asked for', async () => {
    const dir = project();
    const listed = await run(['templates'], { cwd: dir });
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('service-blueprint');
    expect(listed.stdout).toMatch(/empathy-map {2}Empathy map\n {2}templates\/empathy-map\.yaml\n {2}What a person says/);
    expect(listed.stdout).toContain('    does                 What does the person do?');
    expect(listed.stdout).toContain('bands: observed (says, does), inferred (thinks, feels)');
    const italian = await run(['templates', '--locale', 'it'], { cwd: dir });
    expect(italian.stdout).toContain("empathy-map  Mappa dell'empatia");
    expect(italian.stdout).toContain('Cosa dice la persona?');
    // English where the file gives no Italian.
    expect(italian.stdout).toContain('What does the person do?');
  });

  it('is what examples/team shows: its map is valid and lints clean there', async () => {
    const cwd = join(EXAMPLES, 'team');
    expect(await run(['validate', 'gym.yaml'], { cwd })).toMatchObject({ code: 0 });
    expect(await run(['lint', 'gym.yaml'], { cwd })).toMatchObject({ code: 0, stderr: '✓ 1 map, no findings\n' });
  });

  it('validates a map of it, with did-you-mean among its lanes at the line', async () => {
    const dir = project();
    expect(await run(['validate', 'gym.yaml'], { cwd: dir })).toMatchObject({ code: 0 });
    writeFileSync(join(dir, 'typo.yaml'), MAP.replace('    thinks: Are', '    thinkz: Are').replace('feels: [Relieved]', 'feels: [Relieved]\n    actions: [Leaves]'));
    const { code, stderr } = await run(['validate', 'typo.yaml'], { cwd: dir });
    expect(code).toBe(1);
    expect(problemLines(stderr)).toEqual([
      'typo.yaml:11:5 error stages[0].thinkz: unknown key `thinkz`: did you mean `thinks`?',
      'typo.yaml:21:5 error stages[1].actions: unknown key `actions`: it belongs to the `current-state`, `future-state` or `service-blueprint` templates, not to empathy-map (declare it under `lanes:` to add it as a custom lane)',
    ]);
    // Without the config, the template is unknown: the map names no template journey knows.
    const alone = await run(['validate', '--no-config', 'gym.yaml'], { cwd: dir });
    expect(alone.code).toBe(1);
    expect(problemLines(alone.stderr)[0]).toContain('gym.yaml:1:11 error template: unknown template "empathy-map": expected one of `current-state`');
  });

  it('builds HTML and Markdown with its bands and questions, and lints', async () => {
    const dir = project();
    const built = await run(['build', 'gym.yaml', '-f', 'html,md', '-d', 'out'], { cwd: dir });
    expect(built.code).toBe(0);
    const html = readFileSync(join(dir, 'out', 'gym.html'), 'utf8');
    expect(html).toContain('<p class="template-name"><span class="visually-hidden">Template: </span>Empathy map</p>');
    expect(html).toMatch(/class="section band-observed"[\s\S]*What we observe[\s\S]*What does the person say\?[\s\S]*class="section band-inferred"[\s\S]*What we infer/);
    expect(html).toContain('Moment 1');
    const md = readFileSync(join(dir, 'out', 'gym.md'), 'utf8');
    expect(md).toContain('| **What does the person do?** | Compares three gyms online | Tries the machines |');
    const lint = await run(['lint', 'gym.yaml'], { cwd: dir });
    expect(lint).toMatchObject({ code: 0, stdout: '' });
    expect(lint.stderr).not.toContain('error');
  });

  it('builds a PDF and a PNG', { timeout: 300_000 }, async () => {
    const dir = project();
    const built = await run(['build', 'gym.yaml', '-f', 'pdf,png', '-d', 'out'], { cwd: dir });
    expect(built.code, built.stderr).toBe(0);
    expect(readFileSync(join(dir, 'out', 'gym.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(readFileSync(join(dir, 'out', 'gym.png')).subarray(1, 4).toString()).toBe('PNG');
  });

  it('exports to CSV, XLSX and Markdown, and imports each back to the same map', async () => {
    const dir = project();
    const original = await run(['build', 'gym.yaml', '-f', 'md', '-o', 'gym.md'], { cwd: dir });
    expect(original.code).toBe(0);
    for (const format of ['csv', 'xlsx']) expect((await run(['export', 'gym.yaml', '-f', format], { cwd: dir })).code).toBe(0);
    for (const file of ['gym.csv', 'gym.xlsx', 'gym.md']) {
      const back = await run(['import', file, '-o', `back-${file}.yaml`], { cwd: dir });
      expect(back.code, `${file}: ${back.stderr}`).toBe(0);
      const yaml = readFileSync(join(dir, `back-${file}.yaml`), 'utf8');
      expect(yaml, file).toContain('template: empathy-map');
      expect(yaml, file).toMatch(/does:\n\s+- Compares three gyms online/);
      expect(yaml, file).toMatch(/thinks:\n\s+- Are the prices real\?/);
      expect((await run(['validate', `back-${file}.yaml`], { cwd: dir })).code, file).toBe(0);
    }
  });

  it('imports a Mermaid journey with its tasks in the lane of what the person does', async () => {
    const dir = project();
    writeFileSync(join(dir, 'gym.mmd'), 'journey\n  title Gym\n  section Browse\n    Compare gyms: 3: Ana\n');
    const { code, stdout } = await run(['import', 'gym.mmd', '--template', 'empathy-map'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toContain('template: empathy-map');
    expect(stdout).toMatch(/does:\n\s+- Compare gyms/);
    const typo = await run(['import', 'gym.mmd', '--template', 'empathy-mapp'], { cwd: dir });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('unknown template "empathy-mapp": expected one of current-state, future-state, day-in-the-life, service-blueprint, empathy-map');
    expect(typo.stderr).toContain('did you mean empathy-map?');
  });

  it('is in journey schema and journey init', async () => {
    const dir = project();
    const all = await run(['schema'], { cwd: dir });
    const schema = JSON.parse(all.stdout) as { properties: { template: { enum: string[]; description: string } } };
    expect(schema.properties.template.enum).toEqual(['current-state', 'future-state', 'day-in-the-life', 'service-blueprint', 'empathy-map']);
    expect(schema.properties.template.description).toBe('The kind of map: current-state, future-state, day-in-the-life, service-blueprint or empathy-map');
    const one = JSON.parse((await run(['schema', '-t', 'empathy-map'], { cwd: dir })).stdout) as { title: string; properties: { stages: { items: { properties: Record<string, { description?: string }> } } } };
    expect(one.title).toBe('Journey map: empathy-map (format version 1)');
    expect(one.properties.stages.items.properties.feels!.description).toBe('What does the person feel?');
    // Without the config, journey knows only its own four.
    const elsewhere = await run(['schema', '-t', 'empathy-map'], { cwd: tempDir() });
    expect(elsewhere.code).toBe(2);

    const init = await run(['init', 'new.yaml', '--template', 'empathy-map'], { cwd: dir });
    expect(init.code).toBe(0);
    expect(init.stderr).toContain('created new.yaml from the empathy-map template');
    const starter = readFileSync(join(dir, 'new.yaml'), 'utf8');
    expect(starter).toContain('template: empathy-map\n');
    expect(starter).toContain('    feels: [] # What does the person feel?\n');
    expect((await run(['validate', 'new.yaml'], { cwd: dir })).code).toBe(0);
    // As the README says of every map journey init writes: already formatted.
    expect(await run(['fmt', '--check', 'new.yaml'], { cwd: dir })).toMatchObject({ code: 0, stderr: 'every file is formatted\n' });
    expect(JSON.parse(readFileSync(join(dir, 'journey.schema.json'), 'utf8')).properties.template.enum).toContain('empathy-map');
  });

  it('rebuilds the maps of a changed template file, and only those, in an incremental build', async () => {
    const dir = project();
    writeFileSync(join(dir, 'other.yaml'), 'template: current-state\ntitle: Other\nstages:\n  - name: A\n');
    expect((await run(['build', 'gym.yaml', 'other.yaml', '-f', 'md', '-d', 'out'], { cwd: dir })).code).toBe(0);
    expect((await run(['build', 'gym.yaml', 'other.yaml', '-f', 'md', '-d', 'out'], { cwd: dir })).stderr).toContain('0 built, 2 up to date');
    writeFileSync(join(dir, 'templates', 'empathy-map.yaml'), TEMPLATE.replace('What does the person say?', 'What does the person say out loud?'));
    const again = await run(['build', 'gym.yaml', 'other.yaml', '-f', 'md', '-d', 'out'], { cwd: dir });
    expect(again.stderr).toContain('1 built, 1 up to date');
    expect(readFileSync(join(dir, 'out', 'gym.md'), 'utf8')).toContain('What does the person say out loud?');
  });

  it('rebuilds its maps with the new words when the template file is saved in watch mode, and says what is wrong with a bad save', async () => {
    const dir = project();
    const watch = startJourney(['build', 'gym.yaml', '-f', 'md', '-d', 'out', '--watch'], dir);
    try {
      await watch.waitFor('Watching 1 map');
      let from = watch.stderr.length;
      writeFileSync(join(dir, 'templates', 'empathy-map.yaml'), TEMPLATE.replace('What does the person say?', 'What does the person say out loud?'));
      await watch.waitFor('↻ gym.yaml → out/gym.md', from);
      expect(readFileSync(join(dir, 'out', 'gym.md'), 'utf8')).toContain('| **What does the person say out loud?** |');
      from = watch.stderr.length;
      writeFileSync(join(dir, 'templates', 'empathy-map.yaml'), TEMPLATE.replace('column: Moment', 'colum: Moment'));
      await watch.waitFor('templates/empathy-map.yaml:5:1 error colum: unknown key `colum`: did you mean `column`?', from);
    } finally {
      await watch.stop();
    }
  });
});

describe('a bad template file', () => {
  const check = async (template: string, config?: string) => {
    const dir = project(template, config);
    const { code, stderr } = await run(['validate', 'gym.yaml'], { cwd: dir });
    return { code, problems: problemLines(stderr), dir };
  };

  it('is refused with every problem at its line: a misspelled key, a band it lacks, a lane twice, a lane named like a common key', async () => {
    const template = TEMPLATE.replace('column: Moment', 'colum: Moment').replace('    band: inferred\n  - key: feels', '    band: infered\n  - key: says').replace('  - key: does', '  - key: name');
    const { code, problems } = await check(template);
    expect(code).toBe(1);
    expect(problems).toEqual([
      'templates/empathy-map.yaml:2:1 error column: missing required key `column`: expected text',
      'templates/empathy-map.yaml:5:1 error colum: unknown key `colum`: did you mean `column`?',
      'templates/empathy-map.yaml:15:10 error lanes[1].key: `name` is a key every stage has: expected another key for a lane',
      'templates/empathy-map.yaml:21:11 error lanes[2].band: unknown band `infered`: expected one of the template\'s bands, `observed` or `inferred`; did you mean `inferred`?',
      'templates/empathy-map.yaml:22:10 error lanes[3].key: the lane `says` is declared twice: expected each lane key once',
    ]);
  });

  it('is refused when it has no lanes, or labels a lane it lacks', async () => {
    const noLanes = await check(TEMPLATE.slice(0, TEMPLATE.indexOf('lanes:')));
    expect(noLanes.problems).toEqual(['templates/empathy-map.yaml:2:1 error lanes: missing required key `lanes`: expected a list of lanes']);
    const labels = await check(TEMPLATE.replace('lanes: { says: Cosa', 'lanes: { sayz: Cosa'));
    expect(labels.problems).toEqual(["templates/empathy-map.yaml:30:14 error labels.it.lanes.sayz: unknown lane `sayz`: expected one of the template's lanes, `says`, `does`, `thinks` or `feels`; did you mean `says`?"]);
  });

  it('may not take the id of a built-in template, nor of another of the project', async () => {
    const clash = await check(TEMPLATE.replace('id: empathy-map', 'id: current-state'));
    expect(clash.code).toBe(1);
    expect(clash.problems).toEqual([
      'templates/empathy-map.yaml:2:5 error id: the template id `current-state` is taken (Current state): expected an id of its own, not one of `current-state`, `future-state`, `day-in-the-life` or `service-blueprint`',
    ]);
    const twice = await check(TEMPLATE, 'templates: [templates/empathy-map.yaml, templates/empathy-map.yaml]\n');
    expect(twice.problems[0]).toContain('templates/empathy-map.yaml:2:5 error id: the template id `empathy-map` is taken (Empathy map)');
  });

  it('must stay inside the project folder, also through a link', async () => {
    const outside = await check(TEMPLATE, 'templates: [../empathy-map.yaml]\n');
    expect(outside.code).toBe(1);
    expect(outside.problems).toEqual([
      'journey.config.yaml:1:13 error templates[0]: template file "../empathy-map.yaml" leads outside the folder of journey.config.yaml: a project\'s templates stay inside its folder',
    ]);
    const dir = project();
    const away = tempDir();
    writeFileSync(join(away, 'secret.yaml'), TEMPLATE);
    symlinkSync(join(away, 'secret.yaml'), join(dir, 'templates', 'link.yaml'));
    writeFileSync(join(dir, 'journey.config.yaml'), 'templates:\n  - templates/link.yaml\n');
    const linked = await run(['validate', 'gym.yaml'], { cwd: dir });
    expect(problemLines(linked.stderr)).toEqual([
      'journey.config.yaml:2:5 error templates[0]: template file "templates/link.yaml" leads outside the folder of journey.config.yaml: a project\'s templates stay inside its folder',
    ]);
    const missing = await check(TEMPLATE, 'templates: [templates/nope.yaml]\n');
    expect(missing.problems).toEqual(['journey.config.yaml:1:13 error templates[0]: template file "templates/nope.yaml": cannot read it: no such file or directory']);
  });

  it('is refused when hostile: too large, nested too deep, or an alias bomb', async () => {
    const huge = await check(`${TEMPLATE}use: ${'a'.repeat(300 * 1024)}\n`);
    expect(huge.code).toBe(1);
    expect(huge.problems).toEqual(['journey.config.yaml:1:13 error templates[0]: template file "templates/empathy-map.yaml": file is 301 KiB, larger than the limit of 256 KiB; expected a template file']);
    const deep = await check(`id: deep\nname: Deep\ncolumn: Step\nbands: ${'['.repeat(200)}${']'.repeat(200)}\n`);
    expect(deep.problems).toHaveLength(1);
    expect(deep.problems[0]).toMatch(/^templates\/empathy-map\.yaml:4:\d+ error yaml: lists and mappings nest more than 64 levels deep here/);
    const levels = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`)];
    const bomb = await check(`${levels.join('\n')}\nid: bomb\nname: Bomb\ncolumn: Step\nbands: *a8\nlanes: []\n`);
    expect(bomb.problems).toHaveLength(1);
    expect(bomb.problems[0]).toMatch(/^templates\/empathy-map\.yaml:\d+:\d+ error yaml: aliases expand to too much data/);
    // Nothing was written, and the map is not built.
    const build = await run(['build', 'gym.yaml'], { cwd: bomb.dir });
    expect(build.code).toBe(1);
    expect(() => statSync(join(bomb.dir, 'gym.html'))).toThrow();
  });
});

describe('the language server', () => {
  const editors: Editor[] = [];
  afterEach(() => {
    for (const editor of editors.splice(0)) if (editor.child.exitCode === null) editor.child.kill();
  });

  it('knows the project\'s template: its problems, its lanes and its id', { timeout: 120_000 }, async () => {
    const dir = project();
    const editor = new Editor(dir);
    editors.push(editor);
    await editor.start();
    const typo = MAP.replace('    thinks: Are', '    thinkz: Are');
    writeFileSync(join(dir, 'gym.yaml'), typo);
    const problems = await editor.open('gym.yaml', typo);
    expect(problems.map((d) => [d.range.start.line + 1, d.range.start.character + 1, d.message])).toEqual([[11, 5, 'unknown key `thinkz`: did you mean `thinks`?']]);
    const labels = async (line: number, character: number) => (await editor.request<{ label: string }[]>('textDocument/completion', 'gym.yaml', line, character)).map((i) => i.label);
    expect(await labels(0, 10)).toContain('empathy-map');
  });
});
