// The JSON Schema is generated from the validator's zod schemas; these tests keep the two in step.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonSchema } from '../src/core/json-schema.js';
import { TEMPLATE_IDS, TEMPLATES } from '../src/templates/registry.js';
import { ROOT, run } from './helpers.js';
import { YamlLanguageServer } from './lsp.js';

const ajv = new Ajv2020({ allErrors: true, strict: false });
const validateAll = ajv.compile(jsonSchema(TEMPLATES));
const yamlFiles = (folder: string) =>
  readdirSync(join(ROOT, folder))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join(ROOT, folder, f));

// JSON Schema cannot say these: stage ids derived from names must be unique.
const SCHEMA_BLIND = new Set(['duplicate-ids.yaml', 'syntax.yaml']);

describe('the JSON Schema', () => {
  it('accepts every example, valid fixture and starter map', () => {
    const maps = [...yamlFiles('examples'), ...yamlFiles('test/fixtures/valid')].map((f) => [f, parse(readFileSync(f, 'utf8'))]);
    for (const id of TEMPLATE_IDS) maps.push([id, parse(TEMPLATES[id].starter)]);
    for (const [name, map] of maps) expect(validateAll(map), `${name}: ${ajv.errorsText(validateAll.errors)}`).toBe(true);
  });

  it('offers each template\u2019s bands for a custom lane, and refuses another template\u2019s', () => {
    const map = (template: string, band: string) => ({ template, title: 'T', lanes: [{ key: 'goal', label: 'Goal?', band }], stages: [{ name: 'A', goal: 'g' }] });
    expect(validateAll(map('service-blueprint', 'frontstage'))).toBe(true);
    expect(validateAll(map('current-state', 'front-end'))).toBe(true);
    expect(validateAll(map('current-state', 'frontstage'))).toBe(false);
    expect(validateAll(map('day-in-the-life', 'support'))).toBe(false);
  });

  it('rejects every invalid fixture it can express', () => {
    for (const file of yamlFiles('test/fixtures/invalid')) {
      if (SCHEMA_BLIND.has(file.split('/').at(-1)!)) continue;
      expect(validateAll(parse(readFileSync(file, 'utf8'))), file).toBe(false);
    }
  });

  it('rejects a lane of another template and a typo in a known object', () => {
    const base = { template: 'current-state', title: 'T', stages: [{ name: 'A' }] };
    expect(validateAll(base)).toBe(true);
    expect(validateAll({ ...base, titel: 'x' })).toBe(false);
    expect(validateAll({ ...base, persona: { name: 'G', goal: ['x'] } })).toBe(false);
    expect(validateAll({ ...base, stages: [{ name: 'A', emotion: 3 }] })).toBe(false);
    expect(validateAll({ ...base, stages: [{ name: 'A', touchpoints: [{ name: 'x', chanel: 'web' }] }] })).toBe(false);
  });

  it('is printed by `journey schema` as draft 2020-12, per template or for all', async () => {
    const all = await run(['schema']);
    expect(all.code).toBe(0);
    expect(JSON.parse(all.stdout)).toEqual(jsonSchema(TEMPLATES));
    expect(JSON.parse(all.stdout).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const one = JSON.parse((await run(['schema', '--template', 'day-in-the-life'])).stdout);
    expect(one.properties.template.const).toBe('day-in-the-life');
    expect(Object.keys(one.properties.stages.items.properties)).toContain('product_opportunity');
    expect(one.properties.stages.items.properties.product_use.description).toBe('How does the customer interact with our product at this time?');
  });

  it('closes stage keys when the map declares no custom lanes, and keeps them open when it does', () => {
    const base = { template: 'current-state', title: 'T' };
    expect(validateAll({ ...base, stages: [{ name: 'A', thinkng: 'x' }] })).toBe(false);
    expect(ajv.errorsText(validateAll.errors)).toContain('must NOT have additional properties');
    // A lane of another template, and an empty `lanes:` that declares nothing.
    expect(validateAll({ ...base, stages: [{ name: 'A', priorities: ['x'] }] })).toBe(false);
    expect(validateAll({ ...base, lanes: [], stages: [{ name: 'A', thinkng: 'x' }] })).toBe(false);
    expect(validateAll({ template: 'day-in-the-life', title: 'T', stages: [{ name: 'A', time: '07:00', product_use: 'x' }] })).toBe(true);
    expect(validateAll({ ...base, lanes: [{ key: 'channels_used', label: 'Which channels?' }], stages: [{ name: 'A', channels_used: ['Phone'] }] })).toBe(true);
    // Every version-1 map stays valid: the examples and fixtures above, and each template's keys.
    for (const id of TEMPLATE_IDS) {
      const stage = Object.fromEntries(TEMPLATES[id].lanes.map((l) => [l.key, 'x']));
      expect(validateAll({ template: id, title: 'T', stages: [{ name: 'A', emotion: 'happy', pain_points: 'p', opportunities: ['o'], kpis: 'k', owner: 'o', technology: 't', notes: 'n', ...stage }] }), id).toBe(true);
    }
  });

  it('describes every key, for hover', () => {
    const missing: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${path}[${i}]`));
      if (node === null || typeof node !== 'object') return;
      const o = node as Record<string, unknown>;
      for (const [key, value] of Object.entries((o.properties as Record<string, unknown>) ?? {})) {
        if (!(value as { description?: string }).description) missing.push(`${path}.${key}`);
      }
      // `if` only tests a value (which template, whether lanes are declared) and `else` only closes
      // the stages: their keys are described where they are defined.
      for (const [key, value] of Object.entries(o)) if (key !== 'if' && key !== 'else') walk(value, `${path}/${key}`);
    };
    walk(jsonSchema(TEMPLATES), '');
    expect(missing).toEqual([]);
    const stage = jsonSchema(TEMPLATES, 'current-state').properties as Record<string, { items: { properties: Record<string, { description: string }> } }>;
    expect(stage.stages!.items.properties.pain_points!.description).toBe('What goes wrong or hurts at this stage');
    expect(stage.stages!.items.properties.emotion!.description).toMatch(/^How the customer feels: -2 to 2/);
  });
});

describe('the JSON Schema in yaml-language-server (as VS Code, Neovim and Zed use it)', () => {
  let server: YamlLanguageServer;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'journey-lsp-')); // lives for the whole describe, unlike tempDir()
    writeFileSync(join(dir, 'journey.schema.json'), JSON.stringify(jsonSchema(TEMPLATES), null, 2));
    server = new YamlLanguageServer();
    await server.start(dir);
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  const MODELINE = '# yaml-language-server: $schema=./journey.schema.json\n';
  const open = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return server.open(join(dir, name), text);
  };

  it('flags a typo in a stage key and a lane of another template as they are typed', async () => {
    const diagnostics = await open('typo.yaml', `${MODELINE}template: current-state\ntitle: T\nstages:\n  - name: A\n    thinkng: Will they fit?\n    priorities: [Pay]\n`);
    expect(diagnostics.map((d) => [d.range.start.line + 1, d.range.start.character + 1, d.message]).sort()).toEqual([
      [6, 5, 'Property thinkng is not allowed.'],
      [7, 5, 'Property priorities is not allowed.'],
    ]);
    // A map with custom lanes may use their keys.
    expect(await open('custom.yaml', `${MODELINE}template: current-state\ntitle: T\nlanes: [{ key: channels_used, label: Which channels? }]\nstages:\n  - name: A\n    channels_used: [Phone]\n`)).toEqual([]);
    expect(await open('example.yaml', readFileSync(join(ROOT, 'examples/service-blueprint.yaml'), 'utf8'))).toEqual([]);
  });

  it('shows each key\u2019s description on hover and completes keys without an odd object item', async () => {
    const file = join(dir, 'hover.yaml');
    await open('hover.yaml', `${MODELINE}template: current-state\ntitle: T\nstages:\n  - name: A\n    pain_points: [Slow]\n    \n`);
    const hover = await server.hover(file, 5, 6);
    expect(JSON.stringify(hover?.contents)).toContain('What goes wrong or hurts at this stage');
    const atStage = await server.completion(file, 6, 4);
    const stageItems = ('items' in atStage ? atStage.items : atStage).map((i) => i.label);
    expect(stageItems).toEqual(expect.arrayContaining(['emotion', 'thinking', 'touchpoints', 'opportunities']));
    const atTop = await server.completion(file, 2, 0);
    const topItems = ('items' in atTop ? atTop.items : atTop).map((i) => i.label);
    expect(topItems).toEqual(expect.arrayContaining(['title', 'summary', 'persona']));
    for (const label of [...stageItems, ...topItems]) expect(label).toMatch(/^[a-z_]+$/);
  });
});
