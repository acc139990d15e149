// journey diff: how a journey changes between two maps, or between a map and its version at a
// git revision. Prints text, Markdown or HTML; exit 1 with --fail-on-regression if any stage got worse.
import { diffMaps, templateMismatch } from '../core/diff.js';
import { documentSafe, jsonSafe } from '../core/safe-text.js';
import { EXIT, ProblemsError, usageError } from '../errors.js';
import { revisionProblem } from '../io/git-args.js';
import type { Io } from '../io/terminal.js';
import { readMapAtRevision } from '../pipeline/git.js';
import { readMapFile } from '../pipeline/read.js';
import { createReferences } from '../pipeline/references.js';
import { openConfig } from '../pipeline/session.js';
import { createWriter } from '../pipeline/write.js';
import { FORMATS, type DiffFormatId } from '../render/formats.js';
import type { ReporterName } from '../report/index.js';
import { painter } from '../report/text.js';

export interface DiffOptions {
  format: DiffFormatId;
  output?: string;
  rev?: string;
  failOnRegression?: boolean;
  reporter: ReporterName;
}

export async function diff(first: string, second: string | undefined, options: DiffOptions, io: Io): Promise<number> {
  const paint = painter(io.color);
  if (options.rev && second) throw usageError('--rev compares one map with its own history: name one file');
  const badRevision = options.rev === undefined ? undefined : revisionProblem(options.rev);
  if (badRevision) throw usageError(`--rev: ${badRevision}`);

  const config = await openConfig({}, io);
  const references = createReferences(io, { projectRoot: config?.dir ?? io.cwd, defaultLocale: config?.locale, images: false });
  const read = (file: string) => readMapFile(file, io, { defaultLocale: config?.locale, references });
  const later = await read(second ?? first);
  // One map and no --rev: the map it is based on (`based_on:`) is the earlier one.
  const basedOn = !options.rev && !second && later.ok ? references.basedOnPath(first, later.map) : undefined;
  if (!options.rev && !second && later.ok && !basedOn) {
    throw usageError(`name two maps to compare, one map and --rev <revision>, or a map with \`based_on\` (${first} has none)`);
  }
  const names: [string, string] = options.rev ? [`${first}@${options.rev}`, first] : [second ? first : (basedOn ?? first), second ?? first];
  const earlier = options.rev ? await readMapAtRevision(first, options.rev, io) : await read(names[0]);
  const [before, after] = [earlier, later];
  if (!before.ok || !after.ok) {
    throw new ProblemsError([before, after].flatMap((r, i) => (r.ok ? [] : [{ file: names[i]!, diagnostics: r.diagnostics }])));
  }

  const result = diffMaps(before.map, after.map);
  const [render, write] = await Promise.all([import('../render/diff.js'), FORMATS[options.format].diff()]);
  const mismatch = templateMismatch(before.map, after.map, names);
  if (mismatch && options.reporter !== 'json') io.stderr(`${paint.yellow('warning')} ${mismatch}\n`);
  const document = write(result, names, painter(io.color && !options.output));
  if (options.output && options.output !== '-') {
    await createWriter(io)(options.output, document, { what: 'diff report', inputs: [first, ...(second ? [second] : [])], projectRoot: config?.dir ?? io.cwd });
    io.stderr(`${paint.green('✓')} ${options.output}: ${render.summaryLine(result)}\n`);
  } else if (options.reporter !== 'json') {
    // A stage name with a line break must not start a line a CI runner takes for a command.
    io.stdout(options.format === 'text' ? documentSafe(document) : document);
  }
  // For bots that comment on pull requests: the comparison as data, changes per stage.
  if (options.reporter === 'json') io.stdout(`${jsonSafe(render.diffJson(result, names))}\n`);
  const regression = options.failOnRegression ? render.regressionMessage(result) : undefined;
  if (regression) {
    io.stderr(`${paint.red('✗')} ${regression} (--fail-on-regression)\n`);
    return EXIT.failed;
  }
  return EXIT.ok;
}
