// Text from maps and paths cannot steer a terminal or a CI log.
import { describe, expect, it } from 'vitest';
import { documentSafe, jsonSafe, safeDiagnostic, terminalSafe } from '../src/core/safe-text.js';
import { formatGithub } from '../src/report/github.js';
import { formatDiagnostic, painter } from '../src/report/text.js';

describe('terminalSafe', () => {
  it('leaves ordinary text, tabs, Unicode and right-to-left scripts as they are', () => {
    for (const text of ['maps/shop today.yaml', 'a\tb', 'Café ☕ 👟🏽 e\u0301', 'مرحبا بالعالم', 'שלום', 'unknown key `x`: did you mean `y`?']) {
      expect(terminalSafe(text)).toBe(text);
    }
  });

  it('shows line breaks, escape sequences and other controls as visible escapes', () => {
    expect(terminalSafe('a\nb\r\nc')).toBe('a\\nb\\r\\nc');
    expect(terminalSafe('\x1b]0;pwned\x07\x1b[2J')).toBe('\\e]0;pwned\\x07\\e[2J');
    expect(terminalSafe('\0\x08\x7f\x85\x9b')).toBe('\\x00\\x08\\x7f\\x85\\x9b');
  });

  it('shows bidi controls and line separators, which can make text read as other text', () => {
    expect(terminalSafe('evil\u202Elmth.yaml')).toBe('evil\\u202elmth.yaml');
    expect(terminalSafe('\u2066a\u2069\u200e\u200f\u061c')).toBe('\\u2066a\\u2069\\u200e\\u200f\\u061c');
    expect(terminalSafe('a\u2028b\u2029c')).toBe('a\\u2028b\\u2029c');
  });

  it('keeps a key from starting a GitHub workflow command on a line of its own', () => {
    const d = { file: 'm\x1b[8m.yaml', line: 3, col: 5, path: 'stages[0].x\n::warning file=README.md,line=1::INJECTED', message: 'unknown key `x\n::warning file=README.md,line=1::INJECTED`', severity: 'error' as const, code: 'unknown-key' as const };
    const text = formatDiagnostic(safeDiagnostic(d), painter(false));
    expect(text.split('\n')).toHaveLength(1);
    expect(text).toBe('m\\e[8m.yaml:3:5 error stages[0].x\\n::warning file=README.md,line=1::INJECTED: unknown key `x\\n::warning file=README.md,line=1::INJECTED`');
    const github = formatGithub(safeDiagnostic(d));
    expect(github.split('\n')).toHaveLength(1);
    expect(github).not.toContain('\x1b');
  });

  it('breaks up what a CI runner takes for a command: a leading ::, and ##[ or ##vso[ anywhere', () => {
    expect(terminalSafe('::stop-commands::x.yaml')).toBe('\\x3a:stop-commands::x.yaml');
    expect(terminalSafe('  ::error::x')).toBe('  \\x3a:error::x');
    expect(terminalSafe('a ##[warning]b ##VSO[task.complete]c')).toBe('a \\x23#[warning]b \\x23#VSO[task.complete]c');
    for (const text of ['a::b.yaml', '# Title', 'C#[x]', 'issue #12']) expect(terminalSafe(text)).toBe(text);
  });
});

describe('jsonSafe', () => {
  it('escapes what JSON.stringify leaves raw, and parses back to exactly the value', () => {
    const value = { file: 'x\u202e\u009b31m\u2028##[warning]y.yaml', tab: 'a\tb', plain: 'Café ☕' };
    const text = jsonSafe(value);
    expect(text).toContain('"x\\u202e\\u009b31m\\u2028\\u0023#[warning]y.yaml"');
    expect(text).not.toMatch(/[\u0080-\u009f\u202e\u2028]|##\[/);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('documentSafe', () => {
  it('keeps a document\u2019s line breaks and colours, and neutralises each line', () => {
    expect(documentSafe('\x1b[32m+ A\x1b[39m\n::warning::pwn (added)\n\u202eB ##[error]')).toBe('\x1b[32m+ A\x1b[39m\n\\x3a:warning::pwn (added)\n\\u202eB \\x23#[error]');
  });
});
