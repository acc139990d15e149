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
import { RenderError } from '../render/errors.js';
import { LayoutError, type Template } from '../render/handlebars.js';
import type { PageSize, PdfOptions, createPdfRenderer } from '../render/pdf.js';
import type { ReporterName } from '../report.js';
import { painter } from '../report.js';
import { BrowserError } from '../browser/launch.js';
import { loadFile } from './load-file.js';
import { printReport, type FileReport } from './report-results.js';

export interface BuildOptions {
  format?: string;
  output?: string;
  layout?: string;
  mdLayout?: 'auto' | 'table' | 'sections';
  reporter: ReporterName;
  browser?: string;
  pageSize?: PageSize;
  portrait?: boolean;
  /** Seconds to wait for the browser to start, and to print one document. */
  timeout?: number;
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

  const renderer = createRenderer({
    layout,
    mdLayout: options.mdLayout ?? 'auto',
    pdf: { browser: options.browser, env: io.env, pageSize: options.pageSize ?? 'A4', portrait: options.portrait ?? false, timeout: (options.timeout ?? 60) * 1000 },
  });
  const reports: FileReport[] = [];
  // A browser that cannot start fails every PDF of the build the same way: say it once.
  let browserProblem: string | undefined;
  try {
    for (const file of files) {
      const result = await loadFile(file, io.cwd);
      const report: FileReport = { file, diagnostics: result.diagnostics, outputs: [] };
      reports.push(report);
      if (!result.ok) continue;
      for (const format of formats) {
        if (format === 'pdf' && browserProblem) continue;
        const target = options.output ?? defaultOutput(file, format);
        try {
          const written = await buildOne(result.map, format, file, target, renderer, io);
          if ('diagnostic' in written) report.diagnostics.push(written.diagnostic);
          else report.outputs!.push(target);
        } catch (error) {
          if (!(error instanceof BrowserError)) throw error;
          browserProblem = error.message;
        }
      }
    }
  } finally {
    await renderer.close();
  }

  printReport(reports, options.reporter, io);
  if (browserProblem) io.stderr(`${paint.red('error:')} ${browserProblem}\n`);
  if (options.reporter === 'text') {
    for (const r of reports) for (const out of r.outputs ?? []) if (out !== '-') io.stderr(`${paint.green('✓')} ${r.file} → ${out}\n`);
  }
  return browserProblem || reports.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
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

interface Renderer {
  render(map: JourneyMap, format: Format): Promise<string | Uint8Array>;
  close(): Promise<void>;
}

/** Loads each format's renderer on first use; the PDF one keeps one browser for the whole build. */
function createRenderer(options: { layout?: Template; mdLayout: 'auto' | 'table' | 'sections'; pdf: PdfOptions }): Renderer {
  let pdf: ReturnType<typeof createPdfRenderer> | undefined;
  return {
    async render(map, format) {
      const { renderHtml } = await import('../render/html.js');
      switch (format) {
        case 'html':
          return renderHtml(map, { layout: options.layout });
        case 'md':
          return (await import('../render/markdown.js')).renderMarkdown(map, { layout: options.mdLayout });
        case 'pdf': {
          pdf ??= (await import('../render/pdf.js')).createPdfRenderer(options.pdf);
          return pdf.render(map, (stagesPerTable) => renderHtml(map, { layout: options.layout, stagesPerTable }));
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
