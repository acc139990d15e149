// The README's pictures of the examples, made from the built bundle (`npm run build` first), from the
// repository's top folder: `node examples/screenshots/make.mjs`. For each example: its A4 poster
// (the PDF's page, `<name>-poster.png`) and its PNG (`<name>-png.png`, at --scale 1); for the
// current-state and rich examples, the HTML page too (`<name>.png`). Needs poppler's pdftoppm.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';

const here = 'examples/screenshots';
const tmp = mkdtempSync(join(tmpdir(), 'journey-screenshots-'));
const examples = readdirSync('examples').filter((f) => f.endsWith('.yaml'));
const journey = (...args) => execFileSync(process.execPath, ['bin/journey.js', ...args], { stdio: 'inherit' });
journey('build', ...examples.map((f) => join('examples', f)), '-f', 'pdf,png,html', '--scale', '1', '-d', tmp);
for (const file of examples) {
  const name = file.replace(/\.yaml$/, '');
  execFileSync('pdftoppm', ['-png', '-r', '110', '-singlefile', join(tmp, `${name}.pdf`), join(here, `${name}-poster`)]);
  renameSync(join(tmp, `${name}.png`), join(here, `${name}-png.png`));
}
const browser = await puppeteer.launch({ executablePath: process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
await page.setViewport({ width: 1440, height: 900 });
for (const name of ['current-state', 'rich-map']) {
  await page.goto(`file://${join(tmp, `${name}.html`)}`, { waitUntil: 'load' });
  await page.screenshot({ path: join(here, `${name}.png`), fullPage: true });
}
await browser.close();
rmSync(tmp, { recursive: true, force: true });
