// A problem that asks "did you mean `x`?" carries `x` as its `suggestion`, in the JSON report and the
// API, so scripts and editors take the fix without reading the English message.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validate } from '../src/index.js';
import { run, tempDir } from './helpers.js';

/** A map with a near miss of each kind, and one mistake with nothing to suggest. */
const MAP = `template: current-state
title: Near misses
lanes:
  - { key: costs, label: What does it cost?, band: experiance }
personas:
  - { name: Ana }
  - { name: Bo }
stages:
  - name: Look
    thinkng: Where is it?
    emotion: { anna: 1, bo: 0 }
    actions:
      - { text: Searches, confidence: asumed }
  - name: Choose
    emotion: felice
  - name: Pay
    branches:
      - { name: Online, stages: [{ name: Card }] }
      - { name: In store, stages: [{ name: Cash }] }
    rejoin: delivr
  - name: Delivery
    id: delivery
    notes: [1, 2]
`;

describe("a problem's suggestion", () => {
  it('is in validate --reporter json for every did-you-mean, and absent where there is none', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'map.yaml'), MAP);
    writeFileSync(join(cwd, 'typo.yaml'), 'template: curent-state\ntitle: T\nstages:\n  - name: A\n');
    writeFileSync(join(cwd, 'lang.yaml'), 'template: current-state\ntitle: T\nlocale: IT\nstages:\n  - name: A\n');
    const { code, stdout } = await run(['validate', 'lang.yaml', 'map.yaml', 'typo.yaml', '--no-config', '-r', 'json'], { cwd });
    expect(code).toBe(1);
    const files = (JSON.parse(stdout) as { files: { problems: { path: string; message: string; suggestion?: string }[] }[] }).files;
    const found = files.flatMap((f) => f.problems.map((p) => [p.path, p.suggestion ?? null]));
    expect(found).toEqual([
      ['locale', 'it'],
      ['lanes[0].band', 'experience'],
      ['stages[0].thinkng', 'thinking'],
      ['stages[0].emotion.anna', 'ana'],
      ['stages[0].actions[0].confidence', 'assumed'],
      ['stages[1].emotion', 'happy'], // `felice` is Italian: the English word, though the message goes on
      ['stages[2].rejoin', 'delivery'],
      ['stages[3].notes', null],
      ['template', 'current-state'],
    ]);
    // The message still says it, for people.
    expect(files[2]!.problems[0]!.message).toMatch(/did you mean `current-state`\?$/);
  });

  it('names the word for a feeling the format has no word for, in the map\'s language', async () => {
    const stage = (word: string) => `  - name: ${word}\n    emotion: ${word}\n`;
    const words = ['angry', 'angy', 'sad', 'ok', 'excited'];
    const english = await validate(`template: current-state\ntitle: T\nstages:\n${words.map(stage).join('')}`);
    expect(english.diagnostics.map((d) => [d.message.replace(/.*(found)/, '$1'), d.suggestion])).toEqual([
      ['found text "angry"; did you mean `frustrated`?', 'frustrated'],
      ['found text "angy"; did you mean `frustrated`?', 'frustrated'],
      ['found text "sad"; did you mean `worried`?', 'worried'],
      ['found text "ok"; did you mean `neutral`?', 'neutral'],
      ['found text "excited"; did you mean `delighted`?', 'delighted'],
    ]);
    const italian = await validate(`template: current-state\ntitle: T\nlocale: it\nstages:\n${stage('angry')}`);
    expect(italian.diagnostics.map((d) => d.suggestion)).toEqual(['frustrato']);
  });

  it("is in the config file's problems too", async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'journey.config.yaml'), 'lint:\n  rules: { no-persna: off }\n');
    writeFileSync(join(cwd, 'map.yaml'), 'template: current-state\ntitle: T\nstages:\n  - name: A\n');
    const { stdout } = await run(['validate', 'map.yaml', '-r', 'json'], { cwd });
    const report = JSON.parse(stdout) as { files: { problems: { code: string; suggestion?: string }[] }[] };
    expect(report.files.flatMap((f) => f.problems.map((p) => p.suggestion))).toEqual(['no-persona']);
  });

  it("is in the API's diagnostics", async () => {
    const checked = await validate(MAP, { file: 'map.yaml' });
    expect(checked.ok).toBe(false);
    expect(checked.diagnostics.find((d) => d.path === 'stages[0].thinkng')).toMatchObject({ code: 'unknown-key', suggestion: 'thinking' });
    expect(checked.diagnostics.find((d) => d.path === 'stages[3].notes')).not.toHaveProperty('suggestion');
  });
});
