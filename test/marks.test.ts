// Milestones, stage images and confidence marks in documents: the stage images' reader through the
// command line (every refusal located at its `image:` value, nothing written, nothing fetched), and
// what a reader sees in Chromium, in the PDF and in the PNG.
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../src/browser/launch.js';
import { build, render } from '../src/index.js';
import { libraryIo } from '../src/io/terminal.js';
import { readMapFile } from '../src/pipeline/read.js';
import { createReferences } from '../src/pipeline/references.js';
import { axeViolations } from './axe.js';
import { pdftotext, pngSize, words } from './read-back.js';
import { BIN, EXAMPLES, openDocument, ROOT, run, startJourney, tempDir, WAIT_LIMIT_MS } from './helpers.js';
import { TEMPLATES } from '../src/templates/registry.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'images');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

/**
 * A project folder with screens/ holding the three fixtures, and a map whose first stage's `image:`
 * (line 5, column 12) is `image`; more stages with pictures follow when `more` names them.
 */
function project(image: string, options: { config?: string; more?: string[] } = {}): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'screens'));
  for (const name of ['tiny.png', 'tiny.jpg', 'tiny.webp']) copyFileSync(join(FIXTURES, name), join(dir, 'screens', name));
  const more = (options.more ?? []).map((path, i) => `  - name: Stage ${i + 2}\n    image: ${path}\n    image_alt: Picture ${i + 2}\n`).join('');
  writeFileSync(join(dir, 'map.yaml'), `template: current-state\ntitle: Buying shoes\nstages:\n  - name: Search\n    image: ${image}\n    image_alt: The search page, with three shoes\n    emotion: -1\n${more}`);
  if (options.config !== undefined) writeFileSync(join(dir, 'journey.config.yaml'), options.config);
  return dir;
}

/** A PNG of `bytes` bytes (the fixture, padded after its end), which the reader takes as a PNG. */
const pngOf = (bytes: number) => Buffer.concat([fixture('tiny.png'), Buffer.alloc(bytes - fixture('tiny.png').length)]);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

describe('a stage image', () => {
  it('is inlined into the HTML from a path relative to the map, with its alt text, in each of the three formats', async () => {
    for (const [name, mime] of [['tiny.png', 'image/png'], ['tiny.jpg', 'image/jpeg'], ['tiny.webp', 'image/webp']]) {
      const dir = project(`screens/${name}`);
      const result = await run(['build', 'map.yaml'], { cwd: dir });
      expect(result.code, result.stderr).toBe(0);
      const html = readFileSync(join(dir, 'map.html'), 'utf8');
      const base64 = fixture(name!).toString('base64').replace(/=/g, '&#x3D;');
      expect(html).toContain(`<img class="stage-image" src="data:${mime};base64,${base64}" alt="The search page, with three shoes">`);
    }
  });

  const refusals: [string, string, RegExp, (dir: string) => void][] = [
    ['a web address', 'https://example.com/search.png', /found the address "https:\/\/example\.com\/search\.png": journey never fetches an image/, () => {}],
    ['a data: URL', '"data:image/png;base64,iVBORw0KGgo="', /found the address "data:image\/png;base64,iVBORw0KGgo=": journey never fetches an image/, () => {}],
    ['a file: URL', 'file:///etc/passwd.png', /found the address "file:\/\/\/etc\/passwd\.png"/, () => {}],
    ['an absolute path', '/etc/search.png', /stage image "\/etc\/search\.png": .*found an absolute path: name it relative to this file/, () => {}],
    ['outside the project', '../outside.png', /stage image "\.\.\/outside\.png": leads outside the project folder/, (dir) => copyFileSync(join(FIXTURES, 'tiny.png'), join(dir, '..', 'outside.png'))],
    ['a missing file', 'screens/nobody.png', /stage image "screens\/nobody\.png": not found \(no such file or directory\): expected a local PNG, JPEG or WebP file inside the project folder, relative to this file \(like screens\/checkout\.png\)/, () => {}],
    ['an SVG by name', 'screens/search.svg', /expected the path of a PNG, JPEG or WebP file, relative to this map .*found text "screens\/search\.svg"/, () => {}],
    ['an SVG by content', 'screens/face.png', /stage image "screens\/face\.png": expected a PNG, JPEG or WebP picture, found an SVG drawing, which can carry script and links/, (dir) => writeFileSync(join(dir, 'screens', 'face.png'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ['a GIF named .png', 'screens/anim.png', /stage image "screens\/anim\.png": expected a PNG, JPEG or WebP picture, found a GIF picture/, (dir) => writeFileSync(join(dir, 'screens', 'anim.png'), 'GIF89a\x01\x00\x01\x00')],
    ['a GIF', 'screens/anim.gif', /expected the path of a PNG, JPEG or WebP file, relative to this map .*found text "screens\/anim\.gif"/, (dir) => writeFileSync(join(dir, 'screens', 'anim.gif'), 'GIF89a')],
    ['a JPEG named .png', 'screens/wrong.png', /stage image "screens\/wrong\.png": the file is a JPEG picture but its name says PNG: expected the extension to match \(rename it to \.jpg\)/, (dir) => copyFileSync(join(FIXTURES, 'tiny.jpg'), join(dir, 'screens', 'wrong.png'))],
    ['over 2 MB', 'screens/huge.png', /stage image "screens\/huge\.png": is 2,000,001 bytes: expected at most 2,000,000 bytes \(make the picture smaller, or save it as WebP or JPEG\) \(the limits are `images: \{ max_image_mb, max_map_images_mb \}` in journey\.config\.yaml\)/, (dir) => writeFileSync(join(dir, 'screens', 'huge.png'), pngOf(2_000_001))],
    ['a folder', 'screens/folder.png', /stage image "screens\/folder\.png": is not a file/, (dir) => mkdirSync(join(dir, 'screens', 'folder.png'))],
    ['a link out of the project', 'screens/link.png', /stage image "screens\/link\.png": is a symbolic link that leads outside the project folder/, (dir) => {
      const outside = tempDir();
      copyFileSync(join(FIXTURES, 'tiny.png'), join(outside, 'secret.png'));
      symlinkSync(join(outside, 'secret.png'), join(dir, 'screens', 'link.png'));
    }],
  ];
  for (const [what, path, expected, prepare] of refusals) {
    it(`is refused when it is ${what}, at the image: value, by validate and build, and nothing is written`, async () => {
      const dir = project(path, { config: '' }); // the project folder is the map's
      prepare(dir);
      for (const command of ['validate', 'build']) {
        const result = await run([command, 'map.yaml', ...(command === 'build' ? ['-f', 'html,md'] : [])], { cwd: dir });
        expect(result.code, result.stderr).toBe(1);
        const [first] = result.stderr.split('\n');
        expect(first).toMatch(/^map\.yaml:5:12 error stages\[0\]\.image: /);
        expect(first).toMatch(expected);
        expect(result.stderr).toMatch(/✗ .*1 failed|✗ 1 error in 1 file/);
      }
      expect(existsSync(join(dir, 'map.html'))).toBe(false);
      expect(existsSync(join(dir, 'map.md'))).toBe(false);
    });
  }

  it('is refused when the map’s pictures pass 10 MB together, at the first picture over the budget', async () => {
    // Six pictures of 1.9 MB: five make 9.5 MB, the sixth would make 11.4 MB.
    const dir = project('screens/s1.png', { more: ['screens/s2.png', 'screens/s3.png', 'screens/s4.png', 'screens/s5.png', 'screens/s6.png'] });
    for (let i = 1; i <= 6; i++) writeFileSync(join(dir, 'screens', `s${i}.png`), pngOf(1_900_000));
    for (const command of ['validate', 'build']) {
      const result = await run([command, 'map.yaml'], { cwd: dir });
      expect(result.code).toBe(1);
      // The sixth stage's image: is on line 21 (each further stage takes three lines after the first's seven).
      expect(result.stderr.split('\n')[0]).toBe(
        "map.yaml:21:12 error stages[5].image: stage image \"screens/s6.png\": would bring this map's pictures to 11.4 MB: expected at most 10 MB together (the limits are `images: { max_image_mb, max_map_images_mb }` in journey.config.yaml)",
      );
      expect(result.stderr.split('\n').filter((l) => l.startsWith('map.yaml:'))).toHaveLength(1);
    }
    expect(existsSync(join(dir, 'map.html'))).toBe(false);
    // Five of them fit.
    writeFileSync(join(dir, 'map.yaml'), readFileSync(join(dir, 'map.yaml'), 'utf8').replace(/ {2}- name: Stage 6\n.*\n.*\n$/, ''));
    expect((await run(['build', 'map.yaml'], { cwd: dir })).code).toBe(0);
  });

  it('takes the limits of the config file’s images:', async () => {
    // A budget of 700 bytes: the WebP (548 bytes) fits, the PNG (146 bytes) too, the JPEG (781 bytes) not.
    const dir = project('screens/tiny.webp', { config: 'images:\n  max_map_images_mb: 0.0007\n', more: ['screens/tiny.png', 'screens/tiny.jpg'] });
    const result = await run(['validate', 'map.yaml'], { cwd: dir });
    expect(result.stderr.split('\n')[0]).toBe(
      "map.yaml:12:12 error stages[2].image: stage image \"screens/tiny.jpg\": would bring this map's pictures to 1.5 KB: expected at most 700 bytes together (the limits are `images: { max_image_mb, max_map_images_mb }` in journey.config.yaml)",
    );
    writeFileSync(join(dir, 'journey.config.yaml'), 'images:\n  max_image_mb: 0.0006\n');
    expect((await run(['validate', 'map.yaml'], { cwd: dir })).stderr.split('\n')[0]).toBe(
      'map.yaml:12:12 error stages[2].image: stage image "screens/tiny.jpg": is 781 bytes: expected at most 600 bytes (make the picture smaller, or save it as WebP or JPEG) (the limits are `images: { max_image_mb, max_map_images_mb }` in journey.config.yaml)',
    );
    writeFileSync(join(dir, 'journey.config.yaml'), 'images:\n  max_image_mb: -1\n');
    expect((await run(['validate', 'map.yaml'], { cwd: dir })).stderr).toContain('journey.config.yaml:2:17 error images.max_image_mb: expected a size greater than 0');
  });

  it('in a branch stage is read relative to the map, and refused at its own line', async () => {
    const dir = project('screens/tiny.png');
    const map = readFileSync(join(dir, 'map.yaml'), 'utf8');
    writeFileSync(join(dir, 'map.yaml'), `${map}    branches:\n      - name: Buys\n        stages:\n          - name: Pays\n            image: screens/tiny.webp\n            image_alt: The payment page\n      - name: Leaves\n        stages: [{ name: Elsewhere, image: screens/gone.png, image_alt: Another shop }]\n`);
    const result = await run(['build', 'map.yaml'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')[0]).toBe(
      'map.yaml:15:44 error stages[0].branches[1].stages[0].image: stage image "screens/gone.png": not found (no such file or directory): expected a local PNG, JPEG or WebP file inside the project folder, relative to this file (like screens/checkout.png)',
    );
    expect(result.stderr.split('\n').filter((l) => l.startsWith('map.yaml:'))).toHaveLength(1);
  });

  it('reaches the model of a branch stage too, inlined, for the documents that draw forks', async () => {
    const dir = project('screens/tiny.png');
    const map = readFileSync(join(dir, 'map.yaml'), 'utf8');
    writeFileSync(join(dir, 'map.yaml'), `${map}    branches:\n      - name: Buys\n        stages: [{ id: pays, name: Pays, image: screens/tiny.webp, image_alt: The payment page }]\n      - name: Leaves\n        stages: [{ name: Elsewhere }]\n`);
    const io = libraryIo(dir, {});
    const read = await readMapFile('map.yaml', io, { templates: TEMPLATES, references: createReferences(io, { projectRoot: dir }) });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.map.stages[0]!.image!.data).toMatch(/^data:image\/png;base64,/);
    expect(read.map.stages[0]!.branches[0]!.stages[0]!.image).toEqual({ src: 'screens/tiny.webp', alt: 'The payment page', data: expect.stringMatching(/^data:image\/webp;base64,/) });
    // Both pictures are files to follow in watch mode and preview.
    expect(read.dependencies).toEqual([join(dir, 'screens', 'tiny.png'), join(dir, 'screens', 'tiny.webp')].map((p) => realpathSync(p)));
  });

  it('is never downloaded: a URL to a server on this machine gets no request', async () => {
    const requests: string[] = [];
    const server = createServer((req, res) => void (requests.push(req.url ?? ''), res.end()));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    try {
      const { port } = server.address() as AddressInfo;
      for (const url of [`http://127.0.0.1:${port}/search.png`, `//127.0.0.1:${port}/search.png`, `"http://localhost:${port}/a.png?x=.png"`]) {
        const dir = project(url);
        const result = await run(['build', 'map.yaml', '-f', 'html,pdf,png'], { cwd: dir, env: process.env as Record<string, string> });
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(/^map\.yaml:5:12 error stages\[0\]\.image: /);
        expect(existsSync(join(dir, 'map.pdf'))).toBe(false);
      }
      expect(requests).toEqual([]);
    } finally {
      server.close();
    }
  });

  it('is followed by --watch: saving the picture rebuilds the map', async () => {
    const dir = project('screens/tiny.png');
    const { waitFor, stop } = startJourney(['build', 'map.yaml', '--watch'], dir);
    try {
      await waitFor('Watching');
      copyFileSync(join(FIXTURES, 'tiny.jpg'), join(dir, 'screens', 'tiny.png'));
      await waitFor('map.yaml:5:12 error stages[0].image: stage image "screens/tiny.png": the file is a JPEG picture but its name says PNG');
      // Fixed again: the document is rebuilt with the picture.
      copyFileSync(join(FIXTURES, 'tiny.png'), join(dir, 'screens', 'tiny.png'));
      await waitFor('↻ map.yaml');
      expect(readFileSync(join(dir, 'map.html'), 'utf8')).toContain('class="stage-image" src="data:image/png;base64,');
    } finally {
      await stop();
    }
  });

  it('is followed by preview: a saved picture shows, a broken one is reported at its image: value', async () => {
    const dir = project('screens/tiny.png');
    const child = spawn(process.execPath, [BIN, 'preview', 'map.yaml', '--port', '0'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const page = async () => {
      const url = /at (http:\/\/\S+)/.exec(stderr)![1]!;
      return (await fetch(url)).text();
    };
    try {
      await expect.poll(() => stderr, { timeout: WAIT_LIMIT_MS }).toContain('Press Ctrl-C to stop.');
      expect(await page()).toContain(`src="data:image/png;base64,${fixture('tiny.png').toString('base64').replace(/=/g, '&#x3D;')}"`);
      copyFileSync(join(FIXTURES, 'tiny.jpg'), join(dir, 'screens', 'tiny.png'));
      await expect.poll(() => stderr, { timeout: WAIT_LIMIT_MS }).toContain('map.yaml:5:12 error stages[0].image: stage image "screens/tiny.png": the file is a JPEG picture but its name says PNG');
      const other = readFileSync(join(EXAMPLES, 'screens', 'checkout.png'));
      writeFileSync(join(dir, 'screens', 'tiny.png'), other);
      await expect.poll(page, { timeout: WAIT_LIMIT_MS }).toContain(`src="data:image/png;base64,${other.toString('base64').slice(0, 60)}`);
    } finally {
      child.kill('SIGINT');
      await new Promise((done) => child.on('exit', done));
    }
  });

  it('is shown on the map’s page of a site', async () => {
    const dir = project('screens/tiny.webp');
    const result = await run(['site', '.', '-o', 'site'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(dir, 'site', 'maps', 'map.html'), 'utf8')).toContain('<img class="stage-image" src="data:image/webp;base64,');
  });

  it('is read by the API’s build(); render(), which has no folder, shows its alt text in its place', async () => {
    const dir = project('screens/tiny.png', { config: '' });
    const built = await build('map.yaml', { cwd: dir });
    expect(built.ok).toBe(true);
    expect(readFileSync(join(dir, 'map.html'), 'utf8')).toContain('<img class="stage-image" src="data:image/png;base64,');
    const html = await render(readFileSync(join(dir, 'map.yaml')), 'html');
    expect(html).not.toContain('<img class="stage-image"');
    expect(html).toContain('<span class="stage-image stage-image-text">The search page, with three shoes</span>');
    const refused = await build('map.yaml', { cwd: project('screens/missing.png', { config: '' }) });
    expect(refused.ok).toBe(false);
    expect(refused.files[0]!.problems[0]).toMatchObject({ line: 5, col: 12, path: 'stages[0].image', message: expect.stringContaining('not found') });
  });
});

describe('milestones and confidence in the HTML', () => {
  const map = (locale: string) =>
    `template: current-state\ntitle: T\nlocale: ${locale}\nstages:\n  - name: A\n    milestone: true\n    pain_points:\n      - { text: Slow, confidence: assumed }\n      - { text: Dear, confidence: observed, source: Survey }\n  - name: B\n    milestone: Pays\n    actions: [{ text: Pays, confidence: reported, source: Interviews }, { text: Leaves, source: Survey }]\n`;

  it('says them in the map’s language, and numbers each source once, in the order the map is read', async () => {
    for (const [locale, words] of [
      ['en', ['Moment of truth', 'assumed', 'Sources', 'Source ', 'an assumption, not yet backed by research']],
      ['it', ['Momento della verità', 'ipotesi', 'Fonti', 'Fonte ', 'un’ipotesi, non ancora confermata dalla ricerca']],
      ['pl', ['Moment prawdy', 'założenie', 'Źródła', 'Źródło ', 'założenie, jeszcze niepotwierdzone badaniami']],
    ] as const) {
      const html = await render(map(locale), 'html');
      for (const word of words) expect(html, `${locale}: ${word}`).toContain(word);
    }
    const html = await render(map('en'), 'html');
    // Actions come before pain points in the map: Interviews is 1, Survey 2, cited twice and listed once.
    expect(html.match(/<li id="source-\d+" value="\d+">[^<]*<\/li>/g)).toEqual(['<li id="source-1" value="1">Interviews</li>', '<li id="source-2" value="2">Survey</li>']);
    expect(html.match(/href="#source-\d"/g)).toEqual(['href="#source-1"', 'href="#source-2"', 'href="#source-2"']);
    expect(html).toContain('<span class="visually-hidden">Moment of truth: </span>Pays</span>');
  });

  it('leaves a version-1 map’s document as it was: no marks, no stylesheet for them', async () => {
    const html = await render(readFileSync(join(EXAMPLES, 'current-state.yaml')), 'html');
    expect(html).not.toContain('Marks of rich maps');
    expect(html).not.toMatch(/class="(milestone|stage-image|evidence|item-marks)/);
  });
});

describe('in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser({ env: process.env });
  });
  afterAll(async () => {
    await browser?.close();
  });

  const open = (file: string, width = 1440) => openDocument(browser, file, width);

  it('shows the rich example’s stage image, milestones, marks and sources, loading nothing', async () => {
    const out = join(tempDir(), 'rich.html');
    const result = await run(['build', join(EXAMPLES, 'rich-map.yaml'), '-o', out]);
    expect(result.code, result.stderr).toBe(0);
    for (const width of [1440, 720]) {
      const { page, requests } = await open(out, width);
      // The picture is drawn, from the document itself, with its description, inside its column.
      const images = await page.$$eval('img.stage-image', (l) => l.map((i) => ({ alt: i.alt, natural: i.naturalWidth, shown: i.getBoundingClientRect().width, column: i.closest('th')!.getBoundingClientRect().width, stage: i.closest('th')!.querySelector('.stage-name')!.textContent })));
      // The decision's picture, and the one of the first stage of its path "Buys from us".
      expect(images).toEqual([
        { alt: expect.stringMatching(/^The product page of his usual model/), natural: 240, shown: expect.any(Number), column: expect.any(Number), stage: 'Decision' },
        { alt: expect.stringMatching(/^The checkout page/), natural: 240, shown: expect.any(Number), column: expect.any(Number), stage: 'Checkout' },
      ]);
      for (const image of images) {
        expect(image.shown).toBeGreaterThan(100);
        expect(image.shown).toBeLessThanOrEqual(image.column);
      }
      expect(requests).toEqual([]);
      // Milestones under their stage's name: the map's own text (named a moment of truth for screen
      // readers), or "Moment of truth", each with its star.
      expect(await page.$$eval('thead th[scope="col"]', (l) => l.map((th) => th.querySelector('.milestone')?.textContent ?? null))).toEqual([
        null,
        'Moment of truth: Chooses where to buy',
        'Moment of truth',
        null,
        'Moment of truth',
      ]);
      expect(await page.$$eval('.milestone', (l) => l.map((m) => [...m.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('')))).toEqual(['Chooses where to buy', 'Moment of truth', 'Moment of truth']);
      expect(await page.$$eval('.milestone svg.icon use[href="#i-milestone"]', (l) => l.length)).toBe(3);
      // Assumptions stand out without colour: a dashed frame and the word, visible.
      const assumed = await page.$$eval('.item-assumed', (l) => l.map((e) => ({ text: (e as HTMLElement).innerText.replace(/\s+/g, ' '), border: getComputedStyle(e).borderTopStyle })));
      expect(assumed).toEqual([
        { text: 'Competitors show the price with delivery included assumed', border: 'dashed' },
        { text: 'A reorder button in the reminder e-mail assumed', border: 'dashed' },
        { text: 'Price match for returning runners assumed', border: 'dashed' },
      ]);
      // Observed and reported items get an icon, their word for screen readers only.
      const observed = await page.$$eval('.item-observed .confidence', (l) => l.map((e) => ({ icon: !!e.querySelector('svg.icon use[href="#i-observed"]'), word: e.textContent, shown: (e.querySelector('.confidence-word') as HTMLElement).getBoundingClientRect().width })));
      expect(observed.length).toBe(3);
      for (const o of observed) expect(o).toEqual({ icon: true, word: 'observed', shown: 1 });
      // Each source number links to its entry in the list below the map.
      const refs = await page.$$eval('.source-ref a', (l) => l.map((a) => [a.textContent, document.querySelector(a.getAttribute('href')!)?.textContent]));
      // (A screen reader hears "Source 1"; the page shows the number.)
      expect(refs).toEqual([
        ['Source 1', 'Web analytics, Q3 2026'],
        ['Source 2', 'Interviews (September 2026)'],
        ['Source 1', 'Web analytics, Q3 2026'],
        ['Source 2', 'Interviews (September 2026)'],
        ['Source 1', 'Web analytics, Q3 2026'],
      ]);
      expect(await page.$eval('.evidence h3', (h) => (h as HTMLElement).innerText)).toBe('SOURCES');
      expect(await page.$$eval('.sources li', (l) => l.map((li) => [(li as HTMLLIElement).value, li.textContent]))).toEqual([
        [1, 'Web analytics, Q3 2026'],
        [2, 'Interviews (September 2026)'],
      ]);
      // The list stays in view when a map wider than the window is scrolled to its end.
      const [frame, list] = await page.$eval('.scroller', (s) => {
        s.scrollLeft = s.scrollWidth;
        return [s.getBoundingClientRect().left, s.querySelector('.evidence')!.getBoundingClientRect().left];
      });
      expect(Math.abs(list! - frame!)).toBeLessThan(2);
      expect(await axeViolations(page), `${width}`).toEqual([]);
      await page.close();
    }
  });

  it('prints them on the poster: the milestones’ text, the sources and the picture; and takes the PNG', async () => {
    const dir = tempDir();
    const result = await run(['build', join(EXAMPLES, 'rich-map.yaml'), '-f', 'pdf,png', '-d', dir], { env: process.env as Record<string, string> });
    expect(result.code, result.stderr).toBe(0);
    const pdf = join(dir, 'rich-map.pdf');
    const text = words(pdftotext(pdf));
    for (const expected of ['Chooses where to buy', 'Moment of truth', 'SOURCES', '1. Web analytics, Q3 2026', '2. Interviews (September 2026)', 'an assumption, not yet backed by research']) expect(text).toContain(expected);
    // Five columns with pictures in their headings: one A4 page, the pictures shrunk before the text,
    // and embedded at their own resolution.
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
    const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(images.some((line) => /^\s*1\s+\d+\s+image\s+240\s+150\s/.test(line)), images.join('\n')).toBe(true);
    expect(pngSize(join(dir, 'rich-map.png')).width).toBeGreaterThan(1500);
  });
});
