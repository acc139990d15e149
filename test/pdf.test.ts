// PDFs read back with poppler (pdftotext, pdfinfo): text, page size, page count and metadata.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, EXAMPLES, run, runBin, tempDir } from './helpers.js';

// Content-stream order (-raw) follows the document, so a phrase wrapped inside a cell stays together.
const pdftotext = (file: string) => execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
function pdfinfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));
}
/** Text with layout spacing folded, so a phrase split by wrapping or columns can still be found word by word. */
const words = (text: string) => text.replace(/\s+/g, ' ');

describe('PDF documents', () => {
  it('hold every stage name, lane question and the title as real text, one browser for the whole build', async () => {
    const dir = tempDir();
    const names = ['current-state', 'future-state', 'day-in-the-life', 'service-blueprint'];
    for (const n of names) copyFileSync(join(EXAMPLES, `${n}.yaml`), join(dir, `${n}.yaml`));
    const { code, stderr } = await run(['build', ...names.map((n) => `${n}.yaml`), '-f', 'pdf'], { cwd: dir });
    expect(code, stderr).toBe(0);
    const expectations: Record<string, string[]> = {
      'current-state': ['Buying running shoes online', 'Awareness', 'Consideration', 'Decision', 'Purchase', 'Delivery and first run', 'What does the customer think or feel?', "What is the customer's action?", "What is the customer's touchpoint with the company?", 'What do we want to change at this step?', 'How and/or why will we make this change?'],
      'day-in-the-life': ['A weekday with a remote-working parent', 'Early morning', 'Late morning', 'Afternoon', 'Early evening', 'Night', "What are the customer's actions or top priorities?", 'How could the customer make better use of our product at this time?'],
      'service-blueprint': ['Assistance and support for a home broadband customer', 'Normal use', 'Resolves the conflict or problem', 'How do we communicate with the customer?', 'What action do we take in the background?', 'Line of visibility', 'Line of internal interaction'],
    };
    for (const n of names) {
      const file = join(dir, `${n}.pdf`);
      const info = pdfinfo(file);
      expect(info['Page size']).toBe('841.92 x 595.92 pts (A4)');
      expect(Number(info.Pages)).toBeGreaterThanOrEqual(1);
      expect(info.JavaScript).toBe('no');
      const text = words(pdftotext(file));
      for (const phrase of expectations[n] ?? []) expect(text, `${n}: ${phrase}`).toContain(phrase);
      expect(text).toMatch(/Page 1 of \d/);
    }
    expect(pdfinfo(join(dir, 'current-state.pdf')).Title).toBe('Buying running shoes online');
  });

  it('follow --page-size and --portrait, and the map\u2019s language', async () => {
    const dir = tempDir();
    const out = join(dir, 'it.pdf');
    const { code } = await run(['build', 'test/fixtures/valid/custom-lanes-it.yaml', '-o', out, '--page-size', 'Letter', '--portrait']);
    expect(code).toBe(0);
    expect(pdfinfo(out)['Page size']).toBe('612 x 792 pts (letter)');
    const text = words(pdftotext(out));
    for (const phrase of ['Cosa pensa o sente il cliente?', 'Come e/o perché apporteremo questo cambiamento?', 'Quali canali usa il cliente?', 'Pagina 1 di 1']) expect(text).toContain(phrase);
    expect(readFileSync(out).includes('/Lang (it)')).toBe(true);
  });

  it('never clip a wide map: 30 stages are split into readable tables across the page width', async () => {
    const dir = tempDir();
    const stages = Array.from({ length: 30 }, (_, i) => `  - { name: Stage ${String(i + 1).padStart(2, '0')}, emotion: ${(i % 5) - 2}, thinking: Thought ${i + 1} }`);
    writeFileSync(join(dir, 'wide.yaml'), `template: current-state\ntitle: Thirty stages\nstages:\n${stages.join('\n')}\n`);
    expect((await run(['build', 'wide.yaml', '-f', 'pdf'], { cwd: dir })).code).toBe(0);
    const text = words(pdftotext(join(dir, 'wide.pdf')));
    for (let i = 1; i <= 30; i++) expect(text).toContain(`Stage ${String(i).padStart(2, '0')}`);
    expect(pdfinfo(join(dir, 'wide.pdf'))['Page size']).toBe('841.92 x 595.92 pts (A4)');
    // Lane questions repeat with each table, so every part of the map can be read on its own.
    expect(text.match(/What does the customer think or feel\?/g)!.length).toBeGreaterThan(1);
  });

  it('keep a hostile map inert: its text is printed literally', async () => {
    const out = join(tempDir(), 'hostile.pdf');
    expect((await run(['build', 'test/fixtures/hostile/injection.yaml', '-o', out])).code).toBe(0);
    const text = words(pdftotext(out));
    expect(text).toContain("<script>window.__pwned='stage'</script>");
    expect(text).toContain('{{#each stages}}{{name}}{{/each}}');
  });

  it('make no network request, even when a layout asks for one', async () => {
    let hits = 0;
    const server = createServer((_, res) => (hits++, res.end('x')));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const port = (server.address() as { port: number }).port;
    const dir = tempDir();
    writeFileSync(join(dir, 'remote.hbs'), `{{#> page}}<img src="http://127.0.0.1:${port}/logo.png"><link rel="stylesheet" href="http://127.0.0.1:${port}/x.css">{{> header}}{{/page}}`);
    const result = await run(['build', 'examples/current-state.yaml', '--layout', join(dir, 'remote.hbs'), '-o', join(dir, 'out.pdf')]);
    server.close();
    expect(result.code, result.stderr).toBe(0);
    expect(hits).toBe(0);
  });
});

describe('without a usable browser', () => {
  const bogus = ['/nonexistent/chrome'];

  it('exits 1 with what was searched and how to get a browser, and writes nothing', async () => {
    const dir = tempDir();
    copyFileSync(join(EXAMPLES, 'current-state.yaml'), join(dir, 'map.yaml'));
    const { code, stderr, stdout } = await runBin(['build', 'map.yaml', '-f', 'pdf', '--browser', bogus[0]!], { cwd: dir });
    expect(code).toBe(1);
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
    expect(code).toBe(1);
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
    const started = Date.now();
    const { code, stderr } = await runBin(['build', 'map.yaml', '-f', 'pdf', '--browser', fake, '--timeout', '2'], { cwd: dir });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(code).toBe(1);
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
    await new Promise((r) => setTimeout(r, 300));
    const orphans = execFileSync('sh', ['-c', `grep -l "${marker}" /proc/[0-9]*/environ 2>/dev/null || true`], { encoding: 'utf8' }).trim();
    expect(orphans).toBe('');
  });
});
