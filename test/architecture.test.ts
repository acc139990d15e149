// The shape README.md's Architecture section promises: no import cycle, and a pure core that
// depends on nothing at the edges (commands, pipeline, rendering, file system, browser).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const SRC = join(ROOT, 'src');
const files = (readdirSync(SRC, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => join(SRC, f));

/** Static and dynamic imports of project files, as paths relative to src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from|import\()\s*'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]!);
  return specifiers.filter((s) => !s.endsWith('.json')).map((s) => relative(SRC, resolve(dirname(file), s.replace(/\.js$/, '.ts'))));
}
const graph = new Map(files.map((f) => [relative(SRC, f), importsOf(f)]));

describe('the source tree', () => {
  it('has no import cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (node: string, path: string[]) => {
      if (state.get(node) === 'done') return;
      if (state.get(node) === 'open') return void cycles.push([...path.slice(path.indexOf(node)), node].join(' → '));
      state.set(node, 'open');
      for (const next of graph.get(node) ?? []) visit(next, [...path, node]);
      state.set(node, 'done');
    };
    for (const node of graph.keys()) visit(node, []);
    expect(cycles).toEqual([]);
  });

  it('keeps core pure: nothing in src/core imports commands, pipeline, render, io or browser, nor a Node built-in', () => {
    const outward = [...graph].flatMap(([file, imports]) =>
      file.startsWith('core/') ? imports.filter((i) => /^(commands|pipeline|render|io|browser|report)\//.test(i) || i === 'cli.ts').map((i) => `${file} → ${i}`) : [],
    );
    expect(outward).toEqual([]);
    const builtIns = files.filter((f) => relative(SRC, f).startsWith('core/') && /from 'node:/.test(readFileSync(f, 'utf8')));
    expect(builtIns.map((f) => relative(SRC, f))).toEqual([]);
  });

  it('keeps templates out of core: no file in src/core imports a template or the registry, except for its types', () => {
    // The edges (commands, pipeline, API, language server) pass the templates in: the built-in ones and a project's own.
    const valueImports = files
      .filter((f) => relative(SRC, f).startsWith('core/'))
      .flatMap((f) => {
        const text = readFileSync(f, 'utf8');
        const specifiers = [...text.matchAll(/^(?:import|export) (?!type )[^;]*? from '([^']+)'/gms), ...text.matchAll(/import\(\s*'([^']+)'\s*\)/g)].map((m) => m[1]!);
        return specifiers.filter((s) => s.startsWith('.') && relative(SRC, resolve(dirname(f), s)).startsWith('templates/')).map((s) => `${relative(SRC, f)} → ${s}`);
      });
    expect(valueImports).toEqual([]);
  });

  it('has commands that are thin: read, call the pipeline or core, report', () => {
    const long = files.filter((f) => relative(SRC, f).startsWith('commands/')).filter((f) => readFileSync(f, 'utf8').split('\n').length > 80);
    expect(long.map((f) => relative(SRC, f))).toEqual([]);
  });

  it('reads a valid map or config file without loading the positioned YAML parser or the lint rules', () => {
    // What a module loads as soon as it is loaded: its imports that are neither dynamic nor types only.
    const staticImports = (file: string) =>
      [...readFileSync(join(SRC, file), 'utf8').matchAll(/^(?:import|export) (?!type )[^;]*? from '([^']+)'/gms)].map((m) => m[1]!).filter((s) => !s.endsWith('.json'));
    const loaded = new Set<string>();
    const visit = (file: string) => {
      if (loaded.has(file)) return;
      loaded.add(file);
      for (const s of staticImports(file)) if (s.startsWith('.')) visit(relative(SRC, resolve(dirname(join(SRC, file)), s.replace(/\.js$/, '.ts'))));
        else loaded.add(s);
    };
    for (const entry of ['core/read-map.ts', 'core/read-document.ts', 'core/config-schema.ts']) visit(entry);
    expect([...loaded].filter((m) => m === 'yaml' || m.startsWith('core/lint/') && m !== 'core/lint/ids.ts' && m !== 'core/lint/rule.ts')).toEqual([]);
  });
});
