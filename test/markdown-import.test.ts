// `journey import map.md`: a journey map kept as a GFM table in a wiki or a README comes in as a sheet
// does (rows matched to lanes by their labels, the rest as custom lanes), with problems at their line
// and column in the Markdown. journey's own Markdown coming back is in round-trip.test.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempDir } from './helpers.js';

async function importMarkdown(markdown: string, args: string[] = []) {
  const cwd = tempDir();
  writeFileSync(join(cwd, 'map.md'), markdown);
  return run(['import', 'map.md', ...args], { cwd });
}

describe('journey import of a Markdown table', () => {
  it('reads a wiki table: stages across, a row per lane matched by its label, the rest as custom lanes', async () => {
    const { code, stdout, stderr } = await importMarkdown(`# Onboarding to the gym

Our team's map, kept in the wiki.

| Stage | Sign up | First visit | Renewal |
|---|---|---|---|
| **Customer Actions** | Fills the form online | Scans the QR code at the door | Pays by card |
| **Thoughts & feelings** | Looks easy | Where are the lockers? | Worth it |
| **Touchpoints** | Website (web) | Front desk | E-mail reminder (email) |
| **Emotions** | happy | worried | 2 |
| **Pain Points** | | No map of the building | |
| **KPIs** | Conversion rate (target: 5%) | | Renewal rate |
| **Who at the gym helps?** | | Trainer on duty<br>Front desk staff | |
`);
    expect(code, stderr).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toBe(`# Imported by journey import from map.md
template: current-state
title: Onboarding to the gym
summary: Our team's map, kept in the wiki.
lanes:
  - key: who_at_the_gym_helps
    label: Who at the gym helps?
stages:
  - name: Sign up
    actions:
      - Fills the form online
    thinking:
      - Looks easy
    touchpoints:
      - name: Website
        channel: web
    emotion: 1
    kpis:
      - name: Conversion rate
        target: 5%
  - name: First visit
    actions:
      - Scans the QR code at the door
    thinking:
      - Where are the lockers?
    touchpoints:
      - Front desk
    emotion: -1
    pain_points:
      - No map of the building
    who_at_the_gym_helps:
      - Trainer on duty
      - Front desk staff
  - name: Renewal
    actions:
      - Pays by card
    thinking:
      - Worth it
    touchpoints:
      - name: E-mail reminder
        channel: email
    emotion: 2
    kpis:
      - Renewal rate
`);
  });

  it("matches the template's questions in the map's language, and keeps the language", async () => {
    const { code, stdout, stderr } = await importMarkdown(`# Rinnovo del permesso

| | Promemoria | Pagamento |
| --- | --- | --- |
| **Emozione** | neutra | 1 |
| **Qual è l'azione del cliente?** | Legge la lettera | Paga online |
| **Punti critici** | | Il sito è lento |
`);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('locale: it\n');
    expect(stdout).toContain('    actions:\n      - Legge la lettera\n');
    expect(stdout).toContain('    pain_points:\n      - Il sito è lento\n');
  });

  it('points at the cell of the Markdown it cannot read, and writes nothing', async () => {
    const cwd = tempDir();
    writeFileSync(
      join(cwd, 'map.md'),
      `# A map

| | Sign up | |
|---|---|---|
| **Emotion** | ecstatic | 1 |
| **Customer actions** | Fills the form | Pays |
`,
    );
    const { code, stderr } = await run(['import', 'map.md', '-o', 'map.yaml'], { cwd });
    expect(code).toBe(1);
    expect(stderr).toContain('map.md:3:13 error markdown: this column has content but no stage name: expected the name in this cell\n');
    expect(stderr).toContain('map.md:5:15 error markdown: expected an emotion: a whole number from -2 to 2 or a word such as negative, neutral, happy, found "ecstatic"\n');
    expect(() => readFileSync(join(cwd, 'map.yaml'))).toThrow();
  });

  it("leaves out a later table that is not the map's, and says where", async () => {
    const { code, stdout, stderr } = await importMarkdown(`# Two tables

| | Sign up | Pay |
|---|---|---|
| **Customer actions** | Fills the form | Pays |

## Glossary

| Word | Meaning |
|---|---|
| KPI | Key performance indicator |
`);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain("map.md:9:1 warning markdown: this table's header row is not the map's (the table on line 3): left out of the map\n");
    expect(stdout).not.toContain('Glossary');
    expect(stdout).not.toContain('KPI');
  });

  it('refuses Markdown too large to parse before parsing it, and a table too large at its line', async () => {
    const big = await importMarkdown(`# Big\n\n${'- item *em* text\n'.repeat(40_000)}`);
    expect(big.code).toBe(1);
    expect(big.stderr).toContain('map.md:1:1 error file: the Markdown is 665 KiB, larger than the limit of 512 KiB for a Markdown import');
    const wide = await importMarkdown(`# Wide\n\n|${' a |'.repeat(10_002)}\n`);
    expect(wide.stderr).toContain('map.md:3:1 error markdown: a table row with more than 10,000 stages: expected one journey map\n');
    const long = await importMarkdown(`# Long\n\n| | A |\n|---|---|\n${'| x | y |\n'.repeat(7_000)}`);
    expect(long.stderr).toContain('error markdown: more than 20,000 table cells by here: expected one journey map of a readable size\n');
  });

  it('reads a Mermaid block when there is no table, with problems at their line in the Markdown', async () => {
    const ok = await importMarkdown('# Day\n\n```mermaid\n---\ntitle: My day\n---\njourney\n  section Morning\n    Coffee: 5\n```\n');
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('title: My day\n');
    const bad = await importMarkdown('# Day\n\n```mermaid\njourney\n  section Morning\n    Coffee\n```\n');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('map.md:6:11 error mermaid: expected `: score` after the task "Coffee"');
    const none = await importMarkdown('# Notes\n\nNo table here.\n\n```mermaid\nflowchart LR\n  A --> B\n```\n');
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('map.md:1:1 error file: found no table of stages and no ```mermaid block holding a journey diagram');
  });
});
