// Node 20's code cache (bin/code-cache.js), with the real executable: it lives in the cache folder of
// the environment, never in the project, and a cache file that is damaged, a link or in a folder
// others can write to is never used: the command works as without it. Node 22+ uses Node's own
// compile cache instead, so these run on Node 20 only.
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, lutimesSync, utimesSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runBin, tempDir } from './helpers.js';

/** A cache file whose checksum is right but whose content V8 refuses: not code it compiled. */
function refusedByV8(): Buffer {
  const data = Buffer.from('not code V8 compiled\n'.repeat(100));
  const sum = Buffer.alloc(4);
  sum.writeUInt32LE(crc32(data));
  return Buffer.concat([Buffer.from('journey code cache 1\n'), sum, data]);
}

const MAP = 'template: current-state\ntitle: Cached\nstages:\n  - name: Search\n    emotion: 1\n    actions: [Searches]\n';

/** A project with one map, and a cache home of its own outside it. */
function setUp() {
  const cwd = tempDir();
  const home = tempDir();
  writeFileSync(join(cwd, 'map.yaml'), MAP);
  const env = { XDG_CACHE_HOME: home };
  const build = () => runBin(['build', 'map.yaml', '-o', '-'], { cwd, env });
  const cacheFiles = () => (existsSync(join(home, 'journey')) ? readdirSync(join(home, 'journey')) : []);
  return { cwd, home, env, build, cacheFiles, folder: join(home, 'journey') };
}

describe.skipIf('enableCompileCache' in module)('the code cache on Node 20', () => {
  it('is written once into $XDG_CACHE_HOME/journey, for this user only, never into the project, and then used', async () => {
    const { cwd, build, cacheFiles, folder } = setUp();
    const first = await build();
    expect(first.code, first.stderr).toBe(0);
    expect(readdirSync(cwd)).toEqual(['map.yaml']);
    expect(cacheFiles()).toHaveLength(1);
    const file = join(folder, cacheFiles()[0]!);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const written = statSync(file).mtimeMs;
    const second = await build();
    expect(second).toEqual(first);
    // Used as it is: not written again.
    expect(statSync(file).mtimeMs).toBe(written);
    expect(cacheFiles()).toHaveLength(1);
  });

  it.each([
    ['damaged in the middle', (bytes: Buffer) => (bytes.writeUInt8(bytes.readUInt8(bytes.length >> 1) ^ 0xff, bytes.length >> 1), bytes)],
    ['cut short', (bytes: Buffer) => bytes.subarray(0, bytes.length >> 1)],
    ['empty', () => Buffer.alloc(0)],
    ['something else', () => Buffer.from('not a cache at all\n'.repeat(100))],
    ['refused by V8', () => refusedByV8()],
  ])('is ignored and replaced when it is %s', async (_what, spoil) => {
    const { build, cacheFiles, folder } = setUp();
    const expected = await build();
    const file = join(folder, cacheFiles()[0]!);
    const good = readFileSync(file);
    const spoiled = spoil(Buffer.from(good));
    writeFileSync(file, spoiled);
    expect(await build()).toEqual(expected);
    expect(readFileSync(file).equals(spoiled)).toBe(false);
    expect(await build()).toEqual(expected);
  });

  // A batch of 64 maps or more is shared with a worker thread when there are two cores or more.
  it.skipIf(availableParallelism() < 2)("keeps a batch's worker thread's code apart, and builds the same documents with it", async () => {
    const { cwd, env, cacheFiles, folder } = setUp();
    mkdirSync(join(cwd, 'maps'));
    for (let i = 0; i < 64; i++) writeFileSync(join(cwd, 'maps', `map-${String(i).padStart(2, '0')}.yaml`), MAP.replace('Cached', `Cached ${i}`));
    const build = () => runBin(['build', 'maps', '--force', '-q'], { cwd, env });
    const documents = () => readdirSync(join(cwd, 'maps')).filter((f) => f.endsWith('.html')).map((f) => readFileSync(join(cwd, 'maps', f), 'utf8'));
    // A build of one map writes the command's cache file; the batch adds its worker thread's.
    const one = await runBin(['build', 'maps/map-00.yaml', '-o', '-'], { cwd, env });
    expect(one.code, one.stderr).toBe(0);
    const [commandCache] = cacheFiles();

    const first = await build();
    expect(first.code, first.stderr).toBe(0);
    const built = documents();
    expect(built).toHaveLength(64);
    expect(built[63]).toContain('Cached 63');
    expect(cacheFiles()).toHaveLength(2);
    const file = join(folder, cacheFiles().find((name) => name !== commandCache)!);
    const written = statSync(file).mtimeMs;
    // The second batch's worker thread runs from it: the same documents, the file not written again.
    expect(await build()).toEqual(first);
    expect(documents()).toEqual(built);
    expect(statSync(file).mtimeMs).toBe(written);
    // One V8 refuses is ignored and replaced, and the documents are the same.
    writeFileSync(file, refusedByV8());
    expect(await build()).toEqual(first);
    expect(documents()).toEqual(built);
    expect(readFileSync(file).equals(refusedByV8())).toBe(false);
  });

  it('never follows a link in place of the cache file, nor uses a folder others can write to', async () => {
    const { build, cacheFiles, folder, home } = setUp();
    const expected = await build();
    const file = join(folder, cacheFiles()[0]!);
    const elsewhere = join(home, 'elsewhere.bin');
    writeFileSync(elsewhere, readFileSync(file));
    rmSync(file);
    symlinkSync(elsewhere, file);
    const before = readFileSync(elsewhere);
    expect(await build()).toEqual(expected);
    expect(readFileSync(elsewhere).equals(before)).toBe(true); // the link's target is untouched
    expect(statSync(file).isFile()).toBe(true); // the link was replaced by a file of its own

    const open = setUp();
    mkdirSync(open.folder, { mode: 0o777 });
    chmodSync(open.folder, 0o777);
    expect(await open.build()).toEqual(expected);
    expect(open.cacheFiles()).toEqual([]);
  });

  it('is not kept with NODE_DISABLE_COMPILE_CACHE=1, and a relative XDG_CACHE_HOME is not used', async () => {
    const { cwd, home, build } = setUp();
    const expected = await build();
    const off = tempDir();
    expect(await runBin(['build', 'map.yaml', '-o', '-'], { cwd, env: { XDG_CACHE_HOME: off, NODE_DISABLE_COMPILE_CACHE: '1' } })).toEqual(expected);
    expect(readdirSync(off)).toEqual([]);
    // Relative: the system's temporary folder is used instead, and the project stays as it was.
    const tmp = tempDir();
    expect(await runBin(['build', 'map.yaml', '-o', '-'], { cwd, env: { XDG_CACHE_HOME: 'cache', TMPDIR: tmp } })).toEqual(expected);
    expect(readdirSync(cwd)).toEqual(['map.yaml']);
    expect(readdirSync(tmp)).toEqual([`journey-${process.getuid!()}`]);
    expect(readdirSync(home)).toEqual(['journey']);
  });

  it("removes an earlier version's cache files once unused for a day, and nothing else", async () => {
    const { build, cacheFiles, folder, home, cwd, env } = setUp();
    mkdirSync(folder, { mode: 0o700, recursive: true });
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    const files = {
      old: 'cli-0ldBundle_of_an_earlier_version-abcdefghijklmnopqrstuv.bin',
      oldTemp: 'cli-0ldBundle_of_an_earlier_version-abcdefghijklmnopqrstuv.bin.4242.tmp',
      recent: 'cli-another_version_used_today-abcdefghijklmnopqrstuv.bin',
      notOurs: 'notes.txt',
      link: 'cli-0ldBundle_linked_elsewhere-abcdefghijklmnopqrstuv.bin',
    };
    for (const name of [files.old, files.oldTemp, files.recent, files.notOurs]) writeFileSync(join(folder, name), 'x');
    const elsewhere = join(home, 'elsewhere.bin');
    writeFileSync(elsewhere, 'not journey\'s');
    symlinkSync(elsewhere, join(folder, files.link));
    for (const name of [files.old, files.oldTemp, files.notOurs]) utimesSync(join(folder, name), twoDaysAgo, twoDaysAgo);
    lutimesSync(join(folder, files.link), twoDaysAgo, twoDaysAgo);
    utimesSync(elsewhere, twoDaysAgo, twoDaysAgo);

    // The first build writes its cache file, and clears what is stale.
    const first = await build();
    expect(first.code, first.stderr).toBe(0);
    const left = cacheFiles();
    expect(left).not.toContain(files.old);
    expect(left).not.toContain(files.oldTemp);
    expect(left).toEqual(expect.arrayContaining([files.recent, files.notOurs, files.link]));
    expect(readFileSync(elsewhere, 'utf8')).toBe("not journey's"); // a link is never followed
    const own = left.find((name) => !Object.values(files).includes(name))!;

    // This version's own file, unused for two days, stays when another command writes the cache...
    utimesSync(join(folder, own), twoDaysAgo, twoDaysAgo);
    const aged = statSync(join(folder, own)).mtimeMs;
    const validate = await runBin(['validate', 'map.yaml'], { cwd, env });
    expect(validate.code, validate.stderr).toBe(0);
    expect(cacheFiles()).toHaveLength(left.length + 1);
    expect(statSync(join(folder, own)).mtimeMs).toBe(aged);
    // ...and is used again, which renews its time: a version in use keeps its files.
    expect(await build()).toEqual(first);
    expect(statSync(join(folder, own)).mtimeMs).toBeGreaterThan(Date.now() - 60_000);
    expect(cacheFiles()).toContain(own);
  });
});
