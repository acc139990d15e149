// Folder scans and patterns stay inside the folder: symbolic links are not followed.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandInputs } from '../src/io/inputs.js';
import { run, tempDir } from './helpers.js';

const MAP = 'template: current-state\ntitle: T\nstages: [{ name: A }]\n';

describe('scanning folders', () => {
  it('does not walk out through a link to / (it walked the whole machine)', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'maps'));
    writeFileSync(join(cwd, 'maps', 'a.yaml'), MAP);
    symlinkSync('/', join(cwd, 'maps', 'root'));
    const { code, stderr } = await run(['validate', 'maps'], { cwd });
    expect(code).toBe(0);
    expect(stderr).toBe('✓ 1 map valid\n');
  });

  it('follows no link, to a folder or a file, inside the folder or out of it; a linked map named on its own is read', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'maps', 'team'), { recursive: true });
    mkdirSync(join(cwd, 'elsewhere'));
    writeFileSync(join(cwd, 'maps', 'team', 'a.yaml'), MAP);
    writeFileSync(join(cwd, 'elsewhere', 'b.yaml'), MAP);
    symlinkSync('../elsewhere', join(cwd, 'maps', 'linked-out'));
    symlinkSync('team', join(cwd, 'maps', 'linked-in'));
    symlinkSync('team/a.yaml', join(cwd, 'maps', 'same.yaml'));
    symlinkSync('../elsewhere/b.yaml', join(cwd, 'maps', 'out.yaml'));
    expect(await expandInputs(['maps'], cwd)).toEqual({ files: ['maps/team/a.yaml'], personas: [], unmatched: [], skipped: [] });
    expect(await expandInputs(['maps/**/*.yaml'], cwd)).toEqual({ files: ['maps/team/a.yaml'], personas: [], unmatched: [], skipped: [] });
    expect(await expandInputs(['maps/same.yaml'], cwd)).toEqual({ files: ['maps/same.yaml'], personas: [], unmatched: [], skipped: [] });
  });
});
