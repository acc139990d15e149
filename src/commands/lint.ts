// journey lint: validate each map, then check the valid ones against good practice.
import type { Io } from '../io/terminal.js';
import { checkFile, readMapFile, shownName, type ReadResult } from '../pipeline/read.js';
import type { References } from '../pipeline/references.js';
import type { LintOptions } from '../core/lint/index.js';
import type { Diagnostic } from '../core/diagnostics.js';
import { problemAt } from '../core/locate.js';
import { EXIT } from '../errors.js';
import { openConfig, openSession, type SessionOptions } from '../pipeline/session.js';
import { report, type FileReport } from '../report/index.js';
import { templatesOf } from '../io/templates.js';

export interface LintCommandOptions extends SessionOptions {
  /** `--max-age <months>` */
  maxAge?: number;
  /** The day to judge staleness by (tests); today otherwise. */
  today?: Date;
  /** `--list-rules`: print the rules instead of checking maps. */
  listRules?: boolean;
}

export async function lint(inputs: string[], options: LintCommandOptions, io: Io): Promise<number> {
  if (options.listRules) {
    const { formatLintRules } = await import('../core/lint/index.js');
    const config = await openConfig(options, io);
    io.stdout(formatLintRules(templatesOf(config), config?.lint.rules));
    return EXIT.ok;
  }
  const session = await openSession(inputs, { ...options, personas: true }, io);
  const rules = session.config?.lint.rules;
  const maxAgeMonths = options.maxAge ?? session.config?.lint.maxAgeMonths ?? 6;
  const templates = templatesOf(session.config);
  const files: FileReport[] = [];
  for (const file of [...session.files, ...session.personas]) {
    if (session.personas.includes(file)) {
      files.push({ file, diagnostics: (await checkFile(file, io, { templates, maxBytes: session.maxBytes, references: session.references })).diagnostics });
      continue;
    }
    const read = (path: string, positions: boolean) => readMapFile(path, io, { templates, defaultLocale: session.config?.locale, maxBytes: session.maxBytes, positions, references: session.references });
    const loaded = await read(file, true);
    const findings = await lintFindings(file, loaded, read, session.references, { templates, rules: rules ?? {}, maxAgeMonths, today: options.today ?? new Date() });
    files.push({ file: shownName(file), diagnostics: [...loaded.diagnostics, ...findings] });
  }
  return report({ command: 'lint', files, quiet: options.quiet }, options.reporter, io);
}

/**
 * The lint findings of a map read with positions; a map it is based on is read (with `read`) and
 * checked against. Nothing for a map with problems. Shared with the language server.
 */
export async function lintFindings(file: string, loaded: ReadResult, read: (path: string, positions: boolean) => Promise<ReadResult>, references: References, settings: Omit<LintOptions, 'base'>): Promise<Diagnostic[]> {
  if (!loaded.ok || !loaded.source) return [];
  const { lintMap } = await import('../core/lint/index.js');
  const findings: Diagnostic[] = [];
  const basePath = references.basedOnPath(file, loaded.map);
  const base = basePath ? await read(basePath, false) : undefined;
  if (base && !base.ok) findings.push(problemAt(loaded.source, 'based_on', `the map this one is based on (${basePath}) has problems: run journey validate ${basePath}`, 'invalid-value'));
  findings.push(...lintMap(loaded.map, loaded.source, { ...settings, base: base?.ok ? { map: base.map, file: basePath! } : undefined }));
  return findings;
}
