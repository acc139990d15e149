// What build, validate and lint share before their own work: the config file and the list of maps.
import { relative, resolve } from 'node:path';
import type { Diagnostic } from '../core/diagnostics.js';
import { problem } from '../core/text.js';
import { findConfigFile, loadConfig, type Config } from '../io/config.js';
import { expandInputs } from '../io/inputs.js';
import type { Io } from '../io/terminal.js';
import type { ReporterName } from '../report.js';
import { printReport } from './report-results.js';

export interface SessionOptions {
  /** `--config <file>`; `false` for `--no-config`. */
  config?: string | false;
  reporter: ReporterName;
  /** `--max-file-size` in MiB. */
  maxFileSize?: number;
  quiet?: boolean;
}

export type Session = { ok: true; config?: Config; files: string[]; maxBytes?: number } | { ok: false; code: number };

export async function openSession(inputs: string[], options: SessionOptions, io: Io): Promise<Session> {
  let config: Config | undefined;
  const configPath = options.config === false ? undefined : options.config ? resolve(io.cwd, options.config) : await findConfigFile(io.cwd);
  if (configPath) {
    const loaded = await loadConfig(configPath, relative(io.cwd, configPath) || configPath);
    if (!loaded.ok) {
      printReport([{ file: relative(io.cwd, configPath), diagnostics: loaded.diagnostics }], options.reporter, io);
      return { ok: false, code: 1 };
    }
    config = loaded.config;
  }

  const fromConfig = inputs.length === 0 && config ? config.inputs : [];
  if (inputs.length === 0 && fromConfig.length === 0) {
    io.stderr('error: no maps given: name files, folders or glob patterns, or list them under `inputs:` in journey.config.yaml\n');
    return { ok: false, code: 2 };
  }
  const expanded = inputs.length
    ? await expandInputs(inputs, io.cwd)
    : await expandInputs(fromConfig, io.cwd, config!.dir);
  if (expanded.skipped.length && options.reporter === 'text' && !options.quiet) {
    io.stderr(`skipped ${expanded.skipped.length === 1 ? 'a .yaml file that is not a journey map' : `${expanded.skipped.length} .yaml files that are not journey maps`} (no template, title or stages): ${expanded.skipped.join(', ')}\n`);
  }
  if (expanded.unmatched.length) {
    const diagnostics: Diagnostic[] = expanded.unmatched.map((p) => problem(p, 1, 1, 'file', 'no .yaml or .yml maps match this pattern or folder'));
    printReport(diagnostics.map((d) => ({ file: d.file, diagnostics: [d] })), options.reporter, io);
    return { ok: false, code: 1 };
  }
  if (expanded.files.length === 0) {
    io.stderr(`error: no journey maps among ${inputs.length ? inputs.join(', ') : 'the inputs of the config file'}\n`);
    return { ok: false, code: 1 };
  }
  const mb = options.maxFileSize ?? config?.maxFileSizeMb;
  return { ok: true, config, files: expanded.files, maxBytes: mb === undefined ? undefined : Math.round(mb * 1024 * 1024) };
}
