// The injection corpus (test/fixtures/hostile) against every format: in HTML and PDF nothing runs
// or loads; in Markdown nothing becomes live HTML, a link or an image, and the Mermaid chart stays
// valid; and every stage name is shown as written.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Code, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { Browser } from 'puppeteer-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../src/browser/launch.js';
import { ROOT, run, tempDir } from './helpers.js';

const DIR = join(ROOT, 'test/fixtures/hostile');
const corpus = readdirSync(DIR).filter((f) => f.endsWith('.yaml'));
const stageNames = (file: string): string[] => (parse(readFileSync(join(DIR, file), 'utf8')).stages as { name: string }[]).map((s) => s.name);
const fold = (s: string) => s.replace(/\u2060/g, '').replace(/\s+/g, ' ').trim();

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser({ env: process.env });
});
afterAll(async () => {
  await browser?.close();
});

function nodes(tree: unknown, type: string): { type: string; value?: string; lang?: string }[] {
  const found: { type: string; value?: string }[] = [];
  const walk = (n: { type?: string; children?: unknown[] }) => {
    if (n.type === type) found.push(n as { type: string });
    for (const c of n.children ?? []) walk(c as typeof n);
  };
  walk(tree as { children?: unknown[] });
  return found;
}
const textOf = (n: unknown): string => {
  const node = n as { type: string; value?: string; children?: unknown[] };
  return node.type === 'html' ? ' ' : (node.value ?? (node.children ?? []).map(textOf).join(''));
};

describe.each(corpus)('%s', (fixture) => {
  const file = join(DIR, fixture);

  it('HTML: nothing runs or loads, and every stage name reads as written', async () => {
    const out = join(tempDir(), 'doc.html');
    expect((await run(['build', file, '-o', out])).code).toBe(0);
    const page = await browser.newPage();
    const requests: string[] = [];
    const dialogs: string[] = [];
    page.on('request', (r) => void (r.url() !== pathToFileURL(out).href && requests.push(r.url())));
    page.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));
    await page.goto(pathToFileURL(out).href, { waitUntil: 'load' });
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(await page.$$eval('script, iframe, object, embed, img, link, a, form, input, base, meta[http-equiv="refresh"]', (e) => e.length)).toBe(0);
    expect(await page.$$eval('*', (els) => els.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name))).length)).toBe(0);
    const shown = await page.$$eval('thead .stage-name', (e) => e.map((x) => (x as HTMLElement).innerText));
    expect(shown.map(fold)).toEqual(stageNames(fixture).map(fold));
    expect(requests).toEqual([]);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('Markdown: no live HTML, link or image from user text, a valid Mermaid chart, every stage name as written', async () => {
    const { code, stdout } = await run(['build', file, '-f', 'md', '-o', '-']);
    expect(code).toBe(0);
    const tree: Root = fromMarkdown(stdout, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
    expect(nodes(tree, 'html').filter((h) => h.value !== '<br>')).toEqual([]);
    expect(nodes(tree, 'link')).toEqual([]);
    expect(nodes(tree, 'image')).toEqual([]);
    const text = fold(textOf(tree));
    for (const name of stageNames(fixture)) expect(text).toContain(fold(name));
    const chart = nodes(tree, 'code').find((c) => c.lang === 'mermaid') as Code | undefined;
    if (chart) {
      const page = await browser.newPage();
      await page.setContent('<!DOCTYPE html><html><body></body></html>');
      await page.addScriptTag({ path: createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js') });
      const verdict = await page.evaluate(async (src) => {
        try {
          return (await (window as unknown as { mermaid: { parse(s: string): Promise<{ diagramType: string }> } }).mermaid.parse(src)).diagramType;
        } catch (error) {
          return String(error);
        }
      }, chart.value);
      expect(verdict).toBe('journey');
      // One section per scored stage: nothing a map says adds or removes one.
      expect(chart.value.split('\n').filter((l) => l.startsWith('  section ')).length).toBe(stageNames(fixture).length);
      await page.close();
    }
  });

  it('PDF: prints, with no script, and shows the stage names', async () => {
    const out = join(tempDir(), 'doc.pdf');
    expect((await run(['build', file, '-o', out])).code).toBe(0);
    expect(execFileSync('pdfinfo', [out], { encoding: 'utf8' })).toMatch(/JavaScript:\s+no/);
    const text = fold(execFileSync('pdftotext', ['-raw', out, '-'], { encoding: 'utf8' }));
    // Right-to-left words come out of a PDF in visual order: look for the Latin-script names.
    for (const name of stageNames(fixture).filter((n) => /^[\p{Script=Latin}\p{P}\p{S}\p{N}\s]+$/u.test(n))) expect(text).toContain(fold(name));
  });
});
