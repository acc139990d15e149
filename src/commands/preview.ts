// journey preview: a map, or a folder as the site, served on the loopback address and updated in
// the open page on every save.
import { usageError } from '../errors.js';
import { STDIN } from '../io/inputs.js';
import type { Io } from '../io/terminal.js';
import { preview as servePreview, type PreviewOptions } from '../pipeline/preview.js';
import { openSession, type SessionOptions } from '../pipeline/session.js';

export type PreviewCommandOptions = SessionOptions & PreviewOptions;

export async function preview(inputs: string[], options: PreviewCommandOptions, io: Io): Promise<number> {
  if (inputs.includes(STDIN)) throw usageError('preview needs files: standard input cannot be watched');
  // With nothing named, the config file's inputs, else the current folder.
  const session = await openSession(inputs, { ...options, defaultInputs: ['.'] }, io);
  return servePreview(session, inputs, options, io);
}
