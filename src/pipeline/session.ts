// What build, validate and lint share before their own work: the config file and the list of maps.
import { relative, resolve } from 'node:path';
import { problem } from '../core/diagnostics.js';
import { findConfigFile, loadConfig, type Config } from '../io/config.js';
import { expandInputs, skippedMessage } from '../io/inputs.js';
import { terminalSafe } from '../core/safe-text.js';
import type { Io } from '../io/terminal.js';
import { CliError, EXIT, ProblemsError, usageError } from '../errors.js';
import type { ReporterName } from '../report/index.js';
import { createReferences, stageImageLimits, type References } from './references.js';

export interface SessionOptions {
  /** `--config <file>`; `false` for `--no-config`. */
  config?: string | false;
  reporter: ReporterName;
  /** `--max-file-size` in MiB. */
  maxFileSize?: number;
  quiet?: boolean;
  /** Whether shared persona files found in folders are checked too (validate, lint). */
  personas?: boolean;
  /** What to take when no inputs are named and the config file lists none (preview: the current folder). */
  defaultInputs?: string[];
}

export interface Session {
  config?: Config;
  files: string[];
  /** Shared persona files found in folders and patterns (validate checks them; build builds maps only). */
  personas: string[];
  maxBytes?: number;
  /** Expands the inputs again (watch mode: does a new file belong to the build?). */
  expand: () => Promise<string[]>;
  /** The project folder: the config file's folder, else the current one. Maps may only name files inside it. */
  projectRoot: string;
  /** Reads the files maps name (persona files), once per run. */
  references: References;
}

/** The config file: `--config <file>`, none with `--no-config`, else journey.config.yaml here or above. */
export async function openConfig(options: Pick<SessionOptions, 'config'>, io: Io): Promise<Config | undefined> {
  const configPath = options.config === false ? undefined : options.config ? resolve(io.cwd, options.config) : await findConfigFile(io.cwd);
  if (!configPath) return undefined;
  const shown = relative(io.cwd, configPath) || configPath;
  const loaded = await loadConfig(configPath, shown);
  if (!loaded.ok) throw new ProblemsError([{ file: shown, diagnostics: loaded.diagnostics }]);
  return loaded.config;
}

export async function openSession(given: string[], options: SessionOptions, io: Io): Promise<Session> {
  const config = await openConfig(options, io);

  const fromConfig = given.length === 0 && config ? config.inputs : [];
  const inputs = given.length === 0 && fromConfig.length === 0 && options.defaultInputs ? options.defaultInputs : given;
  if (inputs.length === 0 && fromConfig.length === 0) {
    throw usageError('no maps given: name files, folders or glob patterns, or list them under `inputs:` in journey.config.yaml');
  }
  const projectRoot = config?.dir ?? io.cwd;
  const expandAll = () => (inputs.length ? expandInputs(inputs, io.cwd, io.cwd, projectRoot) : expandInputs(fromConfig, io.cwd, config!.dir));
  const expanded = await expandAll();
  if (expanded.skipped.length && options.reporter === 'text' && !options.quiet) {
    io.stderr(`${terminalSafe(skippedMessage(expanded.skipped))}\n`);
  }
  if (expanded.unmatched.length) {
    throw new ProblemsError(expanded.unmatched.map((p) => ({ file: p, diagnostics: [problem(p, 1, 1, 'file', 'no .yaml or .yml maps match this pattern or folder', 'no-maps-match')] })));
  }
  // Persona files count for the commands that check them (validate, lint), not for those that build maps.
  if (expanded.files.length === 0 && (!options.personas || expanded.personas.length === 0)) {
    throw new CliError(`no journey maps among ${inputs.length ? inputs.join(', ') : 'the inputs of the config file'}`, EXIT.failed);
  }
  const mb = options.maxFileSize ?? config?.maxFileSizeMb;
  const maxBytes = mb === undefined ? undefined : Math.round(mb * 1024 * 1024);
  return {
    config,
    files: expanded.files,
    personas: options.personas ? expanded.personas : [],
    maxBytes,
    projectRoot,
    references: createReferences(io, { projectRoot, maxBytes, defaultLocale: config?.locale, images: stageImageLimits(config?.images) }),
    expand: async () => (await expandAll()).files,
  };
}
