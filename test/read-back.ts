// Reading documents back as a user's tools see them: PDFs with poppler (pdfinfo, pdftotext), PNGs by
// their header and by decoding them in Chromium.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export function pdfinfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));
}

export const pageCount = (file: string) => Number(pdfinfo(file).Pages);

/** Text with layout spacing folded, so a phrase split by wrapping or columns can still be found word by word. */
export const words = (text: string) => text.replace(/\s+/g, ' ');

/** The text of the whole PDF, or of one page, in content-stream order (-raw), so a phrase wrapped inside a cell stays together. */
export function pdftotext(file: string, page?: number): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return execFileSync('pdftotext', ['-raw', ...range, file, '-'], { encoding: 'utf8' });
}

/** Every page's text, words folded. */
export const pageTexts = (file: string) => Array.from({ length: pageCount(file) }, (_, i) => words(pdftotext(file, i + 1)));

export interface PdfWord {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

/** Every page's size (points) and words with their boxes, as `pdftotext -bbox` reads them. */
export function pdfPages(file: string): { width: number; height: number; words: PdfWord[] }[] {
  const xhtml = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  const unescape = (t: string) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return [...xhtml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((page) => ({
    width: Number(page[1]),
    height: Number(page[2]),
    words: [...page[3]!.matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g)].map((m) => ({
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
      text: unescape(m[5]!),
    })),
  }));
}

/** The smallest word on any page, by the height of its box in points. */
export function smallestWord(file: string): { height: number; word: string } {
  let smallest = { height: Infinity, word: '' };
  for (const word of pdfPages(file).flatMap((p) => p.words)) {
    const height = word.yMax - word.yMin;
    if (height < smallest.height) smallest = { height, word: word.text };
  }
  return smallest;
}

/** A PNG's size from its IHDR chunk, after checking the signature. */
export function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((b, i) => bytes[i] === b) || bytes.toString('latin1', 12, 16) !== 'IHDR') throw new Error(`${file} is not a PNG`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** A map of `count` stages, each with every lane of current-state filled as a real map would be. */
export function richMap(count: number, title = `A journey of ${count} stages`): string {
  const names = ['Search', 'Compare', 'Ask a friend', 'Read reviews', 'Visit the store', 'Call support', 'Checkout', 'Wait', 'Unbox', 'Return'];
  let out = `template: current-state\ntitle: ${title}\nupdated: 2026-11-01\npersona:\n  name: Giulia\nstages:\n`;
  for (let i = 0; i < count; i++) {
    out += `  - name: ${names[i % names.length]} ${i + 1}\n    emotion: ${(i % 5) - 2}\n`;
    out += `    thinking: I wonder whether step ${i + 1} will be quick, or take the whole evening again.\n`;
    out += `    actions: [Opens the page, Compares two options, Asks in the chat]\n`;
    out += `    touchpoints:\n      - { name: Web shop, channel: web }\n      - { name: Store, channel: offline }\n`;
    out += `    pain_points: [The size chart is hard to read]\n    opportunities: [A size advisor]\n`;
    out += `    change: Publish a size advisor\n    rationale: A third of buyers order two sizes.\n    kpis: [Conversion rate]\n`;
  }
  return out;
}
