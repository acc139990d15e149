#!/usr/bin/env node
// Runs the bundled CLI and sets the exit code. A package install ships the bundle; a clone builds
// it with `npm run build` (the tests build it themselves). This folder is CommonJS (its own
// package.json): Node 20 then starts journey without setting up its ES-module loader.
const { enableCompileCache } = require('node:module');
const { join } = require('node:path');

// Node 22.1+ keeps V8's compiled code of journey's modules between runs, which saves most of their
// compile time at each start. The cache lives in Node's own folder under the system's temporary
// folder (or NODE_COMPILE_CACHE), never in the project; NODE_DISABLE_COMPILE_CACHE=1 turns it off.
// Node 20 has no such thing: there journey keeps V8's code cache of its one-file bundle itself
// (code-cache.js).
enableCompileCache?.();

const argv = process.argv.slice(2);
const cached = enableCompileCache ? undefined : require('./code-cache.js').loadCached(join(__dirname, '../dist/cli.cjs'), argv[0]);

async function run() {
  let cli;
  try {
    cli = cached?.exports ?? (await import('../dist/cli.js'));
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/cli.js')) throw error;
    process.stderr.write('journey is not built yet: run `npm run build` in its folder (a clone of the repository needs it once after `npm install`)\n');
    process.exit(1);
  }
  process.exitCode = await cli.main(argv);
  cached?.save();
}

// A failure is thrown as an uncaught exception: exit code 1 and the error, whatever Node's
// --unhandled-rejections mode (with `warn`, a rejection alone would end with code 0).
run().catch((error) => {
  process.nextTick(() => {
    throw error;
  });
});
