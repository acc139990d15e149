// Posters of maps no one here wrote: a seeded corpus (test/corpus/generate.ts) of every template, a
// custom lane in every band, 3–8 stages, short and long texts, forks, pictures, several personas and
// maps too tall for a page even one stage at a time,
// printed in one build (one browser) and read back with poppler as a reader's tools see them.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageCount } from '../src/render/pdf.js';
import { writeCorpus, type CorpusMap } from './corpus/generate.js';
import { EXAMPLES, run } from './helpers.js';
import { pdfinfo, pdfPages, type PdfWord } from './read-back.js';

/** A4 landscape, in points, and its 10 mm margins. */
const A4 = { width: 841.92, height: 595.92, margin: 28.3 };
const MIN_POINTS = 6;

let maps: CorpusMap[];
let out: string;
// One folder for the whole file (the helpers' temporary folders go after each test).
const dir = mkdtempSync(join(tmpdir(), 'journey-corpus-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(async () => {
  maps = writeCorpus(dir, EXAMPLES, 14);
  out = join(dir, 'out');
  const result = await run(['build', dir, '-f', 'pdf', '-d', out], { cwd: dir });
  expect(result.code, result.stderr).toBe(0);
}, 240_000);

describe('posters of a generated corpus', () => {
  it('has every template, a custom lane in every band, forks, pictures, several personas and long texts', () => {
    const yaml = maps.map((m) => m.yaml).join('\n');
    for (const template of ['current-state', 'future-state', 'day-in-the-life', 'service-blueprint']) expect(yaml).toContain(`template: ${template}`);
    for (const band of ['experience', 'front-end', 'back-end', 'customer', 'frontstage', 'backstage', 'support']) expect(yaml).toContain(`band: ${band} }`);
    expect(yaml).toContain('branches:');
    expect(yaml).toContain('image: pictures/screen.png');
    expect(yaml).toContain('image: pictures/face.webp');
    expect(yaml).toContain('personas:');
    expect(maps.filter((m) => m.ordinary).length).toBeGreaterThanOrEqual(5);
    expect(maps.filter((m) => !m.ordinary).length).toBeGreaterThanOrEqual(3);
    // Maps too tall for a page even one stage at a time: very long texts, many lanes, five personas.
    expect(maps.filter((m) => m.tall).length).toBeGreaterThanOrEqual(2);
    for (const map of maps.filter((m) => m.tall)) expect(map.personas).toHaveLength(5);
  });

  it('prints an ordinary map (3–6 stages, short texts) on one A4 page, and any map, very tall ones too, on planned pages that each carry the title line, page number and lane questions', () => {
    for (const map of maps) {
      /** The lane questions printed on a page. */
      const lanesOn = (page: { words: PdfWord[] }) => {
        const solid = page.words.map((w) => w.text).join('');
        return map.laneLabels.filter((label) => solid.includes(label.replace(/\s+/g, '')));
      };
      const file = join(out, map.file.replace(/\.yaml$/, '.pdf'));
      const pages = pdfPages(file);
      const where = `${map.file} (${map.columns} columns${map.ordinary ? '' : ', not ordinary'})`;
      expect(pages.length, where).toBe(Number(pdfinfo(file).Pages));
      // journey's own count of the pages it printed (checked against its plan) agrees with poppler's.
      expect(pageCount(readFileSync(file)), where).toBe(pages.length);
      if (map.ordinary) expect(pages.length, where).toBe(1);
      if (map.tall) expect(pages.length, where).toBeGreaterThan(1);
      // The pages of one group of stages (the same column headings) hold every lane, with its question.
      const groups = new Map<string, PdfWord[][]>();
      for (const page of pages) {
        const heads = page.words.flatMap((w, i) => (/^(STEP|MOMENT|PHASE)$/.test(w.text) && /^\d/.test(page.words[i + 1]?.text ?? '') ? [page.words[i + 1]!.text] : []));
        groups.set(heads.join(' '), [...(groups.get(heads.join(' ')) ?? []), page.words]);
      }
      for (const [heads, group] of groups) {
        expect(heads, where).not.toBe('');
        const lanes = new Set(group.flatMap((words) => lanesOn({ words })));
        expect([...lanes].sort(), `${where}: columns ${heads}`).toEqual([...map.laneLabels].sort());
      }
      // Every PDF has an outline, one-page posters too.
      expect(readFileSync(file).toString('latin1'), where).toContain('/Outlines');
      pages.forEach((page, p) => {
        const at = `${where}, page ${p + 1} of ${pages.length}`;
        expect([page.width, page.height], at).toEqual([expect.closeTo(A4.width, 0), expect.closeTo(A4.height, 0)]);
        // The words in reading order, run together: a phrase is found whatever its line breaks (back-|end).
        const solid = page.words.map((w) => w.text).join('');
        for (const phrase of [map.title, ...map.personas]) expect(solid, `${at}: "${phrase}"`).toContain(phrase.replace(/\s+/g, ''));
        // Some rows, each with its lane question (a map too tall for a page parts its rows over pages).
        expect(lanesOn(page).length, `${at}: a lane question`).toBeGreaterThan(0);
        const text = page.words.map((w) => w.text).join(' ');
        if (pages.length > 1) expect(text, at).toContain(`Page ${p + 1} of ${pages.length}`);
        else expect(text, at).not.toMatch(/Page \d+ of/);
        for (const word of page.words) {
          expect(word.yMax - word.yMin, `${at}: "${word.text}"`).toBeGreaterThanOrEqual(MIN_POINTS);
          // Inside the printable area: nothing runs off the paper or into its margins.
          const inside = word.xMin >= A4.margin - 1 && word.yMin >= A4.margin - 1 && word.xMax <= page.width - A4.margin + 1 && word.yMax <= page.height - A4.margin + 1;
          expect(inside, `${at}: "${word.text}" at ${word.xMin},${word.yMin}–${word.xMax},${word.yMax}`).toBe(true);
        }
      });
    }
  });
});
