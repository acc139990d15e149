// Bundles the CLI into dist/ with esbuild: one file per lazily loaded command instead of dozens of
// modules, and journey's templates compiled to JavaScript. puppeteer-core stays outside the bundle and
// is loaded only for PDF and PNG.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { esbuildOptions } from './esbuild-options.mjs';

rmSync('dist', { recursive: true, force: true });

const options = { ...esbuildOptions, outdir: 'dist', splitting: true };
// The CLI, and the worker that builds its share of a large batch on another core (src/pipeline/batch.ts).
await build({ ...options, entryPoints: { cli: 'src/cli.ts', 'batch-worker': 'src/pipeline/batch-worker.ts' } });
// The API (the package's main entry) is bundled apart: sharing chunks with it split the CLI into
// twice as many files, and every start of the CLI paid for loading them.
await build({ ...options, entryPoints: { index: 'src/index.ts' } });
// The CLI once more, as one CommonJS script, for Node 20: bin/code-cache.js runs it through V8's
// code cache, which Node 20 offers for scripts only (Node 22+ caches the modules above itself); a
// large batch's worker threads run from it too (runBatchWorker in src/cli.ts). It ends with its
// own id, so a cache never outlives the bundle it was made from.
await build({
  ...esbuildOptions,
  format: 'cjs',
  entryPoints: { cli: 'src/cli.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  define: { ...esbuildOptions.define, 'import.meta.url': '__journeyUrl' },
  // import() as require(): a script run from V8's code cache on Node 20 loses its dynamic-import callback.
  supported: { 'dynamic-import': false },
  // Half the bytes to read at each start, and to ship.
  minify: true,
  banner: { js: "const __journeyUrl = require('node:url').pathToFileURL(__filename).href;" },
});
// All ASCII, so the loader reads it as Latin-1 into a one-byte string: a single character beyond
// made V8 hold (and decode) the whole script as two-byte text. esbuild leaves some in regular
// expressions and comments; as \u escapes (surrogate pairs beyond the BMP) they mean the same.
const text = readFileSync('dist/cli.cjs', 'utf8').replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const id = createHash('sha256').update(text).digest('base64url').slice(0, 32);
writeFileSync('dist/cli.cjs', `${text}//# journey-bundle ${id}\n`);
