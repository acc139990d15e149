// `journey import` of Mermaid journey diagrams, checked against Mermaid itself (its parser, running in
// headless Chromium) on a corpus taken from Mermaid's documentation and tests (test/fixtures/mermaid):
// what Mermaid reads comes in with the same sections and tasks, what it refuses is refused at its line.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { launchBrowser } from '../src/browser/launch.js';
import { ROOT, run, tempDir } from './helpers.js';
import { openMermaidPage } from './mermaid-page.js';

const CORPUS = join(ROOT, 'test/fixtures/mermaid');
const corpus = (dir: string) => readdirSync(join(CORPUS, dir)).filter((f) => f.endsWith('.mmd'));

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser({ env: process.env });
  page = await openMermaidPage(browser);
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

interface MermaidRead {
  error?: string;
  type?: string;
  title?: string;
  sections?: string[];
  tasks?: string[];
}

/** What Mermaid makes of a diagram: its type, title, sections and tasks, or its error. */
function mermaidRead(source: string): Promise<MermaidRead> {
  return page.evaluate(async (src) => {
    type Db = { getDiagramTitle(): string; getSections(): string[]; getTasks(): { task: string }[] };
    const m = (window as unknown as { mermaid: { parse(s: string): Promise<{ diagramType: string }>; mermaidAPI: { getDiagramFromText(s: string): Promise<{ db: Db }> } } }).mermaid;
    try {
      const { diagramType } = await m.parse(src);
      if (diagramType !== 'journey') return { type: diagramType };
      const { db } = await m.mermaidAPI.getDiagramFromText(src);
      return { type: diagramType, title: db.getDiagramTitle(), sections: db.getSections(), tasks: db.getTasks().map((t) => t.task) };
    } catch (error) {
      return { error: String((error as Error).message ?? error).split('\n')[0] };
    }
  }, source);
}

async function importDiagram(file: string, source = readFileSync(file, 'utf8')) {
  const cwd = tempDir();
  writeFileSync(join(cwd, 'diagram.mmd'), source);
  return run(['import', 'diagram.mmd'], { cwd });
}

describe('journey import of a Mermaid journey', () => {
  it.each(corpus('accepted'))('reads %s as Mermaid does: its sections are the stages, its tasks the actions', async (name) => {
    const source = readFileSync(join(CORPUS, 'accepted', name), 'utf8');
    const mermaid = await mermaidRead(source);
    expect(mermaid.type, mermaid.error).toBe('journey');
    const { code, stdout, stderr } = await importDiagram(join(CORPUS, 'accepted', name));
    expect(code, stderr).toBe(0);
    const map = parse(stdout) as { title: string; stages: { name: string; actions?: string[] }[] };
    const clean = (s: string) => s.replace(/<\/?br\s*\/?>/gi, ' ').replace(/\s+/g, ' ').trim();
    expect(map.stages.map((s) => s.name)).toEqual(mermaid.sections!.map(clean));
    expect(map.stages.flatMap((s) => s.actions ?? [])).toEqual(mermaid.tasks!.map(clean));
    if (mermaid.title) expect(map.title).toBe(clean(mermaid.title));
  });

  it('takes the title from the front matter, and the summary from accDescr', async () => {
    const titled = await importDiagram(join(CORPUS, 'accepted', 'docs-front-matter-title.mmd'));
    expect(titled.stdout).toContain('title: Renewing a parking permit\n');
    const described = await importDiagram(join(CORPUS, 'accepted', 'tests-acc-descr-block.mmd'));
    expect(described.stdout).toContain('summary: |-\n  A user journey for\n  family shopping\n');
  });

  // Where Mermaid stops, journey stops: the line of Mermaid's "Parse error on line N", or a better place.
  const REFUSED: Record<string, { at: string; message: string; mermaidLine?: number }> = {
    'acc-descr-unclosed.mmd': { at: '2:3', message: '`accDescr {` has no closing `}`', mermaidLine: 7 }, // Mermaid reaches the end first
    'front-matter-unclosed.mmd': { at: '1:1', message: 'the front matter that starts here has no closing `---` line' },
    'hash-in-task.mmd': { at: '3:11', message: 'expected `: score` after the task "Issue", found `#`, which starts a comment in Mermaid (write `#35;` for the character)' },
    'journey-twice.mmd': { at: '4:3', message: 'expected a `title`, `section`, `accTitle:`, `accDescr:` or a task (`Task name: score: actor, actor`), found "journey"' },
    'not-a-journey.mmd': { at: '1:1', message: 'expected a Mermaid journey diagram starting with `journey`, found "flowchart LR"' },
    'section-with-colon.mmd': { at: '2:14', message: 'expected a `title`, `section`, `accTitle:`, `accDescr:` or a task (`Task name: score: actor, actor`), found ": now"' },
    'semicolon.mmd': { at: '3:11', message: 'expected a `title`, `section`, `accTitle:`, `accDescr:` or a task (`Task name: score: actor, actor`), found ";"' },
    'task-without-score.mmd': { at: '3:25', message: 'expected `: score` after the task "Task without a score" (a task is `Task name: score: actor, actor`), found the end of the line' },
    'upper-case-keyword.mmd': { at: '1:1', message: 'expected a Mermaid journey diagram starting with `journey`, found "JOURNEY"' },
  };

  it.each(corpus('refused'))('refuses %s, which Mermaid does not read as a journey, at its line', async (name) => {
    const expected = REFUSED[name]!;
    expect(expected, `an expectation for ${name}`).toBeDefined();
    const source = readFileSync(join(CORPUS, 'refused', name), 'utf8');
    const mermaid = await mermaidRead(source);
    expect(mermaid.error ?? mermaid.type).not.toBe('journey');
    const line = /Parse error on line (\d+)/.exec(mermaid.error ?? '')?.[1];
    if (line) expect(Number(line)).toBe(expected.mermaidLine ?? Number(expected.at.split(':')[0]));
    const { code, stderr } = await importDiagram(join(CORPUS, 'refused', name));
    expect(code).toBe(1);
    expect(stderr).toContain(`diagram.mmd:${expected.at} error mermaid: ${expected.message}\n`);
  });

  it.each(corpus('bad-scores'))('refuses %s: Mermaid draws a score outside 1…5, which has no place on the emotion scale', async (name) => {
    const source = readFileSync(join(CORPUS, 'bad-scores', name), 'utf8');
    expect((await mermaidRead(source)).type).toBe('journey');
    const { code, stderr } = await importDiagram(join(CORPUS, 'bad-scores', name));
    expect(code).toBe(1);
    expect(stderr).toMatch(/^diagram\.mmd:3:15 error mermaid: expected a score from 1 to 5 after the task's name, found "(23|-10|Hello)"\n/);
  });

  it('stops reading at the stage limit: a diagram of 200,000 sections is refused at the line of section 10,001', async () => {
    const lines = ['journey', '  title Too long'];
    for (let i = 1; i <= 200_000; i++) lines.push(`  section S${i}`); // 3.5 MB, below the size limit
    const { code, stderr } = await importDiagram('', `${lines.join('\n')}\n`);
    expect(code).toBe(1);
    // Section n is on line n + 2.
    expect(stderr).toContain(`diagram.mmd:${10_001 + 2}:3 error mermaid: more than 10,000 sections: a map has at most 10,000 stages\n`);
  });
});
