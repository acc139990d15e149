// A map as it was at a git revision, for `journey diff --rev`.
import { execFile } from 'node:child_process';
import { lstat, readFile, realpath } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { problem } from '../core/diagnostics.js';
import type { TemplateRegistry } from '../core/templates.js';
import type { LoadResult } from '../core/load.js';
import { readMap } from '../core/read-map.js';
import { DEFAULT_LIMITS, tooLarge } from '../core/text.js';
import { fsReason } from '../io/files.js';
import { GIT_REPOSITORY_ARGS, GIT_SAFE_ENV, gitShowArgs } from '../io/git-args.js';
import type { Io } from '../io/terminal.js';

class GitRefusal extends Error {}

/** Runs git with the safety options' environment; its standard output as bytes. */
async function git(args: string[], cwd: string, maxBuffer: number): Promise<Buffer> {
  const { stdout } = await promisify(execFile)('git', args, { cwd, env: { ...process.env, ...GIT_SAFE_ENV }, encoding: 'buffer', maxBuffer });
  return stdout;
}

/**
 * The repository the trusted working directory belongs to (never one found beside a map, which a
 * pull request could have committed), and the map's path in it.
 */
async function repositoryOf(file: string, io: Io): Promise<{ gitDir: string; topLevel: string; path: string }> {
  const cwd = await realpath(io.cwd);
  const [bare, gitDir, topLevel] = (await git(GIT_REPOSITORY_ARGS, cwd, 64 * 1024)).toString('utf8').split('\n');
  // git before 2.38 ignores safe.bareRepository: a planted folder is refused here, whatever its config says.
  if (bare !== 'false' || !gitDir || !topLevel || !(io.env.GIT_DIR || (await madeByGit(topLevel, gitDir)))) {
    throw new GitRefusal(`${io.cwd} is not inside a git work tree with a .git of its own`);
  }
  const path = relative(topLevel, resolve(cwd, file));
  if (path === '' || path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path)) throw new GitRefusal(`it is outside the git repository of the working directory (${topLevel})`);
  return { gitDir, topLevel, path: path.split(sep).join('/') };
}

/**
 * Whether `gitDir` is the git directory of `topLevel` as git makes one: `<top>/.git`, or the folder a
 * `.git` file there names (a linked worktree, a submodule). A commit cannot hold a `.git`, so a
 * folder a pull request planted never is.
 */
async function madeByGit(topLevel: string, gitDir: string): Promise<boolean> {
  const dotGit = join(topLevel, '.git');
  const info = await lstat(dotGit).catch(() => undefined);
  const named = info?.isDirectory() ? dotGit : info?.isFile() && info.size < 4096 ? /^gitdir: (.+)$/m.exec(await readFile(dotGit, 'utf8'))?.[1] : undefined;
  const real = (path: string) => realpath(resolve(topLevel, path)).catch(() => undefined);
  const expected = named === undefined ? undefined : await real(named);
  return expected !== undefined && expected === (await real(gitDir));
}

/** The map as it was at a git revision (`git show <rev>:<path>` in the working directory's repository). */
export async function readMapAtRevision(file: string, rev: string, io: Io, templates: TemplateRegistry, maxBytes = DEFAULT_LIMITS.maxBytes): Promise<LoadResult> {
  const name = `${file}@${rev}`;
  try {
    const repository = await repositoryOf(file, io);
    // git's output is held to the map size limit like any map (one byte more, to tell it is over).
    const stdout = await git(gitShowArgs(repository, rev, repository.path), repository.topLevel, maxBytes + 1);
    return readMap(name, stdout, { templates, maxBytes });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // git's reason is its fatal line; warnings (such as "lazy fetching disabled") may come first.
    const lines = String((error as { stderr?: Buffer }).stderr ?? '').trim().split('\n');
    const stderr = lines.find((line) => line.startsWith('fatal:')) ?? lines[0];
    const notInstalled = code === 'ENOENT' && (error as { syscall?: string }).syscall === 'spawn git';
    const reason =
      error instanceof GitRefusal ? error.message : notInstalled ? 'git is not installed' : code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER' ? tooLarge(undefined, maxBytes) : stderr || fsReason(error);
    return { ok: false, diagnostics: [problem(name, 1, 1, 'file', `cannot read ${file} at revision ${rev}: ${reason}`, 'git-error')] };
  }
}
