// journey fmt: every map in one canonical layout, comments and meaning kept; --check lists the files
// that are not, for CI and pre-commit. `-` formats standard input to standard output.
import { formatMap } from '../core/format.js';
import { DEFAULT_LIMITS, decodeText } from '../core/text.js';
import { EXIT } from '../errors.js';
import { readMapBytes } from '../io/files.js';
import { STDIN } from '../io/inputs.js';
import type { Io } from '../io/terminal.js';
import { openConfig, openSession, type SessionOptions } from '../pipeline/session.js';
import type { TemplateRegistry } from '../core/templates.js';
import { templatesOf } from '../io/templates.js';
import { rewriteReadFile, WriteError } from '../pipeline/write.js';
import { resolve } from 'node:path';

export interface FmtOptions extends SessionOptions {
  /** Change nothing: list the files that are not formatted, exit 1 if any. */
  check?: boolean;
}

export async function fmt(inputs: string[], options: FmtOptions, io: Io): Promise<number> {
  if (inputs.length === 1 && inputs[0] === STDIN) return fmtStdin(io, options);
  const session = await openSession(inputs, { ...options, personas: true }, io);
  const maxBytes = session.maxBytes ?? DEFAULT_LIMITS.maxBytes;
  let refused = 0;
  const unformatted: string[] = [];
  for (const file of [...session.files, ...session.personas]) {
    const read = await readMapBytes(resolve(io.cwd, file), { maxBytes, projectRoot: session.projectRoot });
    const formatted = read.ok ? formatBytes(file, read.bytes, maxBytes, templatesOf(session.config)) : { ok: false as const, reason: read.reason };
    if (!formatted.ok) {
      io.stderr(`${file}: cannot format: ${formatted.reason}\n`);
      refused++;
      continue;
    }
    if (!formatted.changed) continue;
    unformatted.push(file);
    if (options.check) continue;
    try {
      await rewriteReadFile(file, io, (read as { bytes: Uint8Array }).bytes, formatted.text);
    } catch (error) {
      if (!(error instanceof WriteError)) throw error;
      io.stderr(`${error.message}\n`);
      refused++;
    }
  }
  for (const file of unformatted) io.stdout(`${file}\n`);
  if (!options.quiet) {
    const files = (n: number) => `${n} file${n === 1 ? '' : 's'}`;
    const n = unformatted.length;
    const done = options.check ? (n ? `${files(n)} not formatted: run journey fmt` : refused ? '' : 'every file is formatted') : `formatted ${files(n)}`;
    // A file that could not be formatted is not called formatted: the summary counts it apart.
    io.stderr(`${[done, refused ? `${files(refused)} could not be formatted (above)` : ''].filter(Boolean).join('; ')}\n`);
  }
  return refused || (options.check && unformatted.length) ? EXIT.failed : EXIT.ok;
}

/** A file's text in the canonical layout, and whether that changes it; refused when the meaning would change. */
function formatBytes(file: string, bytes: Uint8Array, maxBytes: number, templates: TemplateRegistry): { ok: true; text: string; changed: boolean } | { ok: false; reason: string } {
  const decoded = decodeText(file, bytes, { ...DEFAULT_LIMITS, maxBytes });
  if (!decoded.ok) return { ok: false, reason: decoded.diagnostics[0]!.message };
  const formatted = formatMap(decoded.text, templates);
  if (!formatted.ok) return formatted;
  return { ok: true, text: formatted.text, changed: formatted.text !== decoded.text || hasBom(bytes) };
}

/** A UTF-8 byte-order mark, which the canonical layout leaves out. */
const hasBom = (bytes: Uint8Array) => bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

async function fmtStdin(io: Io, options: FmtOptions): Promise<number> {
  const bytes = await io.readStdin(DEFAULT_LIMITS.maxBytes);
  const formatted = formatBytes('<stdin>', bytes, DEFAULT_LIMITS.maxBytes, templatesOf(await openConfig(options, io)));
  if (!formatted.ok) {
    io.stderr(`<stdin>: cannot format: ${formatted.reason}\n`);
    return EXIT.failed;
  }
  if (!options.check) io.stdout(formatted.text);
  return options.check && formatted.changed ? EXIT.failed : EXIT.ok;
}
