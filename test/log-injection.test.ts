// File names come from the pull request too. A map named "::stop-commands::x.yaml" printed at the start
// of a line, or a name holding "##[" anywhere in one, is a command to a GitHub runner (and "##vso[" to
// Azure Pipelines); a bidi override or a C1 control in a name steers the terminal or the reader. Every
// reporter, progress line, watch line and note prints such names harmlessly; JSON keeps them exact.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin, startJourney, tempDir } from './helpers.js';

const VALID = 'template: current-state\ntitle: T\nstages:\n  - name: A\n    emotion: 1\n';
const INVALID = 'template: current-state\ntitle: T\nstages: []\n';
const NAMES = {
  stop: '::stop-commands::pwn.yaml',
  warning: '::warning::ok.yaml',
  spaced: ' ::error::spaced.yaml',
  bidi: 'x\u202e\u009b31m##[warning]y.yaml',
  azure: '##vso[task.setvariable variable=x]1.yaml',
  skipped: '##[error]skip.yaml',
};

/** A folder holding a map under each hostile name: two invalid, three valid, one not a map. */
function folder(): string {
  const dir = tempDir();
  const text: Record<keyof typeof NAMES, string> = { stop: INVALID, warning: VALID, spaced: VALID, bidi: INVALID, azure: VALID, skipped: 'nothing: 1\n' };
  for (const [key, name] of Object.entries(NAMES)) writeFileSync(join(dir, name), text[key as keyof typeof NAMES]);
  return dir;
}

/** Lines of `output` a CI runner would run as a command. */
const commands = (output: string) => output.split(/\r?\n|\r/).filter((line) => line.trimStart().startsWith('::') || /##(vso)?\[/i.test(line));
const RAW = /[\u202e\u0080-\u009f]/;

describe('hostile file names', () => {
  it.each(['validate', 'lint'])('%s: the text reporter starts no runner command and prints no control', async (command) => {
    const cwd = folder();
    const { stderr, stdout, code } = await runBin([command, '.'], { cwd });
    expect(code).toBe(1);
    expect(commands(stderr + stdout)).toEqual([]);
    expect(stderr).not.toMatch(RAW);
    expect(stderr).toContain('\\x3a:stop-commands::pwn.yaml:3:9 error stages: expected at least one stage');
    expect(stderr).toContain('x\\u202e\\x9b31m\\x23#[warning]y.yaml:3:9 error stages:');
    expect(stderr).toContain('skipped a .yaml file that is not a journey map (no template, title or stages): \\x23#[error]skip.yaml');
  });

  it('validate: the github reporter prints its own workflow commands only, one a problem', async () => {
    const cwd = folder();
    const { stdout, code } = await runBin(['validate', '.', '-r', 'github'], { cwd });
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(/^::error file=[^:\n]*,line=3,col=9,title=journey invalid-value::stages: expected at least one stage/);
    expect(stdout).not.toMatch(RAW);
    expect(stdout).not.toMatch(/##(vso)?\[/);
  });

  it.each([['validate'], ['lint'], ['build', '--out-dir', 'out']])('%s: the json reporter escapes controls and runner commands, and parses back to the exact names', async (...args) => {
    const cwd = folder();
    const { stdout, code } = await runBin([...args, '.', '-r', 'json'], { cwd });
    expect(code).toBe(1);
    expect(commands(stdout)).toEqual([]);
    expect(stdout).not.toMatch(RAW);
    expect(stdout).toContain('"x\\u202e\\u009b31m\\u0023#[warning]y.yaml"');
    const names = (JSON.parse(stdout) as { files: { file: string }[] }).files.map((f) => f.file);
    expect(names.sort()).toEqual([NAMES.stop, NAMES.warning, NAMES.spaced, NAMES.bidi, NAMES.azure].sort());
  });

  it('build: the progress lines and the summary start no runner command', async () => {
    const cwd = folder();
    const { stderr, stdout, code } = await runBin(['build', '.', '--out-dir', 'out'], { cwd });
    expect(code).toBe(1);
    expect(commands(stderr + stdout)).toEqual([]);
    expect(stderr).not.toMatch(RAW);
    expect(stderr).toContain('✓ \\x3a:warning::ok.yaml → out/::warning::ok.html');
    expect(stderr).toContain('✓ \\x23#vso[task.setvariable variable=x]1.yaml → out/\\x23#vso[task.setvariable variable=x]1.html');
    expect(stderr).toContain('✗ 3 built, 2 failed');
  });

  it('build --watch: the line for each rebuilt map starts no runner command', async () => {
    const cwd = folder();
    const journey = startJourney(['build', NAMES.warning, NAMES.azure, '--out-dir', 'out', '--watch'], cwd);
    let stderr = '';
    journey.child.stderr!.on('data', (d) => (stderr += d));
    try {
      await journey.waitFor('Watching 2 maps');
      writeFileSync(join(cwd, NAMES.azure), VALID.replace('title: T', 'title: U'));
      await journey.waitFor('↻');
    } finally {
      await journey.stop();
    }
    expect(stderr).toContain('↻ \\x23#vso[task.setvariable variable=x]1.yaml → out/\\x23#vso[task.setvariable variable=x]1.html');
    expect(commands(stderr)).toEqual([]);
  });

  it('diff: a stage name with a line break starts no runner command in the text comparison', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'a.yaml'), 'template: current-state\ntitle: "T \\u202e ##[warning]x"\nstages:\n  - name: "A\\n::warning::pwn"\n    emotion: 1\n');
    writeFileSync(join(cwd, 'b.yaml'), VALID);
    const { stdout, code } = await runBin(['diff', 'a.yaml', 'b.yaml'], { cwd });
    expect(code).toBe(0);
    expect(commands(stdout)).toEqual([]);
    expect(stdout).not.toMatch(RAW);
    expect(stdout).toContain('\\x3a:warning::pwn (removed)');
    const json = await runBin(['diff', 'a.yaml', 'b.yaml', '-r', 'json'], { cwd });
    expect(commands(json.stdout)).toEqual([]);
    expect((JSON.parse(json.stdout) as { before: { title: string } }).before.title).toBe('T \u202e ##[warning]x');
  });
});
