// What a command may touch of the outside world, passed in so tests can run commands in-process.
export interface Io {
  stdout: (text: string | Uint8Array) => void;
  stderr: (text: string) => void;
  /** Whether stderr may be coloured. */
  color: boolean;
  cwd: string;
  env: Record<string, string | undefined>;
  readStdin: () => Promise<Uint8Array>;
}

export function processIo(): Io {
  const env = process.env;
  const color = env.FORCE_COLOR ? env.FORCE_COLOR !== '0' : Boolean(process.stderr.isTTY) && !env.NO_COLOR && env.TERM !== 'dumb';
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    color,
    cwd: process.cwd(),
    env,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
  };
}
