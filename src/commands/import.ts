// journey import: a spreadsheet (CSV, XLSX), a Markdown table or a Mermaid journey → a map in YAML, on standard
// output or in a new file. Input it cannot read writes nothing and says where (cell or line).
import { EXIT, ProblemsError, usageError } from '../errors.js';
import type { Io } from '../io/terminal.js';
import { createWriter } from '../pipeline/write.js';
import { report } from '../report/index.js';
import { painter } from '../report/text.js';
import { chooseTemplate, templatesOf } from '../io/templates.js';
import { openConfig } from '../pipeline/session.js';

export interface ImportOptions {
  output?: string;
  template?: string;
  sheet?: string;
  force?: boolean;
}

export async function importCommand(file: string, options: ImportOptions, io: Io): Promise<number> {
  if (options.sheet !== undefined && !/\.xlsx$/i.test(file)) throw usageError('--sheet chooses a sheet of an .xlsx workbook');
  const { importFile } = await import('../pipeline/import.js');
  const templates = templatesOf(await openConfig({}, io));
  if (options.template !== undefined) chooseTemplate(templates, options.template);
  const result = await importFile(file, io.cwd, { ...options, templates });
  if (!result.ok) throw new ProblemsError([{ file, diagnostics: result.diagnostics }]);
  if (result.warnings.length) report({ command: 'validate', files: [{ file, diagnostics: result.warnings }], quiet: true }, 'text', io);
  const target = options.output ?? '-';
  await createWriter(io)(target, result.yaml, { what: 'imported map', inputs: [file], projectRoot: io.cwd, writesMaps: true, force: options.force });
  if (target !== '-') io.stderr(`${painter(io.color).green('✓')} ${file} → ${target} (${result.stages} stage${result.stages === 1 ? '' : 's'})\n`);
  return EXIT.ok;
}
