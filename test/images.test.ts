// Pictures in documents (a persona's photo, the theme's logo) and the theme of journey.config.yaml:
// what a user sees in the document, and what a hostile pull request cannot do with them.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../src/browser/launch.js';
import { imagePathProblem, monogram, sniffImage } from '../src/core/image.js';
import { accentColours, contrast, parseColour, parseFontList, themeCss } from '../src/core/theme.js';
import { imageBudget, readImage } from '../src/io/images.js';
import { render } from '../src/index.js';
import { axeViolations } from './axe.js';
import { pngSize } from './read-back.js';
import { openDocument, ROOT, run, startJourney, tempDir } from './helpers.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'images');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

/** A project folder with photos/ holding the three fixtures, and a map whose inline persona names `image`. */
function project(image: string | null, config?: string): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'photos'));
  for (const name of ['tiny.png', 'tiny.jpg', 'tiny.webp']) copyFileSync(join(FIXTURES, name), join(dir, 'photos', name));
  const persona = image === null ? '  name: Giulia Rossi\n' : `  name: Giulia Rossi\n  image: ${image}\n`;
  writeFileSync(join(dir, 'map.yaml'), `template: current-state\ntitle: Buying shoes\npersona:\n${persona}stages:\n  - name: Search\n    emotion: -1\n  - name: Buy\n    emotion: 1\n`);
  if (config !== undefined) writeFileSync(join(dir, 'journey.config.yaml'), config);
  return dir;
}

describe('the image module', () => {
  it('tells PNG, JPEG and WebP by their bytes, and names what else a file is', () => {
    expect(sniffImage(fixture('tiny.png'))).toEqual({ type: 'png' });
    expect(sniffImage(fixture('tiny.jpg'))).toEqual({ type: 'jpeg' });
    expect(sniffImage(fixture('tiny.webp'))).toEqual({ type: 'webp' });
    expect(sniffImage(new TextEncoder().encode('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toEqual({ other: 'an SVG drawing' });
    expect(sniffImage(new TextEncoder().encode('GIF89a....'))).toEqual({ other: 'a GIF picture' });
    expect(sniffImage(new Uint8Array())).toEqual({ other: 'an empty file' });
  });

  it('refuses any URL or absolute path before looking for a file', () => {
    for (const path of ['https://example.com/a.png', 'http://127.0.0.1/a.png', 'HTTPS://x/a.jpg', 'data:image/png;base64,AAAA', 'file:///etc/passwd', 'ftp://x/a.png', 'javascript:alert(1)']) {
      expect(imagePathProblem(path), path).toMatch(/found a (web address|data: URL|[a-z]+: URL): journey never downloads anything/);
    }
    expect(imagePathProblem('//evil.example/a.png')).toMatch(/network path/);
    expect(imagePathProblem('/etc/passwd')).toMatch(/absolute path/);
    expect(imagePathProblem('C:\\photos\\a.png')).toMatch(/absolute path/);
    expect(imagePathProblem('C:a.png')).toMatch(/absolute path/);
    expect(imagePathProblem('photos/giulia.jpg')).toBeUndefined();
  });

  it('reads no more than the limit and keeps a shared budget for a map', async () => {
    const dir = project(null);
    const request = { from: join(dir, 'map.yaml'), cwd: dir, projectRoot: dir, what: 'stage image' };
    const png = await readImage({ ...request, path: 'photos/tiny.png', maxBytes: 2_000_000 });
    expect(png.ok && png.image.src.startsWith('data:image/png;base64,')).toBe(true);
    expect(await readImage({ ...request, path: 'photos/tiny.jpg', maxBytes: 100 })).toEqual({ ok: false, reason: expect.stringMatching(/^stage image "photos\/tiny.jpg": is 781 bytes: expected at most 100 bytes/) });
    // Two pictures of 548 and 146 bytes in a budget of 600: the second is refused.
    const budget = imageBudget(600);
    expect((await readImage({ ...request, path: 'photos/tiny.webp', maxBytes: 2_000_000, budget })).ok).toBe(true);
    expect(await readImage({ ...request, path: 'photos/tiny.png', maxBytes: 2_000_000, budget })).toEqual({ ok: false, reason: expect.stringContaining("would bring this map's pictures to 694 bytes: expected at most 600 bytes together") });
  });

  it('makes monograms of initials, in any script', () => {
    expect(monogram('Giulia Rossi')).toBe('GR');
    expect(monogram('Marco')).toBe('M');
    expect(monogram('  łukasz  de la żuraw ')).toBe('ŁŻ');
    expect(monogram('(Anna) "B."')).toBe('AB');
  });
});

describe('the theme', () => {
  it('accepts #rrggbb, #rgb and colour names only', () => {
    expect(parseColour('#0F766E')).toEqual([15, 118, 110]);
    expect(parseColour('#abc')).toEqual([170, 187, 204]);
    expect(parseColour('RebeccaPurple')).toEqual([102, 51, 153]);
    for (const bad of ['red; } body { display: none', 'url(https://x)', '#12345g', 'rgb(1,2,3)', 'var(--x)', 'red!important', '#1234', 'expression(alert(1))']) expect(parseColour(bad), bad).toBeUndefined();
  });

  it('keeps accent text at 4.5:1 or more on its backgrounds, however light the accent', () => {
    for (const name of ['gold', 'yellow', 'white', '#ffe4e1', 'aqua', 'teal', '#3730a3', 'black', 'orange', 'lime']) {
      const c = accentColours(parseColour(name)!);
      for (const bg of [c.tint, '#eef0fb', '#f3f1fd', '#ffffff']) expect(contrast(parseColour(c.text)!, parseColour(bg)!), `${name} on ${bg}`).toBeGreaterThanOrEqual(4.5);
      expect(c.decor).toBe(`#${parseColour(name)!.map((x) => x.toString(16).padStart(2, '0')).join('')}`);
    }
    // A dark accent is used as it is.
    expect(accentColours(parseColour('#0f766e')!).text).toBe('#0f766e');
  });

  it('colours the stage header band from the accent, its white and lighter text at 4.5:1 or more', () => {
    for (const name of ['gold', 'yellow', 'white', 'aqua', 'teal', '#3730a3', 'black', 'orange', 'lime', 'crimson']) {
      const c = accentColours(parseColour(name)!);
      const [white, head, path, muted] = [[255, 255, 255], c.head, c.headPath, c.headMuted].map((x) => (typeof x === 'string' ? parseColour(x)! : x)) as [number, number, number][];
      expect(contrast(white!, head!), `${name}: white on the header`).toBeGreaterThanOrEqual(7);
      expect(contrast(muted!, head!), `${name}: step numbers on the header`).toBeGreaterThanOrEqual(4.5);
      expect(contrast(white!, path!), `${name}: white on a path's heading`).toBeGreaterThanOrEqual(4.5);
    }
    // Not navy whatever the accent: the header takes the accent's hue.
    const teal = accentColours(parseColour('teal')!);
    expect(teal.head).not.toBe('#1e2a4a');
    expect(themeCss({ accent: 'teal' })).toContain(`--head: ${teal.head}`);
    expect(themeCss({ accent: 'teal' })).toContain('--band-edge: #008080');
  });

  it('accepts font names and generic families, and nothing that could end a CSS rule', () => {
    expect(parseFontList('Inter, Source Sans 3, "Noto Sans", system-ui')).toEqual({ ok: true, css: '"Inter", "Source Sans 3", "Noto Sans", system-ui' });
    for (const bad of ['Inter; } body { display: none', 'x</style><script>alert(1)</script>', 'url(https://evil/font.woff)', 'a{b}', '"a\\"b"', 'Inter,,serif', 'inherit', '/* c */ serif', 'a\nb']) {
      expect(parseFontList(bad).ok, bad).toBe(false);
    }
    expect(themeCss(undefined)).toBe('');
    expect(themeCss({ accent: 'gold', font: '"Inter", serif' })).toContain('body { font-family: "Inter", serif, system-ui');
  });
});

describe('a persona picture', () => {
  it('is inlined into the HTML from a path relative to the map, in each of the three formats', async () => {
    for (const [name, mime] of [['tiny.png', 'image/png'], ['tiny.jpg', 'image/jpeg'], ['tiny.webp', 'image/webp']]) {
      const dir = project(`photos/${name}`);
      const result = await run(['build', 'map.yaml'], { cwd: dir });
      expect(result.code, result.stderr).toBe(0);
      const html = readFileSync(join(dir, 'map.html'), 'utf8');
      const base64 = fixture(name!).toString('base64').replace(/=/g, '&#x3D;');
      expect(html).toContain(`<img class="avatar" src="data:${mime};base64,${base64}" alt="Giulia Rossi">`);
      expect(html).not.toContain('class="avatar monogram"');
    }
  });

  it('is replaced by a monogram when there is none, hidden from screen readers', async () => {
    const dir = project(null);
    expect((await run(['build', 'map.yaml'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, 'map.html'), 'utf8')).toContain('<span class="avatar monogram" aria-hidden="true">GR</span>');
  });

  it('from a persona file is relative to that file, and a refusal points at its line', async () => {
    const dir = project(null);
    mkdirSync(join(dir, 'personas'));
    writeFileSync(join(dir, 'personas', 'giulia.yaml'), 'name: Giulia\nimage: ../photos/tiny.webp\n');
    writeFileSync(join(dir, 'map.yaml'), readFileSync(join(dir, 'map.yaml'), 'utf8').replace(/persona:\n  name: Giulia Rossi\n/, 'persona: personas/giulia.yaml\n'));
    expect((await run(['build', 'map.yaml'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, 'map.html'), 'utf8')).toContain('src="data:image/webp;base64,');
    writeFileSync(join(dir, 'personas', 'giulia.yaml'), 'name: Giulia\nimage: https://example.com/giulia.jpg\n');
    const result = await run(['build', 'map.yaml'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('personas/giulia.yaml:2:8 error image: persona image "https://example.com/giulia.jpg": expected a local PNG, JPEG or WebP file');
  });

  const refusals: [string, string, (dir: string) => void][] = [
    ['a web address', 'https://example.com/giulia.jpg', () => {}],
    ['a data: URL', 'data:image/png;base64,iVBORw0KGgo=', () => {}],
    ['a network path', '//fileserver/photos/giulia.jpg', () => {}],
    ['an absolute path', '/etc/passwd', () => {}],
    ['outside the project', '../outside.png', () => {}],
    ['a missing file', 'photos/nobody.png', () => {}],
    ['an SVG by name', 'photos/face.svg', (dir) => writeFileSync(join(dir, 'photos', 'face.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ['an SVG by content', 'photos/face.png', (dir) => writeFileSync(join(dir, 'photos', 'face.png'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ['a JPEG named .png', 'photos/wrong.png', (dir) => copyFileSync(join(FIXTURES, 'tiny.jpg'), join(dir, 'photos', 'wrong.png'))],
    ['another type', 'photos/anim.gif', (dir) => writeFileSync(join(dir, 'photos', 'anim.gif'), 'GIF89a')],
    ['over the limit', 'photos/huge.png', (dir) => writeFileSync(join(dir, 'photos', 'huge.png'), Buffer.concat([fixture('tiny.png'), Buffer.alloc(1_000_000)]))],
    ['a link out of the project', 'photos/link.png', (dir) => {
      const outside = tempDir();
      copyFileSync(join(FIXTURES, 'tiny.png'), join(outside, 'secret.png'));
      symlinkSync(join(outside, 'secret.png'), join(dir, 'photos', 'link.png'));
    }],
  ];
  const expected: Record<string, RegExp> = {
    'a web address': /found a web address: journey never downloads anything/,
    'a data: URL': /found a data: URL: journey never downloads anything/,
    'a network path': /found a network path/,
    'an absolute path': /found an absolute path: name it relative to this file/,
    'outside the project': /leads outside the project folder/,
    'a missing file': /not found \(no such file or directory\)/,
    'an SVG by name': /found an SVG drawing \(\.svg\), which can carry script and links/,
    'an SVG by content': /expected a PNG, JPEG or WebP picture, found an SVG drawing/,
    'a JPEG named .png': /the file is a JPEG picture but its name says PNG/,
    'another type': /expected a \.png, \.jpg, \.jpeg or \.webp file, found another kind of file/,
    'over the limit': /is 1,000,146 bytes: expected at most 1,000,000 bytes/,
    'a link out of the project': /is a symbolic link that leads outside the project folder/,
  };
  for (const [what, path, prepare] of refusals) {
    it(`is refused when it is ${what}, at the image: value, and nothing is written`, async () => {
      const dir = project(path);
      prepare(dir);
      for (const command of ['validate', 'build']) {
        const result = await run([command, 'map.yaml'], { cwd: dir });
        expect(result.code, result.stderr).toBe(1);
        expect(result.stderr).toMatch(new RegExp(`^map\\.yaml:5:10 error persona\\.image: persona image ${JSON.stringify(path).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: `, 'm'));
        expect(result.stderr).toMatch(expected[what]!);
      }
      expect(() => readFileSync(join(dir, 'map.html'))).toThrow();
    });
  }

  it('is refused when it is empty text; a key with no value is no picture', async () => {
    const empty = await run(['validate', 'map.yaml'], { cwd: project('""') });
    expect(empty.stderr).toContain('map.yaml:5:10 error persona.image: persona image "": expected a local PNG, JPEG or WebP file inside the project folder, relative to this file (like photos/giulia.jpg), found empty text');
    expect((await run(['validate', 'map.yaml'], { cwd: project('') })).code).toBe(0);
  });

  it('is never downloaded: a URL to a server on this machine gets no request', async () => {
    const requests: string[] = [];
    const server = createServer((req, res) => void (requests.push(req.url ?? ''), res.end()));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    try {
      const { port } = server.address() as AddressInfo;
      const dir = project(`http://127.0.0.1:${port}/giulia.png`, `theme:\n  logo: http://127.0.0.1:${port}/logo.png\n`);
      const result = await run(['build', 'map.yaml', '-f', 'html,pdf'], { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('journey.config.yaml:2:9 error theme.logo: logo "http://127.0.0.1');
      writeFileSync(join(dir, 'journey.config.yaml'), '');
      expect((await run(['build', 'map.yaml', '-f', 'html,pdf'], { cwd: dir })).stderr).toContain('map.yaml:5:10 error persona.image: persona image "http://127.0.0.1');
      expect(requests).toEqual([]);
    } finally {
      server.close();
    }
  });

  it('is followed by --watch: saving the picture rebuilds the map', async () => {
    const dir = project('photos/tiny.png');
    const { waitFor, stop } = startJourney(['build', 'map.yaml', '--watch'], dir);
    try {
      await waitFor('Watching');
      // A JPEG saved over the PNG: the rebuild reads it again, and says what is wrong.
      copyFileSync(join(FIXTURES, 'tiny.jpg'), join(dir, 'photos', 'tiny.png'));
      await waitFor('map.yaml:5:10 error persona.image: persona image "photos/tiny.png": the file is a JPEG picture but its name says PNG');
    } finally {
      await stop();
    }
  });

  it('is taken on an inline persona by the JSON Schema', async () => {
    const schema = JSON.parse((await run(['schema'])).stdout);
    expect(JSON.stringify(schema)).toContain('relative to this map');
  });
});

describe('the theme in journey.config.yaml', () => {
  const located = async (config: string) => {
    const dir = project(null, config);
    const result = await run(['build', 'map.yaml'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(() => readFileSync(join(dir, 'map.html'))).toThrow();
    return result.stderr;
  };

  it('refuses a colour, a font list or a logo it cannot trust, at its line and column', async () => {
    expect(await located('theme:\n  accent: "red; } body { display: none"\n')).toContain('journey.config.yaml:2:11 error theme.accent: expected a CSS colour: #rrggbb, #rgb or a colour name such as teal, found text "red; } body { display: none"');
    expect(await located('theme:\n  accent: "#12345g"\n')).toContain('journey.config.yaml:2:11 error theme.accent: expected a CSS colour');
    expect(await located("theme:\n  font: 'Inter; } </style><script>alert(1)</script>'\n")).toMatch(/journey\.config\.yaml:2:9 error theme\.font: expected a font-family list of installed fonts: .*found "Inter; } <\/style><script>alert\(1\)<\/script>", which has characters a font name does not/);
    expect(await located('theme:\n  logo: photos/logo.svg\n')).toContain('journey.config.yaml:2:9 error theme.logo: logo "photos/logo.svg": expected a .png, .jpg, .jpeg or .webp file, found an SVG drawing');
    expect(await located('theme:\n  logo: ../logo.png\n')).toContain('journey.config.yaml:2:9 error theme.logo: logo "../logo.png": leads outside the project folder');
    expect(await located('theme:\n  colour: red\n')).toContain('journey.config.yaml:2:3 error theme.colour: unknown key');
  });

  it('gives documents its accent, font and logo; documents without a theme do not change', async () => {
    const plain = project(null);
    await run(['build', 'map.yaml'], { cwd: plain });
    const before = readFileSync(join(plain, 'map.html'), 'utf8');
    expect(before).not.toContain('theme (journey.config.yaml)');
    const dir = project(null, 'theme:\n  accent: gold\n  logo: photos/tiny.png\n  logo_alt: ACME Run\n  font: DejaVu Serif, serif\n');
    expect((await run(['build', 'map.yaml'], { cwd: dir })).code).toBe(0);
    const html = readFileSync(join(dir, 'map.html'), 'utf8');
    expect(html).toContain(':root { --accent: #796600; --accent-decor: #ffd700;');
    expect(html).toContain('body { font-family: "DejaVu Serif", serif, system-ui');
    expect(html).toMatch(/<img class="logo" src="data:image\/png;base64,[^"]+" alt="ACME Run">/);
    // The policy still allows inline pictures only.
    expect(html).toContain("img-src data:;");
  });

  it('is taken by the API as an option, and checked the same way', async () => {
    const source = 'template: current-state\ntitle: T\nstages:\n  - name: A\n';
    expect(await render(source, 'html', { theme: { accent: 'teal' } })).toContain('--accent-decor: #008080;');
    await expect(render(source, 'html', { theme: { accent: 'red;}' } })).rejects.toThrow(/theme\.accent: expected a CSS colour/);
    await expect(render(source, 'html', { theme: { logo: 'https://example.com/logo.png' } })).rejects.toThrow(/journey never downloads anything/);
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

  it('shows the persona picture and the logo, loads nothing, and adds no accessibility violation', async () => {
    const plain = project(null);
    expect((await run(['build', 'map.yaml'], { cwd: plain })).code).toBe(0);
    const baseline = await open(join(plain, 'map.html'));
    const before = await axeViolations(baseline.page);
    await baseline.page.close();

    // A light accent (its text is darkened), a picture and a logo.
    for (const accent of ['gold', 'white', '#0f766e']) {
      const dir = project('photos/tiny.webp', `theme:\n  accent: "${accent}"\n  logo: photos/tiny.png\n  logo_alt: ACME Run\n`);
      expect((await run(['build', 'map.yaml'], { cwd: dir })).code).toBe(0);
      const { page, requests } = await open(join(dir, 'map.html'));
      const images = await page.$$eval('img', (list) => list.map((i) => ({ cls: i.className, alt: i.alt, width: i.naturalWidth, shown: i.getBoundingClientRect().width })));
      expect(images).toEqual([
        { cls: 'logo', alt: 'ACME Run', width: 16, shown: expect.any(Number) },
        { cls: 'avatar', alt: 'Giulia Rossi', width: 16, shown: 56 },
      ]);
      expect(requests).toEqual([]);
      // The picture is round.
      expect(await page.$eval('img.avatar', (i) => getComputedStyle(i).borderRadius)).toBe('50%');
      expect(await axeViolations(page), accent).toEqual(before);
      await page.close();
    }
    // The monogram passes too, at a narrow width.
    const { page } = await open(join(plain, 'map.html'), 720);
    expect(await page.$eval('.monogram', (m) => m.textContent)).toBe('GR');
    await page.close();
  });

  it('puts them in the PDF and the PNG, which print the same page', async () => {
    const dir = project('photos/tiny.jpg', 'theme:\n  accent: teal\n  logo: photos/tiny.png\n');
    const result = await run(['build', 'map.yaml', '-f', 'pdf,png', '--pdf-layout', 'document'], { cwd: dir, env: process.env as Record<string, string> });
    expect(result.code, result.stderr).toBe(0);
    // pdfimages lists the pictures the PDF holds: the logo and the persona's.
    const list = execFileSync('pdfimages', ['-list', join(dir, 'map.pdf')], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(list.length).toBeGreaterThanOrEqual(2);
    expect(pngSize(join(dir, 'map.png')).width).toBeGreaterThan(100);
    // The poster (the map alone) leads its title line with the logo, and its persona card shows the picture.
    expect((await run(['build', 'map.yaml', '-f', 'pdf', '-o', 'poster.pdf'], { cwd: dir, env: process.env as Record<string, string> })).code).toBe(0);
    const poster = execFileSync('pdfimages', ['-list', join(dir, 'poster.pdf')], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(poster).toHaveLength(2);
  });

  it('shows the picture on the site persona page, with the name once', async () => {
    const dir = project(null);
    mkdirSync(join(dir, 'personas'));
    writeFileSync(join(dir, 'personas', 'giulia.yaml'), 'name: Giulia\nimage: ../photos/tiny.png\ndescription: Runs.\n');
    writeFileSync(join(dir, 'map.yaml'), readFileSync(join(dir, 'map.yaml'), 'utf8').replace(/persona:\n  name: Giulia Rossi\n/, 'persona: personas/giulia.yaml\n'));
    const result = await run(['site', '.', '-o', 'site'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const { page, requests } = await open(join(dir, 'site', 'personas', 'giulia.html'));
    expect(await page.$$eval('img.avatar', (l) => l.map((i) => [i.alt, i.naturalWidth]))).toEqual([['Giulia', 16]]);
    const text = await page.$eval('main', (m) => m.innerText);
    expect(text.match(/Giulia/g)).toHaveLength(1);
    expect(requests).toEqual([]);
    await page.close();
  });
});
