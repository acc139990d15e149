// The package as a user gets it: packed, installed into an empty project with npm, then the
// `journey` command and the API used from there, with nothing of this repository in reach.
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, ROOT } from './helpers.js';

const run = promisify(execFile);
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; license: string; dependencies: Record<string, string>; allowScripts?: Record<string, boolean> };

let dir: string;
let app: string;
let packed: { filename: string; size: number; files: { path: string }[] };

/** Runs a command in the app folder; never rejects, so a test can look at a failing exit code. */
async function inApp(file: string, args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(file, args, { cwd: app, env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 32 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout: string; stderr: string };
    return { code: Number(e.code ?? 1), stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'journey-package-'));
  app = join(dir, 'app');
  // --ignore-scripts: the bundle and types were built by the test setup; `prepack` would rebuild
  // dist/ under the other test files' feet. .ci/run packs with the script (test/smoke.mjs).
  const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: ROOT });
  packed = JSON.parse(stdout)[0];
  await run('mkdir', [app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'maps', private: true, type: 'module' }));
  // Runtime dependencies come from npm's cache when it has them, else the registry; no browser is
  // downloaded (puppeteer-core has no install script) and no build step runs.
  await run('npm', ['install', join(dir, packed.filename), '--prefer-offline', '--no-audit', '--no-fund'], { cwd: app });
  copyFileSync(join(EXAMPLES, 'current-state.yaml'), join(app, 'map.yaml'));
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the packed package', () => {
  it('holds the bundle, its types, the layouts and the bin, and neither sources nor tests', () => {
    const files = packed.files.map((f) => f.path);
    for (const f of ['bin/journey.js', 'bin/code-cache.js', 'bin/package.json', 'dist/cli.js', 'dist/cli.cjs', 'dist/index.js', 'dist/batch-worker.js', 'dist/types/index.d.ts', 'templates/html/style.css', 'README.md', 'LICENSE', 'package.json']) {
      expect(files).toContain(f);
    }
    expect(files.filter((f) => /^(src|test|examples)\//.test(f))).toEqual([]);
    // The CLI ships twice: as ES modules, and as one minified script for Node 20's code cache (about 0.5 MB).
    expect(packed.size).toBeLessThan(1.5 * 1024 * 1024);
  });

  it('carries the licence package.json names', () => {
    expect(pkg.license).toBe('MIT');
    const licence = readFileSync(join(app, 'node_modules', pkg.name, 'LICENSE'), 'utf8');
    expect(licence).toMatch(/^MIT License\n\nCopyright \(c\) 2026 the journey authors\n/);
    expect(licence).toContain('THE SOFTWARE IS PROVIDED "AS IS"');
  });

  it('installs only its runtime dependencies, none with an install script', () => {
    const modules = join(app, 'node_modules');
    for (const dev of ['esbuild', 'typescript', 'vitest']) expect(existsSync(join(modules, dev))).toBe(false);
    const withScripts: string[] = [];
    const look = (folder: string) => {
      for (const name of readdirSync(folder)) {
        if (name.startsWith('.')) continue;
        if (name.startsWith('@')) look(join(folder, name));
        else {
          const manifest = join(folder, name, 'package.json');
          if (!existsSync(manifest)) continue;
          const scripts = (JSON.parse(readFileSync(manifest, 'utf8')).scripts ?? {}) as Record<string, string>;
          // npm runs `prepare` too for a package installed from a tarball or git, not from the registry.
          const run = name === pkg.name ? ['preinstall', 'install', 'postinstall', 'prepare'] : ['preinstall', 'install', 'postinstall'];
          if (run.some((s) => s in scripts)) withScripts.push(name);
          if (existsSync(join(folder, name, 'node_modules'))) look(join(folder, name, 'node_modules'));
        }
      }
    };
    look(modules);
    expect(withScripts).toEqual([]);
    expect(Object.keys(JSON.parse(readFileSync(join(modules, pkg.name, 'package.json'), 'utf8')).dependencies)).toEqual(Object.keys(pkg.dependencies));
  });

  it('gives `npx journey`, which builds a map into HTML, Markdown and PDF and reports problems', async () => {
    const version = await inApp('npx', ['--no-install', 'journey', '--version']);
    expect(version.stdout.trim()).toBe(pkg.version);

    const built = await inApp('npx', ['--no-install', 'journey', 'build', 'map.yaml', '-f', 'html,md,pdf']);
    expect(built.code, built.stderr).toBe(0);
    expect(readFileSync(join(app, 'map.html'), 'utf8')).toContain('Buying running shoes online');
    expect(readFileSync(join(app, 'map.md'), 'utf8')).toMatch(/^# Buying running shoes online/);
    expect(readFileSync(join(app, 'map.pdf')).subarray(0, 5).toString()).toBe('%PDF-');

    writeFileSync(join(app, 'bad.yaml'), 'template: current-state\ntitle: Bad\nstages:\n  - name: A\n    emotion: 7\n');
    const bad = await inApp('npx', ['--no-install', 'journey', 'validate', 'bad.yaml']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('bad.yaml:5:14 error stages[0].emotion: expected an emotion');
  });

  it('gives the API from the main entry: validate, render and build, problems as data', async () => {
    writeFileSync(
      join(app, 'use.mjs'),
      `import { readFileSync } from 'node:fs';
import { validate, render, build, JourneyError } from '${pkg.name}';
const source = readFileSync('map.yaml', 'utf8');
const checked = await validate(source, { file: 'map.yaml' });
const bad = await validate('template: current-state\\ntitle: Bad\\nstages: []\\n', { file: 'bad.yaml' });
const md = await render(checked.map, 'md');
const pdf = await render(source, 'pdf');
let error;
try { await render('title: no template', 'html'); } catch (e) { error = { isJourneyError: e instanceof JourneyError, diagnostics: e.diagnostics.length }; }
const result = await build(['map.yaml', 'bad.yaml'], { format: 'html', outDir: 'site' });
console.log(JSON.stringify({ ok: checked.ok, stages: checked.map.stages.length, bad: bad.diagnostics.map((d) => [d.file, d.line, d.col, d.path]), md: md.split('\\n')[0], pdf: [pdf instanceof Uint8Array, new TextDecoder().decode(pdf.subarray(0, 5))], error, result }));
`,
    );
    writeFileSync(join(app, 'bad.yaml'), 'template: current-state\ntitle: Bad\nstages: []\n');
    const out = await inApp(process.execPath, ['use.mjs']);
    expect(out.code, out.stderr).toBe(0);
    const got = JSON.parse(out.stdout);
    expect(got).toMatchObject({ ok: true, stages: 5, md: '# Buying running shoes online', pdf: [true, '%PDF-'], error: { isJourneyError: true, diagnostics: 2 } });
    expect(got.bad).toEqual([['bad.yaml', 3, 9, 'stages']]);
    expect(got.result).toMatchObject({
      ok: false,
      files: [
        { file: 'map.yaml', ok: true, outputs: ['site/map.html'], problems: [] },
        { file: 'bad.yaml', ok: false, outputs: [], problems: [{ file: 'bad.yaml', line: 3, col: 9, path: 'stages', severity: 'error' }] },
      ],
      summary: { files: 2, failed: 1, built: 1 },
    });
    expect(existsSync(join(app, 'site', 'map.html'))).toBe(true);
  });

  it('has types a TypeScript project checks against: documents, results, options and the view a layout receives', async () => {
    writeFileSync(
      join(app, 'use.ts'),
      `import { validate, render, build, type Diagnostic, type BuildResult, type LayoutData, type View } from '${pkg.name}';
const checked = await validate('title: x');
const problems: Diagnostic[] = checked.diagnostics;
const html: string = await render('title: x', 'html', { mdLayout: 'table' });
const pdf: Uint8Array = await render('title: x', 'pdf', { pageSize: 'A3', portrait: true });
const result: BuildResult = await build(['maps'], { format: ['html', 'md'], outDir: 'site' });
export const used = [problems, html, pdf, result.files[0]?.outputs];
// @ts-expect-error a PDF is bytes, not text
export const wrong: string = await render('title: x', 'pdf');
// @ts-expect-error not a format
await render('title: x', 'docx');
// The view a team's layout receives, versioned.
export const stageNames = (view: View): string[] => view.stages.map((s) => \`\${s.label} \${s.name}\`);
export const version: 1 = ({} as LayoutData).version;
export const sources = (view: View) => view.evidence?.sources.map((s) => s.number) ?? [];
// @ts-expect-error not a field of the view
export const subtitle = ({} as View).subtitle;
`,
    );
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: [] }, include: ['use.ts'] }),
    );
    const tsc = await inApp(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.']);
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.code).toBe(0);
  });
  it("compiles the README's API example under --strict, as a user would paste it", async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('\n## API\n'));
    const example = /```js\n([\s\S]*?)```/.exec(section)![1]!;
    expect(example).toContain(`from '${pkg.name}'`);
    expect(example).toContain('if (checked.ok)');
    writeFileSync(join(app, 'readme.ts'), `${example}\nexport {};\n`);
    writeFileSync(
      join(app, 'tsconfig.readme.json'),
      JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: ['node'], typeRoots: [join(ROOT, 'node_modules', '@types')] },
        include: ['readme.ts'],
      }),
    );
    const tsc = await inApp(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.readme.json']);
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.code).toBe(0);
  });
});

describe('setting up from a clone', () => {
  // npm 11 lists, after every install, the packages with install scripts that package.json's
  // `allowScripts` does not cover ("install scripts not yet covered by allowScripts"); npm 12 skips them.
  it('covers every install script of the locked dependencies, so `npm ci` warns of none', () => {
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { hasInstallScript?: boolean }> };
    const withScripts = Object.entries(lock.packages).flatMap(([path, p]) => (p.hasInstallScript ? [path.replace(/^.*node_modules\//, '')] : []));
    expect(withScripts.length).toBeGreaterThan(0);
    expect(withScripts.filter((name) => !Object.hasOwn(pkg.allowScripts ?? {}, name))).toEqual([]);
  });
});
