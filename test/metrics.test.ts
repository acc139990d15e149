import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMet } from '../src/core/metrics.js';
import { run, tempDir } from './helpers.js';

const MAP = `template: current-state
title: Shop
locale: LOCALE
stages:
  - name: Purchase
    kpis:
      - Average order value
      - { name: Conversion rate, metric: conversion_rate, target: "3.5%" }
      - { name: Returns, metric: return_rate, target: "<= 8%" }
      - { name: NPS, metric: nps, target: ">= 40" }
`;

function project(metrics: Record<string, string>, locale = 'en'): string {
  const cwd = tempDir();
  writeFileSync(join(cwd, 'map.yaml'), MAP.replace('LOCALE', locale));
  for (const [name, text] of Object.entries(metrics)) {
    mkdirSync(join(cwd, name, '..'), { recursive: true });
    writeFileSync(join(cwd, name), text);
  }
  return cwd;
}

const CSV = 'metric,value,date\nconversion_rate,3.9%,2026-11-20\nreturn_rate,9.5%,2026-11-20\nconversion_rate,3.1%,2026-11-13\n';

describe('KPIs with live metrics', () => {
  it('shows each value with its target, whether it is met and the date; a metric with no value is a warning', async () => {
    const cwd = project({ 'metrics.csv': CSV });
    const { code, stdout, stderr } = await run(['build', 'map.yaml', '--metrics', 'metrics.csv', '-f', 'md', '-o', '-'], { cwd });
    expect(code).toBe(0);
    expect(stdout).toContain(
      '| **KPIs** | • Average order value<br>• Conversion rate: 3\\.9% · target 3.5% · ✓ met · as of 2026-11-20<br>• Returns: 9\\.5% · target \\<= 8% · ✗ not met · as of 2026-11-20<br>• NPS: no data · target \\>= 40 |',
    );
    expect(stderr).toBe('map.yaml:10:30 warning stages[0].kpis[3].metric: no value for metric `nps` in metrics.csv: the KPI shows "no data"\n');
  });

  it('prints them in HTML in the map\'s language, from a JSON file', async () => {
    const json = JSON.stringify([{ metric: 'conversion_rate', value: '3.9%', date: '2026-11-20' }, { metric: 'nps', value: 35 }], null, 2);
    const cwd = project({ 'data/metrics.json': json }, 'it');
    const { code, stdout } = await run(['build', 'map.yaml', '--metrics', 'data/metrics.json', '-o', '-'], { cwd });
    expect(code).toBe(0);
    expect(stdout).toContain('<li>Conversion rate <span class="metric metric-met">3.9% · obiettivo 3.5% · ✓ raggiunto · al 2026-11-20</span></li>');
    expect(stdout).toContain('<li>NPS <span class="metric metric-not-met">35 · obiettivo &gt;&#x3D; 40 · ✗ non raggiunto</span></li>');
    expect(stdout).toContain('<li>Returns <span class="metric metric-missing">nessun dato · obiettivo &lt;&#x3D; 8%</span></li>');
  });

  it('prints a hostile value from a metrics file as text in every format', async () => {
    const cwd = project({ 'metrics.csv': 'metric,value\nnps,"<img src=x onerror=alert(1)> **bold** | cell"\n' });
    const html = await run(['build', 'map.yaml', '--metrics', 'metrics.csv', '-o', '-'], { cwd });
    expect(html.stdout).toContain('NPS <span class="metric metric-value">&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt; **bold** | cell · target &gt;&#x3D; 40</span>');
    const md = await run(['build', 'map.yaml', '--metrics', 'metrics.csv', '-f', 'md', '-o', '-'], { cwd });
    expect(md.stdout).toContain('NPS: \\<img src=x onerror=alert(1)\\> \\*\\*bold\\*\\* \\| cell · target \\>= 40');
  });

  it('shows a target without metrics, and renders plain-text KPIs as before', async () => {
    const cwd = project({});
    const { stdout } = await run(['build', 'map.yaml', '-f', 'md', '-o', '-'], { cwd });
    expect(stdout).toContain('| **KPIs** | • Average order value<br>• Conversion rate: target 3.5%<br>• Returns: target \\<= 8%<br>• NPS: target \\>= 40 |');
  });

  it('stops at the line of a malformed metrics file and writes nothing', async () => {
    const cwd = project({ 'bad.csv': 'metric,value,date\nconversion_rate,3.9%,20/11/2026\n,4\n', 'broken.csv': 'metric,value\n"conversion_rate,3\n', 'bad.json': '[\n  { "metric": "nps", "value": 40 },\n  { "metric": "x", "valeu": 2 }\n]\n', 'head.csv': 'name,amount\nx,1\n' });
    const csv = await run(['build', 'map.yaml', '--metrics', 'bad.csv'], { cwd });
    expect(csv.code).toBe(1);
    expect(csv.stderr).toContain('bad.csv:2:3 error date: expected a date as YYYY-MM-DD (like 2026-11-20), found text "20/11/2026"');
    expect(csv.stderr).toContain('bad.csv:3:1 error metric: expected the id of a metric (like conversion_rate), found nothing');
    expect((await run(['build', 'map.yaml', '--metrics', 'broken.csv'], { cwd })).stderr).toContain('broken.csv:2:1 error csv: quote Not Closed');
    expect((await run(['build', 'map.yaml', '--metrics', 'head.csv'], { cwd })).stderr).toContain('head.csv:1:1 error csv: expected a header row naming the columns `metric`, `value` and optionally `date`, found "name,amount"');
    const json = await run(['build', 'map.yaml', '--metrics', 'bad.json'], { cwd });
    expect(json.stderr).toContain('bad.json:3:29 error valeu: unknown column `valeu`: expected `metric`, `value` and optionally `date`');
    expect(readdirSync(cwd).filter((f) => f.endsWith('.html'))).toEqual([]);
  });

  it('reads metrics: from journey.config.yaml, relative to it, and refuses a file outside the project', async () => {
    const cwd = project({ 'metrics/latest.csv': CSV, 'journey.config.yaml': 'metrics: metrics/latest.csv\nformat: md\n' });
    const ok = await run(['build', 'map.yaml', '-o', '-'], { cwd });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Conversion rate: 3\\.9% · target 3.5% · ✓ met');

    const outside = project({ 'journey.config.yaml': 'metrics: ../metrics.csv\n' });
    const refused = await run(['build', 'map.yaml'], { cwd: outside });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('journey.config.yaml:1:10 error metrics: expected a path inside the project folder, relative to this file (like metrics/latest.csv), found text "../metrics.csv"');

    const linked = project({ 'journey.config.yaml': 'metrics: latest.csv\n' });
    symlinkSync(join(cwd, 'metrics/latest.csv'), join(linked, 'latest.csv'));
    const viaLink = await run(['build', 'map.yaml'], { cwd: linked });
    expect(viaLink.code).toBe(1);
    expect(viaLink.stderr).toContain('journey.config.yaml:1:10 error metrics: metrics "latest.csv" leads outside the folder of journey.config.yaml');
  });

  it('judges targets: at least by default, at most with <, units must agree', () => {
    expect(isMet('3.9%', '3.5%')).toBe(true);
    expect(isMet('3,1 %', '3.5%')).toBe(false);
    expect(isMet('1.8 days', '< 2 days')).toBe(true);
    expect(isMet('2', '< 2')).toBe(false);
    expect(isMet('40', '≥ 40')).toBe(true);
    expect(isMet('12 s', '<= 2 min')).toBe(null);
    expect(isMet('n/a', '3.5%')).toBe(null);
    expect(isMet('4', null)).toBe(null);
  });

  it('checks a KPI object like the rest of the map', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'map.yaml'), 'template: current-state\ntitle: T\nstages:\n  - name: A\n    kpis: [{ name: Conversion, metrc: conv }]\n');
    const { code, stderr } = await run(['validate', 'map.yaml'], { cwd });
    expect(code).toBe(1);
    expect(stderr).toContain('map.yaml:5:32 error stages[0].kpis[0].metrc: unknown key `metrc`: did you mean `metric`?');
  });
});
