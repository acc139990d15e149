// Bundles the CLI into dist/ with esbuild: one file per lazily loaded command instead of dozens of
// modules, and the Handlebars templates precompiled. puppeteer-core stays outside the bundle and
// is loaded only for PDF.
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import Handlebars from 'handlebars';

const TEMPLATES = new URL('../../templates/', import.meta.url).pathname;

/** The same compile options as src/render/handlebars.ts. */
const optionsFor = (kind) => ({ strict: true, noEscape: kind === 'markdown' });

function precompiledModule() {
  const watchFiles = [];
  const kinds = ['html', 'markdown'].map((kind) => {
    const group = (dir) => {
      const entries = readdirSync(join(TEMPLATES, kind, dir))
        .filter((f) => f.endsWith('.hbs'))
        .sort()
        .map((f) => {
          const file = join(TEMPLATES, kind, dir, f);
          watchFiles.push(file);
          // Partials lose their final newline, as in the runtime reader (an empty cell stays :empty).
          const source = readFileSync(file, 'utf8');
          const text = dir === 'partials' ? source.replace(/\n$/, '') : source;
          return `${JSON.stringify(f.slice(0, -4))}: ${Handlebars.precompile(text, optionsFor(kind))}`;
        });
      return `{ ${entries.join(',\n')} }`;
    };
    const styles = Object.fromEntries(
      readdirSync(join(TEMPLATES, kind))
        .filter((f) => f.endsWith('.css'))
        .map((f) => (watchFiles.push(join(TEMPLATES, kind, f)), [f.slice(0, -4), readFileSync(join(TEMPLATES, kind, f), 'utf8')])),
    );
    return `${JSON.stringify(kind)}: { partials: ${group('partials')}, layouts: ${group('layouts')}, css: ${JSON.stringify(styles.style ?? '')}, styles: ${JSON.stringify(styles)} }`;
  });
  return {
    contents: `import Handlebars from 'handlebars/runtime';\nexport { Handlebars };\nconst files = { ${kinds.join(',\n')} };\nexport function templateFiles(kind) { return files[kind]; }\n`,
    watchFiles,
  };
}

const precompiledTemplates = {
  name: 'precompiled-templates',
  setup(b) {
    b.onResolve({ filter: /\/template-files\.js$/ }, () => ({ path: 'template-files', namespace: 'precompiled' }));
    b.onLoad({ filter: /.*/, namespace: 'precompiled' }, () => ({ ...precompiledModule(), loader: 'js', resolveDir: process.cwd() }));
  },
};

rmSync('dist', { recursive: true, force: true });

const options = {
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  splitting: true,
  external: ['puppeteer-core'],
  // Bundled CommonJS modules (yaml, handlebars) call require() for Node's built-ins.
  banner: { js: "import { createRequire as __journeyCreateRequire } from 'node:module'; const require = __journeyCreateRequire(import.meta.url);" },
  plugins: [precompiledTemplates],
  // yaml's ES-module build (the one it gives browsers, free of Node specifics) bundles smaller than its CommonJS one.
  alias: { yaml: './node_modules/yaml/browser/index.js' },
  legalComments: 'none',
  logLevel: 'warning',
};

// The CLI, and the worker that builds its share of a large batch on another core (src/pipeline/batch.ts).
await build({ ...options, entryPoints: { cli: 'src/cli.ts', 'batch-worker': 'src/pipeline/batch-worker.ts' } });
// The API (the package's main entry) is bundled apart: sharing chunks with it split the CLI into
// twice as many files, and every start of the CLI paid for loading them.
await build({ ...options, entryPoints: { index: 'src/index.ts' } });
