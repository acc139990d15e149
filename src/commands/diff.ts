// journey diff: how a journey changes between two maps, or between a map and its version at a
// git revision. Prints text, Markdown or HTML; exit 1 with --fail-on-regression if any stage got worse.
import { execFile } from 'node:child_process';
import { basename, dirname, resolve } from 'node:path';
import { promisify } from 'node:util';
import { problem } from '../core/diagnostics.js';
import { diffMaps, templateMismatch } from '../core/diff.js';
import type { LoadResult } from '../core/load.js';
import { readMap } from '../core/read-map.js';
import { EXIT, ProblemsError, usageError } from '../errors.js';
import { fsReason } from '../io/files.js';
import type { Io } from '../io/terminal.js';
import { readMapFile } from '../pipeline/read.js';
import { createWriter } from '../pipeline/write.js';
import type { DIFF_FORMATS } from '../render/formats.js';
import type { ReporterName } from '../report/index.js';
import { painter } from '../report/text.js';

export interface DiffOptions {
  format: (typeof DIFF_FORMATS)[number];
  output?: string;
  rev?: string;
  failOnRegression?: boolean;
  reporter: ReporterName;
}

export async function diff(first: string, second: string | undefined, options: DiffOptions, io: Io): Promise<number> {
  const paint = painter(io.color);
  if (options.rev && second) throw usageError('--rev compares one map with its own history: name one file');
  if (!options.rev && !second) throw usageError('name two maps to compare, or one map and --rev <revision>');
  if (options.rev?.startsWith('-')) throw usageError(`--rev ${options.rev}: a revision does not start with "-"`);

  const names: [string, string] = options.rev ? [`${first}@${options.rev}`, first] : [first, second!];
  const [before, after] = await Promise.all([options.rev ? fromGit(first, options.rev, io) : readMapFile(first, io), readMapFile(second ?? first, io)]);
  if (!before.ok || !after.ok) {
    throw new ProblemsError([before, after].flatMap((r, i) => (r.ok ? [] : [{ file: names[i]!, diagnostics: r.diagnostics }])));
  }

  const result = diffMaps(before.map, after.map);
  const render = await import('../render/diff.js');
  const mismatch = templateMismatch(before.map, after.map, names);
  if (mismatch && options.reporter !== 'json') io.stderr(`${paint.yellow('warning')} ${mismatch}\n`);
  const document =
    options.format === 'md' ? render.diffMarkdown(result, names) : options.format === 'html' ? render.diffHtml(result, names) : render.diffText(result, names, painter(io.color && !options.output));
  if (options.output && options.output !== '-') {
    await createWriter(io)(options.output, document, { what: 'diff report', inputs: [first, ...(second ? [second] : [])] });
    io.stderr(`${paint.green('✓')} ${options.output}: ${render.summaryLine(result)}\n`);
  } else if (options.reporter !== 'json') {
    io.stdout(document);
  }
  // For bots that comment on pull requests: the comparison as data, changes per stage.
  if (options.reporter === 'json') io.stdout(`${JSON.stringify(render.diffJson(result, names), null, 2)}\n`);
  const regression = options.failOnRegression ? render.regressionMessage(result) : undefined;
  if (regression) {
    io.stderr(`${paint.red('✗')} ${regression} (--fail-on-regression)\n`);
    return EXIT.failed;
  }
  return EXIT.ok;
}

/** The map as it was at a git revision (`git show <rev>:./<file>`, run in the file's folder). */
async function fromGit(file: string, rev: string, io: Io): Promise<LoadResult> {
  const path = resolve(io.cwd, file);
  const name = `${file}@${rev}`;
  try {
    // --end-of-options: whatever the revision says, git reads it as a revision, never as an option.
    const { stdout } = await promisify(execFile)('git', ['show', '--end-of-options', `${rev}:./${basename(path)}`], { cwd: dirname(path), encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 });
    return readMap(name, stdout);
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '').trim().split('\n')[0];
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'git is not installed' : stderr || fsReason(error);
    return { ok: false, diagnostics: [problem(name, 1, 1, 'file', `cannot read ${file} at revision ${rev}: ${reason}`)] };
  }
}
