// Bundles the CLI into dist/ with esbuild: one file per lazily loaded command instead of dozens of
// modules, and the Handlebars templates precompiled. puppeteer-core stays outside the bundle and
// is loaded only for PDF and PNG.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import { esbuildOptions } from './esbuild-options.mjs';

rmSync('dist', { recursive: true, force: true });

const options = { ...esbuildOptions, outdir: 'dist', splitting: true };
// The CLI, and the worker that builds its share of a large batch on another core (src/pipeline/batch.ts).
await build({ ...options, entryPoints: { cli: 'src/cli.ts', 'batch-worker': 'src/pipeline/batch-worker.ts' } });
// The API (the package's main entry) is bundled apart: sharing chunks with it split the CLI into
// twice as many files, and every start of the CLI paid for loading them.
await build({ ...options, entryPoints: { index: 'src/index.ts' } });
