import type { Io } from '../io/terminal.js';
export async function build(_files: string[], _opts: unknown, io: Io): Promise<number> {
  io.stderr('not yet\n');
  return 1;
}
