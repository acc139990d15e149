// The file system edge against what a pull request can plant: pipes, devices, links out of the
// project, huge or endless input; and writes that must never replace anything but a regular file.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { makeFolder, readMapBytes, readStreamBytes, removeAllTemps, removeStaleTemps, writeFileAtomic } from '../src/io/files.js';
import { runBin, tempDir } from './helpers.js';

const MAP = 'template: current-state\ntitle: T\nstages: [{ name: A }]\n';
const MiB = 1024 * 1024;

describe('reading a map', () => {
  it('refuses a named pipe instead of waiting for a writer (it blocked for 11 minutes)', async () => {
    const dir = tempDir();
    execFileSync('mkfifo', [join(dir, 'map.yaml')]);
    const { code, stderr } = await runBin(['validate', 'map.yaml'], { cwd: dir });
    expect(code).toBe(1);
    expect(stderr).toContain('map.yaml:1:1 error file: expected a journey map file, found a named pipe (FIFO)');
  });

  it('refuses a link to a device without reading it (/dev/zero grew until memory ran out)', async () => {
    const dir = tempDir();
    symlinkSync('/dev/zero', join(dir, 'map.yaml'));
    const { code, stderr } = await runBin(['validate', 'map.yaml'], { cwd: dir });
    expect(code).toBe(1);
    // Named on the command line, it is a link out of the project (the current folder): refused as that.
    expect(stderr).toContain('map.yaml:1:1 error file: the file is a symbolic link to a file outside the project folder: expected a journey map file inside it');
    expect(await readMapBytes(join(dir, 'map.yaml'), { maxBytes: MiB })).toEqual({ ok: false, reason: 'expected a journey map file, found a character device', code: 'file-unreadable' });
    expect(await readMapBytes(dir, { maxBytes: MiB })).toEqual({ ok: false, reason: 'expected a journey map file, found a folder', code: 'file-unreadable' });
    // Layouts and config files are read the same way, and named as what they should be.
    expect(await readMapBytes(join(dir, 'map.yaml'), { maxBytes: MiB, expected: 'a Handlebars layout file' })).toEqual({ ok: false, reason: 'expected a Handlebars layout file, found a character device', code: 'file-unreadable' });
  });

  it('refuses a 1.5 GB file from its size, without reading it', async () => {
    const path = join(tempDir(), 'map.yaml');
    writeFileSync(path, MAP);
    truncateSync(path, 1536 * MiB); // sparse: no disk space used
    const before = process.memoryUsage().rss;
    const read = await readMapBytes(path, { maxBytes: 5 * MiB });
    expect(read).toEqual({ ok: false, reason: 'file is 1536.0 MiB, larger than the limit of 5.0 MiB; expected a journey map in YAML', code: 'too-large' });
    expect(process.memoryUsage().rss - before).toBeLessThan(50 * MiB);
  });

  it('stops reading a file that grows past the limit (files in /proc say they are empty)', async () => {
    const read = await readMapBytes('/proc/self/status', { maxBytes: 16 });
    expect(read).toEqual({ ok: false, reason: 'file is over the limit of 1 KiB; expected a journey map in YAML', code: 'too-large' });
  });

  it('stops reading endless standard input at the limit', async () => {
    let produced = 0;
    const endless = new Readable({
      read() {
        produced += 64 * 1024;
        this.push(Buffer.alloc(64 * 1024, 0x61));
      },
    });
    const read = await readStreamBytes(endless, 5 * MiB);
    expect(read).toEqual({ ok: false, reason: 'standard input is over the limit of 5.0 MiB; expected a journey map in YAML', code: 'too-large' });
    expect(produced).toBeLessThan(7 * MiB);
    expect(endless.destroyed).toBe(true);
    expect(await readStreamBytes(Readable.from([Buffer.from(MAP)]), 5 * MiB)).toEqual({ ok: true, bytes: Buffer.from(MAP) });
  });

  it('refuses a map in the project that links to a file outside it, and reads one that stays inside', async () => {
    const dir = tempDir();
    const project = join(dir, 'project');
    mkdirSync(join(project, 'maps'), { recursive: true });
    writeFileSync(join(dir, 'secret.env'), 'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG\n');
    writeFileSync(join(project, 'real.yaml'), MAP);
    symlinkSync('../../secret.env', join(project, 'maps', 'leak.yaml'));
    symlinkSync('../real.yaml', join(project, 'maps', 'inside.yaml'));
    symlinkSync(dir, join(project, 'up'));
    const options = { maxBytes: MiB, projectRoot: project };
    const refused = { ok: false, reason: 'the file is a symbolic link to a file outside the project folder: expected a journey map file inside it', code: 'file-unreadable' };
    expect(await readMapBytes(join(project, 'maps', 'leak.yaml'), options)).toEqual(refused);
    expect(await readMapBytes(join(project, 'up', 'secret.env'), options)).toEqual(refused); // a linked folder
    expect(await readMapBytes(join(project, 'maps', 'inside.yaml'), options)).toMatchObject({ ok: true });
    // A path outside the project was named on the (trusted) command line: it is read.
    expect(await readMapBytes(join(dir, 'secret.env'), options)).toMatchObject({ ok: true });
  });

  it('never repeats the content of a file that is not a map (a link to a secret)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'secret.env'), 'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG\n');
    symlinkSync('secret.env', join(dir, 'map.yaml'));
    const { stderr } = await runBin(['validate', 'map.yaml'], { cwd: dir });
    expect(stderr).toContain('map.yaml:1:1 error (root): expected a journey map: a mapping with `template`, `title` and `stages`, found text\n');
    expect(stderr).not.toContain('AWS');
  });
});

describe('writing a document', () => {
  it('writes a character device in place instead of replacing it', async () => {
    await writeFileAtomic('/dev/null', '<html>');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    await expect(writeFileAtomic('/dev/full', '<html>')).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it('refuses to replace a symbolic link, or to write where it points', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'target.txt'), 'precious');
    symlinkSync('target.txt', join(dir, 'map.html'));
    writeFileSync(join(dir, 'map.yaml'), MAP);
    const { code, stderr } = await runBin(['build', 'map.yaml'], { cwd: dir });
    expect(code).toBe(1);
    expect(stderr).toContain('map.yaml:1:1 error output: cannot write map.html: it is a symbolic link: journey only replaces regular files, never a link or what it points to');
    expect(readlinkSync(join(dir, 'map.html'))).toBe('target.txt');
    expect(readFileSync(join(dir, 'target.txt'), 'utf8')).toBe('precious');
    const stdout = await runBin(['build', 'map.yaml', '-o', '/dev/stdout'], { cwd: dir });
    expect(stdout.stderr).toContain('cannot write /dev/stdout: it is a symbolic link');
    expect(lstatSync('/dev/stdout').isSymbolicLink()).toBe(true);
  });

  it('refuses a folder or a named pipe, naming what it is', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'folder.html'));
    execFileSync('mkfifo', [join(dir, 'pipe.html')]);
    await expect(writeFileAtomic(join(dir, 'folder.html'), 'x')).rejects.toThrow(/^is a directory$/);
    await expect(writeFileAtomic(join(dir, 'pipe.html'), 'x')).rejects.toThrow('it is a named pipe (FIFO), not a regular file: journey only replaces regular files');
    expect(lstatSync(join(dir, 'pipe.html')).isFIFO()).toBe(true);
  });

  it('names temporary files recognisably, and removes those of processes that are gone', async () => {
    const dir = tempDir();
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    const names = [`.a.html.journey-${gone}-0-1.tmp`, `.b.md.journey-${process.pid}-0-7.tmp`, '.c.html.12-1.tmp', 'notes.tmp', 'a.html'];
    for (const name of names) writeFileSync(join(dir, name), 'x');
    expect(removeStaleTemps(dir)).toEqual([names[0]]);
    expect(removeStaleTemps(dir, { thisProcess: true })).toEqual([names[1]]);
    expect(readdirSync(dir).sort()).toEqual(names.slice(2).sort());
  });

  it('removes the temporary files being written, on demand (for Ctrl-C)', async () => {
    const dir = tempDir();
    const writing = writeFileAtomic(join(dir, 'big.html'), 'x'.repeat(64 * MiB));
    const result = writing.then(
      () => 'written',
      () => 'failed',
    );
    let temp: string | undefined;
    for (let i = 0; i < 10_000 && !temp; i++) {
      await new Promise((done) => setImmediate(done));
      temp = readdirSync(dir).find((name) => /^\.big\.html\.journey-\d+-\d+-\d+\.tmp$/.test(name));
    }
    expect(temp).toBeDefined();
    removeAllTemps();
    expect(await result).toBe('failed');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('making folders', () => {
  it('fails clearly where the file system refuses a folder (Node looped forever on /proc/x)', async () => {
    await expect(makeFolder('/proc/journey-test/site')).rejects.toThrow('cannot create the folder /proc/journey-test: the file system does not allow a folder there');
  });

  it('creates missing parents, accepts existing ones, and refuses a file in the way', async () => {
    const dir = tempDir();
    await makeFolder(join(dir, 'a', 'b', 'c'));
    await makeFolder(join(dir, 'a', 'b'));
    expect(existsSync(join(dir, 'a', 'b', 'c'))).toBe(true);
    writeFileSync(join(dir, 'file'), '');
    await expect(makeFolder(join(dir, 'file', 'x'))).rejects.toThrow(`${join(dir, 'file')} is a file, not a folder`);
  });
});
