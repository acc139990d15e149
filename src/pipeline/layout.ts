// A team's own HTML layout (`--layout brand.hbs`): read and compiled once per run, its mistakes
// reported at its own line.
import { resolve } from 'node:path';
import { problem, type Diagnostic } from '../core/diagnostics.js';
import { DEFAULT_LIMITS } from '../core/text.js';
import { readMapBytes } from '../io/files.js';
import type { Io } from '../io/terminal.js';
import { LayoutError, type Template } from '../render/handlebars.js';

/**
 * `projectRoot`: a layout inside the project may not lead out of it through a symbolic link. Gives
 * its text too: it is read once per build (worker threads compile the same text, incremental builds
 * digest it).
 */
export async function loadLayout(file: string, io: Io, projectRoot: string): Promise<{ template: Template; text: string } | { diagnostic: Diagnostic }> {
  const read = await readMapBytes(resolve(io.cwd, file), { maxBytes: DEFAULT_LIMITS.maxBytes, projectRoot, expected: 'a Handlebars layout file' });
  if (!read.ok) return { diagnostic: problem(file, 1, 1, 'layout', read.reason.replace(/^cannot read the file/, 'cannot read the layout'), 'layout-error') };
  const text = new TextDecoder().decode(read.bytes);
  try {
    return { template: await compileLayout(file, text), text };
  } catch (error) {
    if (error instanceof LayoutError) return { diagnostic: layoutProblem(error) };
    throw error;
  }
}

/** Compiles a layout's text; throws LayoutError. */
export async function compileLayout(file: string, text: string): Promise<Template> {
  const { compileHtmlLayout } = await import('../render/html.js');
  return compileHtmlLayout(file, text);
}

export const layoutProblem = (error: LayoutError) => problem(error.file, error.line, error.col, 'layout', error.message, 'layout-error');
