// The output formats, and how a build decides which one(s) to write.
import { extname } from 'node:path';

export const FORMATS = ['html', 'md', 'pdf'] as const;
export type Format = (typeof FORMATS)[number];

const BY_EXTENSION: Record<string, Format> = { '.html': 'html', '.htm': 'html', '.md': 'md', '.markdown': 'md', '.pdf': 'pdf' };

/** `-f html,md` → ['html', 'md']; without -f, the output's extension decides, else HTML. */
export function chooseFormats(format: string | undefined, output: string | undefined): Format[] | { error: string } {
  if (format) {
    const names = format.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
    const unknown = names.filter((f) => !(FORMATS as readonly string[]).includes(f));
    if (unknown.length || names.length === 0) return { error: `unknown format '${unknown[0] ?? format}': expected html, md or pdf (or several, like html,pdf)` };
    return [...new Set(names as Format[])];
  }
  const fromOutput = output && output !== '-' ? BY_EXTENSION[extname(output).toLowerCase()] : undefined;
  return [fromOutput ?? 'html'];
}
