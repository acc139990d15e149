// The small surprises a new user hit, each as the user meets it on the command line.
import { execFile } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintRules } from '../src/core/lint/index.js';
import { BIN, EXAMPLES, run, tempDir } from './helpers.js';
import { TEMPLATES } from '../src/templates/registry.js';

describe('journey lint --list-rules', () => {
  it('lists every rule with its id, default severity and why, and the config file’s severity where it differs', async () => {
    const cwd = tempDir();
    const plain = await run(['lint', '--list-rules'], { cwd });
    expect(plain.code).toBe(0);
    const lines = plain.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(lintRules(TEMPLATES).length);
    expect(lines).toContain('stage-without-touchpoint        warn   Every step happens somewhere: a stage with no touchpoint hides where the company can act.');
    expect(lines).toContain('future-state-without-change     error  A future-state map plans change: each stage says what changes and how or why.');
    writeFileSync(join(cwd, 'journey.config.yaml'), 'lint:\n  rules: { no-persona: off, stale-map: error }\n');
    const configured = await run(['lint', '--list-rules'], { cwd });
    expect(configured.stdout).toContain('no-persona                      off (default warn)    A journey is someone');
    expect(configured.stdout).toContain('stale-map                       error (default warn)  Customers and the business change');
    expect((await run(['lint', '--help'])).stdout).toContain('--list-rules');
  });
});

describe('standard output', () => {
  it('takes one document: several formats are refused with what to do instead', async () => {
    const stdin = readFileSync(join(EXAMPLES, 'current-state.yaml'), 'utf8');
    const r = await run(['build', '-', '-f', 'html,md'], { stdin });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('error: standard output takes one document, not html and md: choose one format with -f, or write files with -o <file> or -d <dir>\n');
  });

  it('ends quietly when the reader closes the pipe early', async () => {
    const cwd = tempDir();
    // A document well over a pipe's buffer, so journey is still writing when `head` leaves.
    const stages = Array.from({ length: 2000 }, (_, i) => `  - name: Step ${i}\n    thinking: ${'A long thought about this step. '.repeat(8)}\n`).join('');
    writeFileSync(join(cwd, 'big.yaml'), `template: current-state\ntitle: Report of a long journey\nstages:\n${stages}`);
    const script = `"${process.execPath}" "${BIN}" build - -f md < big.yaml | head -c 8; echo " exit \${PIPESTATUS[0]}"`;
    const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((done) =>
      execFile('bash', ['-c', script], { cwd }, (_, out, err) => done({ stdout: out, stderr: err })),
    );
    expect(stdout).toBe('# Report exit 0\n');
    expect(stderr).toBe('');
  });
});

describe('batch builds', () => {
  it('print their maps in input order', async () => {
    const cwd = tempDir();
    const names = Array.from({ length: 12 }, (_, i) => `map-${String(i).padStart(2, '0')}.yaml`);
    for (const name of names) copyFileSync(join(EXAMPLES, 'current-state.yaml'), join(cwd, name));
    const { code, stderr } = await run(['build', '.'], { cwd });
    expect(code).toBe(0);
    const built = stderr.split('\n').filter((l) => l.startsWith('✓ map-')).map((l) => l.split(' ')[1]);
    expect(built).toEqual(names);
  });
});

describe('journey diff', () => {
  it('gives the comparison as JSON with -r json, and warns when the maps are of different templates', async () => {
    const cwd = tempDir();
    copyFileSync(join(EXAMPLES, 'current-state.yaml'), join(cwd, 'before.yaml'));
    copyFileSync(join(EXAMPLES, 'service-blueprint.yaml'), join(cwd, 'after.yaml'));
    const text = await run(['diff', 'before.yaml', 'after.yaml'], { cwd });
    expect(text.code).toBe(0);
    expect(text.stderr).toContain('warning before.yaml is a current-state map and after.yaml a service-blueprint map');
    const json = await run(['diff', 'before.yaml', 'after.yaml', '-r', 'json'], { cwd });
    expect(json.code).toBe(0);
    const data = JSON.parse(json.stdout);
    expect(data.before).toMatchObject({ file: 'before.yaml', template: 'current-state' });
    expect(data.warnings).toHaveLength(1);
    expect(data.stages.length).toBeGreaterThan(0);
    expect(data.stages[0]).toHaveProperty('changes');
  });
});
