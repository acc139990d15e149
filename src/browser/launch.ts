// Launching Chrome/Chromium with puppeteer-core, loaded only when a PDF is asked for.
import { existsSync } from 'node:fs';
import type { Browser } from 'puppeteer-core';
import { defaultFindContext, findBrowser, noBrowserMessage } from './find.js';

export class BrowserError extends Error {}

export interface LaunchOptions {
  /** `--browser <path>`, or the config file's `browser` where the command line allows it. */
  executable?: string;
  /** Where `executable` came from, for messages: `--browser`, `browser in journey.config.yaml:3:10`. */
  executableSource?: string;
  env: Record<string, string | undefined>;
  /** Milliseconds to wait for the browser to start. */
  timeout?: number;
}

// A closed network and no need for any of Chrome's background services.
const ARGS = [
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-quic',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--mute-audio',
];

/**
 * Chrome's sandbox cannot run as root, and often not inside containers. Keep it on otherwise,
 * unless the user turns it off with JOURNEY_NO_SANDBOX=1.
 */
export function needsNoSandbox(env: Record<string, string | undefined>): boolean {
  if (env.JOURNEY_NO_SANDBOX === '1') return true;
  if (process.getuid?.() === 0) return true;
  return existsSync('/.dockerenv') || existsSync('/run/.containerenv');
}

export async function launchBrowser(options: LaunchOptions): Promise<Browser> {
  const found = findBrowser(options.executable, defaultFindContext(options.env), options.executableSource);
  if (!found.ok) throw new BrowserError(noBrowserMessage(found));
  const { launch } = await import('puppeteer-core');
  const args = [...ARGS, ...(needsNoSandbox(options.env) ? ['--no-sandbox'] : [])];
  try {
    return await launch({ executablePath: found.path, headless: true, args, timeout: options.timeout ?? 30_000, protocolTimeout: 60_000 });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    const hint = /sandbox/i.test(message)
      ? ' Chrome could not start its sandbox: run with JOURNEY_NO_SANDBOX=1 (safe in a throwaway CI container), or enable unprivileged user namespaces.'
      : /Timed out/i.test(message)
        ? ' The browser did not start in time; check that it runs on its own (`<path> --headless --dump-dom about:blank`).'
        : '';
    throw new BrowserError(`the browser at ${found.path} (from ${found.source}) did not start: ${message}.${hint}`);
  }
}
