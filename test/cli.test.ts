import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import pkg from '../package.json' with { type: 'json' };
import { run, runBin, tempDir } from './helpers.js';

describe('journey validate', () => {
  it('prints every problem of every file as file:line:col and exits 1', async () => {
    const { code, stderr } = await run(['validate', 'examples/current-state.yaml', 'test/fixtures/invalid/missing-keys.yaml', 'test/fixtures/invalid/syntax.yaml']);
    expect(code).toBe(1);
    expect(stderr.split('\n')).toEqual([
      'test/fixtures/invalid/missing-keys.yaml:1:1 error title: missing required key `title`: expected text',
      'test/fixtures/invalid/missing-keys.yaml:4:5 error stages[0].name: missing required key `name`: expected text',
      'test/fixtures/invalid/missing-keys.yaml:8:9 error stages[1].touchpoints[0].name: missing required key `name`: expected text',
      'test/fixtures/invalid/syntax.yaml:2:8 error yaml: this quoted text is never closed: expected a closing " before the end of the file',
      '✗ 4 errors in 2 files',
      '',
    ]);
  });

  it('reports a file that cannot be read', async () => {
    const { code, stderr } = await run(['validate', 'no/such/map.yaml']);
    expect(code).toBe(1);
    expect(stderr).toContain('no/such/map.yaml:1:1 error file: cannot read the file: no such file or directory');
  });

  it('prints JSON with --reporter json', async () => {
    const { code, stdout } = await run(['validate', '--reporter', 'json', 'examples/future-state.yaml', 'test/fixtures/invalid/unknown-template.yaml']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.summary).toEqual({ files: 2, failed: 1, errors: 1, warnings: 0 });
    expect(report.files[0]).toEqual({ file: 'examples/future-state.yaml', ok: true, problems: [] });
    expect(report.files[1].problems[0]).toMatchObject({ line: 1, col: 11, path: 'template', severity: 'error', code: 'unknown-template' });
  });

  it('prints GitHub workflow commands with --reporter github', async () => {
    const { stdout } = await run(['validate', '-r', 'github', 'test/fixtures/invalid/unknown-keys.yaml']);
    expect(stdout.split('\n')[0]).toBe('::error file=test/fixtures/invalid/unknown-keys.yaml,line=5,col=3,title=journey unknown-key::persona.goal: unknown key `goal`: did you mean `goals`?');
  });
});

describe('usage', () => {
  it('prints the version and help', async () => {
    expect(await run(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['validate', 'build', 'init', 'templates', 'schema']) expect(help.stdout).toContain(command);
    const buildHelp = await run(['build', '--help']);
    expect(buildHelp.stdout).toContain('--format <formats>');
    expect(buildHelp.stdout).toContain('--out-dir <dir>');
  });

  it('exits 2 on an unknown command, an unknown option or a missing argument', async () => {
    const unknown = await run(['bulid']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'bulid'");
    expect(unknown.stderr).toContain("Did you mean build?");
    expect((await run(['validate', '--fast', 'x.yaml'])).code).toBe(2);
    const missing = await run(['validate'], { cwd: tempDir() });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no maps given: name files, folders or glob patterns, or list them under `inputs:` in journey.config.yaml');
    expect((await run(['init', '--template', 'journey'])).stderr).toContain('unknown template "journey": expected one of current-state, future-state, day-in-the-life, service-blueprint');
  });
});

describe('journey init', () => {
  it('writes a starter map that validates, and a schema for the editor', async () => {
    const cwd = tempDir();
    const { code, stderr } = await run(['init', '--template', 'service-blueprint'], { cwd });
    expect(code).toBe(0);
    expect(stderr).toContain('created journey.yaml from the service-blueprint template');
    const map = readFileSync(join(cwd, 'journey.yaml'), 'utf8');
    expect(map).toMatch(/^# yaml-language-server: \$schema=\.\/journey\.schema\.json\ntemplate: service-blueprint\n/);
    for (const lane of ['evidence:', 'actions:', 'thinking:', 'why:', 'communication:', 'backstage:', 'support:']) expect(map).toContain(lane);
    expect(JSON.parse(readFileSync(join(cwd, 'journey.schema.json'), 'utf8')).title).toBe('Journey map (format version 1)');
    expect((await run(['validate', 'journey.yaml'], { cwd })).code).toBe(0);
  });

  it('refuses to overwrite an existing file unless --force', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'map.yaml'), 'my work');
    const refused = await run(['init', 'map.yaml'], { cwd });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('map.yaml already exists: choose another name, or pass --force to overwrite it');
    expect(readFileSync(join(cwd, 'map.yaml'), 'utf8')).toBe('my work');
    expect((await run(['init', 'map.yaml', '--force', '-t', 'day-in-the-life'], { cwd })).code).toBe(0);
    expect(readFileSync(join(cwd, 'map.yaml'), 'utf8')).toContain('template: day-in-the-life');
  });
});

describe('journey templates', () => {
  it('lists the four templates with when to use them and their lanes', async () => {
    const { code, stdout } = await run(['templates']);
    expect(code).toBe(0);
    expect(stdout).toContain('current-state  Current state');
    expect(stdout).toContain('service-blueprint  Service blueprint');
    expect(stdout).toContain('product_opportunity  How could the customer make better use of our product at this time?');
    expect(stdout).toContain('support              Which support processes and systems make it possible? (optional)');
  });

  it('speaks Italian with --locale it', async () => {
    const { stdout } = await run(['templates', '--locale', 'it']);
    expect(stdout).toContain('rationale            Come e/o perché apporteremo questo cambiamento?');
    expect(stdout).toContain('day-in-the-life  Un giorno nella vita');
  });

  it('translates the listing’s own words and names the columns with real plurals', async () => {
    const it = (await run(['templates', '--locale', 'it'])).stdout;
    expect(it).toContain('  colonne: passi; corsie:\n');
    expect(it).toContain('  colonne: momenti della giornata; corsie:\n');
    expect(it).toContain('  colonne: fasi; corsie:\n');
    expect(it).toContain('support              Quali processi e sistemi di supporto lo rendono possibile? (facoltativa)\n');
    const pl = (await run(['templates', '--locale', 'pl'])).stdout;
    expect(pl).toContain('  kolumny: kroki; wiersze:\n');
    expect(pl).toContain('  kolumny: pory dnia; wiersze:\n');
    expect(pl).toContain('  kolumny: fazy; wiersze:\n');
    expect(pl).toContain('evidence             Co klient widzi lub otrzymuje (dowody fizyczne)? (opcjonalny)\n');
    for (const text of [it, pl]) expect(text).not.toMatch(/columns|lanes|optional|passos|kroks|dnias|fazas/);
    expect((await run(['templates'])).stdout).toContain('  columns: moments of the day; lanes:\n');
    // The bands a custom lane may name, with the template's lanes in each.
    expect((await run(['templates'])).stdout).toContain(
      '  bands: customer (evidence, actions, thinking, why), frontstage (communication), backstage (backstage), support (support); custom lanes without `band:`: customer\n',
    );
    expect(pl).toContain('  pasma: experience (thinking), front-end (priorities, touchpoints, product_use), back-end (product_opportunity); własne wiersze bez `band:`: front-end\n');
  });
});

describe('the real executable', () => {
  it('validates the examples and exits 0', async () => {
    const result = await runBin(['validate', 'examples/current-state.yaml', 'examples/service-blueprint.yaml']);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '✓ 2 maps valid\n' });
  });

  it('exits 1 on an invalid map and 2 on a usage error', async () => {
    const invalid = await runBin(['validate', 'test/fixtures/invalid/wrong-types.yaml']);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('test/fixtures/invalid/wrong-types.yaml:12:14 error stages[1].emotion:');
    expect((await runBin(['frobnicate'])).code).toBe(2);
  });

  it('colours problems only when asked to (FORCE_COLOR) and never with NO_COLOR', async () => {
    const plain = await runBin(['validate', 'test/fixtures/invalid/syntax.yaml']);
    expect(plain.stderr).not.toContain('\u001b[');
    const coloured = await runBin(['validate', 'test/fixtures/invalid/syntax.yaml'], { env: { FORCE_COLOR: '1', NO_COLOR: '' } });
    expect(coloured.stderr).toContain('\u001b[31merror\u001b[39m');
  });
});
