import { execSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The end-to-end tests run bin/journey.js, which runs the bundle: build it from the current source.
// Every temporary file of the run (test folders, browser profiles) goes under one folder of its own,
// so that at the end any process still using it (a browser a failed or timed-out test did not close)
// is found and stopped, and the folder removed.
export default function setup(): () => void {
  execSync('npm run --silent build', { stdio: 'inherit' });
  const runDir = mkdtempSync(join(tmpdir(), 'journey-suite-'));
  process.env.TMPDIR = runDir;
  return () => {
    for (const pid of processesUsing(runDir)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    rmSync(runDir, { recursive: true, force: true });
  };
}

/** Processes whose command line names `dir` (Linux's /proc; elsewhere none are found). */
function processesUsing(dir: string): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return [];
  }
  const found: number[] = [];
  for (const entry of entries) {
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(dir) && Number(entry) !== process.pid) found.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}
