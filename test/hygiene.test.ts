// Text that is not text (control characters) and keys named like JavaScript's own properties
// get the same clear, located answers as any other mistake.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempDir } from './helpers.js';

describe('control characters in map text', () => {
  it('are refused at their place, so no NUL or escape sequence reaches a document', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'map.yaml'), 'template: current-state\ntitle: T\nstages:\n  - name: A\n    thinking: "before\\0after"\n    actions: [ok, "\\e[31mred"]\n    notes: "tabs\\tand\\nline breaks are fine"\n');
    const { code, stderr } = await run(['build', 'map.yaml', '-f', 'html,md'], { cwd });
    expect(code).toBe(1);
    expect(stderr).toContain('map.yaml:5:15 error stages[0].thinking: expected text without control characters, found U+0000 at character 7; only tabs and line breaks are allowed\n');
    expect(stderr).toContain('map.yaml:6:19 error stages[0].actions[1]: expected text without control characters, found U+001B at character 1; only tabs and line breaks are allowed\n');
    expect(existsSync(join(cwd, 'map.html')) || existsSync(join(cwd, 'map.md'))).toBe(false);
  });

  it('include CR, DEL and C1 controls, in every kind of text (labels, demographics keys)', async () => {
    const map = 'template: current-state\ntitle: "a\\rb"\npersona: { name: P, demographics: { "x\\x7f": y } }\nlanes: [{ key: k, label: "\\x85" }]\nstages: [{ name: A }]\n';
    const { stderr } = await run(['validate', '-'], { stdin: map });
    expect(stderr).toContain('<stdin>:2:8 error title: expected text without control characters, found U+000D at character 2');
    expect(stderr).toContain('found U+007F at character 2');
    expect(stderr).toContain('<stdin>:4:26 error lanes[0].label: expected text without control characters, found U+0085 at character 1');
  });
});
