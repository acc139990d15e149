// The arguments `journey diff --rev` gives git. A revision comes from the command line, but a
// script may pass one through from elsewhere: '--output=/tmp/x' reached `git show` as an option.
// Everything else git reads (the work tree, the files beside a map) may come from a pull request:
// a committed folder that looks like a git directory must not be taken for the repository, and no
// configuration may name a program git would run.

/** Why `rev` cannot be a revision, or undefined when it can be passed to git. */
export function revisionProblem(rev: string): string | undefined {
  if (!/\S/.test(rev)) return 'expected a revision (a branch, tag or commit), found nothing';
  if (rev.startsWith('-')) return `expected a revision (a branch, tag or commit), found an option-like ${JSON.stringify(rev.slice(0, 40))}: revisions never start with -`;
  if (/[\x00-\x1f\x7f]/.test(rev)) return 'expected a revision (a branch, tag or commit), found control characters';
  return undefined;
}

/**
 * Options before every git command: settings given with -c win over every configuration file, so
 * none can name a program (fsmonitor, hooks, ssh, pager, external diff, signature check), and no
 * transport is allowed, so a promisor remote cannot fetch a missing object through one. A folder
 * that merely looks like a bare repository is never taken for one (git 2.38+; `repositoryOf`
 * checks for older git).
 */
export const GIT_SAFETY = [
  '--no-pager',
  ...['safe.bareRepository=explicit', 'core.fsmonitor=false', 'core.hooksPath=/dev/null', 'core.sshCommand=', 'core.gitProxy=', 'core.askPass=']
    .concat(['core.pager=cat', 'diff.external=', 'log.showSignature=false', 'protocol.allow=never'])
    // A protocol's own setting outranks protocol.allow.
    .concat(['ext', 'file', 'ssh', 'git', 'http', 'https'].map((p) => `protocol.${p}.allow=never`))
    .flatMap((setting) => ['-c', setting]),
];

/**
 * The environment besides: no lazy fetch of missing objects (git 2.39.4+), no protocol at all, no
 * password prompt, no lock taken to refresh the index. The system and global configuration are the
 * machine's, not the repository's, and are kept: a CI container may need their safe.directory.
 */
export const GIT_SAFE_ENV = { GIT_NO_LAZY_FETCH: '1', GIT_ALLOW_PROTOCOL: 'none', GIT_PROTOCOL_FROM_USER: '0', GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' };

/** Finds the repository the working directory belongs to: prints whether it is bare, its git directory and its top level. */
export const GIT_REPOSITORY_ARGS = [...GIT_SAFETY, 'rev-parse', '--is-bare-repository', '--absolute-git-dir', '--show-toplevel'];

/** `git show <rev>:<path>` in that repository only, `path` relative to its top level, with options ended before the revision. */
export function gitShowArgs(repository: { gitDir: string; topLevel: string }, rev: string, path: string): string[] {
  return [`--git-dir=${repository.gitDir}`, `--work-tree=${repository.topLevel}`, ...GIT_SAFETY, 'show', '--no-textconv', '--end-of-options', `${rev}:${path}`];
}
