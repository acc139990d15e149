// journey export: a map as a spreadsheet (CSV or XLSX) for people who work in one, in the layout
// `journey import` reads back.
import { EXIT, ProblemsError } from '../errors.js';
import { outputPath } from '../io/inputs.js';
import type { Io } from '../io/terminal.js';
import { readMapFile, shownName } from '../pipeline/read.js';
import { createReferences } from '../pipeline/references.js';
import { openConfig } from '../pipeline/session.js';
import { createWriter } from '../pipeline/write.js';
import { extensionOf, FORMATS, type ExportFormatId } from '../render/formats.js';
import { painter } from '../report/text.js';

export async function exportCommand(file: string, options: { format: ExportFormatId; output?: string }, io: Io): Promise<number> {
  // A shared persona file is read, so the sheet carries the persona as the map's readers see it.
  const config = await openConfig({}, io);
  const loaded = await readMapFile(file, io, { defaultLocale: config?.locale, references: createReferences(io, { projectRoot: config?.dir ?? io.cwd, images: false }) });
  if (!loaded.ok) throw new ProblemsError([{ file: shownName(file), diagnostics: loaded.diagnostics }]);
  const { sheetLosses } = await import('../core/sheet-layout.js');
  const lost = sheetLosses(loaded.map);
  if (lost.length) io.stderr(`${painter(io.color).yellow('!')} ${shownName(file)}: a sheet cannot hold ${lost.join(', ')}: the export leaves them out, and importing it back will not restore them\n`);
  const data = await (await FORMATS[options.format].export())(loaded.map);
  const target = options.output ?? (file === '-' ? '-' : outputPath(file, extensionOf(options.format), { cwd: io.cwd, base: io.cwd }));
  await createWriter(io)(target, data, { what: `${options.format} export`, inputs: [file], projectRoot: config?.dir ?? io.cwd });
  if (target !== '-') io.stderr(`${painter(io.color).green('✓')} ${file} → ${target}\n`);
  return EXIT.ok;
}
