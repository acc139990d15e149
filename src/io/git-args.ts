// The arguments `journey diff --rev` gives git. A revision comes from the command line, but a
// script may pass one through from elsewhere: '--output=/tmp/x' reached `git show` as an option.

/** Why `rev` cannot be a revision, or undefined when it can be passed to git. */
export function revisionProblem(rev: string): string | undefined {
  if (!/\S/.test(rev)) return 'expected a revision (a branch, tag or commit), found nothing';
  if (rev.startsWith('-')) return `expected a revision (a branch, tag or commit), found an option-like ${JSON.stringify(rev.slice(0, 40))}: revisions never start with -`;
  if (/[\x00-\x1f\x7f]/.test(rev)) return 'expected a revision (a branch, tag or commit), found control characters';
  return undefined;
}

/** `git show <rev>:./<file>` (run in the file's folder), with options ended before the revision. */
export function gitShowArgs(rev: string, fileName: string): string[] {
  return ['show', '--end-of-options', `${rev}:./${fileName}`];
}
