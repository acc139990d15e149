// A batch stopped by a signal (a CI runner cancelling a job sends SIGTERM) ends as the signal says
// (SIGTERM → 143, SIGINT → 130), with every document whole and no temporary file, at whatever
// moment the signal arrives: while worker threads write, while this thread writes, between maps.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, EXAMPLES, tempDir } from './helpers.js';

/** A folder of `count` maps. */
function maps(count: number): string {
  const cwd = tempDir();
  mkdirSync(join(cwd, 'maps'));
  const map = readFileSync(join(EXAMPLES, 'service-blueprint.yaml'), 'utf8');
  for (let i = 0; i < count; i++) writeFileSync(join(cwd, 'maps', `m${String(i).padStart(4, '0')}.yaml`), map);
  return cwd;
}

/** Builds every map into out/, sends `signal` once `after` documents are reported written, and says how it ended. */
async function stopBuild(cwd: string, signal: NodeJS.Signals, after: number): Promise<{ code: number | null; stderr: string; files: string[] }> {
  rmSync(join(cwd, 'out'), { recursive: true, force: true });
  const child = spawn(process.execPath, [BIN, 'build', 'maps', '-d', 'out', '-f', 'html,md'], { cwd, env: { ...process.env, NO_COLOR: '1' } });
  let stderr = '';
  let sent = false;
  child.stderr.on('data', (d) => {
    stderr += d;
    if (!sent && stderr.split('\n').filter((l) => l.startsWith('✓')).length >= after) (sent = true), child.kill(signal);
  });
  const code = await new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
  return { code, stderr, files: readdirSync(join(cwd, 'out')) };
}

describe('a batch stopped by a signal', () => {
  it('exits 143 on SIGTERM at any moment, leaving no temporary file and no half-written document', { timeout: 180_000 }, async () => {
    // Enough maps for worker threads, and for the batch to still be running when the signal arrives.
    const cwd = maps(300);
    for (const after of [1, 25, 120, 300]) {
      const { code, stderr, files } = await stopBuild(cwd, 'SIGTERM', after);
      expect(code, `stopped after ${after} documents:\n${stderr.slice(-500)}`).toBe(143);
      expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
      expect(files.length).toBeLessThan(600);
      for (const f of files.filter((f) => f.endsWith('.html'))) expect(readFileSync(join(cwd, 'out', f), 'utf8').endsWith('</html>\n')).toBe(true);
      // The batch ends with the signal: no report of maps it did not get to.
      expect(stderr).not.toMatch(/error|built,/);
    }
  });

  it('exits 143 on SIGTERM and 130 on Ctrl-C when one thread builds', { timeout: 60_000 }, async () => {
    const cwd = maps(40);
    for (const [signal, code] of [['SIGTERM', 143], ['SIGINT', 130]] as const) {
      const stopped = await stopBuild(cwd, signal, 3);
      expect(stopped.code).toBe(code);
      expect(stopped.files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    }
  });
});
