// A worker thread's share of a large HTML/Markdown batch (see buildMaps): it builds the maps it is
// given and posts each result back; the main thread reports them in input order.
import { parentPort, workerData } from 'node:worker_threads';
import type { Io } from '../io/terminal.js';
import { buildFile, createRenderer, loadLayout, type BuildSpec } from './build.js';
import { inFlight } from './in-flight.js';

const data = workerData as BuildSpec & { share: { index: number; file: string }[]; cwd: string };
const io: Io = {
  stdout: () => {},
  stderr: () => {},
  color: false,
  interactive: false,
  cwd: data.cwd,
  env: process.env,
  readStdin: async () => new Uint8Array(),
  onInterrupt: () => () => {},
};
const layout = data.layoutFile ? await loadLayout(data.layoutFile, io) : undefined;
const renderer = createRenderer({
  layout: layout && 'template' in layout ? layout.template : undefined,
  mdLayout: data.mdLayout,
  pdf: { env: process.env, pageSize: 'A4', portrait: false, timeout: 60_000 },
});
// Several maps in flight, so file reads and writes overlap the CPU work, as on the main thread.
await inFlight(data.share, 8, async ({ index, file }) => {
  parentPort!.postMessage({ index, result: await buildFile(file, data, renderer, io, true) });
});
