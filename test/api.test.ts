// The API gives what the CLI prints, as data: the same problems, the same per-file results.
// (test/package.test.ts uses it from the installed package.)
import { cpSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, JourneyError, render, validate } from '../src/index.js';
import { ROOT, run, tempDir } from './helpers.js';

const fixture = (name: string) => join(ROOT, 'test', 'fixtures', name);

describe('validate()', () => {
  it('finds every problem journey validate prints, at the same lines and columns', async () => {
    for (const name of ['unknown-keys', 'missing-keys', 'syntax']) {
      const file = `test/fixtures/invalid/${name}.yaml`;
      const cli = JSON.parse((await run(['validate', file, '-r', 'json'])).stdout);
      const api = await validate(readFileSync(join(ROOT, file)), { file });
      expect(api.ok).toBe(false);
      expect(api.diagnostics).toEqual(cli.files[0].problems);
    }
  });

  it('takes text, bytes or parsed data, and gives the model of a valid map', async () => {
    const text = readFileSync(fixture('valid/minimal.yaml'), 'utf8');
    const fromText = await validate(text);
    expect(fromText).toMatchObject({ ok: true, diagnostics: [] });
    expect((await validate(new TextEncoder().encode(text))).map).toEqual(fromText.map);
    const data = { template: 'current-state', title: 'Data', stages: [{ name: 'One', emotion: 'happy' }] };
    expect((await validate(data)).map?.stages[0]).toMatchObject({ id: 'one', emotion: 1 });
    expect((await validate({ ...data, stages: [{ name: 'One', emotoin: 1 }] })).diagnostics.map((d) => d.message)).toEqual(['unknown key `emotoin`: did you mean `emotion`?']);
  });
});

describe('render()', () => {
  it('renders a source or a model into the document journey build writes', async () => {
    const dir = tempDir();
    cpSync(fixture('valid/minimal.yaml'), join(dir, 'map.yaml'));
    await run(['build', 'map.yaml', '-f', 'html,md'], { cwd: dir });
    const source = readFileSync(join(dir, 'map.yaml'));
    expect(await render(source, 'html')).toBe(readFileSync(join(dir, 'map.html'), 'utf8'));
    const { map } = await validate(source);
    expect(await render(map!, 'md')).toBe(readFileSync(join(dir, 'map.md'), 'utf8'));
  });

  it('rejects with a JourneyError holding the problems of the map or the layout', async () => {
    const invalid = await render('template: current-state\nstages: []\n', 'html').catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(JourneyError);
    expect((invalid as JourneyError).diagnostics.map((d) => `${d.line}:${d.col} ${d.path}`)).toEqual(['1:1 title', '2:9 stages']);

    const layout = await render(readFileSync(fixture('valid/minimal.yaml')), 'html', { layout: '{{#> page}}\n  {{subtitle}}\n{{/page}}' }).catch((e: unknown) => e);
    expect(layout).toBeInstanceOf(JourneyError);
    expect((layout as JourneyError).diagnostics[0]).toMatchObject({ file: 'layout.hbs', line: 2, path: 'layout' });
  });
});

describe('build()', () => {
  it('returns what journey build --reporter json prints', async () => {
    const dir = tempDir();
    cpSync(fixture('valid'), join(dir, 'maps'), { recursive: true });
    cpSync(fixture('invalid/unknown-keys.yaml'), join(dir, 'maps', 'broken.yaml'));
    const cli = JSON.parse((await run(['build', 'maps', '-f', 'md', '-d', 'site', '-r', 'json'], { cwd: dir })).stdout);
    // Forced: the documents the command wrote are up to date.
    const api = await build('maps', { cwd: dir, format: ['md'], outDir: 'site', config: false, force: true });
    expect({ ...api, summary: { ...api.summary, seconds: 0 } }).toEqual({ ok: false, ...cli, summary: { ...cli.summary, seconds: 0 } });
    const valid = readdirSync(fixture('valid')).length;
    expect(api.summary).toMatchObject({ files: valid + 1, failed: 1, built: valid });
  });

  it('returns a usage mistake or a missing map as a problem of the run, not an exception', async () => {
    const dir = tempDir();
    expect(await build([], { cwd: dir, config: false })).toMatchObject({ ok: false, files: [], problems: [{ message: expect.stringContaining('no maps given') }] });
    const missing = await build(['nothing/*.yaml'], { cwd: dir });
    expect(missing.ok).toBe(false);
    expect(missing.files[0]?.problems[0]?.message).toBe('no .yaml or .yml maps match this pattern or folder');
  });
});
