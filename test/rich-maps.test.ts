// Issue 17: several personas, forks, milestones, stage images and confidence. The model and its
// located errors, lint, diff, Markdown (with Mermaid's own parser), the JSON Schema and export.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Code, Heading, Image, Root, Table } from 'mdast';
import type { Browser, Page } from 'puppeteer-core';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../src/browser/launch.js';
import { diffMaps } from '../src/core/diff.js';
import { jsonSchema } from '../src/core/json-schema.js';
import { loadMap } from '../src/core/load.js';
import { errorsOf, mapOf, ROOT, run, tempDir } from './helpers.js';
import { nodes, parseMarkdown as parseMd, text } from './markdown-tree.js';
import { TEMPLATES } from '../src/templates/registry.js';

const head = 'template: current-state\ntitle: Shoes\n';
const TWO = `${head}personas:\n  - { name: Giulia }\n  - { id: marco, name: Marco Rossi }\n`;

describe('several personas', () => {
  it('gives each persona an id and each stage a score per persona; a plain score counts for all', () => {
    const map = mapOf(`${TWO}stages:
  - name: Search
    emotion: { giulia: -1, marco: happy }
  - name: Pay
    emotion: 2
  - name: Wait
    emotion: { marco: -2 }
`);
    expect(map.personas.map((p) => [p.id, p.persona?.name, p.file, p.path])).toEqual([
      ['giulia', 'Giulia', null, ['personas', 0]],
      ['marco', 'Marco Rossi', null, ['personas', 1]],
    ]);
    expect(map.persona?.name).toBe('Giulia');
    expect(map.stages.map((s) => s.emotions)).toEqual([{ giulia: -1, marco: 1 }, { giulia: 2, marco: 2 }, { giulia: null, marco: -2 }]);
    // Existing consumers read the first persona's score.
    expect(map.stages.map((s) => s.emotion)).toEqual([-1, 2, null]);
  });

  it('keeps a version-1 map as it was, its one persona listed with an id', () => {
    const map = mapOf(`${head}persona: { name: Anna Maria }\nstages:\n  - { name: A, emotion: -1 }\n`);
    expect(map.persona?.name).toBe('Anna Maria');
    expect(map.personas).toEqual([{ id: 'anna-maria', persona: map.persona, file: null, path: ['persona'] }]);
    expect(map.stages[0]!.emotion).toBe(-1);
    expect(map.stages[0]!.emotions).toEqual({ 'anna-maria': -1 });
    expect(mapOf(`${head}stages:\n  - { name: A, emotion: 1 }\n`).personas).toEqual([]);
  });

  it('reports each wrong use at its line and column', () => {
    expect(errorsOf(`${head}persona: { name: Solo }\npersonas: [{ name: Giulia }]\nstages: [{ name: A }]\n`)).toEqual([
      'map.yaml:4:1 error personas: `persona` and `personas` are both set: expected one of them (`persona` for one customer, `personas` for several)',
    ]);
    expect(errorsOf(`${head}personas:\n  - { name: Giulia }\n  - { name: giulia }\nstages: [{ name: A }]\n`)).toEqual([
      'map.yaml:5:13 error personas[1].name: two personas have the id `giulia` (personas 1 and 2): expected a unique `id` for each, which their scores use (`emotion: { giulia: 1 }`)',
    ]);
    expect(errorsOf(`${TWO}stages:\n  - name: A\n    emotion: { giulia: -1, marko: 1 }\n`)).toEqual([
      'map.yaml:8:28 error stages[0].emotion.marko: unknown persona `marko` in this score: expected one of `giulia` or `marco` (the ids of `personas`); did you mean `marco`?',
    ]);
    expect(errorsOf(`${TWO}stages:\n  - name: A\n    emotion: { giulia: 5 }\n`)).toEqual([
      'map.yaml:8:24 error stages[0].emotion.giulia: expected an emotion: a whole number from -2 to 2 or one of `very-negative`, `frustrated`, `negative`, `worried`, `neutral`, `positive`, `happy`, `very-positive` or `delighted`, found the number 5',
    ]);
    expect(errorsOf(`${head}persona: { name: Solo }\nstages:\n  - name: A\n    emotion: { solo: 1 }\n`)).toEqual([
      'map.yaml:6:14 error stages[0].emotion: a score per persona needs `personas:` (a list of the map’s personas): expected one score, a whole number from -2 to 2 or an emotion word, found a mapping',
    ]);
    expect(errorsOf(`${head}personas: [${Array(6).fill('{ name: P }').join(', ')}]\nstages: [{ name: A }]\n`)[0]).toBe(
      'map.yaml:3:11 error personas: expected at most 5 personas (more curves cannot be told apart on one chart), found 6',
    );
    // Text is no list: one problem, not also a count of its letters.
    expect(errorsOf(`${head}personas: abcdefghij\nstages: [{ name: A }]\n`)).toEqual([
      'map.yaml:3:11 error personas: expected a list of personas (each a mapping with at least `name`, or the path of a persona file), found text "abcdefghij"',
    ]);
    expect(errorsOf(`${head}personas: [{ name: Giulia, goal: x }]\nstages: [{ name: A }]\n`)).toEqual(['map.yaml:3:28 error personas[0].goal: unknown key `goal`: did you mean `goals`?']);
  });

  it('reads persona files of `personas:`, whose own ids key the scores', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'personas'));
    writeFileSync(join(dir, 'personas', 'giulia-rossi.yaml'), 'id: giulia\nname: Giulia\n');
    writeFileSync(join(dir, 'personas', 'marco.yaml'), 'name: Marco\n');
    writeFileSync(join(dir, 'map.yaml'), `${head}personas: [personas/giulia-rossi.yaml, personas/marco.yaml]\nstages:\n  - name: A\n    emotion: { giulia: -1, marco: 1 }\n`);
    expect((await run(['validate', 'map.yaml'], { cwd: dir })).code).toBe(0);
    const md = await run(['build', 'map.yaml', '-f', 'md', '-o', '-'], { cwd: dir });
    expect(md.stdout).toContain('    negative: 2: Giulia\n    positive: 4: Marco\n');
    writeFileSync(join(dir, 'map.yaml'), `${head}personas: [personas/giulia-rossi.yaml, personas/marco.yaml, personas/nobody.yaml]\nstages:\n  - name: A\n    emotion: { giulia-rossi: -1 }\n`);
    const bad = await run(['validate', 'map.yaml'], { cwd: dir });
    expect(bad.stderr).toContain('map.yaml:3:61 error personas[2]: persona file personas/nobody.yaml not found: looked for personas/nobody.yaml');
    writeFileSync(join(dir, 'map.yaml'), `${head}personas: [personas/giulia-rossi.yaml, personas/marco.yaml]\nstages:\n  - name: A\n    emotion: { giulia-rossi: -1 }\n`);
    expect((await run(['validate', 'map.yaml'], { cwd: dir })).stderr).toContain(
      'map.yaml:6:16 error stages[0].emotion.giulia-rossi: unknown persona `giulia-rossi` in this score: expected one of `giulia` or `marco` (the ids of `personas`)',
    );
  });
});

const FORK = `${head}stages:
  - name: Decision
    milestone: Chooses a shop
    branches:
      - name: Buys from us
        stages:
          - { name: Checkout, emotion: 1, actions: [Pays], milestone: true }
          - { name: Pays, image: screens/pay.png, image_alt: The payment form }
      - id: other
        name: Goes to a competitor
        stages: [{ name: Competitor shop, emotion: -1 }]
    rejoin: delivery
  - name: Delivery
`;

describe('a persona file without an id', () => {
  it('takes one from its file name that a score can name, with no dash at either end', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'personas'));
    writeFileSync(join(dir, 'personas', '_under_.yaml'), 'name: Under\n');
    writeFileSync(join(dir, 'map.yaml'), 'template: current-state\ntitle: T\npersonas: [personas/_under_.yaml, { name: B }]\nstages:\n  - name: A\n    emotion: { under: 1, b: 0 }\n');
    const r = await run(['validate', 'map.yaml'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
  });
});

describe('forks, milestones and stage images', () => {
  it('puts branches, milestones and images in the model, and lists every image with where it is written', () => {
    const map = mapOf(FORK);
    const decision = map.stages[0]!;
    expect(decision.milestone).toEqual({ text: 'Chooses a shop' });
    expect(decision.rejoin).toBe('delivery');
    expect(decision.branches.map((b) => [b.id, b.name, b.stages.map((s) => s.id)])).toEqual([
      ['buys-from-us', 'Buys from us', ['checkout', 'pays']],
      ['other', 'Goes to a competitor', ['competitor-shop']],
    ]);
    expect(decision.branches[0]!.stages[0]!.milestone).toEqual({ text: null });
    expect(map.stages[1]!).toMatchObject({ branches: [], rejoin: null, milestone: null, image: null });
    expect(map.images).toEqual([{ stage: 'pays', src: 'screens/pay.png', alt: 'The payment form', path: ['stages', 0, 'branches', 0, 'stages', 1, 'image'] }]);
  });

  it('places problems inside a branch at their own line and column', () => {
    expect(
      errorsOf(`${head}stages:
  - name: Decision
    branches:
      - name: A
        stages:
          - { name: X, emotion: 9 }
          - { name: Y, thinkng: hm, branches: [] }
      - name: B
        stages: [{ name: Decision }]
    rejoin: nowhere
  - name: Delivery
`),
    ).toEqual([
      'map.yaml:8:33 error stages[0].branches[0].stages[0].emotion: expected an emotion: a whole number from -2 to 2 or one of `very-negative`, `frustrated`, `negative`, `worried`, `neutral`, `positive`, `happy`, `very-positive` or `delighted`, found the number 9',
      'map.yaml:9:24 error stages[0].branches[0].stages[1].thinkng: unknown key `thinkng`: did you mean `thinking`?',
      'map.yaml:9:37 error stages[0].branches[0].stages[1].branches: unknown key `branches`: forks do not nest: a stage of a branch cannot fork again (give the decision its own stage on the main path, or split the journey into maps)',
      'map.yaml:11:26 error stages[0].branches[1].stages[0].name: two stages have the id `decision` (stage 1 and stage 1 of branch "B" of `decision`, which takes it from its name): expected a unique `id` for each stage, branches included',
      'map.yaml:12:13 error stages[0].rejoin: no stage of the main path has the id `nowhere`: expected the id of a later stage of the main path, where the branches meet it again',
    ]);
  });

  it('says what a fork, a rejoin, a milestone and an image expect', () => {
    expect(errorsOf(`${head}stages:\n  - name: A\n    branches: [{ name: Only, stages: [{ name: B }] }]\n`)).toEqual([
      'map.yaml:5:15 error stages[0].branches: expected 2 to 4 branches (the paths a customer may take from this stage), found 1',
    ]);
    expect(errorsOf(`${head}stages:\n  - name: A\n    branches: [{ name: P }, { name: Q, stages: [] }]\n`)).toEqual([
      'map.yaml:5:16 error stages[0].branches[0].stages: missing required key `stages`: expected a list of stages',
      'map.yaml:5:48 error stages[0].branches[1].stages: expected at least one stage on a branch, found an empty list',
    ]);
    expect(errorsOf(`${head}stages:\n  - { name: A, id: a }\n  - name: B\n    rejoin: a\n    branches: [{ name: P, stages: [{ name: C }] }, { name: Q, stages: [{ name: D }] }]\n  - { name: E }\n`)).toEqual([
      'map.yaml:6:13 error stages[1].rejoin: `a` is stage 1, before this one (stage 2): expected the id of a later stage of the main path, where the branches meet it again',
    ]);
    expect(errorsOf(`${head}stages:\n  - { name: A, rejoin: b }\n  - { name: B }\n`)).toEqual([
      'map.yaml:4:16 error stages[0].rejoin: `rejoin` without `branches`: expected `branches` on this stage (the paths that meet again at the `rejoin` stage), or no `rejoin`',
    ]);
    expect(errorsOf(`${head}stages:\n  - { name: A, milestone: "" }\n`)).toEqual([
      'map.yaml:4:27 error stages[0].milestone: expected a milestone: `true`, or a short text (at most 100 characters) naming the moment of truth, found empty text',
    ]);
    expect(errorsOf(`${head}stages:\n  - { name: A, milestone: 0 }\n`)).toEqual([
      'map.yaml:4:27 error stages[0].milestone: expected a milestone: `true`, or a short text (at most 100 characters) naming the moment of truth, found the number 0',
    ]);
    expect(errorsOf(`${head}stages:\n  - name: A\n    image: https://example.com/a.png\n    image_alt: A\n  - { name: B, image: b.gif, image_alt: B }\n  - { name: C, image: c.png }\n  - { name: D, image_alt: D }\n`)).toEqual([
      'map.yaml:5:12 error stages[0].image: expected the path of a local image file, relative to this map (like `screens/checkout.png`), found the address "https://example.com/a.png": journey never fetches an image; save it in the project folder and give its path',
      'map.yaml:7:23 error stages[1].image: expected the path of a PNG, JPEG or WebP file, relative to this map (like `screens/checkout.png`), found text "b.gif"',
      'map.yaml:8:23 error stages[2].image: `image` needs `image_alt` beside it: expected a short text saying what the image shows, for readers who cannot see it',
      'map.yaml:9:16 error stages[3].image_alt: `image_alt` without `image`: expected `image` (the path of the picture) beside it, or no `image_alt`',
    ]);
    expect(errorsOf(`${head}stages:\n  - { name: A, image: "data:image/png;base64,AAAA", image_alt: x }\n`)[0]).toContain('found the address "data:image/png;base64,AAAA"');
  });

  it('keeps a custom lane of a version-1 map that is named like a key added since', () => {
    const map = mapOf(`${head}lanes: [{ key: image, label: Imagery }, { key: milestone, label: Milestones }]\nstages:\n  - { name: A, image: [Blue sky], milestone: Kick-off }\n`);
    expect(map.stages[0]!.image).toBeNull();
    expect(map.stages[0]!.milestone).toBeNull();
    expect(map.stages[0]!.cells.image).toEqual([{ text: 'Blue sky', confidence: null, source: null }]);
    expect(map.stages[0]!.cells.milestone).toEqual([{ text: 'Kick-off', confidence: null, source: null }]);
  });
});

describe('confidence', () => {
  it('lets any list item carry a confidence and a source; plain items have neither', () => {
    const map = mapOf(`${head}lanes: [{ key: channels_used, label: Channels }]
stages:
  - name: A
    thinking: { text: It hurts, confidence: observed, source: Interviews }
    touchpoints: [Search, { name: Club, channel: offline, confidence: reported }]
    pain_points: [{ text: Too many options, confidence: assumed }, Jargon]
    technology: { text: CRM, source: IT inventory }
    channels_used: [{ text: Phone, confidence: assumed }]
`);
    const s = map.stages[0]!;
    expect(s.cells.thinking).toEqual([{ text: 'It hurts', confidence: 'observed', source: 'Interviews' }]);
    expect(s.cells.touchpoints).toEqual([
      { name: 'Search', channel: null, confidence: null, source: null },
      { name: 'Club', channel: 'offline', confidence: 'reported', source: null },
    ]);
    expect(s.pain_points).toEqual([
      { text: 'Too many options', confidence: 'assumed', source: null },
      { text: 'Jargon', confidence: null, source: null },
    ]);
    expect(s.technology).toEqual([{ text: 'CRM', confidence: null, source: 'IT inventory' }]);
    expect(s.cells.channels_used).toEqual([{ text: 'Phone', confidence: 'assumed', source: null }]);
  });

  it('reports a wrong confidence, a missing text and an unknown key where they are', () => {
    expect(errorsOf(`${head}stages:\n  - name: A\n    pain_points: [{ text: x, confidence: asumed }, { txt: y }, [z]]\n`)).toEqual([
      'map.yaml:5:42 error stages[0].pain_points[0].confidence: expected a confidence: `observed`, `reported` or `assumed`, found text "asumed"; did you mean `assumed`?',
      'map.yaml:5:52 error stages[0].pain_points[1].text: missing required key `text`: expected text',
      'map.yaml:5:54 error stages[0].pain_points[1].txt: unknown key `txt`: did you mean `text`?',
      'map.yaml:5:64 error stages[0].pain_points[2]: expected text, found a list',
    ]);
  });
});

describe('journey lint on rich maps', () => {
  const lint = async (yaml: string) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'map.yaml'), yaml);
    const { stdout } = await run(['lint', 'map.yaml', '-r', 'json'], { cwd: dir });
    const findings = (JSON.parse(stdout) as { files: { problems: { line: number; col: number; rule: string; message: string }[] }[] }).files[0]!.problems;
    return findings.filter((f) => f.rule === 'persona-without-score' || f.rule === 'mostly-assumptions').map((f) => `${f.line}:${f.col} ${f.rule}: ${f.message}`);
  };

  it('persona-without-score: a stage that scores some personas and not others, branch stages included', async () => {
    expect(
      await lint(`${TWO}stages:
  - { name: A, emotion: { giulia: 1 } }
  - { name: B, emotion: 1 }
  - name: C
    branches:
      - { name: P, stages: [{ name: D, emotion: { marco: -1 } }] }
      - { name: Q, stages: [{ name: E }] }
`),
    ).toEqual([
      '7:25 persona-without-score: stage "A" scores some personas but not `marco`: give it a score too (`emotion: { marco: 0, … }`), or one score for everyone',
      '11:49 persona-without-score: stage "D" scores some personas but not `giulia`: give it a score too (`emotion: { giulia: 0, … }`), or one score for everyone',
    ]);
  });

  it('every stage rule looks at branch stages too: scores, opportunities, offline touchpoints, a future state\'s changes, names', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'map.yaml'),
      `template: future-state
title: T
updated: 2026-11-01
goals: [g]
persona: { name: Giulia }
stages:
  - name: Decision
    change: c
    rationale: r
    pain_points: [Too slow]
    touchpoints: [{ name: Site, channel: web }]
    branches:
      - name: Us
        stages:
          - { name: Pay, emotion: 1, change: c, rationale: r, opportunities: [Faster checkout], touchpoints: [{ name: Store, channel: store }] }
      - name: Them
        stages:
          - { name: decision, id: leaves, emotion: 1, touchpoints: [{ name: Shop, channel: web }] }
`,
    );
    const { stderr, code } = await run(['lint', 'map.yaml'], { cwd: dir });
    expect(code).toBe(1);
    // No false no-emotion, pain-point-without-opportunity or only-digital-touchpoints: the branches have them.
    expect(stderr.trim().split('\n')).toEqual([
      'map.yaml:18:21 error stages[0].branches[1].stages[0].name: stage name "decision" is used by stages[0] too: give each stage its own name (duplicate-stage-name)',
      'map.yaml:18:21 error stages[0].branches[1].stages[0].name: stage "decision" has no `change` or `rationale`: a future state says what changes and how or why (future-state-without-change)',
      '✗ 2 errors in 1 file',
    ]);
  });

  it('mostly-assumptions: more than half of all the items of the stages marked assumed', async () => {
    const stage = (assumed: number, plain: number) =>
      `${head}stages:\n  - name: A\n    pain_points: [${[...Array(assumed).fill('{ text: a, confidence: assumed }'), ...Array(plain).fill('b')].join(', ')}]\n`;
    expect(await lint(stage(3, 2))).toEqual([
      "3:1 mostly-assumptions: 3 of the map's 5 items (60%) are marked `confidence: assumed`: check them with research (interviews, analytics, tests) and mark what you confirm `observed` or `reported`",
    ]);
    expect(await lint(stage(2, 2))).toEqual([]);
  });
});

describe('journey diff on rich maps', () => {
  const before = `${TWO}stages:
  - name: A
    emotion: { giulia: -1, marco: 1 }
  - name: Decision
    branches:
      - name: Buys
        stages: [{ id: pay, name: Pay, emotion: 0, actions: [Pays] }]
      - name: Leaves
        stages: [{ id: gone, name: Gone, emotion: -1 }]
`;
  const after = `${TWO}stages:
  - name: A
    emotion: { giulia: 1, marco: 0 }
  - name: Decision
    branches:
      - name: Buys from us
        stages: [{ id: pay, name: Checkout, emotion: 1, actions: [Pays, { text: Gets a receipt, confidence: assumed }] }]
      - name: Leaves
        stages: [{ id: gone, name: Gone, emotion: -1 }]
`;

  it('compares persona by persona; a stage is worse when any persona feels worse', () => {
    const diff = diffMaps(mapOf(before), mapOf(after));
    expect(diff.stages[0]!.personas.map((p) => [p.id, p.before, p.after, p.trend])).toEqual([
      ['giulia', -1, 1, 'better'],
      ['marco', 1, 0, 'worse'],
    ]);
    expect(diff.stages[0]!.emotion.trend).toBe('worse');
    expect(diff.regression).toBe(true);
  });

  it('matches branch stages by id, across a renamed branch and a renamed stage', () => {
    const diff = diffMaps(mapOf(before), mapOf(after));
    expect(diff.branches.map((d) => [d.id, d.status, d.renamedFrom, d.branch.name, d.changed.map((l) => l.added)])).toEqual([
      ['pay', 'matched', 'Pay', 'Buys from us', [['Gets a receipt [assumed]']]],
      ['gone', 'matched', null, 'Leaves', []],
    ]);
    expect(diff.counts).toMatchObject({ better: 1, worse: 1, same: 1 });
  });

  it('prints personas and branch stages in text and Markdown', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), before);
    writeFileSync(join(dir, 'b.yaml'), after);
    const text = await run(['diff', 'a.yaml', 'b.yaml'], { cwd: dir });
    expect(text.stdout).toContain('  A\n    Giulia: emotion −1 → +1 (+2, better)\n    Marco Rossi: emotion +1 → 0 (−1, worse)\n');
    expect(text.stdout).toContain('  Decision ⑂ Buys from us: Checkout (renamed from "Pay")\n    Giulia: emotion 0 → +1 (+1, better)\n    Marco Rossi: emotion 0 → +1 (+1, better)\n');
    const md = (await run(['diff', 'a.yaml', 'b.yaml', '-f', 'md'], { cwd: dir })).stdout;
    expect(md).toContain('| A | Giulia −1 → +1<br>Marco Rossi +1 → 0 | 📈 +2<br>📉 −1 |');
    expect(md).toContain('### Decision ⑂ Buys from us: Checkout\n\n- **What is the customer\'s action?**\n  - ➕ Gets a receipt \\[assumed\\]');
    expect((await run(['diff', 'a.yaml', 'b.yaml', '--fail-on-regression'], { cwd: dir })).code).toBe(1);
    // The HTML page: each persona's own change and trend, where the stage as a whole is worse.
    expect((await run(['diff', 'a.yaml', 'b.yaml', '-f', 'html', '-o', 'd.html'], { cwd: dir })).code).toBe(0);
    const html = readFileSync(join(dir, 'd.html'), 'utf8');
    expect(html).toContain(
      '<td class="trend-worse"><p class="persona-trend trend-better">Giulia: <strong>−1 → +1</strong> +2 better</p><p class="persona-trend trend-worse">Marco Rossi: <strong>+1 → 0</strong> −1 worse</p>',
    );
  });
});


describe('Markdown of a rich map', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser({ env: process.env });
    page = await browser.newPage();
    await page.setContent('<!DOCTYPE html><html><body></body></html>');
    await page.addScriptTag({ path: createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js') });
  });
  afterAll(async () => {
    await browser?.close();
  });
  const mermaidParse = (source: string): Promise<string> =>
    page.evaluate(async (src) => {
      const m = (window as unknown as { mermaid: { parse(s: string): Promise<{ diagramType: string }> } }).mermaid;
      try {
        return (await m.parse(src)).diagramType;
      } catch (error) {
        return `error: ${String((error as Error).message ?? error).split('\n')[0]}`;
      }
    }, source);
  const build = async (args: string[]) => {
    const result = await run(['build', 'examples/rich-map.yaml', '-f', 'md', '-o', '-', ...args]);
    expect(result.code, result.stderr).toBe(0);
    return result.stdout;
  };

  it('names each persona as an actor of the Mermaid chart, a task per distinct score, and Mermaid parses it', async () => {
    const [code] = nodes<Code>(parseMd(await build([])), 'code');
    expect(code!.value.split('\n')).toEqual([
      'journey',
      '  title Choosing where to buy running shoes',
      '  section Awareness',
      '    negative: 2: Giulia',
      '    neutral: 3: Tomasz',
      '  section Decision',
      '    negative: 2: Giulia',
      '    very negative: 1: Tomasz',
      '  section First run',
      '    positive: 4: Giulia, Tomasz',
    ]);
    expect(await mermaidParse(code!.value)).toBe('journey');
  });

  it('keeps the chart valid whatever the personas are called (commas, colons, keywords)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'm.yaml'), `${head}personas:\n  - { id: a, name: "Anna, Jr." }\n  - { id: b, name: "section x: 5" }\nstages:\n  - { name: "A; B", emotion: { a: 1, b: 1 } }\n  - { name: C, emotion: { a: -2 } }\n`);
    const result = await run(['build', 'm.yaml', '-f', 'md', '-o', '-'], { cwd: dir });
    const [code] = nodes<Code>(parseMd(result.stdout), 'code');
    expect(code!.value.split('\n').slice(2)).toEqual(['  section A\uFF1B B', '    positive: 4: Anna\u201A Jr., \u200Bsection x\uA789 5', '  section C', '    very negative: 1: Anna\u201A Jr.']);
    expect(await mermaidParse(code!.value)).toBe('journey');
  });

  it('shows an emotion row per persona, the milestone in the stage heading, the image, and marks assumptions with numbered sources', async () => {
    const tree = parseMd(await build([]));
    const [table] = nodes<Table>(tree, 'table');
    const rows = table!.children.map((row) => row.children.map(text));
    expect(rows[0]).toEqual(['', '1. Awareness', '2. Decision ⭐ Chooses where to buy', '3. First run ⭐ Moment of truth']);
    expect(rows[1]).toEqual(['Emotion: Giulia', '🙁 −1 negative', '🙁 −1 negative', '🙂 +1 positive']);
    expect(rows[2]).toEqual(['Emotion: Tomasz', '😐 0 neutral', '😫 −2 very negative', '🙂 +1 positive']);
    const pains = rows.find((r) => r[0] === '⚠️ Pain points')!;
    expect(pains[1]).toBe('Too many options and conflicting advice (reported)<sup>2</sup>');
    expect(pains[2]).toBe('• The usual model is out of stock in his size (observed)<sup>1</sup>\n• Competitors show the price with delivery included ❔ assumed');
    const headings = nodes<Heading>(tree, 'heading').map(text);
    expect(headings).toEqual(expect.arrayContaining(['Personas', 'Giulia', 'Tomasz', '⑂ Paths from 2. Decision', '⑂ 2a. Buys from us', '2a.1. Checkout ⭐ Moment of truth', '⑂ 2b. Goes to a competitor', '2b.1. Competitor shop', 'Sources']));
    const [list] = nodes<{ type: 'list'; children: unknown[] }>(tree, 'list').slice(-1);
    expect(list!.children.map(text)).toEqual(['Web analytics, Q3 2026', 'Interviews (September 2026)']);
    expect(nodes<Image>(tree, 'image').map((i) => [i.url, i.alt])).toEqual([
      ['screens/product-page.png', 'The product page of his usual model, with his size crossed out, a red out-of-stock line and a greyed-out Add to cart button'],
      ['screens/checkout.png', 'The checkout page, with the order summary and a green Pay button'],
    ]);
  });

  it('lists each branch under its decision in the sections layout', async () => {
    const md = await build(['--md-layout', 'sections']);
    const order = ['### 2. Decision ⭐ Chooses where to buy', '#### ⑂ 2a. Buys from us', '##### 2a.1. Checkout ⭐ Moment of truth', '#### ⑂ 2b. Goes to a competitor', '*The paths meet again at 3. First run.*', '### 3. First run ⭐ Moment of truth'];
    const at = order.map((h) => md.indexOf(h));
    expect(at.every((i) => i !== -1), md).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(md).toContain('**Emotion:** Giulia 🙁 −1 negative · Tomasz 😫 −2 very negative');
  });

  it('names the stage where the paths meet as written, `$` patterns included', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'map.yaml'),
      "template: current-state\ntitle: T\nstages:\n  - name: Decision\n    branches:\n      - { name: a, stages: [{ name: X1 }] }\n      - { name: b, stages: [{ name: X2 }] }\n    rejoin: pay\n  - id: pay\n    name: \"Pay $' and $& now\"\n",
    );
    const { stdout, code } = await run(['build', 'map.yaml', '-f', 'md', '-o', '-'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toContain("*The paths meet again at 2. Pay $' and $& now.*");
  });

  it('links a stage image from the document’s own folder', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'maps'));
    writeFileSync(join(dir, 'maps', 'm.yaml'), `${head}stages:\n  - { name: A, image: "screens/a (1).png", image_alt: "The [new] form" }\n`);
    // The picture must exist: build reads every stage image, whatever the format.
    mkdirSync(join(dir, 'maps', 'screens'));
    copyFileSync(join(ROOT, 'test', 'fixtures', 'images', 'tiny.png'), join(dir, 'maps', 'screens', 'a (1).png'));
    expect((await run(['build', 'maps/m.yaml', '-f', 'md', '-o', 'out/docs/m.md'], { cwd: dir })).code).toBe(0);
    const tree = parseMd(readFileSync(join(dir, 'out', 'docs', 'm.md'), 'utf8'));
    expect(nodes<Image>(tree, 'image').map((i) => [i.url, i.alt])).toEqual([['../../maps/screens/a%20%281%29.png', 'The [new] form']]);
    expect((await run(['build', 'maps/m.yaml', '-f', 'md'], { cwd: dir })).code).toBe(0);
    expect(nodes<Image>(parseMd(readFileSync(join(dir, 'maps', 'm.md'), 'utf8')), 'image')[0]!.url).toBe('screens/a%20%281%29.png');
  });
});

describe('the JSON Schema of rich maps', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const check = ajv.compile(jsonSchema(TEMPLATES));
  const base = { template: 'current-state', title: 'T' };
  const stage = { name: 'A' };

  it('agrees with validate on each new construct', () => {
    const cases: [string, Record<string, unknown>][] = [
      ['personas', { ...base, personas: [{ name: 'G' }, 'personas/m.yaml'], stages: [{ ...stage, emotion: { g: -1, m: 'happy' } }] }],
      ['persona and personas', { ...base, persona: { name: 'G' }, personas: [{ name: 'M' }], stages: [stage] }],
      ['a bad score', { ...base, personas: [{ name: 'G' }], stages: [{ ...stage, emotion: { g: 3 } }] }],
      ['a fork', { ...base, stages: [{ ...stage, branches: [{ name: 'P', stages: [{ name: 'B', milestone: true }] }, { name: 'Q', stages: [{ name: 'C' }] }], rejoin: 'd' }, { name: 'D' }] }],
      ['one branch', { ...base, stages: [{ ...stage, branches: [{ name: 'P', stages: [{ name: 'B' }] }] }] }],
      ['a fork in a branch', { ...base, stages: [{ ...stage, branches: [{ name: 'P', stages: [{ name: 'B', branches: [] }] }, { name: 'Q', stages: [{ name: 'C' }] }] }] }],
      ['a typo in a branch stage', { ...base, stages: [{ ...stage, branches: [{ name: 'P', stages: [{ name: 'B', thinkng: 'x' }] }, { name: 'Q', stages: [{ name: 'C' }] }] }] }],
      ['an image', { ...base, stages: [{ ...stage, image: 'a.png', image_alt: 'A' }] }],
      ['an image without alt', { ...base, stages: [{ ...stage, image: 'a.png' }] }],
      ['an alt without image', { ...base, stages: [{ ...stage, image_alt: 'A' }] }],
      ['a remote image', { ...base, stages: [{ ...stage, image: 'https://x.org/a.png', image_alt: 'A' }] }],
      ['confidence', { ...base, stages: [{ ...stage, pain_points: [{ text: 'x', confidence: 'assumed', source: 'S' }], touchpoints: [{ name: 'T', confidence: 'observed' }] }] }],
      ['a wrong confidence', { ...base, stages: [{ ...stage, pain_points: [{ text: 'x', confidence: 'guessed' }] }] }],
      ['a milestone', { ...base, stages: [{ ...stage, milestone: 'Pays' }] }],
      ['an empty milestone', { ...base, stages: [{ ...stage, milestone: '' }] }],
      ['six personas', { ...base, personas: Array.from({ length: 6 }, (_, i) => ({ name: `P${i}` })), stages: [stage] }],
      ['no persona in the list', { ...base, personas: [], stages: [stage] }],
      // Version-1 maps whose custom lanes are named like keys added since: still lanes, for editors too.
      [
        'lanes named image, milestone, branches, rejoin and image_alt',
        {
          ...base,
          lanes: ['image', 'milestone', 'branches', 'rejoin', 'image_alt'].map((key) => ({ key, label: key })),
          stages: [{ ...stage, image: 'a screenshot text', milestone: 'big', branches: ['x', 'y'], rejoin: 'two', image_alt: 'words' }, { name: 'Two', id: 'two' }],
        },
      ],
      ['a lane named image, holding a list', { ...base, template: 'service-blueprint', lanes: [{ key: 'image', label: 'Screens' }], stages: [{ ...stage, image: ['a', 'b'] }] }],
    ];
    for (const [name, map] of cases) {
      const valid = loadMap('m.yaml', JSON.stringify(map), { templates: TEMPLATES }).ok;
      expect(check(map), `${name}: ${ajv.errorsText(check.errors)}`).toBe(valid);
    }
  });

  it('accepts the rich example', () => {
    expect(check(parseYaml(readFileSync('examples/rich-map.yaml', 'utf8'))), ajv.errorsText(check.errors)).toBe(true);
  });
});

describe('journey export of a rich map', () => {
  it('writes the main path and warns about what a sheet cannot hold', async () => {
    const dir = tempDir();
    const result = await run(['export', 'examples/rich-map.yaml', '-f', 'csv', '-o', join(dir, 'rich.csv')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      "! examples/rich-map.yaml: a sheet cannot hold the stages of forks' branches (2), the personas after the first (Tomasz) and their scores, the confidence and source of 8 items, milestones (3), stage images (2): the export leaves them out, and importing it back will not restore them",
    );
    expect(readFileSync(join(dir, 'rich.csv'), 'utf8')).toContain('Awareness');
  });
});
