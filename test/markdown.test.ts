// Markdown read back with a real GFM parser (micromark/mdast), and the Mermaid block checked by
// Mermaid's own parser running in headless Chromium.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Code, Heading, Html, Root, Table } from 'mdast';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../src/browser/launch.js';
import { run, tempDir } from './helpers.js';
import { nodes, parseMarkdown as parse, text } from './markdown-tree.js';

async function markdown(map: string, args: string[] = []): Promise<string> {
  const result = await run(['build', map, '-f', 'md', '-o', '-', ...args]);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

let browser: Browser;
let mermaidPage: Page;
beforeAll(async () => {
  browser = await launchBrowser({ env: process.env });
  mermaidPage = await browser.newPage();
  await mermaidPage.setContent('<!DOCTYPE html><html><body></body></html>');
  await mermaidPage.addScriptTag({ path: createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js') });
});
afterAll(async () => {
  await browser?.close();
});

/** Mermaid's own verdict on a diagram: its type, or the parse error. */
async function mermaidParse(source: string): Promise<string> {
  return mermaidPage.evaluate(async (src) => {
    const m = (window as unknown as { mermaid: { parse(s: string): Promise<{ diagramType: string }> } }).mermaid;
    try {
      return (await m.parse(src)).diagramType;
    } catch (error) {
      return `error: ${String((error as Error).message ?? error).split('\n')[0]}`;
    }
  }, source);
}

describe('the map as a GFM table', () => {
  it('has stages as columns and the template questions as rows', async () => {
    const tree = parse(await markdown('examples/current-state.yaml'));
    const [table] = nodes<Table>(tree, 'table');
    const rows = table!.children.map((row) => row.children.map(text));
    expect(rows[0]).toEqual(['', '1. Awareness', '2. Consideration', '3. Decision', '4. Purchase', '5. Delivery and first run']);
    expect(rows.map((r) => r[0])).toEqual([
      '',
      'Emotion',
      'What does the customer think or feel?',
      "What is the customer's action?",
      "What is the customer's touchpoint with the company?",
      'What do we want to change at this step?',
      'How and/or why will we make this change?',
      '⚠️ Pain points',
      '💡 Opportunities',
    ]);
    expect(rows[1]).toEqual(['Emotion', '🙁 −1 negative', '😐 0 neutral', '😫 −2 very negative', '🙁 −1 negative', '🙂 +1 positive']);
    // List items in a cell render on separate lines; touchpoints keep their channel.
    expect(rows[3]![1]).toBe('• Searches "best running shoes for beginners"\n• Asks her running club');
    expect(rows[4]![1]).toBe('• Search engine (web)\n• Running club (offline)\n• Instagram ads (social)');
    // The row label says these are opportunities; the items do not repeat its marker.
    expect(rows[8]![3]).toBe('• A size advisor based on shoes she already owns\n• Evening chat hours');
    expect(rows[7]![1]).toBe('Too many options and conflicting advice');
    // Every row has one cell per stage plus the label: nothing leaked out of a cell.
    expect(rows.every((r) => r.length === 6)).toBe(true);
  });

  it('gives the back-end band and each blueprint band a heading and a table of its own, never empty rows', async () => {
    const md = await markdown('examples/service-blueprint.yaml');
    const tree = parse(md);
    const tables = nodes<Table>(tree, 'table');
    const labels = tables.map((t) => t.children.slice(1).map((r) => text(r.children[0])));
    expect(nodes<Heading>(tree, 'heading').filter((h) => h.depth === 3).map(text)).toEqual(['Customer', 'Frontstage', 'Backstage', 'Support processes', 'Back-end']);
    expect(labels).toEqual([
      ['Emotion', 'What does the customer see or receive (physical evidence)?', 'What does the customer do?', 'What does the customer think or feel?', 'Why does the customer feel this way?'],
      ['How do we communicate with the customer?'],
      ['What action do we take in the background?'],
      ['Which support processes and systems make it possible?'],
      ['⚠️ Pain points', '💡 Opportunities'],
      ['KPIs', 'Owner', 'Technology'],
    ]);
    // The lines of interaction, visibility and internal interaction sit between the bands' tables.
    const between = (line: string, band: string) => md.includes(`*— ${line} —*\n\n### ${band}\n\n|`);
    expect(between('Line of interaction', 'Frontstage') && between('Line of visibility', 'Backstage') && between('Line of internal interaction', 'Support processes')).toBe(true);
    // No row is a heading in disguise: every row fills a cell besides its label.
    for (const t of tables) for (const r of t.children.slice(1)) expect(r.children.slice(1).some((c) => text(c) !== ''), text(r)).toBe(true);
    // Each stage's header repeats over every table, so each reads on its own.
    for (const t of tables) expect(text(t.children[0]!.children[1])).toBe('1. Normal use');
  });

  it('puts a blueprint custom lane in the table of its band; other templates keep one table for their lanes', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'bp.yaml'),
      'template: service-blueprint\ntitle: T\nlanes:\n  - { key: goal, label: Goal? }\n  - { key: script, label: Script?, band: frontstage }\nstages:\n  - { name: A, why: w, communication: c, goal: g, script: s }\n',
    );
    const labels = (md: string) => nodes<Table>(parse(md), 'table').map((t) => t.children.slice(1).map((r) => text(r.children[0])));
    expect(labels(await markdown(join(dir, 'bp.yaml')))).toEqual([
      ['What does the customer think or feel?', 'Why does the customer feel this way?', 'Goal?'],
      ['How do we communicate with the customer?', 'Script?'],
      ['What action do we take in the background?'],
    ]);
    writeFileSync(join(dir, 'cs.yaml'), 'template: current-state\ntitle: T\nlanes:\n  - { key: goal, label: Goal?, band: back-end }\nstages:\n  - { name: A, thinking: t, goal: g, pain_points: [p] }\n');
    expect(labels(await markdown(join(dir, 'cs.yaml')))).toEqual([
      [
        'What does the customer think or feel?',
        "What is the customer's action?",
        "What is the customer's touchpoint with the company?",
        'What do we want to change at this step?',
        'How and/or why will we make this change?',
        'Goal?',
        '⚠️ Pain points',
      ],
    ]);
  });

  it('marks pain points and opportunities once, on the row label, in both layouts', async () => {
    for (const layout of ['table', 'sections']) {
      const md = await markdown('examples/service-blueprint.yaml', ['--md-layout', layout]);
      // One row label in the table; one item label per stage with pain points in sections.
      expect(md.match(/⚠️/g), layout).toHaveLength(layout === 'table' ? 1 : 3);
      expect(md).toContain('The status page lags behind real outages');
      expect(md).not.toMatch(/⚠️ The status page/);
    }
  });

  it('starts with the title, metadata, goals, research and persona', async () => {
    const md = await markdown('examples/day-in-the-life.yaml');
    const tree = parse(md);
    expect(nodes<Heading>(tree, 'heading').map((h) => `${h.depth} ${text(h)}`)).toEqual([
      '1 A weekday with a remote-working parent',
      '2 Goals of this map',
      '2 Research',
      '2 Persona: Tomasz',
      '2 Emotion curve',
      '2 The journey',
      '3 Back-end',
    ]);
    expect(md.split('\n')[2]).toBe('*Day in the life* · Last reviewed: 2026-10-15 · Owners: Product team, UX research');
    const [table] = nodes<Table>(tree, 'table');
    expect(table!.children[1]!.children.map(text)).toEqual(['Time', '06:30–08:30', '09:00–12:00', '12:00–16:00', '17:00–19:00', '21:00–23:00']);
  });

  it('speaks the map\u2019s locale', async () => {
    const tree = parse(await markdown('test/fixtures/valid/custom-lanes-it.yaml'));
    const [table] = nodes<Table>(tree, 'table');
    expect(table!.children.map((r) => text(r.children[0]))).toEqual([
      '',
      'Emozione',
      'Cosa pensa o sente il cliente?',
      "Qual è l'azione del cliente?",
      "Qual è il punto di contatto del cliente con l'azienda?",
      'Cosa vogliamo cambiare in questo passaggio?',
      'Come e/o perché apporteremo questo cambiamento?',
      'Quali canali usa il cliente?',
    ]);
  });
});

describe('one section per stage', () => {
  it('is used beyond six stages, or with --md-layout sections', async () => {
    const dir = tempDir();
    const stages = Array.from({ length: 7 }, (_, i) => `  - { name: Step ${i + 1}, emotion: ${(i % 5) - 2}, thinking: Thought ${i + 1}, actions: [A${i + 1}, B${i + 1}] }`);
    writeFileSync(join(dir, 'seven.yaml'), `template: current-state\ntitle: Seven\nstages:\n${stages.join('\n')}\n`);
    const tree = parse(await markdown(join(dir, 'seven.yaml')));
    expect(nodes<Table>(tree, 'table')).toEqual([]);
    expect(nodes<Heading>(tree, 'heading').filter((h) => h.depth === 3).map(text)).toEqual(['1. Step 1', '2. Step 2', '3. Step 3', '4. Step 4', '5. Step 5', '6. Step 6', '7. Step 7']);
    const md = await markdown(join(dir, 'seven.yaml'));
    expect(md).toContain('### 1. Step 1\n\n**Emotion:** 😫 −2 very negative\n\n- **What does the customer think or feel?** Thought 1\n- **What is the customer\'s action?**\n  - A1\n  - B1\n');
    // The choice can be forced either way.
    expect(nodes<Table>(parse(await markdown(join(dir, 'seven.yaml'), ['--md-layout', 'table'])), 'table')).toHaveLength(1);
    expect(nodes<Table>(parse(await markdown('examples/current-state.yaml', ['--md-layout', 'sections'])), 'table')).toHaveLength(0);
  });
});

describe('the emotion curve as Mermaid', () => {
  it('is a valid journey chart with a section per scored stage and scores mapped to 1..5', async () => {
    const [code] = nodes<Code>(parse(await markdown('examples/service-blueprint.yaml')), 'code');
    expect(code!.lang).toBe('mermaid');
    expect(code!.value.split('\n')).toEqual([
      'journey',
      '  title Assistance and support for a home broadband customer',
      '  section Normal use',
      '    positive: 4: Anna',
      '  section Issues a warning or complaint',
      '    very negative: 1: Anna',
      '  section Asks for help / contacts support',
      '    very negative: 1: Anna',
      '  section Talks to support or a representative',
      '    negative: 2: Anna',
      '  section Resolves the conflict or problem',
      '    positive: 4: Anna',
    ]);
    expect(await mermaidParse(code!.value)).toBe('journey');
  });

  it('stays valid whatever the map says (colons, #, ;, line breaks, keywords, directives)', async () => {
    const [code] = nodes<Code>(parse(await markdown('test/fixtures/hostile/injection.yaml')), 'code');
    expect(await mermaidParse(code!.value)).toBe('journey');
    expect(code!.value.split('\n')).toHaveLength(6);
    // The same names written raw would break the chart: the check above can fail.
    expect(await mermaidParse('journey\n  section journey; section x: 5: me #\n    positive: 5')).toMatch(/^error/);
  });

  it('carries no tag or entity: < > & become look-alikes (<script> reached the chart literally)', async () => {
    const [code] = nodes<Code>(parse(await markdown('test/fixtures/hostile/injection.yaml')), 'code');
    expect(code!.value).not.toMatch(/[<>&]/);
    expect(code!.value).toContain('\uFF1Cscript\uFF1Ewindow.__pwned = \'title\'\uFF1C/script\uFF1EHostile map');
  });
});

describe('escaping', () => {
  it('renders a hostile map as its literal text: no live HTML, links, images or extra structure', async () => {
    const md = await markdown('test/fixtures/hostile/injection.yaml');
    const tree = parse(md);
    // The only HTML is the <br> we put between items in a cell.
    expect(nodes<Html>(tree, 'html').filter((h) => h.value !== '<br>')).toEqual([]);
    for (const type of ['link', 'image', 'inlineCode', 'delete', 'footnoteReference', 'blockquote', 'thematicBreak']) {
      expect(nodes(tree, type), type).toEqual([]);
    }
    // Bold and italic text only where the layout puts it: labels and stage headings.
    expect(nodes(tree, 'emphasis').map(text)).toEqual(['Current state']);
    expect(nodes(tree, 'strong').map(text)).toEqual([
      '<b>key</b>:',
      "1. <script>window.__pwned='stage'</script>",
      '2. journey; section x: 5: me #',
      'Emotion',
      'What does the customer think or feel?',
      "What is the customer's action?",
      "What is the customer's touchpoint with the company?",
      'What do we want to change at this step?',
      'How and/or why will we make this change?',
      '<u onmouseover="window.__pwned=\'lane\'">Extra</u>',
      'Pain points',
      'Notes',
    ]);
    expect(nodes<Heading>(tree, 'heading').map(text)).toEqual([
      "<script>window.__pwned = 'title'</script>Hostile map",
      'Goals of this map',
      'Research',
      'Persona: <svg onload="window.__pwned=\'svg\'">',
      'Emotion curve',
      'The journey',
    ]);
    const [table] = nodes<Table>(tree, 'table');
    const cells = table!.children.map((r) => r.children.map(text));
    expect(cells.every((r) => r.length === 3)).toBe(true);
    expect(cells[0]![1]).toBe("1. <script>window.__pwned='stage'</script>");
    expect(cells.find((r) => r[0] === "What is the customer's action?")![1]).toBe(
      '• | pipe | table |\n• # heading\n• **bold** _it_ `code`\n• [link](javascript:alert(1))\n• ![img](https:\u2060//example.invalid/x.png)', // U+2060 keeps the address from becoming a link
    );
    expect(text(tree)).toContain('{{title}} and {{{css}}}');
  });
});

describe('determinism', () => {
  it('gives identical bytes for the same map, LF endings and a final newline', async () => {
    const a = await markdown('examples/future-state.yaml');
    expect(await markdown('examples/future-state.yaml')).toBe(a);
    expect(a).not.toContain('\r');
    expect(a.endsWith('\n') && !a.endsWith('\n\n')).toBe(true);
  });

  it('turns a one-line edit of a map into a one-line change of the document', async () => {
    const dir = tempDir();
    copyFileSync('examples/day-in-the-life.yaml', join(dir, 'map.yaml'));
    const before = (await markdown(join(dir, 'map.yaml'))).split('\n');
    const yaml = readFileSync(join(dir, 'map.yaml'), 'utf8').replace('Deep work. Notifications off.', 'Deep work. Phone in a drawer.');
    writeFileSync(join(dir, 'map.yaml'), yaml);
    const after = (await markdown(join(dir, 'map.yaml'))).split('\n');
    expect(after).toHaveLength(before.length);
    expect(after.filter((line, i) => line !== before[i])).toHaveLength(1);
  });
});
