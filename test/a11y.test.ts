// Accessibility as a reader with assistive technology meets it: axe-core in Chromium reports nothing,
// at desktop and phone widths, on every kind of page journey writes.
import { cpSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../src/browser/launch.js';
import { axeViolations } from './axe.js';
import { EXAMPLES, run, tempDir } from './helpers.js';
import { richMap as manyStages } from './read-back.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser({ env: process.env });
});
afterAll(async () => {
  await browser?.close();
});

const WIDTHS = [1440, 720];

async function violations(file: string): Promise<Record<number, string[]>> {
  const out: Record<number, string[]> = {};
  for (const width of WIDTHS) {
    const page = await browser.newPage();
    await page.setViewport({ width, height: 900 });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    out[width] = await axeViolations(page);
    await page.close();
  }
  return out;
}
const none = Object.fromEntries(WIDTHS.map((w) => [w, []]));

async function built(args: string[], cwd?: string): Promise<string> {
  const out = join(tempDir(), 'page.html');
  const result = await run([...args, '-o', out], cwd ? { cwd } : {});
  expect(result.code, result.stderr).toBe(0);
  return out;
}

describe('axe-core finds no violation', () => {
  const examples = readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml'));
  it.each(examples)('in examples/%s', async (name) => {
    expect(await violations(await built(['build', join(EXAMPLES, name)]))).toEqual(none);
  });

  it.each(['gold', 'teal', 'crimson'])('in the rich example with a %s accent', async (accent) => {
    const dir = tempDir();
    cpSync(EXAMPLES, dir, { recursive: true });
    writeFileSync(join(dir, 'journey.config.yaml'), `theme:\n  accent: ${accent}\n`);
    expect(await violations(await built(['build', join(dir, 'rich-map.yaml')], dir))).toEqual(none);
  });

  it('in a 30-stage map', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'long.yaml'), manyStages(30));
    expect(await violations(await built(['build', join(dir, 'long.yaml')]))).toEqual(none);
  });

  it('in the diff page', async () => {
    const shop = join(EXAMPLES, 'portfolio', 'shop');
    expect(await violations(await built(['diff', join(shop, 'shoes-current.yaml'), join(shop, 'shoes-future.yaml'), '-f', 'html']))).toEqual(none);
  });

  it('in every page of a site', async () => {
    const out = join(tempDir(), 'site');
    const result = await run(['site', join(EXAMPLES, 'portfolio'), '-o', out]);
    expect(result.code, result.stderr).toBe(0);
    const pages = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages) expect({ page, ...(await violations(join(out, page))) }).toEqual({ page, ...none });
  }, 120_000);
});
