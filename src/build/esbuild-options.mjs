// What every esbuild bundle of journey's source shares: the templates compiled to JavaScript, Node
// built-ins reachable from bundled CommonJS, puppeteer-core left outside. Used by bundle.mjs (the CLI)
// and by the benchmark (the poster HTML its browser floors print).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync, transformSync } from 'esbuild';
import Handlebars from 'handlebars';

const ROOT = new URL('../../', import.meta.url).pathname;
const TEMPLATES = join(ROOT, 'templates');

/** The template compiler (src/render/template-compiler.ts), made runnable here with esbuild. */
async function templateCompiler() {
  const { outputFiles } = buildSync({
    stdin: { contents: "export * from './template-compiler.ts'; export * from './template-helpers.ts'; export * from './template-sources.ts';", resolveDir: join(ROOT, 'src/render'), loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'warning',
  });
  return import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
}

async function compiledModule() {
  const { compileTemplates, compileOptionsFor, readTemplateSources, CSS_MINIFY } = await templateCompiler();
  const watchFiles = ['template-compiler.ts', 'template-helpers.ts', 'template-sources.ts'].map((f) => join(ROOT, 'src/render', f));
  const kinds = ['html', 'markdown'].map((kind) => {
    const { partials, layouts, styles, files } = readTemplateSources(TEMPLATES, kind, (css) => transformSync(css, CSS_MINIFY).code);
    watchFiles.push(...files);
    const compiled = compileTemplates({ partials, layouts }, (source) => Handlebars.parse(source), compileOptionsFor(kind));
    return `${JSON.stringify(kind)}: { partials: ${JSON.stringify(partials)}, layouts: ${JSON.stringify(layouts)}, compiled: function (r) {\n${compiled}\n}, css: ${JSON.stringify(styles.style ?? '')}, styles: ${JSON.stringify(styles)} }`;
  });
  return {
    contents: `import Handlebars from 'handlebars/runtime';\nexport { Handlebars };\nconst files = { ${kinds.join(',\n')} };\nexport function templateFiles(kind) { return files[kind]; }\n`,
    watchFiles,
  };
}

/**
 * Two of Node's modules that journey's dependencies load as they start, and that a build never uses,
 * left unloaded (together about a tenth of a one-map build): chalk's own colour detection reads
 * `tty`, but journey chooses the colour level itself (`new Chalk({ level })`, see report/text.ts), so
 * chalk gets its browser variant, which looks at nothing; commander loads `child_process` for
 * commands run as separate programs, which journey has none of, so it gets the module on first use.
 */
export const unusedAtStart = {
  name: 'unused-at-start',
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, (args) => ({ path: join(args.resolveDir, 'vendor/supports-color/browser.js') }));
    b.onResolve({ filter: /^node:child_process$/ }, (args) => (/[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'on-first-use' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'on-first-use' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, name) => require('node:child_process')[name] });",
      loader: 'js',
    }));
  },
};

export const precompiledTemplates = {
  name: 'precompiled-templates',
  setup(b) {
    b.onResolve({ filter: /\/template-files\.js$/ }, () => ({ path: 'template-files', namespace: 'precompiled' }));
    b.onLoad({ filter: /.*/, namespace: 'precompiled' }, async () => ({ ...(await compiledModule()), loader: 'js', resolveDir: ROOT }));
  },
};

/**
 * This build of journey: its version and a hash of every source file and layout. Incremental
 * builds compare it, so documents written by an earlier build of the same version (a clone rebuilt
 * after a pull) are built again rather than reported up to date.
 */
function buildId() {
  const hash = createHash('sha256');
  for (const dir of ['src', 'templates']) {
    for (const file of readdirSync(join(ROOT, dir), { recursive: true }).sort()) {
      let bytes;
      try {
        bytes = readFileSync(join(ROOT, dir, file));
      } catch {
        continue; // a folder
      }
      hash.update(`${dir}/${file}\0${bytes.length}\0`).update(bytes);
    }
  }
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  return `${version}+${hash.digest('base64url').slice(0, 16)}`;
}

export const esbuildOptions = {
  absWorkingDir: ROOT,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['puppeteer-core'],
  // Bundled CommonJS modules (yaml, handlebars) call require() for Node's built-ins.
  banner: { js: "import { createRequire as __journeyCreateRequire } from 'node:module'; const require = __journeyCreateRequire(import.meta.url);" },
  plugins: [precompiledTemplates, unusedAtStart],
  // yaml's ES-module build (the one it gives browsers, free of Node specifics) bundles smaller than its CommonJS one.
  alias: { yaml: './node_modules/yaml/browser/index.js' },
  define: { __JOURNEY_BUILD__: JSON.stringify(buildId()) },
  legalComments: 'none',
  logLevel: 'warning',
};
