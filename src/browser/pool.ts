// One browser for a whole run, launched on first use and always closed, with a pool of pages kept
// for reuse: opening and setting up a page costs several times more than printing on one. Every page
// is inert: JavaScript off, every request refused except inline data.
import type { Browser, Page } from 'puppeteer-core';
import { launchBrowser } from './launch.js';

export interface BrowserPoolOptions {
  /** `--browser <path>`; otherwise one is found on this machine. */
  executable?: string;
  /** Where `executable` came from, for messages (default `--browser`). */
  executableSource?: string;
  env: Record<string, string | undefined>;
  /** Milliseconds to wait for the browser to start. */
  timeout: number;
}

export interface BrowserPool {
  /** Runs `work` on an idle page (opening one when none is idle); a page that failed is closed, not reused. */
  withPage<T>(work: (page: Page) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function createBrowserPool(options: BrowserPoolOptions): BrowserPool {
  let browser: Promise<Browser> | undefined;
  const idle: Page[] = [];

  async function openPage(): Promise<Page> {
    browser ??= launchBrowser({ executable: options.executable, executableSource: options.executableSource, env: options.env, timeout: options.timeout });
    const page = await (await browser).newPage();
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    // Documents arrive by setContent; anything they might ask for is refused, inline data aside.
    page.on('request', (request) => void (request.url().startsWith('data:') ? request.continue() : request.abort('blockedbyclient')));
    return page;
  }

  return {
    async withPage(work) {
      const page = idle.pop() ?? (await openPage());
      let healthy = false;
      try {
        const result = await work(page);
        healthy = true;
        return result;
      } finally {
        if (healthy) idle.push(page);
        else await page.close().catch(() => {});
      }
    },
    async close() {
      const launched = browser;
      browser = undefined;
      idle.length = 0;
      if (!launched) return;
      const b = await launched.catch(() => undefined);
      await b?.close().catch(() => b.process()?.kill('SIGKILL'));
    },
  };
}
