// A worker thread of a large batch (see buildMaps): it builds the maps it takes, one after another,
// and posts each result back; the main thread reports them in input order.
import { parentPort, workerData } from 'node:worker_threads';
import type { Io } from '../io/terminal.js';
import { createRenderer } from '../render/renderer.js';
import { buildFile, referencesFor, type WorkerData } from './batch.js';
import { inFlight } from './in-flight.js';
import { compileLayout } from './layout.js';
import { createWriter } from './write.js';

/**
 * Builds this thread's share. A failure is thrown as an uncaught exception, which the main thread
 * hears of as this thread's error whatever Node's --unhandled-rejections mode (with `warn`, a
 * rejection alone would end the thread as if it had finished).
 */
export const done = (async () => {
  const { plan, maps, counter, cwd } = workerData as WorkerData;
  const io: Io = {
    stdout: () => {},
    stderr: () => {},
    color: false,
    interactive: false,
    cwd,
    env: process.env,
    readStdin: async () => new Uint8Array(),
    onInterrupt: () => () => {},
  };
  // The layout the main thread read and compiled without a mistake.
  const layout = plan.layoutText !== undefined ? await compileLayout(plan.layoutFile!, plan.layoutText) : undefined;
  const renderer = createRenderer({ ...plan.render, layout });
  const tools = { renderer, write: createWriter(io), references: referencesFor(plan, io) };
  // Several maps in flight, so file reads and writes overlap the CPU work, as on the main thread.
  await inFlight(
    maps,
    plan.jobs,
    async ({ index, file }) => {
      parentPort!.postMessage({ index, result: await buildFile(file, plan, tools, io, true) });
    },
    counter,
  );
})().catch((error: unknown) => {
  process.nextTick(() => {
    throw error;
  });
});
