// journey diff: how a journey changes between two maps, or between a map and its version at a
// git revision. Prints text, Markdown or HTML; exit 1 with --fail-on-regression if any stage got worse.
import { execFile } from 'node:child_process';
import { basename, dirname, resolve } from 'node:path';
import { promisify } from 'node:util';
import { diffMaps } from '../core/diff.js';
import type { JourneyMap } from '../core/model.js';
import { fsReason, writeFileAtomic } from '../io/files.js';
import type { Io } from '../io/terminal.js';
import { painter, type ReporterName } from '../report.js';
import { loadBytes, loadFile } from './load-file.js';
import { printReport, type FileReport } from './report-results.js';

export interface DiffOptions {
  format: 'text' | 'md' | 'html';
  output?: string;
  rev?: string;
  failOnRegression?: boolean;
  reporter: ReporterName;
}

export async function diff(first: string, second: string | undefined, options: DiffOptions, io: Io): Promise<number> {
  const paint = painter(io.color);
  const usage = (message: string) => (io.stderr(`${paint.red('error:')} ${message}\n`), 2);
  if (options.rev && second) return usage('--rev compares one map with its own history: name one file');
  if (!options.rev && !second) return usage('name two maps to compare, or one map and --rev <revision>');

  const names: [string, string] = options.rev ? [`${first}@${options.rev}`, first] : [first, second!];
  const reports: FileReport[] = [];
  const load = async (which: 0 | 1): Promise<JourneyMap | undefined> => {
    const result = options.rev && which === 0 ? await fromGit(first, options.rev, io) : await loadFile(which === 0 ? first : second ?? first, io);
    if (!result.ok) reports.push({ file: names[which], diagnostics: result.diagnostics });
    return result.ok ? result.map : undefined;
  };
  const before = await load(0);
  const after = await load(1);
  if (!before || !after) {
    printReport(reports, options.reporter, io);
    return 1;
  }

  const result = diffMaps(before, after);
  const render = await import('../render/diff.js');
  const document =
    options.format === 'md' ? render.diffMarkdown(result, names) : options.format === 'html' ? render.diffHtml(result, names) : render.diffText(result, names, painter(io.color && !options.output));
  if (options.output && options.output !== '-') {
    try {
      await writeFileAtomic(resolve(io.cwd, options.output), document);
    } catch (error) {
      io.stderr(`${paint.red('error:')} cannot write ${options.output}: ${fsReason(error)}\n`);
      return 1;
    }
    io.stderr(`${paint.green('✓')} ${options.output}: ${render.summaryLine(result)}\n`);
  } else {
    io.stdout(document);
  }
  if (options.failOnRegression && result.regression) {
    const worse = result.stages.filter((s) => s.emotion.trend === 'worse').map((s) => `"${s.name}"`);
    io.stderr(`${paint.red('✗')} the experience gets worse at ${worse.join(', ')} (--fail-on-regression)\n`);
    return 1;
  }
  return 0;
}

/** The map as it was at a git revision (`git show <rev>:./<file>`, run in the file's folder). */
async function fromGit(file: string, rev: string, io: Io) {
  const path = resolve(io.cwd, file);
  const name = `${file}@${rev}`;
  try {
    const { stdout } = await promisify(execFile)('git', ['show', `${rev}:./${basename(path)}`], { cwd: dirname(path), encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 });
    return loadBytes(name, stdout);
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '').trim().split('\n')[0];
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'git is not installed' : stderr || fsReason(error);
    return { ok: false as const, diagnostics: [{ file: name, line: 1, col: 1, path: 'file', message: `cannot read ${file} at revision ${rev}: ${reason}`, severity: 'error' as const }] };
  }
}
