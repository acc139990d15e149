// `journey diff --rev` runs git in a checkout a pull request wrote. Beside a map, the pull request can
// commit the files of a git directory (HEAD, config, refs, objects) whose configuration names a
// program; and in CI even the repository's own configuration is not the reader's. Each vector below
// would create a marker file if git ran its program; none may, and the diff still works or fails
// with a clear error.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin, tempDir } from './helpers.js';

const map = (emotion: number) => `template: current-state\ntitle: Shoes\nstages:\n  - name: Search\n    emotion: ${emotion}\n`;
/** A commit no repository here holds: asking for it makes a partial clone fetch it from its promisor remote. */
const MISSING = '1111111111111111111111111111111111111111';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd, stdio: 'pipe', encoding: 'utf8' });
}

/** `git config -f file key value` for each pair. */
function configure(file: string, settings: Record<string, string>): void {
  for (const [key, value] of Object.entries(settings)) git(join(file, '..'), 'config', '-f', file, key, value);
}

interface Vector {
  /** Settings of the hostile configuration; MARKER in a value is a command creating the marker file, GITDIR the git directory. */
  config: Record<string, string>;
  /** Files to write beside the configuration (path relative to the git directory → text); executable when it starts with #!. */
  files?: Record<string, string>;
  /** The git directory lacks every object (HEAD names a missing commit), so git fetches it from a promisor remote. */
  empty?: boolean;
}

const touch = (marker: string) => `touch '${marker}'; false`;
const PROMISOR = { 'core.repositoryformatversion': '1', 'extensions.partialClone': 'origin', 'remote.origin.promisor': 'true' };
const HOOKS = ['pre-commit', 'post-checkout', 'post-index-change', 'reference-transaction', 'pre-auto-gc', 'post-rewrite', 'fsmonitor-watchman'];

/** Every way a git configuration can name a program that `git show` might run. */
const VECTORS: Record<string, Vector> = {
  'a promisor remote with an upload-pack command': { empty: true, config: { ...PROMISOR, 'remote.origin.url': '/nonexistent', 'remote.origin.uploadpack': 'MARKER' } },
  'a promisor remote over ssh with core.sshCommand': { empty: true, config: { ...PROMISOR, 'remote.origin.url': 'ssh://example.invalid/r', 'core.sshCommand': 'MARKER' } },
  'a promisor remote over ext:: with the ext protocol allowed': { empty: true, config: { ...PROMISOR, 'remote.origin.url': "ext::sh -c MARKER", 'protocol.ext.allow': 'always', 'protocol.allow': 'always' } },
  'a promisor remote over git:// with core.gitProxy': { empty: true, config: { ...PROMISOR, 'remote.origin.url': 'git://example.invalid/r', 'core.gitProxy': 'MARKER' } },
  'core.fsmonitor': { config: { 'core.fsmonitor': 'MARKER' } },
  'core.hooksPath with hooks': { config: { 'core.hooksPath': 'GITDIR/hooks-here' }, files: Object.fromEntries(HOOKS.map((h) => [`hooks-here/${h}`, '#!/bin/sh\nMARKER\n'])) },
  'a textconv diff driver': { config: { 'diff.evil.textconv': 'MARKER', 'diff.evil.cachetextconv': 'false' }, files: { 'info/attributes': '*.yaml diff=evil\n', '.gitattributes': '*.yaml diff=evil\n' } },
  'core.pager and pager.show': { config: { 'core.pager': 'MARKER', 'pager.show': 'MARKER' } },
  'diff.external and a signature check program': { config: { 'diff.external': 'MARKER', 'log.showSignature': 'true', 'gpg.program': 'MARKER' } },
};

/**
 * A repository whose HEAD holds maps/x/map.yaml (emotion 1; the working copy has 2). With `nested`,
 * the hostile configuration is in a git directory committed beside the map, which is itself a work
 * tree (core.worktree = .) holding a map of its own, so git taking it shows a different map; otherwise
 * it is the repository's own .git/config.
 */
function hostileRepository(vector: Vector, nested: boolean): { repo: string; marker: string } {
  const repo = tempDir();
  const marker = join(tempDir(), 'MARKER');
  git(repo, 'init', '-q', '-b', 'main');
  mkdirSync(join(repo, 'maps', 'x'), { recursive: true });
  writeFileSync(join(repo, 'maps', 'x', 'map.yaml'), map(1));
  const gitDir = nested ? join(repo, 'maps', 'x') : join(repo, '.git');
  const settings = Object.fromEntries(Object.entries(vector.config).map(([k, v]) => [k, v.replace('MARKER', touch(marker)).replace('GITDIR', gitDir)]));
  if (nested && vector.empty) {
    mkdirSync(join(gitDir, 'refs', 'heads'), { recursive: true });
    mkdirSync(join(gitDir, 'objects', 'info'), { recursive: true });
    writeFileSync(join(gitDir, 'objects', 'info', 'keep'), '');
    writeFileSync(join(gitDir, 'HEAD'), 'ref: refs/heads/main\n');
    writeFileSync(join(gitDir, 'refs', 'heads', 'main'), `${MISSING}\n`);
  } else if (nested) {
    const source = tempDir();
    git(source, 'init', '-q', '-b', 'main');
    writeFileSync(join(source, 'map.yaml'), map(-2));
    git(source, 'add', 'map.yaml');
    git(source, 'commit', '-qm', 'fake');
    cpSync(join(source, '.git'), gitDir, { recursive: true });
  }
  if (nested) configure(join(gitDir, 'config'), { 'core.bare': 'false', 'core.worktree': '.' });
  for (const [path, text] of Object.entries(vector.files ?? {})) {
    mkdirSync(join(gitDir, path, '..'), { recursive: true });
    writeFileSync(join(gitDir, path), text.replace('MARKER', touch(marker)));
    if (text.startsWith('#!')) chmodSync(join(gitDir, path), 0o755);
  }
  if (nested) {
    configure(join(gitDir, 'config'), settings);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'maps');
  } else {
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'maps');
    configure(join(gitDir, 'config'), settings);
  }
  writeFileSync(join(repo, 'maps', 'x', 'map.yaml'), map(2));
  return { repo, marker };
}

describe('journey diff --rev', () => {
  describe.each(Object.entries(VECTORS))('with %s', (_name, vector) => {
    it('in a git directory committed beside the map: never takes it for the repository', async () => {
      const { repo, marker } = hostileRepository(vector, true);
      const result = await runBin(['diff', 'maps/x/map.yaml', '--rev', 'HEAD'], { cwd: repo });
      expect(existsSync(marker)).toBe(false);
      // The map at HEAD of the repository the working directory belongs to (emotion 1), not the
      // planted repository's (−2).
      expect(result.stdout).toContain('Search  emotion +1 → +2 (+1, better)');
      expect(result.code).toBe(0);
    });

    it('run from inside that git directory: refuses it with a clear error', async () => {
      const { repo, marker } = hostileRepository(vector, true);
      const result = await runBin(['diff', 'map.yaml', '--rev', 'HEAD'], { cwd: join(repo, 'maps', 'x') });
      expect(existsSync(marker)).toBe(false);
      expect(result.stderr).toContain(`map.yaml@HEAD:1:1 error file: cannot read map.yaml at revision HEAD: fatal: cannot use bare repository '${join(repo, 'maps', 'x')}'`);
      expect(result.code).toBe(1);
    });

    it("in the repository's own configuration: runs nothing", async () => {
      const { repo, marker } = hostileRepository(vector, false);
      const rev = vector.empty ? MISSING : 'HEAD';
      const result = await runBin(['diff', 'maps/x/map.yaml', '--rev', rev], { cwd: repo });
      expect(existsSync(marker)).toBe(false);
      if (vector.empty) {
        expect(result.stderr).toContain(`maps/x/map.yaml@${MISSING}:1:1 error file: cannot read maps/x/map.yaml at revision ${MISSING}: fatal:`);
        expect(result.code).toBe(1);
      } else {
        expect(result.stdout).toContain('Search  emotion +1 → +2 (+1, better)');
        expect(result.code).toBe(0);
      }
    });
  });

  it('with git before 2.38, which ignores safe.bareRepository, still refuses a planted folder as the repository', async () => {
    const { repo, marker } = hostileRepository(VECTORS['a promisor remote over ssh with core.sshCommand']!, true);
    // git as it was before 2.38: the same git, with that one setting taken out of its command line.
    const bin = tempDir();
    writeFileSync(join(bin, 'git'), `#!/bin/sh\nfor a; do shift; [ "$a" = safe.bareRepository=explicit ] && a=safe.bareRepository=all; set -- "$@" "$a"; done\nexec '${execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim()}' "$@"\n`);
    chmodSync(join(bin, 'git'), 0o755);
    const result = await runBin(['diff', 'map.yaml', '--rev', 'HEAD'], { cwd: join(repo, 'maps', 'x'), env: { PATH: `${bin}:${process.env.PATH}` } });
    expect(existsSync(marker)).toBe(false);
    expect(result.stderr).toContain(`map.yaml@HEAD:1:1 error file: cannot read map.yaml at revision HEAD: ${join(repo, 'maps', 'x')} is not inside a git work tree with a .git of its own`);
    expect(result.code).toBe(1);
  });

  it('reads a map in a folder below the working directory, or from a sub-folder, by its path in the repository', async () => {
    const { repo } = hostileRepository({ config: {} }, false);
    const below = await runBin(['diff', 'x/map.yaml', '--rev', 'HEAD'], { cwd: join(repo, 'maps') });
    expect(below.stdout.split('\n')[0]).toBe('x/map.yaml@HEAD → x/map.yaml');
    expect(below.stdout).toContain('Search  emotion +1 → +2 (+1, better)');
    const here = await runBin(['diff', 'map.yaml', '--rev', 'HEAD'], { cwd: join(repo, 'maps', 'x') });
    expect(here.stdout).toContain('Search  emotion +1 → +2 (+1, better)');
  });

  it('refuses a map outside the repository of the working directory, and a working directory in none', async () => {
    const { repo } = hostileRepository({ config: {} }, false);
    const outside = tempDir();
    writeFileSync(join(outside, 'map.yaml'), map(0));
    const result = await runBin(['diff', join(outside, 'map.yaml'), '--rev', 'HEAD'], { cwd: repo });
    expect(result.stderr).toContain(`cannot read ${join(outside, 'map.yaml')} at revision HEAD: it is outside the git repository of the working directory (${repo})`);
    expect(result.code).toBe(1);
    const none = await runBin(['diff', 'map.yaml', '--rev', 'HEAD'], { cwd: outside, env: { GIT_CEILING_DIRECTORIES: join(outside, '..') } });
    expect(none.stderr).toContain('map.yaml@HEAD:1:1 error file: cannot read map.yaml at revision HEAD: fatal: not a git repository');
    expect(none.code).toBe(1);
  });
});
