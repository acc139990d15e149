// Every invalid fixture has the exact report `journey validate` must print; every valid one passes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

const dir = (kind: string) => join(import.meta.dirname, 'fixtures', kind);
const yamlIn = (kind: string) => readdirSync(dir(kind)).filter((f) => f.endsWith('.yaml'));

describe('invalid fixtures', () => {
  it.each(yamlIn('invalid'))('%s is reported as expected', async (name) => {
    const file = `test/fixtures/invalid/${name}`;
    const { code, stderr, stdout } = await run(['validate', file]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(readFileSync(join(dir('invalid'), name.replace(/\.yaml$/, '.expected')), 'utf8'));
  });
});

describe('valid fixtures and examples', () => {
  it('validate with exit 0', async () => {
    const files = [...yamlIn('valid').map((f) => `test/fixtures/valid/${f}`), ...readdirSync('examples').filter((f) => f.endsWith('.yaml')).map((f) => `examples/${f}`)];
    const { code, stderr } = await run(['validate', ...files]);
    expect(stderr).toBe(`✓ ${files.length} maps valid\n`);
    expect(code).toBe(0);
  });
});
