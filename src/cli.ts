// The command-line program: commander wiring only. Each command is a thin handler loaded only when it
// runs, so `journey --version` does not pay for YAML, zod, Handlebars or the browser; every choice
// offered is imported from the module that owns it.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import pkg from '../package.json' with { type: 'json' };
import { LOCALES, type Locale } from './core/locale.js';
import { parseShard, type Shard } from './core/shard.js';
import { terminalSafe } from './core/safe-text.js';
import { CliError, errorReport, EXIT } from './errors.js';
import { processIo, type Io } from './io/terminal.js';
import type { Command as FormatCommand } from './render/formats.js';
import { REPORTERS, type ReporterName } from './report/names.js';
import { DEFAULT_HOST, DEFAULT_PORT } from './io/server-defaults.js';
import { painter } from './report/text.js';

export { EXIT };

/**
 * On Node 20, a large batch's worker thread runs from this same script, through V8's code cache
 * (bin/code-cache.js, runCachedWorker), rather than compile the worker's modules anew in each
 * batch: importing the worker module builds the thread's share (src/pipeline/batch-worker.ts).
 */
export const runBatchWorker = async (): Promise<void> => (await import('./pipeline/batch-worker.js')).done;

/** A parser for a number option: `what` says what the number is, in the message for a wrong value. */
function positive(what: string, whole = false) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0 || (whole && !Number.isInteger(n))) throw new InvalidArgumentError(`expected ${what} greater than 0`);
    return n;
  };
}

/**
 * What the format registry (render/formats.ts) gives the command line: build's formats and a flag
 * for each of their options, and the `-f` choices of diff and export, with "did you mean" for a wrong one.
 */
async function formatFlags() {
  const { FORMAT_IDS, FORMAT_OPTIONS, formatsOf, helpLine, optionProblem, unknownFormat } = await import('./render/formats.js');
  const options = FORMAT_OPTIONS.map((o) => {
    const option = new Option(o.flag, helpLine(o)).helpGroup('Format options:');
    if (o.type === 'choice') option.choices(o.choices);
    if (o.type === 'number') {
      option.argParser((value) => {
        const n = value.trim() === '' ? NaN : Number(value);
        const problem = optionProblem(o, n);
        if (problem) throw new InvalidArgumentError(problem);
        return n;
      });
    }
    return option;
  });
  const choice = (command: FormatCommand, flags: string, description: string) => {
    const ids: readonly string[] = formatsOf(command);
    return new Option(flags, description).choices(ids).argParser((value) => {
      if (ids.includes(value)) return value;
      throw new InvalidArgumentError(unknownFormat(command, value));
    });
  };
  return { ids: FORMAT_IDS, options, choice };
}

function portArg(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new InvalidArgumentError('expected a port number from 0 to 65535 (0: any free port)');
  return port;
}

function shardArg(value: string): Shard {
  const shard = parseShard(value);
  if (!shard) throw new InvalidArgumentError('expected k/n with 1 ≤ k ≤ n, like 2/4');
  return shard;
}

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  let exitCode: number = EXIT.ok;
  // The built-in template ids come from the registry, which loads every template's schema: only the
  // commands that name them in their help pay for it. A project's own are checked once its config is read.
  const templateIds = /^(init|schema|import|help)$/.test(argv[0] ?? '') ? (await import('./templates/registry.js')).TEMPLATE_IDS : [];
  const templateHelp = (what: string) => `${what}: ${templateIds.join(', ')}, or one journey.config.yaml declares`;
  // Likewise the format registry, for the commands that write formats.
  const formats = /^(build|diff|export|help)$/.test(argv[0] ?? '') ? await formatFlags() : undefined;
  const formatChoice = (command: FormatCommand, flags: string, description: string) => formats?.choice(command, flags, description) ?? new Option(flags, description);
  const paint = painter(io.color);
  const program = new Command('journey')
    .description('Compile customer journey maps written in YAML into HTML, Markdown, PDF and PNG documents.')
    .version(pkg.version, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      outputError: (s, write) => write(paint.red(s)),
    });

  /**
   * Runs a command. A CliError it throws ends it with its exit code: a usage mistake is said on
   * standard error, like commander's own; any other problem goes through the chosen reporter, so a
   * JSON report holds it too.
   */
  const run = async (reporter: ReporterName, command: () => Promise<number>) => {
    try {
      exitCode = await command();
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      exitCode = error.exitCode;
      if (error.exitCode === EXIT.usage) io.stderr(`${paint.red('error:')} ${error.message.split('\n').map(terminalSafe).join('\n')}\n`);
      else (await import('./report/index.js')).report({ command: 'validate', ...errorReport(error), quiet: true }, reporter, io);
    }
  };

  const reporterOption = () => new Option('-r, --reporter <name>', 'how to print problems').choices(REPORTERS).default('text');

  /** validate, build and lint take maps the same way, with the same config, reporter and limits. */
  const mapsCommand = (name: string, description: string, quiet: string, inputs = 'map files, folders or glob patterns; - for standard input (default: `inputs` of the config file)') =>
    program
      .command(name)
      .description(description)
      .argument('[inputs...]', inputs)
      .addOption(reporterOption())
      .option('-q, --quiet', quiet)
      .option('--config <file>', 'use this config file (default: journey.config.yaml here or in a parent folder)')
      .option('--no-config', 'ignore any config file')
      .addOption(new Option('--max-file-size <MiB>', 'refuse map files larger than this (default: 5)').argParser(positive('a size in MiB')));

  mapsCommand('validate', 'check maps against their template; print every problem and exit 1 if there is any', 'print problems only').action((inputs: string[], opts) =>
    run(opts.reporter, async () => (await import('./commands/validate.js')).validate(inputs, opts, io)),
  );

  const buildCommand = mapsCommand('build', 'build maps into documents (HTML by default)', 'print problems only')
    .option('-f, --format <formats>', `${formats?.ids.join(', ')}, or several: html,pdf (default: from -o, else html)`)
    .option('-o, --output <file>', 'the output file for one map, or - for standard output (default: beside the map)')
    .option('-d, --out-dir <dir>', 'write documents here, keeping the folder structure of the maps')
    .option('-w, --watch', 'rebuild a map whenever it is saved')
    .option('--layout <file.hbs>', 'a custom Handlebars layout for HTML and the PDF document layout')
    .option('--metrics <file>', 'KPI values (CSV or JSON of metric, value, date) shown next to the KPIs that name them')
    .option('--browser <path>', 'Chrome or Chromium for PDF and PNG (default: found on this machine)')
    .option('--allow-config-browser', 'run the browser that journey.config.yaml names (off: a config file may come from a pull request)')
    .addOption(new Option('--jobs <n>', 'PDF and PNG documents made at once').argParser(positive('a whole number', true)).default(4))
    .addOption(new Option('--shard <k/n>', 'build only part k of n of the maps (a stable split by path, for a CI matrix)').argParser(shardArg))
    .option('--force', 'build every map, even one whose documents are up to date (see .journey-build.json)')
    .addOption(new Option('--timeout <seconds>', 'give up on a browser that has not started or printed after this long').argParser(positive('a number of seconds')).default(60))
    .action((inputs: string[], opts) => run(opts.reporter, async () => (await import('./commands/build.js')).build(inputs, opts, io)));
  for (const option of formats?.options ?? []) buildCommand.addOption(option);

  mapsCommand('lint', 'check maps against good practice (see --list-rules); exit 1 on an error-level finding', 'print findings only')
    .option('--list-rules', 'list the rules: id, severity and why each matters')
    .addOption(new Option('--max-age <months>', 'a map reviewed longer ago than this is stale (default: 6)').argParser(positive('a whole number of months', true)))
    .action((inputs: string[], opts) => run(opts.reporter, async () => (await import('./commands/lint.js')).lint(inputs, opts, io)));

  mapsCommand('fmt', 'rewrite maps in one canonical layout (key order, indentation, short lists on one line), keeping every comment', 'print only the files')
    .option('--check', 'change nothing: list the files that are not formatted and exit 1 if any')
    .action((inputs: string[], opts) => run(opts.reporter, async () => (await import('./commands/fmt.js')).fmt(inputs, opts, io)));

  program
    .command('lsp')
    .description('run the language server for editors (diagnostics, quick fixes, hover, completion, formatting)')
    .option('--stdio', 'talk over standard input and output (the only transport)')
    .action(() => run('text', async () => (await import('./commands/lsp.js')).lsp(io)));

  mapsCommand('site', 'build a static site of many maps: an index, a page per map and per persona, and a health page', 'print problems only')
    .option('-o, --output <dir>', 'the folder to write the site to', 'site')
    .option('--title <text>', 'the title of the index page (default: Journey maps, in the portfolio\'s language)')
    .addOption(new Option('--max-age <months>', 'a map reviewed longer ago than this is stale (default: 6)').argParser(positive('a whole number of months', true)))
    .action((inputs: string[], opts) => run(opts.reporter, async () => (await import('./commands/site.js')).site(inputs, opts, io)));

  mapsCommand('preview', 'serve a map, or a folder of maps as the site, and update the open page on every save', 'print problems only', 'a map, or folders and glob patterns served as a site (default: `inputs` of the config file, else the current folder)')
    .addOption(new Option('-p, --port <n>', `the port (default: ${DEFAULT_PORT}, or the next free one)`).argParser(portArg))
    .option('--host <address>', `the address to listen on; anything but loopback makes the preview reachable from the network`, DEFAULT_HOST)
    .option('--open', "open the preview in the system's browser")
    .option('--layout <file.hbs>', 'a custom Handlebars layout for a single map')
    .option('--title <text>', 'the title of the index page of a folder (default: Journey maps, in the portfolio\'s language)')
    .addOption(new Option('--max-age <months>', 'a map reviewed longer ago than this is stale (default: 6)').argParser(positive('a whole number of months', true)))
    .action((inputs: string[], opts) => run(opts.reporter, async () => (await import('./commands/preview.js')).preview(inputs, opts, io)));

  program
    .command('diff')
    .description('compare two maps of a journey (or a map with its version at a git revision, or with the map it is based on)')
    .argument('<before>', 'the earlier map (or, with --rev or alone, the map)')
    .argument('[after]', 'the later map')
    .addOption(formatChoice('diff', '-f, --format <format>', 'text on the terminal, md for a pull-request comment, or html').default('text'))
    .option('-o, --output <file>', 'write the report to a file')
    .option('--rev <revision>', 'compare the map with itself at this git revision (HEAD, main, a commit)')
    .option('--fail-on-regression', "exit 1 when any stage's emotion gets worse")
    .addOption(reporterOption())
    .action((before: string, after: string | undefined, opts) => run(opts.reporter, async () => (await import('./commands/diff.js')).diff(before, after, opts, io)));

  program
    .command('init')
    .description('write a starter map for a template (every lane present, valid as written)')
    .argument('[file]', 'where to write it', 'journey.yaml')
    .addOption(new Option('-t, --template <name>', templateHelp('which template')).default('current-state'))
    .option('--force', 'overwrite an existing file', false)
    .action((file: string, opts: { template: string; force: boolean }) => run('text', async () => (await import('./commands/init.js')).init(file, opts, io)));

  program
    .command('import')
    .description('turn a spreadsheet (CSV, XLSX), a Markdown table or a Mermaid journey diagram into a map')
    .argument('<file>', 'a .csv or .xlsx file, Markdown (.md) with a table of stages or a ```mermaid journey block, or a .mmd/.mermaid diagram')
    .option('-o, --output <file>', 'write the map to this file (default: standard output)')
    .addOption(new Option('-t, --template <name>', templateHelp('the template of the map (default: named in the sheet, else the one whose lanes the rows name)')))
    .option('--sheet <name>', 'the sheet of an .xlsx workbook (default: the first)')
    .option('--force', 'overwrite an existing file', false)
    .action((file: string, opts) => run('text', async () => (await import('./commands/import.js')).importCommand(file, opts, io)));

  program
    .command('export')
    .description('write a map as a spreadsheet (CSV or XLSX) in the layout import reads back')
    .argument('<map>', 'the map, or - for standard input')
    .addOption(formatChoice('export', '-f, --format <format>', 'the kind of spreadsheet').makeOptionMandatory())
    .option('-o, --output <file>', 'where to write it, or - for standard output (default: beside the map)')
    .action((file: string, opts) => run('text', async () => (await import('./commands/export.js')).exportCommand(file, opts, io)));

  program
    .command('templates')
    .description('list the templates, when to use each, and their lanes')
    .addOption(new Option('-l, --locale <locale>', 'language of the labels').choices(LOCALES).default('en'))
    .action((opts: { locale: Locale }) => run('text', async () => (await import('./commands/templates.js')).templates(opts.locale, io)));

  program
    .command('schema')
    .description('print the JSON Schema of the map format, a persona file or journey.config.yaml (for editors)')
    .addOption(new Option('-t, --template <name>', templateHelp('only this template')).conflicts(['persona', 'config']))
    .addOption(new Option('--persona', 'the schema of a shared persona file instead').conflicts('config'))
    .option('--config', 'the schema of journey.config.yaml instead')
    .option('-o, --output <file>', 'write it to a file instead of standard output')
    .action((opts: { template?: string; persona?: boolean; config?: boolean; output?: string }) => run('text', async () => (await import('./commands/schema.js')).schema(opts, io)));

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      const quiet = ['commander.helpDisplayed', 'commander.help', 'commander.version'].includes(error.code);
      return quiet ? EXIT.ok : EXIT.usage;
    }
    // A bug, not a user error: say so plainly, with the stack only when asked for.
    io.stderr(`${paint.red('internal error')} ${terminalSafe(error instanceof Error ? error.message : String(error))}\n`);
    if (io.env.JOURNEY_DEBUG && error instanceof Error) io.stderr(`${error.stack}\n`);
    io.stderr('This is a bug in journey; please report it with the map that caused it.\n');
    return EXIT.failed;
  }
  return exitCode;
}
