// Every problem carries a stable code, which scripts match instead of English; and a run whose only
// failure is the environment's (no browser, a busy port, a disk that refuses a write) exits 3, not 1.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODES } from '../src/core/codes.js';
import { CODES as API_CODES, validate } from '../src/index.js';
import { ROOT, run, runBin, tempDir } from './helpers.js';

const MINIMAL = 'template: current-state\ntitle: Minimal\nstages:\n  - name: Only step\n';

/** The codes of the problems of each file of a JSON report, by file. */
function codesOf(stdout: string): Record<string, string[]> {
  const report = JSON.parse(stdout) as { files: { file: string; problems: { code: string }[] }[] };
  return Object.fromEntries(report.files.map((f) => [f.file, f.problems.map((p) => p.code)]));
}

describe('problem codes', () => {
  it('the README lists every code of core/codes.ts, and no other', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('Every problem has a stable `code`'), readme.indexOf('### Exit codes'));
    const listed = [...section.matchAll(/^\| `([a-z0-9-]+)` \| (.+) \|$/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual(Object.keys(CODES).sort());
  });

  it('validate --reporter json gives each kind of problem its code', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'journey.config.yaml'), 'inputs: [.]\n');
    writeFileSync(join(cwd, 'unknown.yaml'), `${MINIMAL}    emotoin: happy\n`);
    writeFileSync(join(cwd, 'tab.yaml'), 'template: current-state\ntitle: Tab\nstages:\n\t- name: One\n');
    writeFileSync(join(cwd, 'persona.yaml'), `${MINIMAL}persona: people/nobody.yaml\n`);
    writeFileSync(join(cwd, 'image.yaml'), `${MINIMAL}    image: ../outside.png\n    image_alt: A screen\n`);
    writeFileSync(join(cwd, 'template.yaml'), MINIMAL.replace('current-state', 'curent-state'));
    const { code, stdout } = await run(['validate', 'unknown.yaml', 'tab.yaml', 'persona.yaml', 'image.yaml', 'template.yaml', 'nothing.yaml', '-r', 'json'], { cwd });
    expect(code).toBe(1);
    const found = codesOf(stdout);
    const expected = {
      'unknown.yaml': 'unknown-key',
      'tab.yaml': 'yaml-tab-indent', // the tab also spoils its stage, so `stages` is then empty too
      'persona.yaml': 'persona-not-found',
      'image.yaml': 'image-refused',
      'template.yaml': 'unknown-template',
      'nothing.yaml': 'file-not-found',
    };
    expect(Object.keys(found).sort()).toEqual(Object.keys(expected).sort());
    for (const [file, code] of Object.entries(expected)) expect(found[file], file).toContain(code);
  });

  it('a lint finding has its rule id for code; the github reporter puts the code in the title', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'map.yaml'), MINIMAL);
    const lint = await run(['lint', 'map.yaml', '-r', 'json'], { cwd });
    expect(codesOf(lint.stdout)['map.yaml']).toContain('no-persona');
    writeFileSync(join(cwd, 'bad.yaml'), `${MINIMAL}    emotoin: happy\n`);
    const github = await run(['validate', 'bad.yaml', '-r', 'github'], { cwd });
    expect(github.stdout).toMatch(/^::error file=bad\.yaml,line=5,col=5,title=journey unknown-key::/);
  });

  it('a layout that cannot be read is a layout-error', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'map.yaml'), MINIMAL);
    const { code, stdout } = await run(['build', 'map.yaml', '--layout', 'none.hbs', '-r', 'json'], { cwd });
    expect(code).toBe(1);
    expect(codesOf(stdout)).toEqual({ 'none.hbs': ['layout-error'] });
  });

  it('the API gives the same codes as the JSON reporter', async () => {
    const checked = await validate(`${MINIMAL}    emotoin: happy\n`);
    expect(checked.diagnostics.map((d) => d.code)).toEqual(['unknown-key']);
    const syntax = await validate('template: current-state\ntitle: [unclosed\n');
    expect(syntax.diagnostics.map((d) => d.code)).toContain('yaml-unclosed');
    expect(API_CODES).toBe(CODES); // the API lists them, for a script that checks a code it matches
  });
});

describe('exit 3: the environment failed, not the input', () => {
  it('no browser for a PDF exits 3, with the code in the JSON report; an invalid map beside it makes it 1', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'map.yaml'), MINIMAL);
    const alone = await run(['build', 'map.yaml', '-f', 'pdf', '--browser', '/no/such/chrome', '-r', 'json'], { cwd });
    expect(alone.code).toBe(3);
    expect(JSON.parse(alone.stdout).problems).toEqual([expect.objectContaining({ code: 'browser-unavailable' })]);
    writeFileSync(join(cwd, 'bad.yaml'), `${MINIMAL}    emotoin: happy\n`);
    const mixed = await run(['build', 'map.yaml', 'bad.yaml', '-f', 'pdf', '--browser', '/no/such/chrome', '-r', 'json'], { cwd });
    expect(mixed.code).toBe(1);
  });

  it('an output the file system will not hold exits 3 (output-unwritable)', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'map.yaml'), MINIMAL);
    writeFileSync(join(cwd, 'blocker'), 'a file where a folder should be');
    const { code, stdout } = await run(['build', 'map.yaml', '-d', 'blocker/site', '-r', 'json'], { cwd });
    expect(code).toBe(3);
    expect(codesOf(stdout)['map.yaml']).toEqual(['output-unwritable']);
  });

  it('a port in use exits 3', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'maps'));
    writeFileSync(join(cwd, 'map.yaml'), MINIMAL);
    const blocker: Server = createServer();
    await new Promise<void>((done) => blocker.listen({ host: '127.0.0.1', port: 0 }, done));
    try {
      const busy = (blocker.address() as { port: number }).port;
      const { code, stderr } = await runBin(['preview', 'map.yaml', '--port', String(busy)], { cwd });
      expect(code).toBe(3);
      expect(stderr).toContain(`port ${busy} is already in use`);
    } finally {
      blocker.close();
    }
  }, 60_000);
});
