// The command-line program. Each command is a thin handler loaded only when it runs, so
// `journey --version` does not pay for YAML, zod, Handlebars or the browser.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import pkg from '../package.json' with { type: 'json' };
import { LOCALES, type Locale } from './core/locale.js';
import { processIo, type Io } from './io/terminal.js';
import { REPORTERS, painter, type ReporterName } from './report.js';
import { TEMPLATE_IDS, type TemplateId } from './templates/ids.js';


export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a whole number greater than 0');
  return n;
}

function positiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a number of seconds greater than 0');
  return n;
}

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  let exitCode: number = EXIT.ok;
  const paint = painter(io.color);
  const program = new Command('journey')
    .description('Compile customer journey maps written in YAML into HTML, Markdown and PDF documents.')
    .version(pkg.version, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      outputError: (s, write) => write(paint.red(s)),
    });

  const reporterOption = () => new Option('-r, --reporter <name>', 'how to print problems').choices(REPORTERS).default('text');

  /** validate, build and lint take maps the same way, with the same config, reporter and limits. */
  const mapsCommand = (name: string, description: string, quiet: string) =>
    program
      .command(name)
      .description(description)
      .argument('[inputs...]', 'map files, folders or glob patterns; - for standard input (default: `inputs` of the config file)')
      .addOption(reporterOption())
      .option('-q, --quiet', quiet)
      .option('--config <file>', 'use this config file (default: journey.config.yaml here or in a parent folder)')
      .option('--no-config', 'ignore any config file')
      .addOption(new Option('--max-file-size <MiB>', 'refuse map files larger than this (default: 5)').argParser(positiveNumber));

  mapsCommand('validate', 'check maps against their template; print every problem and exit 1 if there is any', 'print problems only').action(
    async (inputs: string[], opts) => {
      const { validate } = await import('./commands/validate.js');
      exitCode = await validate(inputs, opts, io);
    },
  );

  mapsCommand('build', 'build maps into documents (HTML by default)', 'print problems only')
    .option('-f, --format <formats>', 'html, md, pdf, or several: html,pdf (default: from -o, else html)')
    .option('-o, --output <file>', 'the output file for one map, or - for standard output (default: beside the map)')
    .option('-d, --out-dir <dir>', 'write documents here, keeping the folder structure of the maps')
    .option('-w, --watch', 'rebuild a map whenever it is saved')
    .option('--layout <file.hbs>', 'a custom Handlebars layout for HTML')
    .addOption(new Option('--md-layout <layout>', 'Markdown map as a table or one section per stage (default: auto)').choices(['auto', 'table', 'sections']))
    .option('--browser <path>', 'Chrome or Chromium for PDF (default: found on this machine)')
    .addOption(new Option('--page-size <size>', 'PDF paper size (default: A4)').choices(['A4', 'A3', 'Letter', 'Legal', 'Tabloid']))
    .option('--portrait', 'PDF in portrait (default: landscape)')
    .addOption(new Option('--jobs <n>', 'PDF pages printed at once').argParser(positiveInteger).default(4))
    .addOption(new Option('--timeout <seconds>', 'give up on a browser that has not started or printed after this long').argParser(positiveNumber).default(60))
    .action(async (inputs: string[], opts) => {
      const { build } = await import('./commands/build.js');
      exitCode = await build(inputs, opts, io);
    });

  mapsCommand('lint', 'check maps against good practice (rules listed in the README); exit 1 on an error-level finding', 'print findings only')
    .addOption(new Option('--max-age <months>', 'a map reviewed longer ago than this is stale (default: 6)').argParser(positiveInteger))
    .action(async (inputs: string[], opts) => {
      const { lint } = await import('./commands/lint.js');
      exitCode = await lint(inputs, opts, io);
    });

  program
    .command('diff')
    .description('compare two maps of a journey (or a map with its version at a git revision)')
    .argument('<before>', 'the earlier map (or, with --rev, the map)')
    .argument('[after]', 'the later map')
    .addOption(new Option('-f, --format <format>', 'text on the terminal, md for a pull-request comment, or html').choices(['text', 'md', 'html']).default('text'))
    .option('-o, --output <file>', 'write the report to a file')
    .option('--rev <revision>', 'compare the map with itself at this git revision (HEAD, main, a commit)')
    .option('--fail-on-regression', "exit 1 when any stage's emotion gets worse")
    .addOption(reporterOption())
    .action(async (before: string, after: string | undefined, opts) => {
      const { diff } = await import('./commands/diff.js');
      exitCode = await diff(before, after, opts, io);
    });

  program
    .command('init')
    .description('write a starter map for a template (every lane present, valid as written)')
    .argument('[file]', 'where to write it', 'journey.yaml')
    .addOption(new Option('-t, --template <name>', 'which template').choices(TEMPLATE_IDS).default('current-state'))
    .option('--force', 'overwrite an existing file', false)
    .action(async (file: string, opts: { template: TemplateId; force: boolean }) => {
      const { init } = await import('./commands/init.js');
      exitCode = await init(file, opts, io);
    });

  program
    .command('templates')
    .description('list the templates, when to use each, and their lanes')
    .addOption(new Option('-l, --locale <locale>', 'language of the labels').choices(LOCALES).default('en'))
    .action(async (opts: { locale: Locale }) => {
      const { templates } = await import('./commands/templates.js');
      exitCode = templates(opts.locale, io);
    });

  program
    .command('schema')
    .description('print the JSON Schema of the map format (for editors)')
    .addOption(new Option('-t, --template <name>', 'only this template').choices(TEMPLATE_IDS))
    .option('-o, --output <file>', 'write it to a file instead of standard output')
    .action(async (opts: { template?: TemplateId; output?: string }) => {
      const { schema } = await import('./commands/schema.js');
      exitCode = await schema(opts, io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      const quiet = ['commander.helpDisplayed', 'commander.help', 'commander.version'].includes(error.code);
      return quiet ? EXIT.ok : EXIT.usage;
    }
    // A bug, not a user error: say so plainly, with the stack only when asked for.
    io.stderr(`${paint.red('internal error')} ${error instanceof Error ? error.message : String(error)}\n`);
    if (io.env.JOURNEY_DEBUG && error instanceof Error) io.stderr(`${error.stack}\n`);
    io.stderr('This is a bug in journey; please report it with the map that caused it.\n');
    return EXIT.failed;
  }
  return exitCode;
}
