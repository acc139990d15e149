// What a command may touch of the outside world, passed in so tests can run commands in-process.
import { Refused, readStreamBytes } from './files.js';

export interface Io {
  stdout: (text: string | Uint8Array) => void;
  stderr: (text: string) => void;
  /** Whether stderr may be coloured. */
  color: boolean;
  /** Whether stderr is a terminal a live progress line can be redrawn on. */
  interactive: boolean;
  cwd: string;
  env: Record<string, string | undefined>;
  /**
   * Standard input, read to its end; with `maxBytes`, reading stops once past it and this throws
   * `Refused` (an endless source is refused instead of filling memory).
   */
  readStdin: (maxBytes?: number) => Promise<Uint8Array>;
  /** Runs `handler` on Ctrl-C instead of exiting at once (watch mode); returns the unsubscribe. */
  onInterrupt: (handler: () => void) => () => void;
}

export function processIo(): Io {
  const env = process.env;
  const color = env.FORCE_COLOR ? env.FORCE_COLOR !== '0' : Boolean(process.stderr.isTTY) && !env.NO_COLOR && env.TERM !== 'dumb';
  const handlers = new Set<() => void>();
  let interrupted = false;
  // Ctrl-C and `kill` end the process through 'exit', so temporary files are removed and a browser
  // is closed. A command that asked (watch mode) gets the first Ctrl-C to stop cleanly.
  process.on('SIGINT', () => {
    if (handlers.size > 0 && !interrupted) {
      interrupted = true;
      for (const handler of handlers) handler();
    } else {
      process.exit(130);
    }
  });
  process.on('SIGTERM', () => process.exit(143));
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    color,
    interactive: Boolean(process.stderr.isTTY) && env.TERM !== 'dumb' && !env.CI,
    cwd: process.cwd(),
    env,
    readStdin: async (maxBytes = Infinity) => {
      const read = await readStreamBytes(process.stdin, maxBytes);
      if (!read.ok) throw new Refused(read.reason);
      return read.bytes;
    },
    onInterrupt: (handler) => {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
  };
}
