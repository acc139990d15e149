// A fault in a batch's worker threads only, preloaded with `node --require`: encoding a document
// throws, a bug journey does not expect (test/batch.test.ts, test/smoke.mjs). The main thread waits
// 20 ms before each document, so that a worker thread, however slow to start, takes maps too. Node's
// built-in modules are left alone: an ES module's named import of one would not see a patch.
const { isMainThread } = require('node:worker_threads');
const from = Buffer.from;
Buffer.from = function (value, ...rest) {
  if (typeof value === 'string' && /^<!doctype html>/i.test(value)) {
    if (!isMainThread) throw new Error('a fault in the worker');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
  }
  return from.call(this, value, ...rest);
};
