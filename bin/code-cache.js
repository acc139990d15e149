// Node 20 keeps no compiled code between runs (Node 22.1+ has module.enableCompileCache, which
// bin/journey.js turns on): there, journey runs dist/cli.cjs, the whole CLI as one CommonJS script,
// through V8's code cache itself, which saves most of the time spent compiling at each start; a
// large batch's worker threads run from it too, with a cache of their own (runCachedWorker).
//
// The cache is one file per bundle, Node version and command, in $XDG_CACHE_HOME/journey, else in
// journey-<uid> under the system's temporary folder; NODE_DISABLE_COMPILE_CACHE=1 turns it off, as
// it does Node's own. It is written atomically, only into a folder of this user's that no one else
// can write to, and never trusted blindly: one that is not this user's regular file, is damaged
// (its checksum) or is refused by V8 (another bundle, Node or flags) is ignored, and replaced.
const { closeSync, constants, fstatSync, futimesSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { createHash } = require('node:crypto');
const { createRequire } = require('node:module');
const { tmpdir } = require('node:os');
const { dirname, isAbsolute, join } = require('node:path');
const vm = require('node:vm');
const { crc32 } = require('node:zlib');

const MAGIC = Buffer.from('journey code cache 1\n');
/** A cache file larger than this is not read (the CLI's is about a megabyte). */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;
/** Another bundle's cache files (an earlier version's) are removed once unused for this long. */
const STALE_MS = 24 * 60 * 60 * 1000;
/** A cache per command: each keeps the code its own runs compiled. Anything else shares one. */
const COMMANDS = new Set(['batch-worker', 'build', 'validate', 'lint', 'fmt', 'site', 'preview', 'diff', 'export', 'import', 'init', 'schema', 'templates', 'lsp']);

/** The folder of journey's code cache, or undefined when it is turned off. */
function cacheFolder(env = process.env) {
  if (env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  // A relative XDG_CACHE_HOME is to be ignored (XDG base directory specification).
  if (env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME)) return join(env.XDG_CACHE_HOME, 'journey');
  return join(tmpdir(), `journey-${process.getuid?.() ?? 'cache'}`);
}

const ownedByMe = (info) => process.getuid === undefined || info.uid === process.getuid();

/** The folder, made if missing, when it is a folder of this user's that no other user can write to. */
function ownFolder(folder) {
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const info = lstatSync(folder);
    return info.isDirectory() && ownedByMe(info) && (process.getuid === undefined || (info.mode & 0o022) === 0);
  } catch {
    return false;
  }
}

/**
 * The cached data in `file`, or undefined when it is missing, not this user's regular file, too large
 * or damaged. A file used again more than a day after its time was last set gets the time of now
 * (`renewed`): its time says when it was last used, at the cost of one call a day.
 */
function readCache(file) {
  let fd;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch {
    return undefined;
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile() || !ownedByMe(info) || info.size > MAX_CACHE_BYTES || info.size < MAGIC.length + 4) return undefined;
    const bytes = readFileSync(fd);
    if (!bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
    const data = bytes.subarray(MAGIC.length + 4);
    if (crc32(data) !== bytes.readUInt32LE(MAGIC.length)) return undefined;
    let renewed = false;
    if (Date.now() - info.mtimeMs > STALE_MS) {
      try {
        futimesSync(fd, new Date(), new Date());
        renewed = true;
      } catch {}
    }
    return { data, renewed };
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Writes the cache beside its final name and renames it into place; a failure only means no cache (false). */
function writeCache(file, data) {
  // Named by process and thread: a batch's worker threads may write the same cache at once.
  // (worker_threads is loaded here only: it costs each start about 2 ms.)
  const temp = `${file}.${process.pid}-${require('node:worker_threads').threadId}.tmp`;
  try {
    const sum = Buffer.alloc(4);
    sum.writeUInt32LE(crc32(data));
    writeFileSync(temp, Buffer.concat([MAGIC, sum, data]), { flag: 'wx', mode: 0o600 });
    renameSync(temp, file);
    return true;
  } catch {
    rmSync(temp, { force: true });
    return false;
  }
}

/**
 * Removes other bundles' cache files unused for a day: each upgrade of journey would otherwise leave
 * a megabyte per command behind. A file's time is when it was written or last renewed (readCache),
 * so two installed versions used side by side each keep theirs. Run whenever a cache file is written
 * or renewed; only this user's regular files of the cache's own naming are touched.
 */
function removeStale(folder, id, now = Date.now()) {
  let names;
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    // A `.tmp` is a write that was cut short.
    if (!/^cli-[\w-]+\.bin(?:\.\d+(?:-\d+)?\.tmp)?$/.test(name) || (name.startsWith(`cli-${id}-`) && name.endsWith('.bin'))) continue;
    const file = join(folder, name);
    try {
      const info = lstatSync(file);
      if (info.isFile() && ownedByMe(info) && now - info.mtimeMs > STALE_MS) rmSync(file, { force: true });
    } catch {}
  }
}

/**
 * Loads the CommonJS bundle `bundle` with the code cache of `command`. Returns its exports and
 * `save()`, to call once the command has run (the cache then holds what it compiled); undefined
 * when the bundle cannot be read (then bin/journey.js loads the ES-module bundle as usual). The
 * bundle has no import(): a script run from V8's code cache loses its dynamic-import callback on
 * Node 20.
 */
function loadCached(bundle, command, env = process.env) {
  let source;
  try {
    source = readFileSync(bundle, 'latin1'); // ASCII (src/build/bundle.mjs): one byte per character
  } catch {
    return undefined;
  }
  // The bundle's own id (a hash written at build time), so a cache never outlives its bundle.
  const id = /\/\/# journey-bundle ([\w-]+)\s*$/.exec(source.slice(-120))?.[1];
  const folder = id && cacheFolder(env);
  const usable = folder !== undefined && ownFolder(folder);
  const key = [id, process.version, process.arch, process.execArgv.join(' '), env.NODE_OPTIONS ?? '', COMMANDS.has(command) ? command : ''].join('\n');
  // Named by the bundle, so that an earlier version's files can be told apart and removed.
  const file = usable && join(folder, `cli-${id}-${createHash('sha256').update(key).digest('base64url').slice(0, 22)}.bin`);
  const cached = file ? readCache(file) : undefined;
  const cachedData = cached?.data;
  if (cached?.renewed) removeStale(folder, id);
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: bundle,
    cachedData,
  });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  return {
    exports: module.exports,
    save() {
      if (!file || (cachedData && !script.cachedDataRejected)) return;
      if (writeCache(file, script.createCachedData())) removeStale(folder, id);
    },
  };
}

/**
 * Runs a large batch's worker thread on Node 20 from the CLI's bundle with a code cache of its own
 * (runBatchWorker in src/cli.ts): a worker thread would otherwise compile its code anew in each batch.
 */
function runCachedWorker(bundle) {
  const cached = loadCached(bundle, 'batch-worker');
  if (!cached) throw new Error(`cannot read ${bundle}`);
  return cached.exports.runBatchWorker().then(() => cached.save());
}

module.exports = { cacheFolder, loadCached, runCachedWorker };
