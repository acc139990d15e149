// Opens a web address in the system's browser (`journey preview --open`) with a fixed, trusted
// command and the address as its one argument, never through a shell. $BROWSER, when set, names
// the command instead (the convention many tools follow; the tests use it for a fake browser).
import { spawn } from 'node:child_process';

export function systemOpener(env: Record<string, string | undefined>, platform = process.platform): { command: string; args: string[] } {
  if (env.BROWSER) return { command: env.BROWSER, args: [] };
  if (platform === 'darwin') return { command: 'open', args: [] };
  // `start` is a cmd built-in; its first quoted argument is a window title. The address is ours (http://127.0.0.1:…/).
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""'] };
  return { command: 'xdg-open', args: [] };
}

/** Starts the browser and lets it live on its own; resolves with why it could not, if it could not. */
export function openInBrowser(url: string, env: Record<string, string | undefined>): Promise<string | undefined> {
  const { command, args } = systemOpener(env);
  return new Promise((done) => {
    const child = spawn(command, [...args, url], { stdio: 'ignore', detached: true, windowsHide: true });
    child.once('error', (error) => done(`${command}: ${error.message}`));
    child.once('spawn', () => (child.unref(), done(undefined)));
  });
}
