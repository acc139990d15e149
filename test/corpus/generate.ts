// A corpus of varied maps, as people who did not write journey would write them: every template, a
// custom lane in every band, 3–8 stages, short and long texts, forks, stage pictures, a persona's
// picture and several personas. Seeded, so the same seed always gives the same maps.
// test/poster-corpus.test.ts prints a sample as posters; to look at them yourself:
// `npx esbuild test/corpus/generate.ts --bundle --platform=node --format=esm --outfile=/tmp/gen.mjs && node /tmp/gen.mjs <folder> [count] [seed]`
// from the repository's top folder.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEMPLATES, TEMPLATE_IDS } from '../../src/templates/registry.js';

export interface CorpusMap {
  /** The file's name, `map-03-service-blueprint.yaml`. */
  file: string;
  yaml: string;
  title: string;
  /** Every column: main stages and the stages of a fork's paths. */
  columns: number;
  /** Short texts and at most 6 columns: a map that must print as one A4 page. */
  ordinary: boolean;
  /** Very long texts, many lanes and five personas: too tall for a page even one stage at a time. */
  tall: boolean;
  /** Its lane questions, the template's and its custom lanes' (each must be on every page of its poster). */
  laneLabels: string[];
  /** Its personas' names. */
  personas: string[];
}

/** A small, fast, seeded generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VERBS = ['Checks', 'Opens', 'Compares', 'Calls', 'Reads', 'Fills in', 'Waits for', 'Asks about', 'Pays for', 'Downloads', 'Reports', 'Cancels'];
const THINGS = ['the form', 'the app', 'the invoice', 'a refund', 'the delivery', 'the status page', 'the contract', 'a new card', 'the help desk', 'the appointment', 'the receipt', 'the manual'];
const STAGES = ['Discover', 'Compare', 'Sign up', 'Onboard', 'First use', 'Get help', 'Pay', 'Renew', 'Complain', 'Recommend', 'Return', 'Leave'];
const NAMES = ['Ada', 'Bruno', 'Chiara', 'Dawit', 'Emi', 'Farah', 'Gustav', 'Hana'];
const LONG =
  'because the last time it took three calls, two e-mails and a visit to the branch before anyone could explain what had gone wrong with the order, and nobody wrote it down for the next agent';
const CHANNELS = ['web', 'app', 'email', 'phone', 'offline', 'chat'];

/** The maps of the corpus: `count` of them, map i of template i mod 4. */
export function generateCorpus(count: number, seed = 28): CorpusMap[] {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const q = (s: string) => JSON.stringify(s);
  return Array.from({ length: count }, (_, i) => {
    const template = TEMPLATE_IDS[i % TEMPLATE_IDS.length]!;
    const definition = TEMPLATES[template];
    // Every third map has long texts; forks, pictures and several personas each come and go. Every
    // seventh is very tall: very long texts, three custom lanes in each band and five personas.
    const tall = i % 7 === 6;
    const long = i % 3 === 2 || tall;
    const fork = rnd() < 0.4;
    const pictures = rnd() < 0.4;
    const people = tall ? (rnd(), 5) : rnd() < 0.35 ? int(2, 3) : 1;
    const main = fork ? int(3, 6) : int(3, 8);
    const columns = main + (fork ? 2 : 0);
    const text = (n: number) => `${pick(VERBS)} ${pick(THINGS)}${tall ? `, ${LONG}; ${LONG}` : long && n % 2 === 0 ? `, ${LONG}` : ''}`;
    const title = `${pick(STAGES)} and ${pick(THINGS).replace(/^(the|a) /, '')}: map ${i + 1}`;
    const customBands = tall ? definition.bands.flatMap((band) => [band, band, band]) : definition.bands;
    const customLabels = customBands.map((band, b) => `Which ${['system', 'team', 'rule', 'signal'][b % 4]} ${b + 1} matters in ${band}?`);

    const ids = Array.from({ length: people }, (_, p) => NAMES[(i + p) % NAMES.length]!.toLowerCase());
    const emotion = () => (people === 1 ? String(int(-2, 2)) : `{ ${ids.map((id) => `${id}: ${int(-2, 2)}`).join(', ')} }`);
    const lines: string[] = [`template: ${template}`, `title: ${q(title)}`, 'updated: 2026-11-01'];
    if (people === 1) {
      lines.push('persona:', `  name: ${NAMES[i % NAMES.length]}`, `  description: ${q(`${int(22, 70)}, ${long ? 'works shifts and handles everything from the phone, late at night' : 'busy'}`)}`);
      if (pictures) lines.push('  image: pictures/face.webp');
    } else {
      lines.push('personas:');
      for (const id of ids) lines.push(`  - id: ${id}`, `    name: ${id[0]!.toUpperCase()}${id.slice(1)}`, `    description: ${q(`${int(22, 70)}, a regular customer`)}`);
    }
    lines.push('lanes:');
    customBands.forEach((band, b) => lines.push(`  - { key: custom_${b}, label: ${q(customLabels[b]!)}, band: ${band} }`));

    const stage = (indent: string, n: number, name: string) => {
      const out = [`${indent}- name: ${q(name)}`, `${indent}  emotion: ${emotion()}`];
      for (const lane of definition.lanes) {
        if (lane.kind === 'touchpoints') out.push(`${indent}  touchpoints: [{ name: ${q(pick(THINGS))}, channel: ${pick(CHANNELS)} }]`);
        else out.push(`${indent}  ${lane.key}: ${q(text(n + lane.key.length))}`);
      }
      customBands.forEach((_, b) => out.push(`${indent}  custom_${b}: ${q(text(n + b))}`));
      if (n % 2 === 0) out.push(`${indent}  pain_points: [${q(text(n + 1))}]`);
      if (n % 3 === 0) out.push(`${indent}  opportunities: [${q(text(n + 2))}]`);
      if (pictures && n % 2 === 1) out.push(`${indent}  image: pictures/screen.png`, `${indent}  image_alt: ${q(`The screen at ${name}`)}`);
      return out;
    };
    lines.push('stages:');
    for (let s = 0; s < main; s++) {
      const name = STAGES[(i + s) % STAGES.length]!;
      lines.push(...stage('  ', s, name));
      if (fork && s === 1) {
        lines.push('    branches:');
        for (const [b, path] of ['Goes online', 'Goes to a shop'].entries()) {
          lines.push(`      - id: path-${b}`, `        name: ${path}`, '        stages:', ...stage('          ', s + b + 10, `${path} ${b + 1}`));
        }
      }
    }
    const laneLabels = [...definition.lanes.map((lane) => (definition.labels.en.lanes as Record<string, string>)[lane.key]!), ...customLabels];
    const personas = people === 1 ? [NAMES[i % NAMES.length]!] : ids.map((id) => `${id[0]!.toUpperCase()}${id.slice(1)}`);
    return { file: `map-${String(i + 1).padStart(2, '0')}-${template}.yaml`, yaml: lines.join('\n') + '\n', title, columns, ordinary: !long && columns <= 6, tall, laneLabels, personas };
  });
}

/** Writes the corpus to `folder`, with pictures from the repository's `examples` folder. */
export function writeCorpus(folder: string, examples: string, count: number, seed = 28): CorpusMap[] {
  mkdirSync(join(folder, 'pictures'), { recursive: true });
  copyFileSync(join(examples, 'screens', 'product-page.png'), join(folder, 'pictures', 'screen.png'));
  copyFileSync(join(examples, 'portfolio', 'personas', 'giulia.webp'), join(folder, 'pictures', 'face.webp'));
  const maps = generateCorpus(count, seed);
  for (const map of maps) writeFileSync(join(folder, map.file), map.yaml);
  return maps;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [folder = 'corpus', count = '16', seed = '28'] = process.argv.slice(2);
  const maps = writeCorpus(folder, resolve('examples'), Number(count), Number(seed));
  console.log(`${maps.length} maps in ${folder}`);
}
