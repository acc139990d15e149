// Whatever a map file contains, journey answers with documents or clear errors: never a crash, a
// hang or a stack trace. Property-based tests generate and mutate maps; bounds are checked directly.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import Handlebars from 'handlebars';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadMap } from '../src/core/load.js';
import { quickLoad } from '../src/core/quick-load.js';
import { spawnSync } from 'node:child_process';
import { EXAMPLES, ROOT, run, tempDir } from './helpers.js';
import { parseMarkdown as parseMd } from './markdown-tree.js';
import { TEMPLATES } from '../src/templates/registry.js';

/** A problem line as the text reporter prints it. */
const PROBLEM = /^<stdin>:(\d+):(\d+) (error|warning) \S.*: \S/;

/** Everything the CLI printed must be problems or the summary: no stack trace, no internal error. */
function expectCleanFailure(stderr: string, source: string) {
  const lines = stderr.trimEnd().split('\n');
  expect(lines.at(-1)).toMatch(/^✗ \d+ errors?(, \d+ warnings?)? in 1 file$/);
  for (const line of lines.slice(0, -1)) {
    const m = PROBLEM.exec(line);
    expect(m, line).not.toBeNull();
    expect(Number(m![1])).toBeLessThanOrEqual(source.split('\n').length + 1);
  }
  expect(stderr).not.toMatch(/internal error|\n\s+at /);
}

// ------------------------------------------------------------------ generated maps
const anyText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('<script>alert(1)</script>', '{{title}}', '| a | b |', '# h', '`x`', '[l](javascript:x)', 'a: b', '- x', "'", '"', '\\', '%%{init}%%', 'مرحبا', '👟🏽', 'é', 'e\u0301', '\u202Eevil'),
);
const nonEmpty = anyText.filter((s) => /\S/.test(s));
const cell = fc.oneof(anyText, fc.array(anyText, { maxLength: 3 }));
const stage = fc.record(
  {
    name: nonEmpty,
    emotion: fc.oneof(fc.integer({ min: -2, max: 2 }), fc.constantFrom('happy', 'worried', 'neutral', 'frustrated', 'delighted')),
    thinking: cell,
    actions: cell,
    touchpoints: fc.array(fc.oneof(nonEmpty, fc.record({ name: nonEmpty, channel: anyText })), { maxLength: 3 }),
    change: anyText,
    pain_points: cell,
    opportunities: cell,
    notes: anyText,
  },
  { requiredKeys: ['name'] },
);
const validMap = fc.record({
  template: fc.constantFrom('current-state', 'future-state'),
  title: nonEmpty,
  summary: anyText,
  locale: fc.constantFrom('en', 'it', 'pl'),
  persona: fc.record({ name: nonEmpty, goals: fc.array(anyText, { maxLength: 2 }) }),
  stages: fc.array(stage, { minLength: 1, maxLength: 5 }).map((stages) => stages.map((s, i) => ({ ...s, id: `s-${i}` }))),
});

const mdText = (node: unknown): string => {
  const n = node as { type: string; value?: string; children?: unknown[] };
  return n.type === 'html' ? ' ' : (n.value ?? (n.children ?? []).map(mdText).join(''));
};
/** What a reader should find of a name: its words, with line breaks and runs of spaces folded. */
const words = (s: string) => s.replace(/\u2060/g, '').replace(/\s+/g, ' ').trim();

describe('generated maps', () => {
  it('always build to HTML and Markdown that contain every stage name, or fail cleanly', async () => {
    await fc.assert(
      fc.asyncProperty(validMap, async (map) => {
        const source = stringify(map);
        const html = await run(['build', '-', '-o', '-'], { stdin: source });
        if (html.code !== 0) {
          // The generator can make a name the format refuses (too long, say): then it must say so.
          expect(html.code).toBe(1);
          expectCleanFailure(html.stderr, source);
          return;
        }
        for (const s of map.stages) expect(html.stdout).toContain(Handlebars.escapeExpression(s.name));
        const md = await run(['build', '-', '-f', 'md', '-o', '-'], { stdin: source });
        expect(md.code).toBe(0);
        const text = words(mdText(parseMd(md.stdout)));
        for (const s of map.stages) expect(text).toContain(words(s.name));
      }),
      { numRuns: 120 },
    );
  });

  it('load to the same model on the quick path and the positioned path', () => {
    fc.assert(
      fc.property(validMap, (map) => {
        const source = stringify(map);
        const reference = loadMap('m.yaml', source, { templates: TEMPLATES });
        // The quick path may leave a map to the positioned one (a `!` that could be a tag), never disagree.
        const quick = quickLoad(source, { templates: TEMPLATES });
        if (quick !== undefined) expect(quick).toEqual(reference.ok ? reference.map : undefined);
      }),
      { numRuns: 200 },
    );
  });
});

// ------------------------------------------------------------------ broken files
const example = readFileSync(join(EXAMPLES, 'service-blueprint.yaml'), 'utf8');
const edit = fc.record({
  at: fc.nat({ max: example.length }),
  remove: fc.nat({ max: 6 }),
  insert: fc.oneof(fc.constantFrom(':', '- ', '[', ']', '{', '}', '"', "'", '\t', '\n', '  ', '&a ', '*a', '!!int ', '#', '|', '>', '%', '@', '`', '---\n', '\u0000', '\uFEFF'), fc.string({ maxLength: 4 })),
});

describe('mutated maps', () => {
  it('are built or refused with problems at a line and column, never with a crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 4 }), async (edits) => {
        let source = example;
        for (const e of edits) {
          const at = Math.min(e.at, source.length);
          source = source.slice(0, at) + e.insert + source.slice(at + e.remove);
        }
        const { code, stderr } = await run(['validate', '-'], { stdin: source });
        expect([0, 1]).toContain(code);
        if (code === 1) expectCleanFailure(stderr, source);
      }),
      { numRuns: 250 },
    );
  });

  it('any YAML document at all is answered cleanly', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything({ maxDepth: 4 }), async (value) => {
        let source: string | undefined;
        try {
          source = stringify(value);
        } catch {
          return; // not representable as YAML
        }
        if (typeof source !== 'string') return;
        const { code, stderr } = await run(['validate', '-'], { stdin: source });
        expect(code).toBe(1);
        expectCleanFailure(stderr, source);
      }),
      { numRuns: 150 },
    );
  });
});

// ------------------------------------------------------------------ bounds
describe('bounds', () => {
  it('refuse deep nesting with a message at the place', async () => {
    const deep = `template: current-state\ntitle: T\nstages:\n  - name: A\n    notes: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    const { code, stderr } = await run(['validate', '-'], { stdin: deep });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^<stdin>:5:\d+ error yaml: lists and mappings nest more than 64 levels deep here; expected a journey map\n/);
  });

  it('refuse deep nesting before the YAML parser recurses: a long-running process reading it again and again never aborts', () => {
    // The positioned parser's composer recurses once per level; run out of stack inside V8's regular
    // expression compiler, the process aborted ("RegExpCompiler Allocation failed") instead of throwing.
    const script = `const api = await import(${JSON.stringify(join(ROOT, 'dist/index.js'))});
      const text = 'title: ' + '['.repeat(5000) + ']'.repeat(5000) + '\\n';
      for (let i = 0; i < 25; i++) {
        const r = await api.validate(text);
        if (r.ok) throw new Error('accepted');
        console.log(r.diagnostics.map((d) => d.line + ':' + d.col + ' ' + d.message).join('|'));
      }`;
    const { status, stdout, stderr } = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout.trim().split('\n')).toEqual(Array(25).fill('1:71 lists and mappings nest more than 64 levels deep here; expected a journey map'));
  });

  it('count the stages of branches against the 10,000, and diff thousands of them (matched through indexes: the time is a bench row)', async () => {
    const fork = (prefix: string, perBranch: number) =>
      `template: current-state\ntitle: T\nstages:\n  - name: D\n    branches:\n${Array.from({ length: 4 }, (_, b) => `      - name: B${b}\n        stages:\n${Array.from({ length: perBranch }, (_, i) => `          - { id: ${prefix}${b}x${i}, name: S ${b} ${i} }\n`).join('')}`).join('')}`;
    const dir = tempDir();
    writeFileSync(join(dir, 'big.yaml'), fork('a', 2600));
    expect((await run(['validate', 'big.yaml'], { cwd: dir })).stderr).toContain('big.yaml:4:3 error stages: expected at most 10,000 stages, found 10,401 (10,400 of them on branches)');
    // Renamed ids: every branch stage is matched by name, which once took minutes.
    writeFileSync(join(dir, 'a.yaml'), fork('a', 2400));
    writeFileSync(join(dir, 'b.yaml'), fork('b', 2400));
    const diff = await run(['diff', 'a.yaml', 'b.yaml'], { cwd: dir });
    expect(diff.code, diff.stderr).toBe(0);
  });

  it('refuse more than 10,000 stages, and build 2,000', async () => {
    const stages = (n: number) => `template: current-state\ntitle: T\nstages:\n${Array.from({ length: n }, (_, i) => `  - name: Stage ${i}\n    emotion: ${(i % 5) - 2}\n    thinking: Thought ${i}\n`).join('')}`;
    const tooMany = await run(['validate', '-'], { stdin: stages(12_000) });
    expect(tooMany.stderr).toContain('<stdin>:4:3 error stages: expected at most 10,000 stages, found 12,000; split the journey into several maps');
    const built = await run(['build', '-', '-o', '-'], { stdin: stages(2000) });
    expect(built.code).toBe(0);
    expect(built.stdout).toContain('Stage 1999');
  });

  it('refuse text longer than 20,000 characters', async () => {
    const { stderr } = await run(['validate', '-'], { stdin: `template: current-state\ntitle: T\nstages:\n  - name: A\n    notes: ${'x'.repeat(25_000)}\n` });
    expect(stderr).toContain('<stdin>:5:12 error stages[0].notes: expected text of at most 20,000 characters, found 25,000');
  });

  it('refuse files over the size limit, which --max-file-size and the config file set', async () => {
    const dir = tempDir();
    const big = `template: current-state\ntitle: T\nsummary: ${'word '.repeat(2000)}\nstages: [{ name: A }]\n`;
    writeFileSync(join(dir, 'big.yaml'), `${big}# ${'padding '.repeat(200_000)}\n`);
    const refused = await run(['validate', 'big.yaml', '--max-file-size', '1'], { cwd: dir });
    expect(refused.stderr).toContain('big.yaml:1:1 error file: file is 1.5 MiB, larger than the limit of 1.0 MiB; expected a journey map in YAML');
    expect((await run(['validate', 'big.yaml'], { cwd: dir })).code).toBe(0);
    writeFileSync(join(dir, 'journey.config.yaml'), 'max_file_size_mb: 0.5\n');
    expect((await run(['validate', 'big.yaml'], { cwd: dir })).stderr).toContain('larger than the limit of 512 KiB');
  });
});
