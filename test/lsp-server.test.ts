// journey lsp --stdio, driven as an editor drives it: the real server over stdio, a real LSP client.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { Editor } from './lsp-client.js';
import { EXAMPLES, run, runBin, tempDir } from './helpers.js';

const editors: Editor[] = [];
afterEach(() => {
  for (const editor of editors.splice(0)) if (editor.child.exitCode === null) editor.child.kill();
});

async function editorIn(root: string): Promise<Editor> {
  const editor = new Editor(root);
  editors.push(editor);
  await editor.start();
  return editor;
}

const MAP = `template: current-state
title: Renewing a permit
stages:
  - name: Reminder
    thinkng: Is it time?
    emotion: Happy
  - name: Apply
`;

/** The CLI's lines for a map, to compare the editor's problems with. */
async function cliProblems(root: string, file: string): Promise<{ line: number; col: number; message: string }[]> {
  const result = await run(['validate', '--reporter', 'json', '--no-config', file], { cwd: root });
  return (JSON.parse(result.stdout) as { files: { problems: { line: number; col: number; message: string }[] }[] }).files[0]!.problems.map(({ line, col, message }) => ({ line, col, message }));
}

describe('journey lsp --stdio', () => {
  it('publishes the problems journey validate prints, at the same places, and offers the did-you-mean as a quick fix', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'map.yaml'), MAP);
    const editor = await editorIn(root);
    const problems = await editor.open('map.yaml', MAP);
    const cli = await cliProblems(root, 'map.yaml');
    expect(cli.length).toBe(2);
    expect(problems.map((d) => ({ line: d.range.start.line + 1, col: d.range.start.character + 1, message: d.message }))).toEqual(cli);
    expect(problems.map((d) => [d.severity, d.source])).toEqual([
      [1, 'journey'],
      [1, 'journey'],
    ]);
    // `thinkng` is underlined as a whole word.
    expect(problems[0]!.range).toEqual({ start: { line: 4, character: 4 }, end: { line: 4, character: 11 } });

    const actions = await editor.request<{ title: string; edit: { changes: Record<string, { range: unknown; newText: string }[]> } }[]>('textDocument/codeAction', 'map.yaml', undefined, undefined, {
      range: problems[0]!.range,
      context: { diagnostics: problems },
    });
    expect(actions.map((a) => a.title)).toEqual(['Change to `thinking`', 'Change to `happy`']);
    expect(actions[1]!.edit.changes[editor.uri('map.yaml')]).toEqual([{ range: { start: { line: 5, character: 13 }, end: { line: 5, character: 18 } }, newText: 'happy' }]);

    // Typing the fix clears the problems; a new mistake appears as it is typed.
    const errors = (problems: Diagnostic[]) => problems.filter((d) => d.severity === 1);
    expect(errors(await editor.change('map.yaml', MAP.replace('thinkng', 'thinking').replace('Happy', 'happy')))).toEqual([]);
    // A persona id and a band get their quick fix too.
    const personas = `template: current-state\ntitle: T\nlanes:\n  - { key: costs, label: What does it cost?, band: experiance }\npersonas:\n  - { name: Ana }\n  - { name: Bo }\nstages:\n  - name: A\n    emotion: { anna: 1, bo: 0 }\n`;
    const more = errors(await editor.change('map.yaml', personas));
    expect(more.map((d) => (d.data as { suggestion?: string } | undefined)?.suggestion)).toEqual(['experience', 'ana']);
    const fixes = await editor.request<{ title: string }[]>('textDocument/codeAction', 'map.yaml', undefined, undefined, { range: more[1]!.range, context: { diagnostics: more } });
    expect(fixes.map((a) => a.title)).toEqual(['Change to `experience`', 'Change to `ana`']);
    expect(personas.split('\n')[9]!.slice(more[1]!.range.start.character, more[1]!.range.end.character)).toBe('anna');
    expect(await editor.stop()).toBe(0);
  });

  it('counts columns in UTF-16 as editors do: an emoji before a mistake does not shift it', async () => {
    const root = tempDir();
    const text = `template: current-state\ntitle: "😀 Renewing" \nstages:\n  - { name: "😀😀 A", emotion: Happy }\n`;
    writeFileSync(join(root, 'map.yaml'), text);
    const editor = await editorIn(root);
    const [problem] = await editor.open('map.yaml', text);
    const line = text.split('\n')[3]!;
    expect(problem!.range.start).toEqual({ line: 3, character: line.indexOf('Happy') });
    expect(line.slice(problem!.range.start.character, problem!.range.end.character)).toBe('Happy');
    const [cli] = await cliProblems(root, 'map.yaml');
    expect(cli!.col).toBe(problem!.range.start.character + 1);
  });

  it('checks persona files and journey.config.yaml, warns on lint findings and re-checks an open map when a persona file it names is saved', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'personas'));
    writeFileSync(join(root, 'journey.config.yaml'), 'locale: it\n');
    writeFileSync(join(root, 'personas', 'ana.yaml'), 'name: Ana\n');
    const map = `template: current-state\ntitle: T\npersona: personas/ana.yaml\nstages:\n  - name: A\n    emotion: -2\n`;
    writeFileSync(join(root, 'map.yaml'), map);
    const editor = await editorIn(root);
    const findings = await editor.open('map.yaml', map);
    expect(findings.every((d) => d.severity === 2 || d.severity === 3)).toBe(true);
    expect(findings.map((d) => d.code)).toContain('negative-emotion-unexplained');

    expect((await editor.open('journey.config.yaml', 'locale: fr\n')).map((d) => d.message)).toEqual([expect.stringMatching(/^expected a locale: `en`, `it` or `pl`, found text "fr"/)]);
    expect((await editor.open('personas/ana.yaml', 'name: Ana\nid: Ana B\n')).map((d) => [d.range.start.line, d.message])).toEqual([[1, expect.stringMatching(/^expected an id of lowercase letters/)]]);

    // A map in a subfolder names shared files of the project folder (the config file's).
    mkdirSync(join(root, 'maps'));
    const nested = map.replace('personas/ana.yaml', '../personas/ana.yaml');
    writeFileSync(join(root, 'maps', 'nested.yaml'), nested);
    expect((await editor.open('maps/nested.yaml', nested)).filter((d) => d.severity === 1)).toEqual([]);

    const afterSave = await editor.save('personas/ana.yaml', 'nome: Ana\n', 'map.yaml');
    expect(afterSave.map((d) => d.message).join('\n')).toMatch(/personas\/ana\.yaml:1:1: .*unknown key `nome`: did you mean `name`\?/);
  });

  it('hovers a lane with its question in the map\u2019s locale and band, emotion with its scale, a finding with its rule\u2019s why, a KPI with its value', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'journey.config.yaml'), 'metrics: metrics.csv\n');
    writeFileSync(join(root, 'metrics.csv'), 'metric,value,date\nconversion,3.1%,2026-11-30\n');
    const map = `template: current-state\ntitle: T\nlocale: it\nstages:\n  - name: A\n    thinking: Ok\n    emotion: -2\n    kpis:\n      - { name: Conversion, metric: conversion }\n`;
    writeFileSync(join(root, 'map.yaml'), map);
    const editor = await editorIn(root);
    await editor.open('map.yaml', map);
    const hover = async (line: number, character: number) => ((await editor.request<{ contents: { value: string } } | null>('textDocument/hover', 'map.yaml', line, character))?.contents.value ?? '');
    expect(await hover(5, 6)).toMatch(/^\*\*Cosa pensa[^*]*\*\*\n\n/);
    expect(await hover(6, 6)).toContain('`very-negative`, `frustrated`');
    expect(await hover(6, 14)).toContain('**negative-emotion-unexplained**');
    expect(await hover(8, 40)).toBe('**conversion** = 3.1% (2026-11-30), from metrics.csv');
    const metric = await editor.request<{ uri: string; range: { start: { line: number } } }>('textDocument/definition', 'map.yaml', 8, 40);
    expect(metric).toMatchObject({ uri: editor.uri('metrics.csv'), range: { start: { line: 1 } } });
  });

  it('completes keys of the template and custom lanes, emotion words, channels, persona ids, rejoin stages and paths', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'personas'));
    writeFileSync(join(root, 'personas', 'ana.yaml'), 'name: Ana\n');
    const map = `template: current-state\ntitle: T\nlanes:\n  - { key: channels_used, label: Which? }\npersonas:\n  - personas/ana.yaml\n  - { name: Bo }\nstages:\n  - name: A\n    th\n    emotion: \n      \n    touchpoints:\n      - { name: x, channel:  }\n  - name: B\n    rejoin: \n    image: \n`;
    writeFileSync(join(root, 'map.yaml'), map);
    const editor = await editorIn(root);
    await editor.open('map.yaml', map);
    const labels = async (line: number, character: number) => (await editor.request<{ label: string }[]>('textDocument/completion', 'map.yaml', line, character)).map((i) => i.label);
    expect(await labels(9, 6)).toEqual(expect.arrayContaining(['thinking', 'actions', 'touchpoints', 'channels_used', 'emotion', 'rejoin']));
    expect(await labels(10, 13)).toEqual(expect.arrayContaining(['happy', 'frustrated', '-2']));
    expect(await labels(11, 6)).toEqual(['ana', 'bo']);
    expect(await labels(15, 12)).toEqual(['a', 'b']);
    expect(await labels(16, 11)).toEqual([]); // no picture in the workspace
    writeFileSync(join(root, 'personas', 'ana.png'), 'x');
    expect(await labels(16, 11)).toEqual(['personas/ana.png']);
    const persona = `template: current-state\ntitle: T\npersona: \nstages: [{ name: A }]\n`;
    writeFileSync(join(root, 'other.yaml'), persona);
    await editor.open('other.yaml', persona);
    expect((await editor.request<{ label: string }[]>('textDocument/completion', 'other.yaml', 2, 9)).map((i) => i.label)).toEqual(['map.yaml', 'personas/ana.yaml']);
  });

  it('goes to persona files, pictures, based_on, a rejoin stage and a metric; outlines stages and the paths of a fork; formats', async () => {
    const root = tempDir();
    cpSync(join(EXAMPLES, 'rich-map.yaml'), join(root, 'rich-map.yaml'));
    cpSync(join(EXAMPLES, 'portfolio', 'personas'), join(root, 'portfolio', 'personas'), { recursive: true });
    cpSync(join(EXAMPLES, 'screens'), join(root, 'screens'), { recursive: true });
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(join(root, 'rich-map.yaml'), 'utf8');
    const editor = await editorIn(root);
    await editor.open('rich-map.yaml', text);
    const lines = text.split('\n');
    const where = (needle: string) => {
      const line = lines.findIndex((l) => l.includes(needle));
      return [line, lines[line]!.indexOf(needle) + 1] as const;
    };
    const definition = (needle: string) => editor.request<{ uri: string; range: { start: { line: number } } } | null>('textDocument/definition', 'rich-map.yaml', ...where(needle));
    expect((await definition('portfolio/personas/giulia.yaml'))?.uri).toBe(editor.uri('portfolio/personas/giulia.yaml'));
    expect((await definition('screens/product-page.png'))?.uri).toBe(editor.uri('screens/product-page.png'));
    writeFileSync(join(root, 'before.yaml'), 'template: current-state\ntitle: Before\nstages:\n  - name: A\n');
    const based = `based_on: before.yaml\n${text}`;
    await editor.change('rich-map.yaml', based);
    expect((await editor.request<{ uri: string }>('textDocument/definition', 'rich-map.yaml', 0, 12)).uri).toBe(editor.uri('before.yaml'));
    await editor.change('rich-map.yaml', text);
    const rejoin = /rejoin: (\S+)/.exec(text)![1]!;
    const target = await definition(`rejoin: ${rejoin}`.slice(8));
    expect(target?.uri).toBe(editor.uri('rich-map.yaml'));
    expect(lines[target!.range.start.line]).toMatch(new RegExp(`(name|id): `));

    const symbols = await editor.request<{ name: string; children: { name: string; children: { name: string }[] }[] }[]>('textDocument/documentSymbol', 'rich-map.yaml');
    expect(symbols.map((s) => s.name)).toContain('Decision');
    const fork = symbols.find((s) => s.children.length)!;
    expect(fork.children.map((b) => b.name)).toEqual(['Buys from us', expect.any(String)]);
    expect(fork.children[0]!.children.length).toBeGreaterThan(0);

    // The examples are formatted: nothing to do. A messy map gets the journey fmt layout.
    expect(await editor.request('textDocument/formatting', 'rich-map.yaml', undefined, undefined, { options: { tabSize: 2, insertSpaces: true } })).toEqual([]);
    await editor.open('messy.yaml', 'title: T\ntemplate: current-state\nstages:\n    - name: A\n');
    const edits = await editor.request<{ newText: string }[]>('textDocument/formatting', 'messy.yaml', undefined, undefined, { options: { tabSize: 2, insertSpaces: true } });
    expect(edits.map((e) => e.newText)).toEqual(['template: current-state\ntitle: T\nstages:\n  - name: A\n']);
  });

  it('answers hostile documents with a problem, never a crash or a hang: huge, deep, binary, outside the workspace', async () => {
    const root = tempDir();
    const editor = await editorIn(root);
    const huge = await editor.open('huge.yaml', `title: ${'x'.repeat(6 * 1024 * 1024)}\n`);
    expect(huge.map((d) => d.message)).toEqual([expect.stringMatching(/larger than/)]);
    const deep = await editor.open('deep.yaml', `title: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    expect(deep.map((d) => d.message).join('\n')).toMatch(/nest more than 64 levels/);
    const crowded = await editor.open('crowded.yaml', `title: [${'a,'.repeat(600_000)}a]\n`);
    expect(crowded.map((d) => d.message)).toEqual([expect.stringMatching(/^more than 100,000 YAML values/)]);
    expect(await editor.request('textDocument/hover', 'crowded.yaml', 0, 1)).toBeNull();
    const binary = await editor.open('binary.yaml', 'title: a\u0000b\n');
    expect(binary.map((d) => d.message)).toEqual([expect.stringMatching(/NUL byte/)]);
    const outside = await editor.open(pathToFileURL(join(tempDir(), 'map.yaml')).href, MAP);
    expect(outside.map((d) => d.message)).toEqual([expect.stringMatching(/outside the workspace/)]);
    // A YAML file that is no map (a CI workflow) is not checked, as journey validate skips it in a folder.
    expect(await editor.open('ci.yml', 'name: CI\non: [push]\njobs: {}\n')).toEqual([]);
    // Still answering after all of that.
    expect(await editor.request('textDocument/hover', 'deep.yaml', 0, 5)).toBeNull();
    expect(await editor.request('textDocument/documentSymbol', 'huge.yaml')).toEqual([]);
    expect(await editor.stop()).toBe(0);
  });

  it('ends when the editor closes the pipe without a word, rather than lingering', async () => {
    const result = await runBin(['lsp', '--stdio'], { cwd: tempDir(), input: '' });
    expect(result).toEqual({ code: 1, stdout: '', stderr: '' });
  });
});
