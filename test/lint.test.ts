import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LINT_RULE_IDS } from '../src/core/lint/ids.js';
import { lintRules } from '../src/core/lint/index.js';
import { run, tempDir } from './helpers.js';
import { TEMPLATES } from '../src/templates/registry.js';

const today = new Date().toISOString().slice(0, 10);
/** A map that follows every rule; each test breaks one. */
const good = (over: { template?: string; extra?: string; stages?: string; top?: string } = {}) => `template: ${over.template ?? 'current-state'}
title: Renewing a permit
updated: ${today}
goals: [Halve help-desk calls]
persona: { name: Marta }
${over.top ?? ''}stages:
${
  over.stages ??
  `  - name: Reminder
    emotion: -1
    touchpoints: [{ name: Letter, channel: post }, { name: E-mail, channel: email }]
    pain_points: [Arrives late]
    change: E-mail too
    rationale: Faster
  - name: Application
    emotion: 1
    touchpoints: [{ name: Website, channel: web }]
    opportunities: [Pre-filled form]
    change: Pre-fill
    rationale: Fewer calls`
}
${over.extra ?? ''}`;

async function findings(yaml: string, args: string[] = []): Promise<{ code: number; found: [string, string, number, number][] }> {
  const dir = tempDir();
  writeFileSync(join(dir, 'map.yaml'), yaml);
  const { code, stdout } = await run(['lint', 'map.yaml', '-r', 'json', ...args], { cwd: dir });
  const report = JSON.parse(stdout);
  return { code, found: report.files[0].problems.map((p: { rule: string; severity: string; line: number; col: number }) => [p.rule, p.severity, p.line, p.col]) };
}

describe('journey lint', () => {
  it('finds nothing in a map that follows every rule, and says so', async () => {
    expect(await findings(good())).toEqual({ code: 0, found: [] });
    const dir = tempDir();
    writeFileSync(join(dir, 'map.yaml'), good());
    expect((await run(['lint', 'map.yaml'], { cwd: dir })).stderr).toBe('✓ 1 map, no findings\n');
  });

  it.each([
    ['stage-without-touchpoint', { stages: '  - name: Reminder\n    emotion: 1\n    opportunities: [x]' }, ['warning', 7, 11]],
    ['negative-emotion-unexplained', { stages: '  - name: A\n    emotion: worried\n    touchpoints: [{ name: Shop, channel: store }]' }, ['warning', 8, 14]],
    ['pain-point-without-opportunity', { stages: '  - name: A\n    emotion: 1\n    touchpoints: [{ name: Shop, channel: store }]\n    pain_points: [Slow]' }, ['warning', 10, 5]],
    ['no-emotion', { stages: '  - name: A\n    touchpoints: [{ name: Shop, channel: store }]' }, ['warning', 6, 1]],
    ['only-digital-touchpoints', { stages: '  - name: A\n    emotion: 1\n    touchpoints: [{ name: Site, channel: web }, { name: App, channel: app }]' }, ['warning', 9, 5]],
    ['future-state-without-change', { template: 'future-state', stages: '  - name: A\n    emotion: 1\n    touchpoints: [{ name: Shop, channel: store }]\n    change: Open on Sundays' }, ['error', 7, 11]],
    ['duplicate-stage-name', { stages: '  - name: Visit\n    emotion: 1\n    touchpoints: [{ name: Shop, channel: store }]\n  - name: visit\n    id: second\n    emotion: 1\n    touchpoints: [{ name: Shop, channel: store }]' }, ['error', 10, 11]],
  ] as const)('%s', async (rule, over, [severity, line, col]) => {
    const { code, found } = await findings(good(over));
    expect(found).toEqual([[rule, severity, line, col]]);
    expect(code).toBe(severity === 'error' ? 1 : 0);
  });

  it('no-persona, no-goals and stale-map', async () => {
    const yaml = good().replace('goals: [Halve help-desk calls]\n', '').replace('persona: { name: Marta }\n', '').replace(`updated: ${today}`, 'updated: 2020-01-15');
    expect((await findings(yaml)).found).toEqual([
      ['no-goals', 'warning', 1, 1],
      ['no-persona', 'warning', 1, 1],
      ['stale-map', 'warning', 3, 10],
    ]);
    const dir = tempDir();
    writeFileSync(join(dir, 'map.yaml'), yaml);
    const text = await run(['lint', 'map.yaml'], { cwd: dir });
    expect(text.stderr).toMatch(/map\.yaml:3:10 warning updated: last reviewed 2020-01-15, \d+ months ago: revisit the map \(and update this date\) at least every 6 months \(stale-map\)/);
  });

  it('judges staleness by --max-age or the config, and takes severities from the config', async () => {
    const old = new Date(Date.now() - 100 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    const yaml = good().replace(`updated: ${today}`, `updated: ${old}`);
    expect((await findings(yaml)).found).toEqual([]);
    expect((await findings(yaml, ['--max-age', '2'])).found).toEqual([['stale-map', 'warning', 3, 10]]);
    const dir = tempDir();
    writeFileSync(join(dir, 'map.yaml'), yaml.replace('persona: { name: Marta }\n', ''));
    writeFileSync(join(dir, 'journey.config.yaml'), 'lint:\n  max_age_months: 3\n  rules:\n    stale-map: error\n    no-persona: off\n');
    const { code, stderr } = await run(['lint', 'map.yaml'], { cwd: dir });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^map\.yaml:3:10 error updated: last reviewed .* \(stale-map\)\n✗ 1 error in 1 file\n$/);
  });

  it('rejects an unknown rule in the config, with a suggestion', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'map.yaml'), good());
    writeFileSync(join(dir, 'journey.config.yaml'), 'lint:\n  rules:\n    no-persone: off\n');
    const { code, stderr } = await run(['lint', 'map.yaml'], { cwd: dir });
    expect(code).toBe(1);
    expect(stderr).toContain('journey.config.yaml:3:5 error lint.rules.no-persone: unknown lint rule "no-persone": did you mean `no-persona`?');
  });

  it('reports invalid maps like validate, and prints GitHub annotations', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'map.yaml'), 'template: current-state\ntitle: T\nstages: []\n');
    const invalid = await run(['lint', 'map.yaml'], { cwd: dir });
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('map.yaml:3:9 error stages: expected at least one stage, found an empty list');
    writeFileSync(join(dir, 'map.yaml'), good().replace('persona: { name: Marta }\n', ''));
    const github = await run(['lint', 'map.yaml', '-r', 'github'], { cwd: dir });
    expect(github.stdout).toBe('::warning file=map.yaml,line=1,col=1,title=journey no-persona::(root): no `persona`: describe the customer whose journey this is\n');
  });

  it('has an explanation for every rule', () => {
    for (const rule of lintRules(TEMPLATES)) expect(rule.why.length).toBeGreaterThan(20);
  });

  it('lets the config name exactly the rules there are, in the order they are listed', () => {
    expect(lintRules(TEMPLATES).map((r) => r.id)).toEqual(LINT_RULE_IDS);
  });
});
