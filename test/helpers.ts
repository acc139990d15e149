import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterEach, expect } from 'vitest';
import { loadMap } from '../src/core/load.js';
import { main } from '../src/cli.js';
import type { Io } from '../src/io/terminal.js';
import { TEMPLATES } from '../src/templates/registry.js';

export const ROOT = resolve(import.meta.dirname, '..');
export const BIN = join(ROOT, 'bin', 'journey.js');
export const EXAMPLES = join(ROOT, 'examples');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process, as a user would type `journey …argv`. */
export async function run(argv: string[], options: { cwd?: string; stdin?: string; env?: Record<string, string>; interactive?: boolean } = {}): Promise<RunResult> {
  let stdout = '';
  const decoder = new TextDecoder();
  let stderr = '';
  const io: Io = {
    stdout: (t) => void (stdout += typeof t === 'string' ? t : decoder.decode(t)),
    stderr: (t) => void (stderr += t),
    color: false,
    interactive: options.interactive ?? false,
    cwd: options.cwd ?? ROOT,
    env: { ...options.env },
    readStdin: async () => new TextEncoder().encode(options.stdin ?? ''),
    onInterrupt: () => () => {},
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** Runs the real executable as a separate process. */
export function runBin(argv: string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}): Promise<RunResult> {
  return new Promise((done) => {
    const child = execFile(
      process.execPath,
      [BIN, ...argv],
      { cwd: options.cwd ?? ROOT, env: { ...process.env, NO_COLOR: '1', ...options.env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    if (options.input !== undefined) child.stdin!.end(options.input);
    else child.stdin!.end();
  });
}

const temps: string[] = [];
/** A fresh temporary folder, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'journey-test-'));
  temps.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The error lines of a load, formatted as the CLI prints them (no colour). */
export function lines(diagnostics: { file: string; line: number; col: number; path: string; message: string; severity: string }[]): string[] {
  return diagnostics.map((d) => `${d.file}:${d.line}:${d.col} ${d.severity} ${d.path}: ${d.message}`);
}

/**
 * How long a test waits for a running journey to print something. Generous, because the suite must
 * pass on a loaded machine: a wait only ends early when the text shows or the process exits.
 */
export const WAIT_LIMIT_MS = 90_000;

export interface RunningJourney {
  child: ChildProcess;
  /** Everything it has printed on standard error so far. */
  readonly stderr: string;
  /** Resolves once standard error shows `text` at or after offset `from`; fails if the process exits first. */
  waitFor: (text: string, from?: number) => Promise<void>;
  /** Sends a signal (Ctrl-C by default) and resolves to the exit code. */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

/**
 * A journey process that keeps running (`--watch`, `preview`), as a user starts it: `waitFor` resolves
 * once its standard error has printed a text, and `stop` sends Ctrl-C and waits for it to end.
 */
export function startJourney(argv: string[], cwd: string, env: Record<string, string> = {}): RunningJourney {
  const child = spawn(process.execPath, [BIN, ...argv], { cwd, env: { ...process.env, NO_COLOR: '1', ...env } });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const waitFor = (text: string, from = 0) =>
    new Promise<void>((done, fail) => {
      const deadline = Date.now() + WAIT_LIMIT_MS;
      const poll = setInterval(() => {
        if (stderr.indexOf(text, from) !== -1) (clearInterval(poll), done());
        else if (Date.now() > deadline || child.exitCode !== null || child.signalCode !== null)
          (clearInterval(poll), fail(new Error(`waited for ${JSON.stringify(text)}; exit ${child.exitCode}; got:\n${stderr}`)));
      }, 20);
    });
  const stop = async (signal: NodeJS.Signals = 'SIGINT') => {
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
    child.kill(signal);
    return exited;
  };
  return {
    child,
    get stderr() {
      return stderr;
    },
    waitFor,
    stop,
  };
}

/** The problems of a map that must be invalid, one `file:line:col severity path: message` line each. */
export function errorsOf(yaml: string): string[] {
  const result = loadMap('map.yaml', yaml, { templates: TEMPLATES });
  expect(result.ok).toBe(false);
  return result.ok ? [] : lines(result.diagnostics);
}

/** The model of a map that must be valid. */
export function mapOf(yaml: string) {
  const result = loadMap('map.yaml', yaml, { templates: TEMPLATES });
  if (!result.ok) throw new Error(lines(result.diagnostics).join('\n'));
  return result.map;
}

/**
 * Opens a document from disk as a reader would, at a width, and lists every request it makes beyond
 * itself (an inline picture shows as a data: request, so it is not counted).
 */
export async function openDocument(browser: Browser, file: string, width = 1440): Promise<{ page: Page; requests: string[] }> {
  const page = await browser.newPage();
  await page.setViewport({ width, height: 1000 });
  const requests: string[] = [];
  const url = pathToFileURL(file).href;
  page.on('request', (r) => void (r.url() !== url && !r.url().startsWith('data:') && requests.push(r.url())));
  await page.goto(url, { waitUntil: 'load' });
  return { page, requests };
}
