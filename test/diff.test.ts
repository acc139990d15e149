import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { diffMaps, templateMismatch } from '../src/core/diff.js';
import { diffJson, regressionMessage } from '../src/render/diff.js';
import { loadMap } from '../src/core/load.js';
import { run, tempDir } from './helpers.js';
import { TEMPLATES } from '../src/templates/registry.js';

const map = (stages: string, title = 'Shoes') => `template: current-state\ntitle: ${title}\nstages:\n${stages}`;
const model = (yaml: string) => {
  const r = loadMap('m.yaml', yaml, { templates: TEMPLATES });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.map;
};

const BEFORE = map(`  - name: Search
    emotion: -1
    touchpoints: [{ name: Search engine, channel: web }, Running club]
    pain_points: [Too many options, Jargon]
  - name: Compare
    emotion: 0
  - name: Pay
    emotion: -2
    thinking: Why do I need an account?
    actions: [Creates an account]
  - name: Return
    emotion: 1
`);
const AFTER = map(`  - name: Search
    emotion: 1
    touchpoints: [{ name: Search engine, channel: web }, { name: Shoe quiz, channel: web }]
    pain_points: [Jargon]
  - name: Pay
    emotion: -2
    thinking: That was quick.
    actions: [Checks out as a guest]
    opportunities: [Wallet payments]
  - name: Compare again
    id: compare
    emotion: -1
  - name: Review
    emotion: 2
`);

describe('diffMaps', () => {
  const d = diffMaps(model(BEFORE), model(AFTER));
  const byName = (n: string) => d.stages.find((s) => s.name === n)!;

  it('matches stages by id, then by name, and finds added, removed and moved ones', () => {
    expect(d.stages.map((s) => [s.name, s.status, s.moved])).toEqual([
      ['Search', 'matched', false],
      ['Pay', 'matched', false],
      ['Compare again', 'matched', true],
      ['Return', 'removed', false],
      ['Review', 'added', false],
    ]);
    expect(byName('Compare again').renamedFrom).toBe('Compare');
    expect(d.counts).toEqual({ added: 1, removed: 1, moved: 1, better: 1, worse: 1, same: 1, unaddressed: 1 });
  });

  it('gives each stage its emotion change and lane changes', () => {
    expect(byName('Search').emotion).toEqual({ before: -1, after: 1, delta: 2, trend: 'better' });
    expect(byName('Compare again').emotion).toEqual({ before: 0, after: -1, delta: -1, trend: 'worse' });
    const search = byName('Search').changed.map((l) => [l.key, l.removed, l.added]);
    expect(search).toEqual([
      ['touchpoints', ['Running club'], ['Shoe quiz (web)']],
      ['pain_points', ['Too many options'], []],
    ]);
    // A changed text is its old value removed and its new value added.
    expect(byName('Pay').changed.map((l) => [l.key, l.removed, l.added])).toEqual([
      ['thinking', ['Why do I need an account?'], ['That was quick.']],
      ['actions', ['Creates an account'], ['Checks out as a guest']],
      ['opportunities', [], ['Wallet payments']],
    ]);
    // A pain point the later map still lists is not addressed.
    expect(byName('Search').unaddressed).toEqual(['Jargon']);
    expect(d.regression).toBe(true);
  });
});

describe('journey diff', () => {
  function files() {
    const dir = tempDir();
    writeFileSync(join(dir, 'before.yaml'), BEFORE);
    writeFileSync(join(dir, 'after.yaml'), AFTER);
    return dir;
  }

  it('prints the changes as text and exits 0, or 1 with --fail-on-regression', async () => {
    const cwd = files();
    const { code, stdout } = await run(['diff', 'before.yaml', 'after.yaml'], { cwd });
    expect(code).toBe(0);
    expect(stdout).toContain('  Search  emotion −1 → +1 (+2, better)\n');
    expect(stdout).toContain('↕ Compare again (moved from position 2 to 3, renamed from "Compare")  emotion 0 → −1 (−1, worse)\n');
    expect(stdout).toContain('− Return (removed)\n');
    expect(stdout).toContain('+ Review (added)\n');
    expect(stdout).toContain('      − Running club\n      + Shoe quiz (web)\n');
    expect(stdout).toContain('    still a pain point: Jargon\n');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('3 stages compared: 1 better, 1 worse, 1 the same; 1 added, 1 removed, 1 moved; 1 pain point still open');
    const strict = await run(['diff', 'before.yaml', 'after.yaml', '--fail-on-regression'], { cwd });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('✗ the experience gets worse at "Compare again" (--fail-on-regression)');
    expect((await run(['diff', 'before.yaml', 'before.yaml', '--fail-on-regression'], { cwd })).code).toBe(0);
  });

  it('writes Markdown for a pull-request comment, escaped', async () => {
    const cwd = files();
    writeFileSync(join(cwd, 'after.yaml'), AFTER.replace('name: Review', 'name: "Review | <b>x</b>"'));
    const { stdout } = await run(['diff', 'before.yaml', 'after.yaml', '-f', 'md'], { cwd });
    const tree = fromMarkdown(stdout, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
    const table = (tree.children.find((n) => n.type === 'table') as { children: { children: unknown[] }[] });
    const text = (n: unknown): string => ((n as { value?: string }).value ?? ((n as { children?: unknown[] }).children ?? []).map(text).join(''));
    expect(table.children.map((r) => r.children.map(text))).toEqual([
      ['Stage', 'Emotion', 'Change', 'Notes'],
      ['Search', '−1 → +1', '📈 +2', '2 lanes changed; 1 pain point still open'],
      ['Pay', '−2 → −2', '±0', '3 lanes changed'],
      ['Compare again', '0 → −1', '📉 −1', 'moved from position 2 to 3, renamed from "Compare"; no lane changed'],
      ['Return', '+1', '', 'removed'],
      ['Review | <b>x</b>', '+2', '', 'added'],
    ]);
    expect(JSON.stringify(tree)).not.toContain('"type":"html"');
  });

  it('writes HTML with both curves and the changes per cell', async () => {
    const cwd = files();
    const { code } = await run(['diff', 'before.yaml', 'after.yaml', '-f', 'html', '-o', 'diff.html'], { cwd });
    expect(code).toBe(0);
    const html = readFileSync(join(cwd, 'diff.html'), 'utf8');
    // Both curves are a row of the changes table, a point in each stage's column: the earlier map's
    // (series 2: dashed, hollow squares) and the later one's (series 1). A removed stage leaves a gap
    // in the later curve, an added one in the earlier curve.
    const columns = [...html.matchAll(/<td class="curve-cell">(.*?)<\/td>/g)].map((m) => [...m[1]!.matchAll(/class="mark series-(\d) level-(\w+)/g)].map((x) => `${x[1]}:${x[2]}`));
    expect(columns).toEqual([['2:m1', '1:p1'], ['2:m2', '1:m2'], ['2:z', '1:m1'], ['2:p1'], ['1:p2']]);
    expect(html).toContain('<li><del>Running club</del></li><li><ins>Shoe quiz (web)</ins></li>');
    expect(html).toContain('<p class="still-open">⚠ Jargon</p>');
  });

  it('compares a map with itself at a git revision', async () => {
    const cwd = files();
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=T', ...args], { cwd });
    git('init', '-q');
    writeFileSync(join(cwd, 'map.yaml'), BEFORE);
    git('add', 'map.yaml');
    git('commit', '-qm', 'first');
    writeFileSync(join(cwd, 'map.yaml'), AFTER);
    const { code, stdout } = await run(['diff', 'map.yaml', '--rev', 'HEAD'], { cwd });
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('map.yaml@HEAD → map.yaml');
    expect(stdout).toContain('+ Review (added)');
    const missing = await run(['diff', 'map.yaml', '--rev', 'no-such-rev'], { cwd });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("map.yaml@no-such-rev:1:1 error file: cannot read map.yaml at revision no-such-rev: fatal: invalid object name 'no-such-rev'.");
  });

  it('reports invalid maps and usage mistakes', async () => {
    const cwd = files();
    writeFileSync(join(cwd, 'bad.yaml'), 'template: current-state\ntitle: T\nstages: []\n');
    const bad = await run(['diff', 'before.yaml', 'bad.yaml'], { cwd });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('bad.yaml:3:9 error stages: expected at least one stage, found an empty list');
    expect((await run(['diff', 'before.yaml'], { cwd })).code).toBe(2);
    expect((await run(['diff', 'before.yaml', 'after.yaml', '--rev', 'HEAD'], { cwd })).code).toBe(2);
  });

  it('speaks the later map\u2019s locale in text, Markdown and HTML', async () => {
    const cwd = files();
    const it = (yaml: string) => yaml.replace('title: Shoes', 'title: Scarpe\nlocale: it');
    const pl = (yaml: string) => yaml.replace('title: Shoes', 'title: Buty\nlocale: pl');
    writeFileSync(join(cwd, 'before-it.yaml'), it(BEFORE));
    writeFileSync(join(cwd, 'after-it.yaml'), it(AFTER));
    writeFileSync(join(cwd, 'after-pl.yaml'), pl(AFTER));
    const text = (await run(['diff', 'before-it.yaml', 'after-it.yaml'], { cwd })).stdout;
    expect(text).toContain('  Search  emozione −1 → +1 (+2, meglio)\n');
    expect(text).toContain('↕ Compare again (spostata dalla posizione 2 alla 3, prima si chiamava "Compare")  emozione 0 → −1 (−1, peggio)\n');
    expect(text).toContain('− Return (rimossa)\n');
    expect(text).toContain('    ancora un punto critico: Jargon\n');
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      'fasi confrontate: 3 (meglio: 1, peggio: 1, invariate: 1); aggiunte: 1, rimosse: 1, spostate: 1; punti critici ancora aperti: 1',
    );
    const md = (await run(['diff', 'before-it.yaml', 'after-it.yaml', '-f', 'md'], { cwd })).stdout;
    expect(md).toContain('## Modifiche al percorso: Scarpe\n');
    expect(md).toContain('| Fase | Emozione | Variazione | Note |\n');
    expect(md).toContain('| Search | −1 → +1 | 📈 +2 | 2 corsie cambiate; 1 punto critico ancora aperto |\n');
    expect(md).toContain('- ⚠️ ancora un punto critico: Jargon\n');
    const plText = (await run(['diff', 'before.yaml', 'after-pl.yaml'], { cwd })).stdout;
    expect(plText).toContain('+ Review (dodany)\n');
    expect(plText.trimEnd().split('\n').at(-1)).toBe(
      'porównane etapy: 3 (lepiej: 1, gorzej: 1, bez zmian: 1); dodane: 1, usunięte: 1, przeniesione: 1; nadal otwarte problemy: 1',
    );
    expect((await run(['diff', 'before.yaml', 'after-pl.yaml', '-f', 'md'], { cwd })).stdout).toContain('| Etap | Emocje | Zmiana | Notatki |\n');
    await run(['diff', 'before.yaml', 'after-pl.yaml', '-f', 'html', '-o', 'diff.html'], { cwd });
    const html = readFileSync(join(cwd, 'diff.html'), 'utf8');
    expect(html).toContain('<h2 id="changes-title">Zmiany</h2>');
    expect(html).toContain('<html lang="pl"');
    expect(html).toContain('+2 lepiej');
    expect(html).not.toMatch(/ (better|worse)<|>Changes</);
  });
});

describe('diff data for the lead to wire', () => {
  const d = diffMaps(model(BEFORE), model(AFTER));

  it('gives the comparison as JSON-ready data: changes per stage', () => {
    const json = JSON.parse(JSON.stringify(diffJson(d, ['before.yaml', 'after.yaml'])));
    expect(json.before).toEqual({ file: 'before.yaml', title: 'Shoes', template: 'current-state', locale: 'en' });
    expect(json.summary).toEqual({
      compared: 3, added: 1, removed: 1, moved: 1, better: 1, worse: 1, same: 1, unaddressed: 1, regression: true,
      text: '3 stages compared: 1 better, 1 worse, 1 the same; 1 added, 1 removed, 1 moved; 1 pain point still open',
    });
    expect(json.stages.map((s: { name: string; status: string; position: unknown }) => [s.name, s.status, s.position])).toEqual([
      ['Search', 'matched', { before: 1, after: 1 }],
      ['Pay', 'matched', { before: 3, after: 2 }],
      ['Compare again', 'matched', { before: 2, after: 3 }],
      ['Return', 'removed', { before: 4, after: null }],
      ['Review', 'added', { before: null, after: 4 }],
    ]);
    expect(json.stages[0]).toMatchObject({
      id: 'search',
      emotion: { before: -1, after: 1, delta: 2, trend: 'better' },
      changes: [
        { lane: 'touchpoints', label: "What is the customer's touchpoint with the company?", added: ['Shoe quiz (web)'], removed: ['Running club'] },
        { lane: 'pain_points', label: 'Pain points', added: [], removed: ['Too many options'] },
      ],
      stillOpen: ['Jargon'],
    });
    expect(json.stages[2]).toMatchObject({ renamedFrom: 'Compare', moved: true });
    expect(json.warnings).toEqual([]);
    const blueprint = model('template: service-blueprint\ntitle: T\nstages: [{ name: Search }]\n');
    expect(diffJson(diffMaps(model(BEFORE), blueprint), ['a.yaml', 'b.yaml']).warnings).toEqual([templateMismatch(model(BEFORE), blueprint, ['a.yaml', 'b.yaml'])]);
  });

  it('names the stages that feel worse for --fail-on-regression, in the map\u2019s locale', () => {
    expect(regressionMessage(d)).toBe('the experience gets worse at "Compare again"');
    const it = (yaml: string) => model(yaml.replace('title: Shoes', 'title: Scarpe\nlocale: it'));
    expect(regressionMessage(diffMaps(it(BEFORE), it(AFTER)))).toBe('l\'esperienza peggiora in "Compare again"');
    expect(regressionMessage(diffMaps(model(BEFORE), model(BEFORE)))).toBeUndefined();
  });

  it('warns when two maps\u2019 templates have different lanes, not for current- against future-state', () => {
    const blueprint = model('template: service-blueprint\ntitle: T\nstages: [{ name: Search }]\n');
    const future = model(AFTER.replace('current-state', 'future-state'));
    expect(templateMismatch(model(BEFORE), future, ['a.yaml', 'b.yaml'])).toBeUndefined();
    expect(templateMismatch(model(BEFORE), model(AFTER), ['a.yaml', 'b.yaml'])).toBeUndefined();
    expect(templateMismatch(model(BEFORE), blueprint, ['a.yaml', 'b.yaml'])).toBe(
      'a.yaml is a current-state map and b.yaml a service-blueprint map: stages and emotions compare, but lanes only one template has show as all removed or all added',
    );
  });
});
