import { describe, expect, it } from 'vitest';
import { loadMapBytes } from '../../src/core/load.js';
import { lines } from '../helpers.js';
import { TEMPLATES } from '../../src/templates/registry.js';

const VALID = 'template: current-state\ntitle: Café ☕ مرحبا\nstages:\n  - name: Étape 1 👟\n';
const bytes = (s: string) => new TextEncoder().encode(s);

describe('reading bytes', () => {
  it('accepts a UTF-8 byte-order mark and CRLF line endings', () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(VALID.replace(/\n/g, '\r\n'))]);
    const result = loadMapBytes('map.yaml', bom, { templates: TEMPLATES });
    expect(result.ok && result.map.title).toBe('Café ☕ مرحبا');
  });

  it('refuses invalid UTF-8 and points at the bad byte', () => {
    const bad = new Uint8Array([...bytes('template: current-state\ntitle: Caf'), 0xe9, ...bytes('\nstages: []\n')]);
    const result = loadMapBytes('map.yaml', bad, { templates: TEMPLATES });
    expect(lines(result.diagnostics)).toEqual(['map.yaml:2:11 error file: invalid UTF-8 (byte 0xE9): save the file as UTF-8']);
  });

  it('refuses binary content', () => {
    const result = loadMapBytes('map.yaml', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), { templates: TEMPLATES });
    expect(lines(result.diagnostics)).toEqual(['map.yaml:1:5 error file: file contains a NUL byte: expected YAML text, found binary content']);
  });

  it('refuses a file over the size limit before parsing it', () => {
    const result = loadMapBytes('map.yaml', bytes('x'.repeat(2048)), { templates: TEMPLATES, limits: { maxBytes: 1024, maxAliasCount: 100 } });
    expect(lines(result.diagnostics)).toEqual(['map.yaml:1:1 error file: file is 2 KiB, larger than the limit of 1 KiB; expected a journey map in YAML']);
  });

  it('stops alias expansion (billion laughs) with a clear error', () => {
    const laughs = [
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
      'template: current-state',
      'title: T',
      'stages: [{ name: A, notes: *i }]',
    ].join('\n');
    const result = loadMapBytes('map.yaml', bytes(laughs), { templates: TEMPLATES });
    expect(lines(result.diagnostics)).toEqual([
      'map.yaml:2:8 error yaml: aliases expand to too much data (over 1000 copies); expected a map without runaway aliases',
    ]);
  });
});
