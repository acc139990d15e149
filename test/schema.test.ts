// The JSON Schema is generated from the validator's zod schemas; these tests keep the two in step.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { jsonSchema } from '../src/core/json-schema.js';
import { TEMPLATE_IDS, TEMPLATES } from '../src/templates/registry.js';
import { ROOT, run } from './helpers.js';

const ajv = new Ajv2020({ allErrors: true, strict: false });
const validateAll = ajv.compile(jsonSchema());
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
    expect(JSON.parse(all.stdout)).toEqual(jsonSchema());
    expect(JSON.parse(all.stdout).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const one = JSON.parse((await run(['schema', '--template', 'day-in-the-life'])).stdout);
    expect(one.properties.template.const).toBe('day-in-the-life');
    expect(Object.keys(one.properties.stages.items.properties)).toContain('product_opportunity');
    expect(one.properties.stages.items.properties.product_use.description).toBe('How does the customer interact with our product at this time?');
  });
});
