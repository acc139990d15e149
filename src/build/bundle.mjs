// Bundles the CLI into dist/ with esbuild: one file per lazily loaded command instead of dozens of
// modules, and the Handlebars templates precompiled. puppeteer-core stays outside the bundle and
// is loaded only for PDF and PNG.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import { esbuildOptions } from './esbuild-options.mjs';

rmSync('dist', { recursive: true, force: true });

await build({
  ...esbuildOptions,
  // The worker builds its share of a large batch on another core (src/pipeline/batch.ts).
  entryPoints: { cli: 'src/cli.ts', 'batch-worker': 'src/pipeline/batch-worker.ts' },
  outdir: 'dist',
  splitting: true,
});
