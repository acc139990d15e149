// A format's options are declared once, in the format registry (src/render/formats.ts): these tests
// hold every declared option to what each place that offers it shows a user — `journey build --help`,
// the config file (its schema, its errors) and the API, with the same default everywhere — and the
// formats of build, diff and export to one list with one way of refusing a wrong name.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { Option } from 'commander';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { helpLine, optionProblem, type FormatOption } from '../src/core/format-options.js';
import { build, render } from '../src/index.js';
import { libraryIo } from '../src/io/terminal.js';
import { planBuild } from '../src/pipeline/plan.js';
import { FORMAT_OPTIONS, FORMATS, formatsOf } from '../src/render/formats.js';
import { EXAMPLES, ROOT, run, tempDir } from './helpers.js';

const options = FORMAT_OPTIONS as readonly FormatOption[];
const oneLine = (text: string) => text.replace(/\s+/g, ' ');

/** A value of the right type but out of bounds where there are bounds, else of the wrong type. */
function badValue(o: FormatOption): { yaml: string; value: unknown } {
  if (o.type === 'number') {
    const value = o.max === undefined ? o.above : o.max + 1;
    return { yaml: String(value), value };
  }
  return o.type === 'choice' ? { yaml: 'nonsense', value: 'nonsense' } : o.type === 'boolean' ? { yaml: 'maybe', value: 'maybe' } : { yaml: '[1, 2]', value: [1, 2] };
}

function project(config?: string): string {
  const dir = tempDir();
  copyFileSync(join(EXAMPLES, 'current-state.yaml'), join(dir, 'map.yaml'));
  if (config !== undefined) writeFileSync(join(dir, 'journey.config.yaml'), config);
  return dir;
}

describe('each declared format option', () => {
  it('is declared where nothing heavy loads: the registry statically imports no renderer, validator or template engine', () => {
    // Non-type static imports; renderers are loaded by `import()` when a document of their format is asked for.
    const staticImports = (file: string) => [...readFileSync(join(ROOT, 'src', file), 'utf8').matchAll(/^(?:import|export) (?!type )[^;]*? from '([^']+)'/gms)].map((m) => m[1]);
    expect(staticImports('render/formats.ts')).toEqual(['node:path', '../core/describe.js', '../core/format-options.js', '../core/format-options.js']);
    expect(staticImports('core/format-options.ts')).toEqual(['./describe.js']);
    expect(staticImports('core/describe.ts')).toEqual([]);
  });

  it('is declared consistently: its flag gives its API name, and names, flags and keys are unique', () => {
    expect(options.map((o) => o.name)).toEqual(['mdLayout', 'pageSize', 'portrait', 'pdfLayout', 'scale']);
    for (const o of options) {
      expect(new Option(o.flag).attributeName(), o.flag).toBe(o.name);
      expect(optionProblem(o, o.default), `${o.name}'s default`).toBeUndefined();
    }
    for (const field of ['name', 'flag', 'key'] as const) expect(new Set(options.map((o) => o[field])).size).toBe(options.length);
  });

  it('is a flag of `journey build --help`, with its help line and default', async () => {
    const { code, stdout } = await run(['build', '--help']);
    expect(code).toBe(0);
    const help = oneLine(stdout);
    expect(help).toContain('Format options:');
    for (const o of options) {
      expect(help).toContain(oneLine(`${o.flag} ${helpLine(o)}`));
      if (o.type === 'choice') expect(help).toContain(`(choices: ${o.choices.map((c) => `"${c}"`).join(', ')})`);
    }
  });

  it('is a key of the config file\u2019s JSON Schema (`journey schema --config`), typed as declared', async () => {
    const { code, stdout } = await run(['schema', '--config']);
    expect(code).toBe(0);
    const schema = JSON.parse(stdout);
    expect(schema.title).toBe('journey.config.yaml');
    for (const o of options) {
      const property = schema.properties[o.key];
      expect(property, o.key).toMatchObject({ description: helpLine(o) });
      if (o.type === 'choice') expect(property.enum).toEqual(o.choices);
      if (o.type === 'boolean') expect(property.type).toBe('boolean');
      if (o.type === 'number') expect(property).toMatchObject({ type: 'number', exclusiveMinimum: o.above, maximum: o.max });
    }
    // The README's example config is valid by it, and a wrong value is not.
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const check = ajv.compile(schema);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const example = /### journey\.config\.yaml[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)![1]!;
    expect(check(parse(example)), ajv.errorsText(check.errors)).toBe(true);
    for (const o of options) expect(check({ [o.key]: badValue(o).value }), o.key).toBe(false);
  });

  it.each(options.map((o) => [o.key, o] as const))('refuses a bad `%s:` in the config file at its line and column, saying what it expected', async (key, o) => {
    const dir = project(`inputs: [map.yaml]\n${key}: ${badValue(o).yaml}\n`);
    const { code, stderr } = await run(['build'], { cwd: dir });
    expect(code).toBe(1);
    const expected = o.type === 'boolean' ? 'true or false' : o.type === 'choice' ? `${o.what}: \`${o.choices[0]}\`` : o.what;
    expect(stderr).toContain(`journey.config.yaml:2:${key.length + 3} error ${key}: expected ${expected}`);
    expect(stderr).toMatch(new RegExp(`error ${key}: .*found `));
  });

  it('goes into the build plan: the flag (or the API\u2019s option), else the config file, else its default', () => {
    const io = libraryIo(tempDir(), {});
    const plan = (given: object, config?: object) => planBuild(['map.yaml'], given, { projectRoot: io.cwd, config: config && { file: 'journey.config.yaml', dir: io.cwd, inputs: [], lint: { rules: {} }, ...config } }, io).render as unknown as Record<string, unknown>;
    for (const o of options) {
      const other = o.type === 'choice' ? o.choices.find((c) => c !== o.default)! : o.type === 'number' ? o.default / 2 : o.type === 'boolean' ? !o.default : `${o.default}-other`;
      expect(plan({})[o.name], o.name).toEqual(o.default);
      expect(plan({}, { [o.name]: other })[o.name], o.name).toEqual(other);
      expect(plan({ [o.name]: o.default }, { [o.name]: other })[o.name], o.name).toEqual(o.default);
    }
  });

  it('is accepted by the API with its default, and refused, as a problem naming it, with a bad value', async () => {
    const dir = project();
    for (const o of options) {
      const good = await build(['map.yaml'], { cwd: dir, config: false, format: 'html', force: true, [o.name]: o.default });
      expect(good.ok, `${o.name}: ${JSON.stringify(good.problems)}`).toBe(true);
      const bad = await build(['map.yaml'], { cwd: dir, config: false, format: 'html', [o.name]: badValue(o).value });
      expect(bad.ok, o.name).toBe(false);
      expect(bad.problems?.[0]?.message, o.name).toContain(`${o.name}: expected`);
    }
    // The default is the document's: Markdown with and without the default layout is the same text.
    const map = readFileSync(join(dir, 'map.yaml'), 'utf8');
    expect(await render(map, 'md', { mdLayout: 'auto' })).toBe(await render(map, 'md'));
    expect(await render(map, 'md', { mdLayout: 'sections' })).not.toBe(await render(map, 'md'));
    await expect(render(map, 'md', { mdLayout: 'poster' as never })).rejects.toThrow('mdLayout: expected a Markdown layout: `auto`, `table` or `sections`, found text "poster"');
  });

  it('keeps the documents of other formats up to date when it changes', async () => {
    const dir = project();
    const built = async (args: string[]) => JSON.parse((await run(['build', 'map.yaml', '-r', 'json', ...args], { cwd: dir })).stdout).files[0].upToDate === true;
    expect(await built(['-f', 'html'])).toBe(false);
    // HTML reads none of the options; Markdown reads only its layout.
    expect(await built(['-f', 'html', '--page-size', 'A3', '--md-layout', 'sections'])).toBe(true);
    expect(await built(['-f', 'md'])).toBe(false);
    expect(await built(['-f', 'md', '--page-size', 'A3', '--scale', '1'])).toBe(true);
    expect(await built(['-f', 'md', '--md-layout', 'sections'])).toBe(false);
  });
});

describe('the formats of build, diff and export', () => {
  it('are one registry that says which command makes each', () => {
    expect(formatsOf('build')).toEqual(['html', 'md', 'pdf', 'png']);
    expect(formatsOf('diff')).toEqual(['text', 'html', 'md']);
    expect(formatsOf('export')).toEqual(['csv', 'xlsx']);
    expect(Object.keys(FORMATS).sort()).toEqual(['csv', 'html', 'md', 'pdf', 'png', 'text', 'xlsx']);
  });

  it('refuse an unknown name with the command\u2019s own list, a guess, or the command that writes it', async () => {
    const dir = project();
    const cases: [string[], string][] = [
      [['build', 'map.yaml', '-f', 'pfd'], "unknown format 'pfd': expected html, md, pdf or png, or several like html,pdf (did you mean pdf?)"],
      [['build', 'map.yaml', '-f', 'html,xlsx'], "unknown format 'xlsx': expected html, md, pdf or png, or several like html,pdf (journey export writes xlsx)"],
      [['diff', 'map.yaml', 'map.yaml', '-f', 'markdown'], "unknown format 'markdown': expected text, html or md"],
      [['diff', 'map.yaml', 'map.yaml', '-f', 'htm'], "unknown format 'htm': expected text, html or md (did you mean html?)"],
      [['diff', 'map.yaml', 'map.yaml', '-f', 'png'], "unknown format 'png': expected text, html or md (journey build writes png)"],
      [['export', 'map.yaml', '-f', 'xslx'], "unknown format 'xslx': expected csv or xlsx (did you mean xlsx?)"],
      [['export', 'map.yaml', '-f', 'pdf'], "unknown format 'pdf': expected csv or xlsx (journey build writes pdf)"],
    ];
    for (const [argv, message] of cases) {
      const { code, stderr } = await run(argv, { cwd: dir });
      expect(code, argv.join(' ')).toBe(2);
      expect(oneLine(stderr), argv.join(' ')).toContain(message);
    }
  });

  it('list their choices in each command\u2019s help', async () => {
    expect(oneLine((await run(['diff', '--help'])).stdout)).toContain('(choices: "text", "html", "md", default: "text")');
    expect(oneLine((await run(['export', '--help'])).stdout)).toContain('(choices: "csv", "xlsx")');
    expect(oneLine((await run(['build', '--help'])).stdout)).toContain('-f, --format <formats> html, md, pdf, png, or several');
  });
});
