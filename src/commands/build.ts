// journey build: read → load → render → write, for each map and format. A map with problems writes
// nothing; every document is written atomically, so a failed build never leaves a partial file.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Diagnostic } from '../core/diagnostics.js';
import type { JourneyMap } from '../core/model.js';
import { problem } from '../core/source.js';
import { fsReason, writeFileAtomic } from '../io/files.js';
import type { Io } from '../io/terminal.js';
import { chooseFormats, defaultOutput, type Format } from '../render/formats.js';
import { LayoutError, type Template } from '../render/handlebars.js';
import type { ReporterName } from '../report.js';
import { painter } from '../report.js';
import { loadFile } from './load-file.js';
import { printReport, type FileReport } from './report-results.js';

export interface BuildOptions {
  format?: string;
  output?: string;
  layout?: string;
  mdLayout?: 'auto' | 'table' | 'sections';
  reporter: ReporterName;
}

export async function build(files: string[], options: BuildOptions, io: Io): Promise<number> {
  const paint = painter(io.color);
  const usage = (message: string) => (io.stderr(`${paint.red('error:')} ${message}\n`), 2);

  const formats = chooseFormats(options.format, options.output);
  if ('error' in formats) return usage(formats.error);
  if (options.output && files.length > 1) return usage('-o/--output names one document: build one map with it');
  if (options.output && formats.length > 1) return usage('-o/--output names one document: choose one format with it');

  let layout: Template | undefined;
  if (options.layout) {
    const loaded = await loadLayout(options.layout, io);
    if ('diagnostic' in loaded) {
      printReport([{ file: options.layout, diagnostics: [loaded.diagnostic] }], options.reporter, io);
      return 1;
    }
    layout = loaded.template;
  }

  const renderer = createRenderer({ layout, mdLayout: options.mdLayout ?? 'auto' });
  const reports: FileReport[] = [];
  try {
    for (const file of files) {
      const result = await loadFile(file, io.cwd);
      const report: FileReport = { file, diagnostics: result.diagnostics, outputs: [] };
      reports.push(report);
      if (!result.ok) continue;
      for (const format of formats) {
        const target = options.output ?? defaultOutput(file, format);
        const written = await buildOne(result.map, format, file, target, renderer, io);
        if ('diagnostic' in written) report.diagnostics.push(written.diagnostic);
        else report.outputs!.push(target);
      }
    }
  } finally {
    await renderer.close();
  }

  printReport(reports, options.reporter, io);
  if (options.reporter === 'text') {
    for (const r of reports) for (const out of r.outputs ?? []) if (out !== '-') io.stderr(`${paint.green('✓')} ${r.file} → ${out}\n`);
  }
  return reports.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

async function buildOne(
  map: JourneyMap,
  format: Format,
  input: string,
  target: string,
  renderer: Renderer,
  io: Io,
): Promise<{ ok: true } | { diagnostic: Diagnostic }> {
  const fail = (message: string) => ({ diagnostic: problem(input, 1, 1, 'output', message) });
  if (target !== '-' && resolve(io.cwd, target) === resolve(io.cwd, input)) {
    return fail(`refusing to write the ${format} document over the map itself (${target}): choose another output`);
  }
  let document: string | Uint8Array;
  try {
    document = await renderer.render(map, format);
  } catch (error) {
    if (error instanceof LayoutError) return { diagnostic: problem(error.file, error.line, error.col, 'layout', error.message) };
    if (error instanceof RenderError) return fail(error.message);
    throw error;
  }
  if (target === '-') {
    io.stdout(document);
    return { ok: true };
  }
  try {
    await writeFileAtomic(resolve(io.cwd, target), document);
  } catch (error) {
    return fail(`cannot write ${target}: ${fsReason(error)}`);
  }
  return { ok: true };
}

/** A failure to render that is the environment's, not the map's (no browser, say). */
export class RenderError extends Error {}

interface Renderer {
  render(map: JourneyMap, format: Format): Promise<string | Uint8Array>;
  close(): Promise<void>;
}

/** Loads each format's renderer on first use; the PDF one keeps one browser for the whole build. */
function createRenderer(options: { layout?: Template; mdLayout: 'auto' | 'table' | 'sections' }): Renderer {
  let pdf: { render(map: JourneyMap, html: string): Promise<Uint8Array>; close(): Promise<void> } | undefined;
  const html = async (map: JourneyMap) => (await import('../render/html.js')).renderHtml(map, options.layout);
  return {
    async render(map, format) {
      switch (format) {
        case 'html':
          return html(map);
        case 'md':
          return (await import('../render/markdown.js')).renderMarkdown(map, { layout: options.mdLayout });
        case 'pdf': {
          pdf ??= await (await import('../render/pdf.js')).createPdfRenderer();
          return pdf.render(map, await html(map));
        }
      }
    },
    async close() {
      await pdf?.close();
    },
  };
}

async function loadLayout(file: string, io: Io): Promise<{ template: Template } | { diagnostic: Diagnostic }> {
  let source: string;
  try {
    source = await readFile(resolve(io.cwd, file), 'utf8');
  } catch (error) {
    return { diagnostic: problem(file, 1, 1, 'layout', `cannot read the layout: ${fsReason(error)}`) };
  }
  try {
    const { compileHtmlLayout } = await import('../render/html.js');
    return { template: compileHtmlLayout(file, source) };
  } catch (error) {
    if (error instanceof LayoutError) return { diagnostic: problem(file, error.line, error.col, 'layout', error.message) };
    throw error;
  }
}
