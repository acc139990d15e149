// journey lsp --stdio: the language server for editors (src/lsp/server.ts), loaded only by this command.
import type { Io } from '../io/terminal.js';

export async function lsp(io: Io): Promise<number> {
  const { startServer } = await import('../lsp/server.js');
  return startServer(io);
}
