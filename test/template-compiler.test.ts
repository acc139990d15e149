// journey's own templates run as JavaScript compiled from them (src/render/template-compiler.ts).
// These tests hold that code to Handlebars: the same text as Handlebars in strict mode gives, for
// every built-in layout, on every document a corpus of maps makes, and on the corner cases of the
// constructs the templates use.
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import FullHandlebars from 'handlebars';
import { beforeAll, describe, expect, it } from 'vitest';
import { htmlEngine } from '../src/render/html.js';
import { markdownEngine } from '../src/render/markdown.js';
import { sheetHtml } from '../src/render/sheets.js';
import { compileTemplates, type TemplateFactory } from '../src/render/template-compiler.js';
import { createRuntime } from '../src/render/template-runtime.js';
import { templateFiles } from '../src/render/template-files.js';
import { writeCorpus } from './corpus/generate.js';
import { EXAMPLES, mapOf, run, tempDir } from './helpers.js';

type Kind = 'html' | 'markdown';
type Engine = ReturnType<typeof htmlEngine>;

/** Handlebars itself, with the engine's helpers and the same partials, in strict mode. */
function handlebarsOf(kind: Kind, engine: Engine) {
  const hb = FullHandlebars.create();
  hb.registerHelper(engine.helpers);
  const files = templateFiles(kind);
  const options = { strict: true, noEscape: kind === 'markdown' };
  for (const [name, source] of Object.entries(files.partials)) hb.registerPartial(name, hb.compile(source, options));
  return (layout: string, context: unknown) => {
    const file = files.layouts[layout] === undefined ? 'map' : layout;
    return hb.compile(files.layouts[file]!, options)(context, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
  };
}

describe('the built-in layouts, compiled, write what Handlebars writes', () => {
  const seen: { kind: Kind; layout: string; context: unknown; text: string }[] = [];

  beforeAll(async () => {
    // Every document the engines render is kept with the context it was given.
    for (const [kind, engine] of [
      ['html', htmlEngine()],
      ['markdown', markdownEngine()],
    ] as const) {
      const layout = engine.layout;
      engine.layout = (name: string) => {
        const template = layout(name);
        return (context: unknown) => {
          const text = template(context);
          seen.push({ kind, layout: name, context, text });
          return text;
        };
      };
    }
    const dir = tempDir();
    const examples = join(dir, 'examples');
    cpSync(EXAMPLES, examples, { recursive: true });
    const corpus = join(dir, 'corpus');
    const maps = writeCorpus(corpus, EXAMPLES, 24);
    const out = join(corpus, 'out');
    mkdirSync(out);
    for (const [args, cwd = examples] of [
      [['build', '.', '-f', 'html,md', '-d', out], corpus],
      [['build', 'current-state.yaml', 'future-state.yaml', 'day-in-the-life.yaml', 'service-blueprint.yaml', 'rich-map.yaml', 'portfolio', '-f', 'html,md', '-d', 'out', '--md-layout', 'sections']],
      [['build', 'gym.yaml', '-f', 'html,md'], join(examples, 'team')],
      [['site', '.', '-o', join(out, 'site')], corpus],
      [['site', 'portfolio', '-o', 'site']],
      [['diff', 'current-state.yaml', 'future-state.yaml', '-o', 'diff.html']],
      [['diff', maps[0]!.file, maps[4]!.file, '-o', join(out, 'diff-2.html')], corpus],
    ] as [string[], string?][]) {
      const result = await run(args, { cwd });
      expect(result.code, `journey ${args.join(' ')} (in ${cwd})\n${result.stderr}`).toBe(0);
    }
    // Posters: a table per page, title lines and page labels.
    for (const map of maps.slice(0, 8)) sheetHtml(mapOf(map.yaml), {}, 'poster', { stagesPerTable: 3 });
  }, 120_000);

  it('on every layout the corpus, the examples, a site, a diff and posters use', () => {
    const layouts = new Set(seen.map((s) => `${s.kind}/${s.layout}`));
    for (const layout of ['html/current-state', 'html/service-blueprint', 'html/poster', 'html/diff', 'html/site-index', 'html/site-map', 'html/site-persona', 'html/site-health', 'markdown/day-in-the-life']) {
      expect(layouts).toContain(layout);
    }
    const reference = { html: handlebarsOf('html', htmlEngine()), markdown: handlebarsOf('markdown', markdownEngine()) };
    let compared = 0;
    for (const { kind, layout, context, text } of seen) {
      expect(text, `${kind} ${layout}`).toBe(reference[kind](layout, context));
      compared++;
    }
    expect(compared).toBeGreaterThan(100);
  });
});

describe('the template compiler, on the constructs the templates use', () => {
  /** Compiles `layout` with `partials` both ways and renders `context`: [compiled, Handlebars]. */
  function both(layout: string, context: unknown, partials: Record<string, string> = {}, noEscape = false): [string, string] {
    const helpers = { shout: (s: unknown) => String(s).toUpperCase(), or: (...args: unknown[]) => args.slice(0, -1).some(Boolean) };
    const factory = new Function('r', compileTemplates({ partials, layouts: { t: layout } }, (s) => FullHandlebars.parse(s), { helpers: ['shout', 'or'], noEscape })) as TemplateFactory;
    const compiled = factory(createRuntime(FullHandlebars, helpers)).layouts.t!(context, { root: context });
    const hb = FullHandlebars.create();
    hb.registerHelper(helpers);
    for (const [name, source] of Object.entries(partials)) hb.registerPartial(name, hb.compile(source, { strict: true, noEscape }));
    return [compiled, hb.compile(layout, { strict: true, noEscape })(context)];
  }

  it.each([
    ['if, unless and else-if chains; 0 and an empty list are false', '{{#if a}}A{{else if b}}B{{else}}C{{/if}}|{{#unless z}}U{{/unless}}|{{#if n}}N{{else}}n{{/if}}|{{#if l}}L{{else}}l{{/if}}', { a: 0, b: 'x', z: '', n: 0, l: [] }],
    ['with runs for 0, not for an empty list; ../ reaches out', '{{#with n}}[{{this}}]{{/with}}{{#with l}}L{{else}}none{{/with}}{{#with o}}{{v}}-{{../top}}{{/with}}', { n: 0, l: [], o: { v: 1 }, top: 'T' }],
    ['each over a list and an object, with @index, @key, @first, @last and else', '{{#each l}}{{@index}}{{#if @first}}F{{/if}}{{this}}{{#if @last}}L{{/if}},{{/each}}|{{#each o}}{{@key}}={{this}};{{/each}}|{{#each e}}x{{else}}empty{{/each}}', { l: ['a', 'b', 'c'], o: { k: 1, j: 2 }, e: [] }],
    ['nested each: ../ and @root', '{{#each rows}}{{#each cells}}{{../name}}.{{this}}.{{@root.t}}.{{../../t}} {{/each}}{{/each}}', { t: 'T', rows: [{ name: 'r1', cells: [1, 2] }, { name: 'r2', cells: [3] }] }],
    ['escaping every character Handlebars escapes, three braces, false and 0', '{{s}}|{{{s}}}|{{f}}|{{z}}|{{list}}', { s: `<a href="x">'&\`=`, f: false, z: 0, list: ['a', 'b'] }],
    ['helpers and subexpressions', '{{shout s}}{{#if (or a b)}}!{{/if}}', { s: 'hi', a: false, b: 1 }],
  ])('%s', (_, layout, context) => {
    const [compiled, handlebars] = both(layout, context);
    expect(compiled).toBe(handlebars);
  });

  it('partials: the context, another one, a hash, a block, and a standalone line indented', () => {
    const partials = { item: '<{{name}}{{#if extra}} {{extra}}{{/if}}>', frame: '[\n  {{> @partial-block}}\n]', list: 'a\nb\n' };
    const layout = '{{> item}}{{> item other}}{{> item extra=@root.more}}{{#> frame}}{{name}}/{{@root.more}}{{/frame}}\n  {{> list}}\nend';
    const [compiled, handlebars] = both(layout, { name: 'N', other: { name: 'O' }, more: 'M' }, partials);
    expect(compiled).toBe(handlebars);
    expect(compiled).toContain('  a\n  b\n');
  });

  it('Markdown prints text as it is', () => {
    const [compiled, handlebars] = both('{{s}} {{{s}}}', { s: '<b>&' }, {}, true);
    expect(compiled).toBe('<b>& <b>&');
    expect(compiled).toBe(handlebars);
  });

  /** What `fn` throws, or undefined. */
  const thrown = (fn: () => unknown): (Error & { lineNumber?: number }) | undefined => {
    try {
      fn();
    } catch (error) {
      return error as Error;
    }
    return undefined;
  };

  it('a field printed by itself must exist, as in strict mode: the same error, at its line', () => {
    const render = (layout: string, compiled: boolean) => () => both(layout, {})[compiled ? 0 : 1];
    const ours = thrown(render('line one\n  {{missing}}', true));
    expect(ours?.message).toMatch(/^"missing" not defined in \[object Object\]/);
    expect(ours?.lineNumber).toBe(2);
    expect(ours?.message).toBe(thrown(() => FullHandlebars.compile('line one\n  {{missing}}', { strict: true })({}))?.message);
    // A data field the frame was not given (no @index outside an each), in a partial's block too.
    const inBlock = '{{#> frame}}[{{@index}}]{{/frame}}';
    const hb = FullHandlebars.create();
    hb.registerPartial('frame', '{{> @partial-block}}');
    const theirs = thrown(() => hb.compile(inBlock, { strict: true })({}));
    expect(theirs?.message).toMatch(/^"index" not defined/);
    const factory = new Function('r', compileTemplates({ partials: { frame: '{{> @partial-block}}' }, layouts: { t: inBlock } }, (s) => FullHandlebars.parse(s), { helpers: [], noEscape: false })) as TemplateFactory;
    expect(thrown(() => factory(createRuntime(FullHandlebars, {})).layouts.t!({}, { root: {} }))?.message).toBe(theirs?.message);
  });

  it('reads only a context’s own fields, as Handlebars does; an iterable’s values; and refuses a function', () => {
    class Card {
      get hidden() {
        return 'H';
      }
    }
    expect(both('[{{#if hidden}}yes{{/if}}][{{#if constructor}}c{{/if}}]', new Card())).toEqual(['[][]', '[][]']);
    const [compiled, handlebars] = both('{{#each m}}{{@index}}={{this}};{{else}}none{{/each}}|{{#each s}}{{this}}{{/each}}', { m: new Map([['a', 1]]), s: new Set(['x', 'y']) });
    expect(compiled).toBe(handlebars);
    expect(thrown(() => both('[{{f}}]', { f: () => 'run' })[0])?.message).toMatch(/"f" is a function, not data of the view model/);
  });

  it('refuses, when journey is built, what it does not support, naming the template and line', () => {
    const compile = (layout: string) => () => compileTemplates({ partials: {}, layouts: { odd: layout } }, (s) => FullHandlebars.parse(s), { helpers: [], noEscape: false });
    expect(compile('a\n{{#each l as |x|}}{{x}}{{/each}}')).toThrow('layout odd, line 2: a block parameter is not supported');
    expect(compile('{{#custom x}}{{/custom}}')).toThrow('the block helper {{#custom}} is not supported');
    expect(compile('{{nohelper x}}')).toThrow('the unknown helper nohelper is not supported');
    expect(compile('{{> (dynamic)}}')).toThrow('a dynamic partial is not supported');
    expect(compile('{{#> nowhere}}fallback{{/nowhere}}')).toThrow('the missing partial nowhere is not supported');
    expect(compile('{{#if (field)}}x{{/if}}')).toThrow('the unknown helper field is not supported');
  });
});
