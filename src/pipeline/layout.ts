// A team's own HTML layout (`--layout brand.hbs`): read and compiled once per run, its mistakes
// reported at its own line.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { problem, type Diagnostic } from '../core/diagnostics.js';
import { fsReason } from '../io/files.js';
import type { Io } from '../io/terminal.js';
import { LayoutError, type Template } from '../render/handlebars.js';

export async function loadLayout(file: string, io: Io): Promise<{ template: Template } | { diagnostic: Diagnostic }> {
  let source: string;
  try {
    source = await readFile(resolve(io.cwd, file), 'utf8');
  } catch (error) {
    return { diagnostic: problem(file, 1, 1, 'layout', `cannot read the layout: ${fsReason(error)}`) };
  }
  try {
    const { compileHtmlLayout } = await import('../render/html.js');
    return { template: await compileHtmlLayout(file, source) };
  } catch (error) {
    if (error instanceof LayoutError) return { diagnostic: layoutProblem(error) };
    throw error;
  }
}

export const layoutProblem = (error: LayoutError) => problem(error.file, error.line, error.col, 'layout', error.message);
