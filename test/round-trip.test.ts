// Every example and valid fixture out of journey and back in: through a CSV, an XLSX and journey's
// own Markdown (table and sections layouts) the map comes back the same, model for model; through
// the Mermaid chart, what the chart holds (title, stages' names and scores, the persona's name).
import { cpSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JourneyMap } from '../src/core/model.js';
import { sheetLosses } from '../src/core/sheet-layout.js';
import { libraryIo } from '../src/io/terminal.js';
import { readMapFile } from '../src/pipeline/read.js';
import { createReferences } from '../src/pipeline/references.js';
import { ROOT, run, tempDir } from './helpers.js';
import { TEMPLATES } from '../src/templates/registry.js';

// examples/team's map needs its project's config (its own template): team-template.test.ts takes it round.
const yamlIn = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? (e.name === 'personas' || e.name === 'team' ? [] : yamlIn(join(dir, e.name))) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : []));
const MAPS = [...yamlIn('examples'), ...yamlIn('test/fixtures/valid')];

/** The model of a map file as a build reads it (a shared persona file read). */
async function modelOf(file: string, root = ROOT): Promise<JourneyMap> {
  const io = libraryIo(dirname(file), {});
  const loaded = await readMapFile(file, io, { templates: TEMPLATES, references: createReferences(io, { projectRoot: root, images: false }) });
  if (!loaded.ok) throw new Error(`${file}: ${loaded.diagnostics.map((d) => `${d.line}:${d.col} ${d.message}`).join('\n')}`);
  return loaded.map;
}

/**
 * Imports `name` (in `cwd`) into a map at the original's place in a copy of the project's maps, so
 * that its relative paths (a shared persona file) lead where the original's do.
 */
async function importBeside(original: string, cwd: string, name: string): Promise<JourneyMap> {
  const project = join(cwd, 'project');
  cpSync(ROOT, project, { recursive: true, filter: (from) => /^(examples|test\/fixtures\/valid)(\/|$)|^(test(\/fixtures)?)?$/.test(from.slice(ROOT.length + 1)) && (statSync(from).isDirectory() || from.endsWith('.yaml') || from.includes('/personas/')) });
  const target = join(project, original);
  const imported = await run(['import', join(cwd, name), '-o', target, '--force'], { cwd });
  expect(imported.code, `${original} through ${name}: ${imported.stderr}`).toBe(0);
  return modelOf(target, project);
}

/**
 * What Markdown does not show, as README.md lists it: stage ids (made again from the names), KPIs'
 * metric ids, a shared persona file (its details come back written in the map) and the persona's
 * picture, tags and `based_on`, custom lanes' keys, and their bands but in a blueprint's tables.
 */
function markdownView(map: JourneyMap, layout: string) {
  const blueprint = map.template === 'service-blueprint' && layout === 'table';
  return {
    ...map,
    personaFile: null,
    persona: inline(map.persona),
    personas: map.personas.map((p) => ({ ...p, file: null, id: '', persona: inline(p.persona) })),
    tags: [],
    basedOn: null,
    lanes: map.lanes.map((l) => (l.custom ? { ...l, key: '', band: blueprint ? l.band : '' } : l)),
    stages: map.stages.map((s) => ({
      ...s,
      id: '',
      emotions: {},
      cells: Object.fromEntries(Object.entries(s.cells).map(([k, v]) => [map.lanes.find((l) => l.key === k)?.label ?? k, v])),
      kpis: s.kpis.map((k) => ({ ...k, metric: null })),
    })),
  };
}

/** A persona as Markdown shows it: without the file it was read from, nor its picture. */
function inline(persona: JourneyMap['persona']) {
  if (!persona) return persona;
  const { id: _id, file: _file, image: _image, imageData: _data, ...rest } = persona as typeof persona & { id?: string; file?: string; imageData?: string };
  return rest;
}

describe('a map out of journey and back in', () => {
  it.each(MAPS)('%s comes back the same through CSV, XLSX and Markdown', async (file) => {
    const cwd = tempDir();
    const before = await modelOf(join(ROOT, file));
    const lost = sheetLosses(before);
    for (const format of ['csv', 'xlsx'] as const) {
      const exported = await run(['export', join(ROOT, file), '-f', format, '-o', join(cwd, `map.${format}`)], { cwd: ROOT });
      expect(exported.code, exported.stderr).toBe(0);
      if (lost.length) {
        // A map with forks or several personas says what the sheet leaves out (rich-maps.test.ts).
        expect(exported.stderr).toContain('a sheet cannot hold');
        continue;
      }
      expect(await importBeside(file, cwd, `map.${format}`), `${file} through ${format}`).toEqual(before);
    }
    if (lost.length) return;
    for (const layout of ['table', 'sections']) {
      const built = await run(['build', join(ROOT, file), '-f', 'md', '--md-layout', layout, '-o', join(cwd, `${layout}.md`)], { cwd: ROOT });
      expect(built.code, built.stderr).toBe(0);
      const after = await importBeside(file, cwd, `${layout}.md`);
      expect(markdownView(after, layout), `${file} through Markdown (${layout})`).toEqual(markdownView(before, layout));
    }
  });

  it.each(MAPS)("%s keeps its title, scores and persona through the Markdown's Mermaid chart", async (file) => {
    const cwd = tempDir();
    const before = await modelOf(join(ROOT, file));
    const md = (await run(['build', join(ROOT, file), '-f', 'md', '-o', '-'], { cwd: ROOT })).stdout;
    const chart = /```mermaid\n([\s\S]*?)```/.exec(md)?.[1];
    if (!chart || before.personas.length > 1) return; // no scores, or one score per persona
    writeFileSync(join(cwd, 'chart.mmd'), chart);
    const after = await importBeside(file, cwd, 'chart.mmd');
    const scored = before.stages.filter((s) => s.emotion !== null);
    expect(after.title).toBe(before.title);
    expect(after.persona?.name).toBe(before.persona?.name);
    expect(after.stages.map((s) => [s.name, s.emotion])).toEqual(scored.map((s) => [s.name, s.emotion]));
    expect(after.stages.every((s) => Object.values(s.cells).every((c) => c.length === 0))).toBe(true);
  });
});
