// The GitHub Action's steps (action/run.sh) run against a temporary git repository, with the files
// GitHub gives a step (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY) and this repository's journey. What
// needs GitHub itself (setup-node, the artifact upload) is action.yml's, and is not run here.
import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, EXAMPLES, ROOT, tempDir } from './helpers.js';

const SCRIPT = join(ROOT, 'action', 'run.sh');

/** A git repository holding `files` (path → text), committed. */
function repository(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-q', '-m', 'maps');
  return dir;
}

const example = (name: string) => readFileSync(join(EXAMPLES, `${name}.yaml`), 'utf8');

interface StepResult {
  code: number;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
  /** Folders the step added to the PATH of the job's later steps. */
  path: string[];
  /** Commands the step ran through the stand-in npx, one line each. */
  npx: string[];
}

/** The outputs in a $GITHUB_OUTPUT file, read as the runner reads them: `name=value`, or `name<<delimiter`, lines, `delimiter`. */
function readOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const [, name, delimiter] = /^([^=]+?)<<(.+)$/.exec(lines[i]!) ?? [];
    if (name && delimiter) {
      const end = lines.indexOf(delimiter, i + 1);
      expect(end, `no closing ${delimiter} for ${name}`).toBeGreaterThan(i);
      outputs[name] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (lines[i]) {
      const [key, value] = lines[i]!.split(/=(.*)/);
      outputs[key!] = value!;
    }
  }
  return outputs;
}

/** Runs the action's script in `repo` as a workflow step would, with the action's inputs in `inputs`. */
function step(repo: string, inputs: Record<string, string>): Promise<StepResult> {
  const runner = tempDir();
  const files = { output: join(runner, 'output'), summary: join(runner, 'summary'), path: join(runner, 'path'), npx: join(runner, 'npx.log') };
  for (const f of [files.output, files.summary, files.path]) writeFileSync(f, '');
  // A stand-in npx on PATH: records what the step asks to install, and "installs" this machine's Chromium.
  const bin = join(runner, 'bin');
  mkdirSync(bin);
  const chromium = execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser || command -v google-chrome'], { encoding: 'utf8' }).trim();
  writeFileSync(join(bin, 'npx'), `#!/bin/sh\necho "$*" >> '${files.npx}'\necho "chrome@stable ${chromium}"\n`);
  chmodSync(join(bin, 'npx'), 0o755);
  const { CHROME_PATH: _c, PUPPETEER_EXECUTABLE_PATH: _p, ...env } = process.env;
  return new Promise((done) => {
    execFile(
      'bash',
      [SCRIPT],
      {
        cwd: repo,
        env: { ...env, ...inputs, PATH: `${bin}:${process.env.PATH}`, NO_COLOR: '1', JOURNEY_BIN: BIN, GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: repo, GITHUB_OUTPUT: files.output, GITHUB_STEP_SUMMARY: files.summary, GITHUB_PATH: files.path, RUNNER_TEMP: runner },
      },
      (error, stdout) => {
        const outputs = readOutputs(readFileSync(files.output, 'utf8'));
        const npx = existsSync(files.npx) ? readFileSync(files.npx, 'utf8').trim().split('\n') : [];
        const path = readFileSync(files.path, 'utf8').split('\n').filter(Boolean);
        done({ code: error ? Number(error.code ?? 1) : 0, stdout, outputs, summary: readFileSync(files.summary, 'utf8'), path, npx });
      },
    );
  });
}

describe('the GitHub Action', () => {
  it('checks and builds the maps journey.config.yaml names, with lint findings as annotations and no browser for HTML and Markdown', async () => {
    const repo = repository({
      'journey.config.yaml': 'inputs: [maps]\n',
      'maps/shop/current.yaml': example('current-state'),
      'maps/shop/future.yaml': example('future-state'),
      'maps/minimal.yaml': readFileSync(join(ROOT, 'test', 'fixtures', 'valid', 'minimal.yaml'), 'utf8'),
      '.github/workflows/ci.yml': 'on: push\n',
    });
    const result = await step(repo, { JOURNEY_FORMATS: 'html,md' });
    expect(result.code, result.stdout).toBe(0);
    expect(result.outputs).toEqual({ 'out-dir': 'journey-documents', documents: '6', ok: 'true' });
    expect(readdirSync(join(repo, 'journey-documents', 'shop')).sort()).toEqual(['current.html', 'current.md', 'future.html', 'future.md']);
    expect(result.stdout).toContain('No browser needed for html,md');
    expect(result.npx).toEqual([]);
    // The minimal map has no persona: a warning on its line, which does not fail the step.
    expect(result.stdout).toMatch(/^::warning file=maps\/minimal\.yaml,line=\d+,col=\d+,title=journey no-persona::/m);
    expect(result.summary).toContain('| validate | ✓ every map is valid |');
    expect(result.summary).toMatch(/\| lint \| ✓ \d+ findings \(warnings\) \|/);
    expect(result.summary).toContain('| build | ✓ 6 documents (html,md) in `journey-documents` |');

    // A later step runs `journey`, as examples/ci/pull-request.yml does for its comment.
    writeFileSync(join(repo, 'maps/shop/current.yaml'), example('current-state').replace('emotion: worried', 'emotion: happy'));
    const diff = execFileSync('journey', ['diff', 'maps/shop/current.yaml', '--rev', 'main', '-f', 'md'], { cwd: repo, encoding: 'utf8', env: { ...process.env, PATH: `${result.path.join(':')}:${process.env.PATH}` } });
    expect(diff).toMatch(/^## Journey changes: Buying running shoes online\n/);
    expect(diff).toContain('`maps/shop/current.yaml@main` → `maps/shop/current.yaml`: 5 stages compared: 1 better, 0 worse, 4 the same');
  });

  it('fails on an invalid map with an error on its line, and builds nothing', async () => {
    const repo = repository({
      'maps/good.yaml': example('current-state'),
      'maps/broken.yaml': 'template: current-state\ntitle: Broken\nstages:\n  - name: One\n    emotion: 7\n',
    });
    const result = await step(repo, { JOURNEY_MAPS: 'maps/good.yaml\nmaps/broken.yaml', JOURNEY_OUT_DIR: 'docs' });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('::error file=maps/broken.yaml,line=5,col=14,title=journey invalid-value::stages[0].emotion: expected an emotion');
    expect(result.outputs).toEqual({ 'out-dir': 'docs', documents: '0', ok: 'false' });
    expect(existsSync(join(repo, 'docs'))).toBe(false);
    expect(result.summary).toContain('| validate | ✗ problems, shown on the maps\' lines |');
    expect(result.summary).toContain('| build | skipped: fix the problems first |');
  });

  it('refuses an out-dir with a line break, which would add outputs and name more paths to upload', async () => {
    const repo = repository({ 'maps/good.yaml': example('current-state') });
    for (const outDir of ['docs\nok=true\ndocuments=99', 'docs\r\n/home/runner/.ssh']) {
      const result = await step(repo, { JOURNEY_MAPS: 'maps', JOURNEY_OUT_DIR: outDir });
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('::error title=journey::out-dir: expected one folder name, found a line break or another control character');
      expect(result.outputs).toEqual({ ok: 'false' });
      expect(readdirSync(repo).sort()).toEqual(['.git', 'maps']);
    }
  });

  it('sets up a browser for PDF only when none is installed, and prints with it', async () => {
    const repo = repository({ 'maps/current.yaml': example('current-state') });
    const found = await step(repo, { JOURNEY_MAPS: 'maps', JOURNEY_FORMATS: 'pdf', JOURNEY_LINT: 'false', JOURNEY_BROWSER_NAMES: 'chromium chromium-browser google-chrome' });
    expect(found.code, found.stdout).toBe(0);
    expect(found.stdout).toMatch(/^Browser for pdf: \//m);
    expect(found.npx).toEqual([]);

    const installed = await step(repo, { JOURNEY_MAPS: 'maps', JOURNEY_FORMATS: 'html,pdf', JOURNEY_LINT: 'false', JOURNEY_BROWSER_NAMES: 'no-such-browser' });
    expect(installed.code, installed.stdout).toBe(0);
    expect(installed.npx).toEqual([expect.stringMatching(/^--yes @puppeteer\/browsers install chrome@stable --path /)]);
    expect(installed.outputs.documents).toBe('2');
    expect(readFileSync(join(repo, 'journey-documents', 'current.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(installed.summary).not.toContain('lint');
  });
});

describe('the example workflows', () => {
  it('give the action only inputs it has, and use outputs it sets', () => {
    const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown>; outputs: Record<string, unknown> };
    for (const name of ['pull-request.yml', 'pages.yml']) {
      const text = readFileSync(join(EXAMPLES, 'ci', name), 'utf8');
      const workflow = parse(text) as { jobs: Record<string, { steps?: { uses?: string; with?: Record<string, unknown> }[] }> };
      const ours = Object.values(workflow.jobs).flatMap((job) => job.steps ?? []).filter((s) => s.uses?.startsWith('your-org/journey@'));
      expect(ours.length, name).toBe(1);
      for (const key of Object.keys(ours[0]!.with ?? {})) expect(Object.keys(action.inputs), `${name}: ${key}`).toContain(key);
      for (const [, output] of text.matchAll(/steps\.journey\.outputs\.([\w-]+)/g)) expect(Object.keys(action.outputs)).toContain(output);
    }
  });
});
