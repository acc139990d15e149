// Building blocks for the commands that write (wired by the command layer): one guard for every
// output, collisions found before writing, revisions that cannot become git options.
import { execFileSync } from 'node:child_process';
import { linkSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitShowArgs, revisionProblem } from '../src/io/git-args.js';
import { outputCollisions, outputRefusal, staysInFolder } from '../src/io/write-guard.js';
import { tempDir } from './helpers.js';

describe('outputRefusal', () => {
  it('refuses a map given as input, under any of its names, and any .yaml file', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'before.yaml'), 'x');
    symlinkSync('before.yaml', join(cwd, 'alias.txt'));
    linkSync(join(cwd, 'before.yaml'), join(cwd, 'hard.md'));
    const context = { cwd, inputs: ['before.yaml', 'after.yaml', '-'], projectRoot: cwd };
    const isMap = 'it is the map before.yaml: journey never writes over a map; choose another output';
    expect(await outputRefusal('before.yaml', context)).toBe('a .yaml file could be a map: journey never writes one; choose another output');
    expect(await outputRefusal('new.YML', context)).toBe('a .yaml file could be a map: journey never writes one; choose another output');
    expect(await outputRefusal('alias.txt', context)).toBe(isMap);
    expect(await outputRefusal('hard.md', context)).toBe(isMap);
    expect(await outputRefusal('report.md', context)).toBeUndefined();
    expect(await outputRefusal('-', context)).toBeUndefined();
  });

  it('refuses an output that leads out of the project through a linked folder', async () => {
    const dir = tempDir();
    const project = join(dir, 'project');
    mkdirSync(join(project, 'site'), { recursive: true });
    mkdirSync(join(dir, 'elsewhere'));
    symlinkSync('../elsewhere', join(project, 'out'));
    const context = { cwd: project, inputs: [], projectRoot: project };
    expect(await outputRefusal('out/map.html', context)).toBe('it leads out of the project folder through a symbolic link (out): journey writes only inside it');
    expect(await outputRefusal('out/new/deeper/map.html', context)).toBe('it leads out of the project folder through a symbolic link (out): journey writes only inside it');
    expect(await outputRefusal('site/new/map.html', context)).toBeUndefined();
    expect(await outputRefusal(join(dir, 'elsewhere', 'map.html'), context)).toBeUndefined(); // named outside: the command line is trusted
  });
});

describe('outputCollisions', () => {
  it('names every input that would write the same document', () => {
    const plan = [
      { input: 'maps/a.yaml', output: 'maps/a.html' },
      { input: 'maps/b.yaml', output: 'maps/b.html' },
      { input: 'maps/a.yml', output: 'maps/a.html' },
      { input: 'maps/a.yaml', output: 'maps/a.md' },
      { input: 'x.yaml', output: '-' },
      { input: 'y.yaml', output: '-' },
    ];
    expect(outputCollisions(plan, '/work')).toEqual([{ output: 'maps/a.html', inputs: ['maps/a.yaml', 'maps/a.yml'] }]);
    expect(outputCollisions([{ input: 'a.yaml', output: 'site/a.html' }, { input: 'b/../a.yaml', output: './site/a.html' }], '/work')).toEqual([{ output: 'site/a.html', inputs: ['a.yaml', 'b/../a.yaml'] }]);
  });
});

describe('staysInFolder', () => {
  it("keeps a config file's paths inside its folder, as written and through links", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'repo', 'brand'), { recursive: true });
    writeFileSync(join(dir, 'secret.txt'), 'secret');
    symlinkSync('../../secret.txt', join(dir, 'repo', 'brand', 'layout.hbs'));
    const repo = join(dir, 'repo');
    expect(await staysInFolder('../secret.txt', repo)).toBe(false);
    expect(await staysInFolder('/etc/passwd', repo)).toBe(false);
    expect(await staysInFolder('brand/layout.hbs', repo)).toBe(false);
    expect(await staysInFolder('site', repo)).toBe(true);
    expect(await staysInFolder('brand/new.hbs', repo)).toBe(true);
  });
});

describe('git revisions', () => {
  it('refuses a revision that looks like an option, and ends options before it anyway', () => {
    expect(revisionProblem('--output=/tmp/x')).toBe('expected a revision (a branch, tag or commit), found an option-like "--output=/tmp/x": revisions never start with -');
    expect(revisionProblem('')).toBe('expected a revision (a branch, tag or commit), found nothing');
    expect(revisionProblem('main\n--x')).toBe('expected a revision (a branch, tag or commit), found control characters');
    for (const rev of ['main', 'origin/main', 'HEAD~2', 'v1.0', 'a1b2c3d']) expect(revisionProblem(rev)).toBeUndefined();
    expect(gitShowArgs({ gitDir: '/r/.git', topLevel: '/r' }, 'main', 'maps/map.yaml').slice(-4)).toEqual(['show', '--no-textconv', '--end-of-options', 'main:maps/map.yaml']);
  });

  it('git never takes what follows --end-of-options as an option (no file is written)', () => {
    const dir = tempDir();
    execFileSync('git', ['init', '-q'], { cwd: dir });
    expect(() => execFileSync('git', gitShowArgs({ gitDir: join(dir, '.git'), topLevel: dir }, '--output=x', 'map.yaml'), { cwd: dir, stdio: 'pipe' })).toThrow();
    expect(readdirSync(dir)).toEqual(['.git']);
  });
});
