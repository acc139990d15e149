// A journey map kept as Markdown (a wiki page, a README, journey's own Markdown) as the rows of a
// spreadsheet, so that core/sheet-layout.ts reads it as it reads a sheet: one way to match labels to
// lanes. The stages come from a GFM table's header row (or, in journey's `sections` layout, from
// `### 1. Stage` headings), a lane from each row; the title, the meta line, goals, research and the
// persona from the headings journey writes around them. Works on the syntax tree (mdast) that the
// edge parses with micromark; every cell keeps its line and column in the Markdown. Pure.
import type { Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Table } from 'mdast';
import { LOCALES, MOTIVES, UI, type Locale } from './locale.js';
import type { TemplateRegistry } from './templates.js';

export interface Position {
  line: number;
  col: number;
}

export interface MarkdownGrid {
  rows: string[][];
  /** Where each cell is in the Markdown (a block row: where its heading or paragraph is). */
  where: Position[][];
  /** The heading a row's table is under (`### Backstage`), for the band of a custom lane. */
  bands: (string | undefined)[];
  /** What was left out, and where: a table of other columns than the map's. */
  warnings: (Position & { message: string })[];
}

export type MarkdownRead = { grid?: MarkdownGrid };

type Node = RootContent | PhrasingContent | ListItem;
const start = (node: { position?: { start: { line: number; column: number } } }): Position => ({ line: node.position?.start.line ?? 1, col: node.position?.start.column ?? 1 });

/**
 * A node's text as a reader sees it: `<br>` and hard breaks as line breaks, a picture as nothing,
 * and without the word joiners journey's Markdown puts into addresses (`:⁠//`, `⁠@`) so they stay text.
 */
export function plainText(node: Node | Node[]): string {
  if (Array.isArray(node)) return node.map(plainText).join('');
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value.replace(/\u2060/g, '');
    case 'html':
      return /^<br\s*\/?>$/i.test(node.value) ? '\n' : /^<\/?sup>$/i.test(node.value) ? '' : node.value;
    case 'break':
      return '\n';
    case 'image':
    case 'imageReference':
      return '';
    default:
      return 'children' in node ? plainText(node.children as Node[]) : '';
  }
}

/** A label without journey's markers (⚠️ pain points, 💡 opportunities) and its trailing colon. */
const label = (text: string) => text.replace(/^(?:⚠️|💡)\s*/u, '').replace(/\s*:$/, '').trim();
/** `🙁 −1 negative`, as journey's table writes a score, read as the score. */
const score = (text: string) => /^(?:😫|🙁|😐|🙂|😄)\s+([+\-−]?\d)\s+\S.*$/u.exec(text)?.[1] ?? text;
/** `**3. Pay** ⭐ *Moment of truth*` → `Pay`, once the numbers are known to be journey's own. */
const MILESTONE = /\s+⭐(?:\s.*)?$/su;
const word = (text: string) => text.toLowerCase().trim();

/** A KPI's line as journey writes it with its target (`Form starts: target 500`), as a sheet writes it (`Form starts (target: 500)`). */
function kpiLines(rowLabel: string, text: string): string {
  if (!inAnyLocale(rowLabel, (l) => UI[l].kpis)) return text;
  return text
    .split('\n')
    .map((line) => {
      for (const l of LOCALES) {
        const m = new RegExp(`^(.*\\S):\\s+${escapeRegExp(UI[l].metric.target)}\\s+(\\S.*)$`, 's').exec(line.replace(/^•\s*/, ''));
        if (m) return `${m[1]} (target: ${m[2]})`;
      }
      return line;
    })
    .join('\n');
}
const inAnyLocale = (text: string, pick: (l: Locale) => string) => LOCALES.some((l) => word(pick(l)) === word(text));

/** The motive a name stands for (`Fear of missing out` → `fomo`), else the name. */
function motive(name: string): string {
  for (const l of LOCALES) for (const m of MOTIVES) if (word(UI[l].motiveNames[m]) === word(name)) return m;
  return name;
}

/** The template a meta line's name gives (`*Service blueprint*`), and its locale when only one locale names it so. */
function templateNamed(templates: TemplateRegistry, name: string): { id: string; locale?: Locale } | undefined {
  for (const def of Object.values(templates)) {
    const locales = LOCALES.filter((l) => word(def.labels[l].name) === word(name));
    if (locales.length) return { id: def.id, locale: locales.length === 1 ? locales[0] : undefined };
  }
  return undefined;
}

/**
 * The Markdown as a grid; none when it holds no table and no stage sections.
 */
export function markdownGrid(tree: Root, templates: TemplateRegistry): MarkdownRead {
  const rows: string[][] = [];
  const where: Position[][] = [];
  const bands: (string | undefined)[] = [];
  const block = (field: string, value: string, at: Position) => {
    if (!value) return;
    rows.push([field, value]);
    where.push([at, at]);
    bands.push(undefined);
  };
  const nodes = tree.children;
  const tables = nodes.filter((n): n is Table => n.type === 'table');
  const sections = tables.length ? [] : stageSections(nodes);
  if (!tables.length && !sections.length) return {};

  // The block above the map: the title, journey's meta line and summary, goals, research, the persona.
  let h2: string | undefined;
  let persona: { goals?: boolean; frustrations?: boolean } | undefined;
  let sawTitle = false;
  const summary: { text: string; at: Position }[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.type === 'heading' && node.depth === 1 && !sawTitle) {
      sawTitle = true;
      block('Title', plainText(node).trim(), start(node));
      const meta = nodes[i + 1];
      if (meta?.type === 'paragraph' && meta.children[0]?.type === 'emphasis') {
        const parts = plainText(meta).split(' · ');
        const template = templateNamed(templates, parts[0]!.trim());
        if (template) {
          i++;
          block('Template', template.id, start(meta));
          if (template.locale && template.locale !== 'en') block('Locale', template.locale, start(meta));
          for (const part of parts.slice(1)) {
            const [name, ...rest] = part.split(': ');
            const value = rest.join(': ').trim();
            if (inAnyLocale(name!, (l) => UI[l].updated)) block('Updated', value, start(meta));
            else if (inAnyLocale(name!, (l) => UI[l].owners)) block('Owners', value.split(', ').join('\n'), start(meta));
          }
        }
      }
      continue;
    }
    if (node.type === 'heading' && node.depth === 2) {
      const text = plainText(node).trim();
      const named = LOCALES.map((l) => new RegExp(`^${escapeRegExp(UI[l].persona)}:\\s+(.+)$`, 's').exec(text)).find(Boolean);
      h2 = named ? 'persona' : inAnyLocale(text, (l) => UI[l].goals) ? 'goals' : inAnyLocale(text, (l) => UI[l].research) ? 'research' : text;
      persona = undefined;
      if (named) (persona = {}), block('Persona', named[1]!.trim(), start(node));
      continue;
    }
    if (!sawTitle || node.type === 'table' || node.type === 'heading') continue;
    if (h2 === undefined && node.type === 'paragraph') summary.push({ text: plainText(node).trim(), at: start(node) });
    else if ((h2 === 'goals' || h2 === 'research') && node.type === 'list') block(h2 === 'goals' ? 'Goals' : 'Research', items(node).join('\n'), start(node));
    else if (h2 === 'persona' && persona) {
      if (node.type === 'paragraph' && node.children.length === 1 && node.children[0]!.type === 'strong') {
        const text = plainText(node).trim();
        persona = { goals: inAnyLocale(text, (l) => UI[l].personaGoals), frustrations: inAnyLocale(text, (l) => UI[l].frustrations) };
      } else if (node.type === 'paragraph' && node.children[0]?.type === 'strong' && inAnyLocale(label(plainText(node.children[0])), (l) => UI[l].motives)) {
        const names = plainText(node.children.slice(1)).trim();
        block('Persona motives', names.split(', ').map(motive).join('\n'), start(node));
      } else if (node.type === 'paragraph') block('Persona description', plainText(node).trim(), start(node));
      else if (node.type === 'list' && persona.goals) block('Persona goals', items(node).join('\n'), start(node));
      else if (node.type === 'list' && persona.frustrations) block('Persona frustrations', items(node).join('\n'), start(node));
      else if (node.type === 'list') block('Persona demographics', items(node).map((t) => t.replace(/^(.*?):\s*/s, '$1: ')).join('\n'), start(node));
    }
  }
  if (summary.length) block('Summary', summary.map((p) => p.text).join('\n'), summary[0]!.at);
  if (!sawTitle) {
    const first = nodes.find((n): n is Heading => n.type === 'heading');
    if (first) block('Title', plainText(first).trim(), start(first));
  }
  rows.push([]);
  where.push([]);
  bands.push(undefined);

  return tables.length ? tableRows(tables, nodes, { rows, where, bands, warnings: [] }) : sectionRows(sections, { rows, where, bands, warnings: [] });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A list's items as text, one an item. */
const items = (list: List) => list.children.map((item) => plainText(item).trim());

/** Journey numbers its stages `1. …`, `2. …`: then the numbers are not part of the names. */
function stageNames(texts: string[]): string[] {
  const numbered = texts.length > 0 && texts.every((t, i) => t.startsWith(`${i + 1}. `));
  return texts.map((t, i) => (numbered ? t.slice(`${i + 1}. `.length).replace(MILESTONE, '') : t).trim());
}

/** The tables: the first one's header gives the stages, every table's rows are lanes (a band's table under its heading). */
function tableRows(tables: Table[], nodes: RootContent[], grid: MarkdownGrid): MarkdownRead {
  const header = tables[0]!.children[0]!;
  const headerTexts = header.children.map((c) => plainText(c).trim());
  const names = stageNames(headerTexts.slice(1));
  grid.rows.push(['', ...names]);
  grid.where.push(header.children.map(start));
  grid.bands.push(undefined);
  let band: string | undefined;
  for (const node of nodes) {
    if (node.type === 'heading') band = node.depth === 3 ? plainText(node).trim() : undefined;
    if (node.type !== 'table') continue;
    const [head, ...body] = node.children;
    if (node !== tables[0]) {
      const texts = head!.children.map((c) => plainText(c).trim());
      const differs = texts.length !== headerTexts.length || texts.some((t, i) => i > 0 && t !== headerTexts[i]);
      if (differs) {
        grid.warnings.push({ ...start(node), message: `this table's header row is not the map's (the table on line ${start(tables[0]!).line}): left out of the map` });
        continue;
      }
    }
    for (const row of body) {
      const cells = row.children.map((c) => plainText(c).trim());
      const name = label(cells[0] ?? '');
      grid.rows.push([name, ...cells.slice(1).map((c) => kpiLines(name, score(c)))]);
      grid.where.push(row.children.map(start));
      grid.bands.push(band);
    }
    // A heading names the band of the table right under it; a later table without one has none.
    band = undefined;
  }
  return { grid };
}

interface StageSection {
  heading: Heading;
  name: string;
  content: RootContent[];
}

/** journey's `sections` layout: `### 1. Stage` headings, numbered from 1, each followed by its fields, emotion and lanes. */
function stageSections(nodes: RootContent[]): StageSection[] {
  const found: StageSection[] = [];
  for (const node of nodes) {
    if (node.type === 'heading' && node.depth <= 3) {
      const text = plainText(node).trim();
      if (node.depth === 3 && text.startsWith(`${found.length + 1}. `)) {
        found.push({ heading: node, name: text.slice(`${found.length + 1}. `.length).replace(MILESTONE, '').trim(), content: [] });
        continue;
      }
      // A heading of the page's other parts (sources, a fork's paths) ends the stages.
      if (found.length && node.depth <= 3) break;
    } else found.at(-1)?.content.push(node);
  }
  return found;
}

function sectionRows(sections: StageSection[], grid: MarkdownGrid): MarkdownRead {
  grid.rows.push(['', ...sections.map((s) => s.name)]);
  grid.where.push([sections[0] ? start(sections[0].heading) : { line: 1, col: 1 }, ...sections.map((s) => start(s.heading))]);
  grid.bands.push(undefined);
  // A row per label. A stage lists only its filled rows, so the rows' order is merged: a row first
  // seen goes before the next row of its stage that is already placed, or last.
  const rows = new Map<string, { cells: string[]; where: Position[] }>();
  const order: string[] = [];
  sections.forEach((section, s) => {
    const found: { key: string; value: string; at: Position }[] = [];
    for (const node of section.content) {
      if (node.type === 'paragraph') {
        // `*Time:* 8:00` (a field), `**Emotion:** 🙂 +1 positive`
        const first = node.children[0];
        if (first?.type === 'emphasis' || first?.type === 'strong') found.push({ key: label(plainText(first)), value: score(plainText(node.children.slice(1)).trim()), at: start(node) });
      } else if (node.type === 'list') {
        for (const item of node.children) {
          const paragraph = item.children[0] as Paragraph | undefined;
          const strong = paragraph?.type === 'paragraph' ? paragraph.children[0] : undefined;
          if (strong?.type !== 'strong') continue;
          const nested = item.children.find((c): c is List => c.type === 'list');
          found.push({ key: label(plainText(strong)), value: nested ? items(nested).join('\n') : plainText(paragraph!.children.slice(1)).trim(), at: start(item) });
        }
      }
    }
    found.forEach(({ key, value, at }, i) => {
      let row = rows.get(key);
      if (!row) {
        rows.set(key, (row = { cells: Array(sections.length).fill(''), where: Array(sections.length).fill(at) }));
        const next = found.slice(i + 1).find((f) => rows.has(f.key));
        order.splice(next ? order.indexOf(next.key) : order.length, 0, key);
      }
      row.cells[s] = kpiLines(key, row.cells[s] ? `${row.cells[s]}\n${value}` : value);
      row.where[s] = at;
    });
  });
  for (const name of order) {
    const row = rows.get(name)!;
    grid.rows.push([name, ...row.cells]);
    grid.where.push([row.where[0]!, ...row.where]);
    grid.bands.push(undefined);
  }
  return { grid };
}
