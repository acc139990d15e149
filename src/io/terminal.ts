// What a command may touch of the outside world, passed in so tests can run commands in-process.

export type InterruptSignal = 'SIGINT' | 'SIGTERM';

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
  /**
   * Runs `handler` on Ctrl-C or SIGTERM instead of exiting at once (watch mode, preview, a batch that
   * finishes its writes first), with the signal, so it can be given again; returns the unsubscribe.
   */
  onInterrupt: (handler: (signal: InterruptSignal) => void) => () => void;
}

export function processIo(): Io {
  const env = process.env;
  const color = env.FORCE_COLOR ? env.FORCE_COLOR !== '0' : Boolean(process.stderr.isTTY) && !env.NO_COLOR && env.TERM !== 'dumb';
  const handlers = new Set<(signal: InterruptSignal) => void>();
  let interrupted = false;
  // Ctrl-C and `kill` end the process through 'exit', so temporary files are removed and a browser
  // is closed. A command that asked (watch mode, the preview server) gets the first Ctrl-C or
  // SIGTERM to stop cleanly; a second one ends the process at once.
  const onSignal = (signal: InterruptSignal, code: number) => () => {
    if (handlers.size > 0 && !interrupted) {
      interrupted = true;
      for (const handler of handlers) handler(signal);
    } else {
      process.exit(code);
    }
  };
  process.on('SIGINT', onSignal('SIGINT', 130));
  process.on('SIGTERM', onSignal('SIGTERM', 143));
  // A reader that stops early (`journey build - | head -c 8`) closes the pipe: end quietly, as
  // command-line tools do, rather than with an unhandled EPIPE and a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    color,
    interactive: Boolean(process.stderr.isTTY) && env.TERM !== 'dumb' && !env.CI,
    cwd: process.cwd(),
    env,
    readStdin: readProcessStdin,
    onInterrupt: (handler) => {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
  };
}

/**
 * For the API: the process's standard streams for `-`, but no terminal and no signal handlers (the
 * program that imports journey owns those); reports are returned as data, not printed.
 */
export function libraryIo(cwd: string, env: Record<string, string | undefined>): Io {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: () => {},
    color: false,
    interactive: false,
    cwd,
    env,
    readStdin: readProcessStdin,
    onInterrupt: () => () => {},
  };
}

/** Standard input, refused (Refused) past `maxBytes` without reading on: an endless source stays bounded. */
async function readProcessStdin(maxBytes = Infinity): Promise<Uint8Array> {
  const { Refused, readStreamBytes } = await import('./files.js'); // only a map read from stdin needs it
  const read = await readStreamBytes(process.stdin, maxBytes);
  if (!read.ok) throw new Refused(read.reason);
  return read.bytes;
}
