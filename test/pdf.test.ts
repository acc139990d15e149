// PDFs read back with poppler (pdftotext, pdfinfo): text per page, the smallest text, page size,
// page count and metadata.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PDFOptions } from 'puppeteer-core';
import { createBrowserPool, type BrowserPool } from '../src/browser/pool.js';
import { renderPdf } from '../src/render/pdf.js';
import { loadMap } from '../src/core/load.js';
import { sheetHtml } from '../src/render/sheets.js';
import { BIN, EXAMPLES, run, runBin, tempDir, WAIT_LIMIT_MS } from './helpers.js';
import { pageCount, pageTexts, pdfinfo, pdftotext, richMap, smallestWord, words } from './read-back.js';
import { TEMPLATES } from '../src/templates/registry.js';

const EXAMPLE_NAMES = ['current-state', 'future-state', 'day-in-the-life', 'service-blueprint'];
const LANE_QUESTIONS = ['What does the customer think or feel?', "What is the customer's action?", "What is the customer's touchpoint with the company?", 'What do we want to change at this step?', 'How and/or why will we make this change?'];
/** An emotion as the curve writes it at its point: "−2 very negative", "+1 positive". */
const CURVE_POINT = /(?:[−+]\d|0) (?:very negative|negative|neutral|very positive|positive)/g;
/** 6 pt, the smallest text a poster prints; a word's box is a little taller than its font size. */
const MIN_POINTS = 6;

const expectations: Record<string, string[]> = {
  'current-state': ['Buying running shoes online', 'Awareness', 'Consideration', 'Decision', 'Purchase', 'Delivery and first run', ...LANE_QUESTIONS],
  'day-in-the-life': ['A weekday with a remote-working parent', 'Early morning', 'Late morning', 'Afternoon', 'Early evening', 'Night', "What are the customer's actions or top priorities?", 'How could the customer make better use of our product at this time?'],
  'service-blueprint': ['Assistance and support for a home broadband customer', 'Normal use', 'Resolves the conflict or problem', 'How do we communicate with the customer?', 'What action do we take in the background?', 'Line of interaction', 'Line of visibility', 'Line of internal interaction'],
};

function writeMap(dir: string, name: string, yaml: string): string {
  writeFileSync(join(dir, `${name}.yaml`), yaml);
  return `${name}.yaml`;
}

describe('PDF posters (the default)', () => {
  it('put every example on one landscape A4 page, no text under 6 pt, with a title line, every stage and every lane', async () => {
    const dir = tempDir();
    for (const n of EXAMPLE_NAMES) copyFileSync(join(EXAMPLES, `${n}.yaml`), join(dir, `${n}.yaml`));
    const { code, stderr } = await run(['build', ...EXAMPLE_NAMES.map((n) => `${n}.yaml`), '-f', 'pdf'], { cwd: dir });
    expect(code, stderr).toBe(0);
    for (const n of EXAMPLE_NAMES) {
      const file = join(dir, `${n}.pdf`);
      const info = pdfinfo(file);
      expect(info['Page size']).toBe('841.92 x 595.92 pts (A4)');
      expect(Number(info.Pages), n).toBe(1);
      expect(info.JavaScript).toBe('no');
      expect(smallestWord(file).height, `${n}: ${smallestWord(file).word}`).toBeGreaterThanOrEqual(MIN_POINTS);
      const text = words(pdftotext(file));
      for (const phrase of [...(expectations[n] ?? []), 'Emotion curve', 'Last reviewed']) expect(text, `${n}: ${phrase}`).toContain(phrase);
      // The poster is the map alone: no summary, goals or persona card, and no page footer.
      expect(text).not.toContain('Goals of this map');
      expect(text).not.toMatch(/Page \d of/);
    }
    const info = pdfinfo(join(dir, 'current-state.pdf'));
    expect(info.Title).toBe('Buying running shoes online');
    // The title line: title, template, the persona's card (monogram, name, one line) and last review, once.
    expect(words(pdftotext(join(dir, 'current-state.pdf')))).toMatch(/^Buying running shoes online Current state G Persona Giulia 34, amateur runner[^]*? Last reviewed 2026-11-01 /);
  });

  it('fit 12 stages on one A3 page; on A4 continue on a second page rather than print text under 6 pt', async () => {
    const dir = tempDir();
    const map = writeMap(dir, 'twelve', richMap(12, 'Twelve stages'));
    expect((await run(['build', map, '-o', 'a3.pdf', '--page-size', 'A3'], { cwd: dir })).code).toBe(0);
    expect((await run(['build', map, '-o', 'a4.pdf'], { cwd: dir })).code).toBe(0);
    expect(pdfinfo(join(dir, 'a3.pdf'))['Page size']).toMatch(/^119\d\.\d+ x 841.92 pts \(A3\)$/);
    expect(pageCount(join(dir, 'a3.pdf'))).toBe(1);
    expect(smallestWord(join(dir, 'a3.pdf')).height).toBeGreaterThanOrEqual(MIN_POINTS);
    const a3 = pageTexts(join(dir, 'a3.pdf'))[0]!;
    for (let i = 1; i <= 12; i++) expect(a3).toMatch(new RegExp(` ${i} STEP|STEP ${i} `));

    const pages = pageTexts(join(dir, 'a4.pdf'));
    expect(pages).toHaveLength(2);
    expect(smallestWord(join(dir, 'a4.pdf')).height).toBeGreaterThanOrEqual(MIN_POINTS);
    expect(pages[0]).toContain('Search 1');
    expect(pages[0]).toContain('Call support 6');
    expect(pages[0]).not.toContain('Checkout 7');
    expect(pages[1]).toContain('Checkout 7');
    expect(pages[1]).toContain('Compare 12');
    expect(pages[0]).toContain('Page 1 of 2');
    expect(pages[1]).toContain('Page 2 of 2');
  });

  it('put 30 stages on at most 4 A4 pages, each with the title line, the lane questions and its slice of the curve', async () => {
    const dir = tempDir();
    const map = writeMap(dir, 'thirty', richMap(30, 'Thirty stages'));
    expect((await run(['build', map, '-f', 'pdf'], { cwd: dir })).code).toBe(0);
    const file = join(dir, 'thirty.pdf');
    expect(pdfinfo(file)['Page size']).toBe('841.92 x 595.92 pts (A4)');
    expect(smallestWord(file).height).toBeGreaterThanOrEqual(MIN_POINTS);
    const pages = pageTexts(file);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.length).toBeLessThanOrEqual(4);
    let next = 1;
    for (const [p, text] of pages.entries()) {
      expect(text).toMatch(new RegExp(`^Thirty stages Current state G Persona Giulia Last reviewed 2026-11-01 Page ${p + 1} of ${pages.length} `));
      for (const question of [...LANE_QUESTIONS, 'Emotion curve', 'Pain points', 'Opportunities', 'KPIs']) expect(text, `page ${p + 1}: ${question}`).toContain(question);
      // Stages follow each other across the pages, each on exactly one page, with its point of the curve.
      const stages = [...text.matchAll(/STEP (\d+) /g)].map((m) => Number(m[1]));
      expect(stages).toEqual(Array.from({ length: stages.length }, (_, i) => next + i));
      expect(text.match(CURVE_POINT)).toHaveLength(stages.length);
      next += stages.length;
    }
    expect(next).toBe(31);
  });

  it('refuse a row too tall for any page even at 6 pt, naming the map and the row, and leave no file; a document lets it flow', async () => {
    const dir = tempDir();
    const lines = Array.from({ length: 120 }, (_, i) => `      Line ${i + 1} of a thought that goes on about the journey and its many small details.`);
    const map = writeMap(dir, 'long', `template: current-state\ntitle: One long stage\nstages:\n  - name: Everything\n    thinking: |\n${lines.join('\n')}\n`);
    const poster = await run(['build', map, '-f', 'pdf'], { cwd: dir });
    expect(poster.code).toBe(1);
    expect(poster.stderr).toContain('long.yaml');
    expect(poster.stderr).toContain('the poster of "One long stage" has a row too tall for one A4 page at 6 pt ("What does the customer think or feel?" at stage "Everything")');
    expect(poster.stderr).toContain('--page-size A3');
    expect(existsSync(join(dir, 'long.pdf'))).toBe(false);
    expect((await run(['build', map, '-f', 'pdf', '--pdf-layout', 'document'], { cwd: dir })).code).toBe(0);
    const pages = pageTexts(join(dir, 'long.pdf'));
    expect(pages.length).toBeGreaterThan(1);
    expect(smallestWord(join(dir, 'long.pdf')).height).toBeGreaterThanOrEqual(MIN_POINTS);
    expect(pages.join(' ')).toContain('Line 120 of a thought');
  });

  it('part a map too tall for a page even one stage at a time by its rows, each page planned and whole', async () => {
    const dir = tempDir();
    const long = (n: number) => `"${Array.from({ length: 10 }, () => `Step ${n}: it took three calls and two e-mails before anyone could say what had gone wrong with the order.`).join(' ')}"`;
    const lanes = Array.from({ length: 12 }, (_, i) => `  - { key: lane_${i}, label: "Question ${i + 1} of the team?", band: ${['frontstage', 'backstage', 'support'][i % 3]} }`);
    const stage = (s: number) => [`  - name: Stage ${s}`, `    emotion: ${(s % 5) - 2}`, ...lanes.map((_, i) => `    lane_${i}: ${long(s * 100 + i)}`)];
    const yaml = ['template: service-blueprint', 'title: A tall blueprint', 'lanes:', ...lanes, 'stages:', ...[1, 2].flatMap(stage)].join('\n') + '\n';
    const map = writeMap(dir, 'tall', yaml);
    const result = await run(['build', map, '-f', 'pdf'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const file = join(dir, 'tall.pdf');
    const pages = pageTexts(file);
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((text, p) => {
      // Every page: the title line and its page, the stage names, and the lane questions of its rows.
      expect(text, `page ${p + 1}`).toContain('A tall blueprint');
      expect(text, `page ${p + 1}`).toContain(`Page ${p + 1} of ${pages.length}`);
      expect(text, `page ${p + 1}`).toMatch(/Stage [12]/);
      expect(text, `page ${p + 1}`).toMatch(/Question \d+ of the team\?/);
    });
    // Every row is printed once, whole, with its question on its page.
    for (let s = 1; s <= 2; s++) {
      for (let i = 0; i < 12; i++) {
        const on = pages.filter((t) => t.includes(`Step ${s * 100 + i}:`));
        expect(on, `stage ${s}, lane ${i + 1}`).toHaveLength(1);
        expect(on[0]).toContain(`Question ${i + 1} of the team?`);
      }
    }
    expect(smallestWord(file).height).toBeGreaterThanOrEqual(MIN_POINTS);
  });

  it('follow --page-size and --portrait, and the map\u2019s language', async () => {
    const dir = tempDir();
    const out = join(dir, 'it.pdf');
    const { code } = await run(['build', 'test/fixtures/valid/custom-lanes-it.yaml', '-o', out, '--page-size', 'Letter', '--portrait']);
    expect(code).toBe(0);
    expect(pdfinfo(out)['Page size']).toBe('612 x 792 pts (letter)');
    expect(pageCount(out)).toBe(1);
    const text = words(pdftotext(out));
    for (const phrase of ['Cosa pensa o sente il cliente?', 'Come e/o perché apporteremo questo cambiamento?', 'Quali canali usa il cliente?', 'Curva delle emozioni']) expect(text).toContain(phrase);
    expect(readFileSync(out).includes('/Lang (it)')).toBe(true);
  });

  it('keep a hostile map inert: its text is printed literally', async () => {
    const dir = tempDir();
    expect((await run(['build', 'test/fixtures/hostile/injection.yaml', '-o', join(dir, 'poster.pdf')])).code).toBe(0);
    expect(words(pdftotext(join(dir, 'poster.pdf')))).toContain("<script>window.__pwned='stage'</script>");
    expect((await run(['build', 'test/fixtures/hostile/injection.yaml', '-o', join(dir, 'document.pdf'), '--pdf-layout', 'document'])).code).toBe(0);
    expect(words(pdftotext(join(dir, 'document.pdf')))).toContain('{{#each stages}}{{name}}{{/each}}');
  });
});

/** One browser, started on first use, for the tests that print in-process. */
const pool = createBrowserPool({ env: process.env, timeout: 90_000 });
afterAll(() => pool.close());

function example(name: string) {
  const loaded = loadMap(`${name}.yaml`, readFileSync(join(EXAMPLES, `${name}.yaml`), 'utf8'), { templates: TEMPLATES });
  if (!loaded.ok) throw new Error('the example is invalid');
  return loaded;
}

describe('the page count read back', () => {
  it('refuses a poster the browser printed on more pages than planned, naming the map', async () => {
    const loaded = example('current-state');
    // A browser that prints larger than asked, as one whose layout differs from the measured one would.
    const unplanned: BrowserPool = {
      ...pool,
      withPage: (work) =>
        pool.withPage((page) =>
          work(
            new Proxy(page, {
              get(target, key) {
                if (key === 'pdf') return (options: PDFOptions) => target.pdf({ ...options, scale: 2 });
                const value = Reflect.get(target, key, target);
                return typeof value === 'function' ? value.bind(target) : value;
              },
            }),
          ),
        ),
    };
    const context = { pageSize: 'A4', portrait: false, pdfLayout: 'poster', timeout: 90_000 } as const;
    const file = join(tempDir(), 'planned.pdf');
    writeFileSync(file, await renderPdf(loaded.map, { ...context, browser: pool }));
    expect(pageCount(file)).toBe(1);
    await expect(renderPdf(loaded.map, { ...context, browser: unplanned })).rejects.toThrow(/^the poster of "Buying running shoes online" was planned as 1 page but printed as \d+;/);
  });
});

describe('blueprint lines on paper', () => {
  it('show their labels in front of the dashed line, not struck through by it', async () => {
    const loaded = example('service-blueprint');
    for (const style of ['poster', 'document'] as const) {
      const html = sheetHtml(loaded.map, {}, style, {});
      // What a reader sees at the middle of each label: the label itself, or the line drawn over it.
      const onTop = await pool.withPage(async (page) => {
        await page.emulateMediaType('print');
        await page.setViewport({ width: 1400, height: 3000 }); // every label inside the viewport, where hit testing works
        await page.setContent(html);
        return page.evaluate(() =>
          [...document.querySelectorAll('.blueprint-line span')].map((label) => {
            const box = label.getBoundingClientRect();
            const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
            const lineY = label.closest('td')!.getBoundingClientRect();
            return { label: label.textContent, covered: document.elementFromPoint(x, y) !== label, crossesLine: Math.abs(lineY.top + lineY.height / 2 - y) < box.height / 2 };
          }),
        );
      });
      expect(onTop.map((l) => l.label)).toEqual(['Line of interaction', 'Line of visibility', 'Line of internal interaction']);
      for (const l of onTop) expect(l, style).toMatchObject({ covered: false, crossesLine: true });
    }
  });
});

describe('PDF documents (--pdf-layout document)', () => {
  it('start with the header, goals, research and persona, and keep the map whole: no band heading last on a page', async () => {
    const dir = tempDir();
    for (const n of EXAMPLE_NAMES) copyFileSync(join(EXAMPLES, `${n}.yaml`), join(dir, `${n}.yaml`));
    const { code, stderr } = await run(['build', ...EXAMPLE_NAMES.map((n) => `${n}.yaml`), '-f', 'pdf', '--pdf-layout', 'document'], { cwd: dir });
    expect(code, stderr).toBe(0);
    const bandHeadings = ['CUSTOMER', 'FRONTSTAGE', 'BACKSTAGE', 'SUPPORT PROCESSES', 'BACK-END', 'Line of interaction', 'Line of visibility', 'Line of internal interaction', 'The journey'];
    for (const n of EXAMPLE_NAMES) {
      const file = join(dir, `${n}.pdf`);
      expect(smallestWord(file).height, n).toBeGreaterThanOrEqual(MIN_POINTS);
      const raw = Array.from({ length: pageCount(file) }, (_, i) => pdftotext(file, i + 1));
      expect(words(raw[0]!)).toMatch(/goals of this map .* persona /i);
      for (const [p, text] of raw.entries()) {
        // In reading order (-layout), the last line is the footer; the line above it ends the page.
        const layout = execFileSync('pdftotext', ['-layout', '-f', String(p + 1), '-l', String(p + 1), file, '-'], { encoding: 'utf8' });
        const lines = layout.split('\n').map((l) => l.trim()).filter((l) => l && l !== '\f');
        expect(lines.at(-1), `${n} page ${p + 1}`).toMatch(new RegExp(`Page ${p + 1} of ${raw.length}$`));
        const last = lines.at(-2)!.split(/\s{2,}/)[0];
        expect(bandHeadings, `${n} page ${p + 1} ends with "${lines.at(-2)}"`).not.toContain(last);
        // The curve and the lanes share a page.
        if (text.includes('Emotion curve')) expect(words(text)).toMatch(/What .*\?/);
      }
      const text = words(raw.join(' '));
      for (const phrase of expectations[n] ?? []) expect(text, `${n}: ${phrase}`).toContain(phrase);
    }
  });

  it('never clip a wide map: 30 stages are split into readable tables across the page width', async () => {
    const dir = tempDir();
    const stages = Array.from({ length: 30 }, (_, i) => `  - { name: Stage ${String(i + 1).padStart(2, '0')}, emotion: ${(i % 5) - 2}, thinking: Thought ${i + 1} }`);
    writeFileSync(join(dir, 'wide.yaml'), `template: current-state\ntitle: Thirty stages\nstages:\n${stages.join('\n')}\n`);
    expect((await run(['build', 'wide.yaml', '-f', 'pdf', '--pdf-layout', 'document'], { cwd: dir })).code).toBe(0);
    const text = words(pdftotext(join(dir, 'wide.pdf')));
    for (let i = 1; i <= 30; i++) expect(text).toContain(`Stage ${String(i).padStart(2, '0')}`);
    expect(pdfinfo(join(dir, 'wide.pdf'))['Page size']).toBe('841.92 x 595.92 pts (A4)');
    expect(smallestWord(join(dir, 'wide.pdf')).height).toBeGreaterThanOrEqual(MIN_POINTS);
    // Lane questions repeat with each table, so every part of the map can be read on its own.
    expect(text.match(/What does the customer think or feel\?/g)!.length).toBeGreaterThan(1);
  });

  it('have a footer with the title and the page in the map\u2019s language (pdf_layout: in the config file)', async () => {
    const dir = tempDir();
    copyFileSync('test/fixtures/valid/custom-lanes-it.yaml', join(dir, 'it.yaml'));
    writeFileSync(join(dir, 'journey.config.yaml'), 'format: pdf\npdf_layout: document\n');
    expect((await run(['build', 'it.yaml'], { cwd: dir })).code).toBe(0);
    expect(words(pdftotext(join(dir, 'it.pdf')))).toMatch(/Rinnovo dell'abbonamento Pagina 1 di \d/);
    expect((await run(['build', 'it.yaml', '--pdf-layout', 'poster'], { cwd: dir })).code).toBe(0);
    expect(words(pdftotext(join(dir, 'it.pdf')))).not.toMatch(/Pagina 1 di/);
  });

  it('make no network request, even when a layout asks for one', async () => {
    let hits = 0;
    const server = createServer((_, res) => (hits++, res.end('x')));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const port = (server.address() as { port: number }).port;
    const dir = tempDir();
    writeFileSync(join(dir, 'remote.hbs'), `{{#> page}}<img src="http://127.0.0.1:${port}/logo.png"><link rel="stylesheet" href="http://127.0.0.1:${port}/x.css">{{> header}}{{/page}}`);
    const result = await run(['build', 'examples/current-state.yaml', '--layout', join(dir, 'remote.hbs'), '--pdf-layout', 'document', '-o', join(dir, 'out.pdf')]);
    server.close();
    expect(result.code, result.stderr).toBe(0);
    expect(hits).toBe(0);
  });
});

describe('without a usable browser', () => {
  const bogus = ['/nonexistent/chrome'];

  it('exits 3 (the environment failed, not the map) with what was searched and how to get a browser, and writes nothing', async () => {
    const dir = tempDir();
    copyFileSync(join(EXAMPLES, 'current-state.yaml'), join(dir, 'map.yaml'));
    const { code, stderr, stdout } = await runBin(['build', 'map.yaml', '-f', 'pdf', '--browser', bogus[0]!], { cwd: dir });
    expect(code).toBe(3);
    expect(stdout).toBe('');
    expect(stderr).toContain('--browser /nonexistent/chrome is not an executable file');
    expect(stderr).toContain('apt-get install chromium');
    expect(stderr).toContain('brew install --cask chromium');
    expect(stderr).toContain('PUPPETEER_EXECUTABLE_PATH');
    expect(stderr).toContain('HTML and Markdown need no browser');
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(readdirSync(dir)).toEqual(['map.yaml']);
  });

  it('reports a bad PUPPETEER_EXECUTABLE_PATH once for a whole batch, and still builds the HTML', async () => {
    const dir = tempDir();
    for (const n of ['current-state', 'future-state']) copyFileSync(join(EXAMPLES, `${n}.yaml`), join(dir, `${n}.yaml`));
    const { code, stderr } = await run(['build', 'current-state.yaml', 'future-state.yaml', '-f', 'html,pdf'], { cwd: dir, env: { PUPPETEER_EXECUTABLE_PATH: '/no/such/chrome' } });
    expect(code).toBe(3);
    expect(stderr.match(/PUPPETEER_EXECUTABLE_PATH=\/no\/such\/chrome is not an executable file/g)).toHaveLength(1);
    expect(readdirSync(dir).sort()).toEqual(['current-state.html', 'current-state.yaml', 'future-state.html', 'future-state.yaml']);
  });

  it('stops a browser that never starts after --timeout, with a clear error and no orphan process', async () => {
    const dir = tempDir();
    const marker = `journey-hang-${process.pid}-${Date.now()}`;
    const fake = join(dir, 'hanging-chrome');
    writeFileSync(fake, `#!/bin/sh\n# ${marker}\nexec sleep 60\n`);
    chmodSync(fake, 0o755);
    copyFileSync(join(EXAMPLES, 'current-state.yaml'), join(dir, 'map.yaml'));
    const { code, stderr } = await runBin(['build', 'map.yaml', '-f', 'pdf', '--browser', fake, '--timeout', '2'], { cwd: dir });
    expect(code).toBe(3);
    expect(stderr).toContain(`the browser at ${fake} (from --browser) did not start`);
    expect(readdirSync(dir).sort()).toEqual(['hanging-chrome', 'map.yaml']);
    // The bracket keeps pgrep from matching its own shell's command line.
    const left = execFileSync('sh', ['-c', `pgrep -f '${dir}/[h]anging-chrome' || true`], { encoding: 'utf8' }).trim();
    expect(left).toBe('');
  });
});

describe('Ctrl-C during a PDF batch', () => {
  it('closes the browser and leaves no partial file and no orphan process', async () => {
    const dir = tempDir();
    const names = Array.from({ length: 12 }, (_, i) => `map-${i}.yaml`);
    for (const n of names) copyFileSync(join(EXAMPLES, 'service-blueprint.yaml'), join(dir, n));
    const marker = `JOURNEY_TEST_MARKER=${process.pid}-${Date.now()}`;
    const child = spawn(process.execPath, [BIN, 'build', ...names, '-f', 'pdf'], { cwd: dir, env: { ...process.env, JOURNEY_TEST_MARKER: marker } });
    // Interrupt once the first PDF is written: the browser is up and the batch is mid-way.
    await new Promise<void>((done) => {
      const poll = setInterval(() => {
        if (existsSync(join(dir, 'map-0.pdf'))) (clearInterval(poll), done());
      }, 20);
    });
    child.kill('SIGINT');
    const code = await new Promise<number | null>((done) => child.on('exit', (c, signal) => done(c ?? (signal ? 128 : null))));
    expect(code).toBe(130);
    const files = readdirSync(dir);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    for (const pdf of files.filter((f) => f.endsWith('.pdf'))) expect(readFileSync(join(dir, pdf)).subarray(0, 5).toString()).toBe('%PDF-');
    expect(files.filter((f) => f.endsWith('.pdf')).length).toBeLessThan(12);
    // The browser's processes end on their own once it is closed; on a busy machine that takes a
    // while, and an orphan never does.
    const orphans = () => execFileSync('sh', ['-c', `grep -l "${marker}" /proc/[0-9]*/environ 2>/dev/null || true`], { encoding: 'utf8' }).trim();
    await expect.poll(orphans, { timeout: WAIT_LIMIT_MS, interval: 200 }).toBe('');
  });
});
