// PNG pictures of the poster, read back by their header and decoded in Chromium.
import { chmodSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultFindContext, findBrowser } from '../src/browser/find.js';
import { createBrowserPool } from '../src/browser/pool.js';
import { EXAMPLES, run, startJourney, tempDir } from './helpers.js';
import { pngSize, richMap } from './read-back.js';

const pool = createBrowserPool({ env: process.env, timeout: 90_000 });
afterAll(() => pool.close());

/** Decodes a PNG in Chromium: its size, and whether a band `edge` pixels wide all round it is pure white and opaque. */
async function decode(file: string, edge = 8): Promise<{ width: number; height: number; whiteEdges: boolean; inkInside: boolean }> {
  const src = `data:image/png;base64,${readFileSync(file).toString('base64')}`;
  return pool.withPage((page) =>
    page.evaluate(
      async (src, edge) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        const canvas = document.createElement('canvas');
        [canvas.width, canvas.height] = [img.naturalWidth, img.naturalHeight];
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        const white = (x: number, y: number, w: number, h: number) => ctx.getImageData(x, y, w, h).data.every((v) => v === 255);
        const [w, h] = [canvas.width, canvas.height];
        return {
          width: w,
          height: h,
          whiteEdges: white(0, 0, w, edge) && white(0, h - edge, w, edge) && white(0, 0, edge, h) && white(w - edge, 0, edge, h),
          inkInside: !white(edge, edge, w - 2 * edge, h - 2 * edge),
        };
      },
      src,
      edge,
    ),
  );
}

describe('PNG pictures', () => {
  it('show the whole poster on white, at twice the CSS pixels by default and at --scale', async () => {
    const dir = tempDir();
    copyFileSync(join(EXAMPLES, 'service-blueprint.yaml'), join(dir, 'map.yaml'));
    expect((await run(['build', 'map.yaml', '-f', 'png'], { cwd: dir })).code).toBe(0);
    expect((await run(['build', 'map.yaml', '-o', 'one.png', '--scale', '1'], { cwd: dir })).code).toBe(0);
    const [two, one] = [pngSize(join(dir, 'map.png')), pngSize(join(dir, 'one.png'))];
    expect(Math.abs(two.width - 2 * one.width)).toBeLessThanOrEqual(2);
    expect(Math.abs(two.height - 2 * one.height)).toBeLessThanOrEqual(2);
    // A readable size, about the shape of a landscape page.
    expect(one.width).toBeGreaterThan(1000);
    expect(one.width / one.height).toBeGreaterThan(1.1);
    expect(one.width / one.height).toBeLessThan(1.8);
    // It decodes, and the map sits inside a white margin: nothing is cut at an edge.
    const decoded = await decode(join(dir, 'map.png'), 16);
    expect(decoded).toEqual({ ...two, whiteEdges: true, inkInside: true });
  });

  it('hold every stage of a wide map in one picture', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'wide.yaml'), richMap(30));
    expect((await run(['build', 'wide.yaml', '-o', 'wide.png', '--scale', '1'], { cwd: dir })).code).toBe(0);
    const size = pngSize(join(dir, 'wide.png'));
    // 30 stage columns of at least 120 CSS pixels, side by side.
    expect(size.width).toBeGreaterThan(30 * 120);
    expect(await decode(join(dir, 'wide.png'))).toMatchObject({ whiteEdges: true, inkInside: true });
  });

  it('take --scale and scale: from the config file, and refuse a scale out of range', async () => {
    const dir = tempDir();
    copyFileSync(join(EXAMPLES, 'current-state.yaml'), join(dir, 'map.yaml'));
    writeFileSync(join(dir, 'journey.config.yaml'), 'format: [png]\nscale: 1\n');
    expect((await run(['build', 'map.yaml'], { cwd: dir })).code).toBe(0);
    const fromConfig = pngSize(join(dir, 'map.png'));
    expect((await run(['build', 'map.yaml', '--scale', '3'], { cwd: dir })).code).toBe(0);
    expect(Math.abs(pngSize(join(dir, 'map.png')).width - 3 * fromConfig.width)).toBeLessThanOrEqual(3);
    const wrong = await run(['build', 'map.yaml', '--scale', '0'], { cwd: dir });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('expected a scale greater than 0');
  });

  it('share one browser with PDF in a batch written to -d', async () => {
    const found = findBrowser(undefined, defaultFindContext(process.env));
    if (!found.ok) throw new Error('the tests need Chromium');
    const dir = tempDir();
    // A browser that notes each start, so the test can count them.
    const wrapper = join(dir, 'counting-chrome');
    writeFileSync(wrapper, `#!/bin/sh\necho started >> "${join(dir, 'starts')}"\nexec "${found.path}" "$@"\n`);
    chmodSync(wrapper, 0o755);
    for (const n of ['current-state', 'future-state', 'day-in-the-life']) copyFileSync(join(EXAMPLES, `${n}.yaml`), join(dir, `${n}.yaml`));
    const { code, stderr } = await run(['build', '.', '-f', 'png,pdf', '-d', 'site', '--browser', wrapper], { cwd: dir });
    expect(code, stderr).toBe(0);
    for (const n of ['current-state', 'future-state', 'day-in-the-life']) {
      expect(readFileSync(join(dir, 'site', `${n}.pdf`)).subarray(0, 5).toString()).toBe('%PDF-');
      expect(pngSize(join(dir, 'site', `${n}.png`)).width).toBeGreaterThan(0);
    }
    expect(readFileSync(join(dir, 'starts'), 'utf8').trim().split('\n')).toHaveLength(1);
  });

  // Chromium draws no frame for a tab in the background: taking pictures on four pages at once used
  // to hang after seven maps.
  it('are taken for a batch of ten maps, four pages at a time', async () => {
    const dir = tempDir();
    for (let i = 0; i < 10; i++) copyFileSync(join(EXAMPLES, 'current-state.yaml'), join(dir, `map-${i}.yaml`));
    const { code, stderr } = await run(['build', '.', '-f', 'png', '--jobs', '4', '--timeout', '60'], { cwd: dir });
    expect(code, stderr).toBe(0);
    for (let i = 0; i < 10; i++) expect(pngSize(join(dir, `map-${i}.png`)).width).toBeGreaterThan(0);
  });

  it('are rebuilt in watch mode when the map is saved', async () => {
    const dir = tempDir();
    copyFileSync(join(EXAMPLES, 'current-state.yaml'), join(dir, 'map.yaml'));
    const { waitFor, stop } = startJourney(['build', 'map.yaml', '-f', 'png', '--scale', '1', '--watch'], dir);
    try {
      await waitFor('Watching 1 map for changes.');
      const before = pngSize(join(dir, 'map.png'));
      // Two more stages make a wider picture.
      writeFileSync(join(dir, 'map.yaml'), `${readFileSync(join(dir, 'map.yaml'), 'utf8')}  - name: Second run\n  - name: Third run\n`);
      await waitFor('↻ map.yaml → map.png');
      expect(pngSize(join(dir, 'map.png')).width).toBeGreaterThan(before.width);
    } finally {
      await stop();
    }
  });
});
