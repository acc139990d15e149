#!/usr/bin/env node
// Runs the bundled CLI and sets the exit code. A package install ships the bundle; a clone builds
// it with `npm run build` (the tests build it themselves).
import module from 'node:module';
import { fileURLToPath } from 'node:url';

// Node 22.1+ keeps V8's compiled code of journey's modules between runs, which saves most of their
// compile time at each start. The cache lives in Node's own folder under the system's temporary
// folder (or NODE_COMPILE_CACHE), never in the project; NODE_DISABLE_COMPILE_CACHE=1 turns it off.
// Node 20 has no such thing: there journey keeps V8's code cache of its one-file bundle itself
// (code-cache.js).
module.enableCompileCache?.();

const argv = process.argv.slice(2);
let cli;
const cached = module.enableCompileCache ? undefined : (await import('./code-cache.js')).loadCached(fileURLToPath(new URL('../dist/cli.cjs', import.meta.url)), argv[0]);
try {
  cli = cached?.exports ?? (await import('../dist/cli.js'));
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/cli.js')) throw error;
  process.stderr.write('journey is not built yet: run `npm run build` in its folder (a clone of the repository needs it once after `npm install`)\n');
  process.exit(1);
}
process.exitCode = await cli.main(argv);
cached?.save();
