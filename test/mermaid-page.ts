// A page of headless Chromium with Mermaid loaded, to ask Mermaid itself what it makes of a diagram.
import { createRequire } from 'node:module';
import type { Browser, Page } from 'puppeteer-core';

export async function openMermaidPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await page.setContent('<!DOCTYPE html><html><body></body></html>');
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js') });
  return page;
}
