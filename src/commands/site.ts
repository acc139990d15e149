// journey site: a portfolio of maps as a static site (index, a page per map and per persona, health).
import type { Io } from '../io/terminal.js';
import { buildSite } from '../pipeline/site.js';
import { openSession, type SessionOptions } from '../pipeline/session.js';
import { countWords, report } from '../report/index.js';
import { painter } from '../report/text.js';

export interface SiteCommandOptions extends SessionOptions {
  output: string;
  title?: string;
  maxAge?: number;
  /** The day to judge staleness by (tests); today otherwise. */
  today?: Date;
}

export async function site(inputs: string[], options: SiteCommandOptions, io: Io): Promise<number> {
  const session = await openSession(inputs, options, io);
  const started = Date.now();
  const result = await buildSite(
    session,
    {
      output: options.output,
      title: options.title,
      maxAgeMonths: options.maxAge ?? session.config?.lint.maxAgeMonths ?? 6,
      today: options.today ?? new Date(),
    },
    io,
  );
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  const code = report({ command: 'validate', files: result.reports, quiet: true }, options.reporter, io);
  if (options.reporter === 'text' && !options.quiet) {
    const paint = painter(io.color);
    const removed = result.removed.length ? `, ${result.removed.length} removed` : '';
    const line = `${options.output}: ${countWords(result.written.length, 'page')} written, ${result.unchanged} unchanged${removed}, ${seconds} s`;
    io.stderr(`${code ? paint.red(`✗ ${line}`) : paint.green(`✓ ${line}`)}\n`);
  }
  return code;
}
