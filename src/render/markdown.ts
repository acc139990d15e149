// GitHub-flavoured Markdown: the map as a table (or one section per stage when it is too wide to
// read), the emotion curve as a Mermaid `journey` chart. All user text goes through markdown-text.
import { emotionSymbol, emotionWord, mermaidScore, signedScore } from '../core/emotion.js';
import type { JourneyMap, Persona, Stage } from '../core/model.js';
import type { RenderContext } from './options.js';
import { createEngine } from './handlebars.js';
import { mdCell, mdLine, mdText, mermaidText } from './markdown-text.js';
import { buildView } from './view/build.js';
import { motiveName } from './view/personas.js';
import { tableSections } from './view/sections.js';
import type { CellView, ItemView, View } from './view/types.js';

/** How the map is shown: a table, a section per stage, or a table up to a few stages (auto). */
export type MarkdownLayout = 'auto' | 'table' | 'sections';

/** Up to this many stages the map is a table; beyond it a table is too wide to read in a repository viewer. */
export const TABLE_MAX_STAGES = 6;

const PAIN = '⚠️';
const OPPORTUNITY = '💡';
const MILESTONE = '⭐';
const ASSUMED = '❔';
const FORK = '⑂';

/**
 * What one document carries besides the view: the map (personas, milestones, images, forks), and the
 * sources of its items, numbered in the order the document first cites them.
 */
interface Doc {
  map: JourneyMap;
  view: View;
  sources: string[];
  assumed: boolean;
}

let engine: ReturnType<typeof createEngine> | undefined;

/** The Markdown engine with the built-in layouts, created on first use. */
export function markdownEngine(): ReturnType<typeof createEngine> {
  engine ??= createEngine('markdown', { md: (s: string) => mdText(s), mdLine: (s: string) => mdLine(s) });
  return engine;
}

/** The format registry's Markdown renderer. */
export const renderMarkdownDocument = (map: JourneyMap, context: RenderContext & { mdLayout: MarkdownLayout }) => renderMarkdown(map, { layout: context.mdLayout });

export function renderMarkdown(map: JourneyMap, options: { layout: MarkdownLayout }): string {
  // The Markdown keeps its own grouping of rows (tableSections): a table per band only in a blueprint.
  const view = markdownView(map);
  const doc: Doc = { map, view, sources: [], assumed: false };
  const useTable = options.layout === 'table' || (options.layout === 'auto' && view.stageCount <= TABLE_MAX_STAGES);
  const table_ = useTable ? table(doc) : null;
  const sections = useTable ? null : stageSections(doc, view, (i) => `${view.stages[i]!.number}. ${mdLine(view.stages[i]!.name)}${milestoneMark(map.stages[i]!, doc)}`);
  const forks = useTable ? forkSections(doc) : [];
  const text = markdownEngine().layout(map.template)({
    ...view,
    meta: metaLine(view),
    motives: view.persona?.motives.map(mdText).join(', ') ?? '',
    personas: map.personas.length > 1 ? personasBlock(doc) : null,
    mermaid: mermaid(doc),
    table: table_ ? [...table_, ...forks] : null,
    stageSections: sections,
    evidence: evidence(doc),
  });
  // One blank line between blocks, LF endings and a final newline, whatever the layout's spacing.
  return `${text.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

/** The view of a map (or of a branch's stages) with the Markdown's own grouping of rows. */
const markdownView = (map: JourneyMap): View => ({ ...buildView(map, { mainPath: true }), sections: tableSections(map) });

function metaLine(view: View): string {
  const parts = [`*${mdLine(view.templateName)}*`];
  if (view.updated) parts.push(`${view.labels.updated}: ${view.updated}`);
  if (view.owners.length) parts.push(`${view.labels.owners}: ${view.owners.map(mdLine).join(', ')}`);
  return parts.join(' · ');
}

function emotionText(view: View, index: number): string {
  const point = view.curve.points[index]!;
  return point.scored ? `${emotionSymbol(point.score!)} ${point.scoreText} ${point.word}` : '';
}

/** A score as the table prints it: `🙁 −1 negative`. */
function scoreText(score: number | null, doc: Doc): string {
  return score === null ? '' : `${emotionSymbol(score)} ${signedScore(score)} ${emotionWord(score, doc.map.labels.ui)}`;
}

/** With several personas, one emotion per persona: its name, and its score at `stage`. */
function personaScores(doc: Doc, stage: Stage): { name: string; text: string }[] {
  return doc.map.personas.map((p) => ({ name: p.persona?.name ?? p.id, text: scoreText(stage.emotions[p.id] ?? null, doc) }));
}

const several = (doc: Doc) => doc.map.personas.length > 1;

/** The milestone mark after a stage's name: `⭐ Moment of truth`, or `⭐ ` and its own text. */
function milestoneMark(stage: Stage, doc: Doc, cell = false): string {
  if (!stage.milestone) return '';
  const text = stage.milestone.text ?? doc.map.labels.ui.milestone;
  return ` ${MILESTONE} ${cell ? `*${mdCell(text)}*` : mdLine(text)}`;
}

/** A relative link that stays one: every character a Markdown destination or a viewer could misread is percent-encoded. */
function imageLink(src: string): string {
  return src
    .split(/[\\/]/)
    .map((part) => encodeURIComponent(part).replace(/[()'*!~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

function imageMarkdown(stage: Stage, cell: boolean): string {
  if (!stage.image) return '';
  const alt = cell ? mdCell(stage.image.alt).replace(/<br>/g, ' ') : mdLine(stage.image.alt);
  return `![${alt}](${imageLink(stage.image.src)})`;
}

/** An item's confidence and source: `❔ *assumed*` stands out; a source is a number into the sources list. */
function evidenceMark(item: ItemView, doc: Doc, cell: boolean): string {
  const words = doc.map.labels.ui.confidence;
  let out = '';
  if (item.confidence === 'assumed') {
    doc.assumed = true;
    out += ` ${ASSUMED} *${words.assumed}*`;
  } else if (item.confidence) out += ` *(${words[item.confidence]})*`;
  if (item.source) {
    let n = doc.sources.indexOf(item.source) + 1;
    if (n === 0) n = doc.sources.push(item.source);
    out += `<sup>${n}</sup>`;
  }
  return out;
}

function itemText(item: ItemView, doc: Doc, cell: boolean): string {
  const esc = cell ? mdCell : mdText;
  return `${esc(item.text)}${item.channel ? ` (${esc(item.channel)})` : ''}${item.metric ? `: ${esc(item.metric.text)}` : ''}${evidenceMark(item, doc, cell)}`;
}

/** A cell's items: one as it is, several as `•` lines. The row label carries any ⚠️ or 💡 marker. */
function cellText(cell: CellView, doc: Doc): string {
  const items = cell.items.map((i) => itemText(i, doc, true));
  return items.length > 1 ? items.map((i) => `• ${i}`).join('<br>') : (items[0] ?? '');
}

function marker(kind: string): string {
  return kind === 'pain' ? `${PAIN} ` : kind === 'opportunity' ? `${OPPORTUNITY} ` : '';
}

/**
 * The map as GFM tables: stages as columns, lanes as rows headed by their questions. A GFM table
 * has no row spanning its columns, so a band (back-end, the blueprint's frontstage, backstage and
 * support) starts a table of its own under a heading, with the blueprint line above it as text.
 */
function table(doc: Doc): string[] {
  const { view, map } = doc;
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const head = [row(['', ...view.stages.map((s, n) => `**${s.number}. ${mdCell(s.name)}**${milestoneMark(map.stages[n]!, doc, true)}`)]), row(Array(view.stageCount + 1).fill('---'))];
  const lines: string[] = [];
  view.sections.forEach((section, i) => {
    // Rows without a band after a band's rows (pain points after support, notes after back-end)
    // get a table of their own, so no heading claims them.
    if (i === 0 || section.band || section.line || view.sections[i - 1]!.band) {
      if (section.line) lines.push('', `*— ${mdLine(section.line)} —*`);
      if (section.band) lines.push('', `### ${mdLine(section.band)}`);
      lines.push('', ...head);
    }
    if (i === 0) {
      if (view.stages.some((s) => s.time)) lines.push(row([`*${view.labels.time}*`, ...view.stages.map((s) => mdCell(s.time ?? ''))]));
      if (several(doc)) {
        map.personas.forEach((p, k) => {
          if (map.stages.some((s) => s.emotions[p.id] != null)) lines.push(row([`**${view.labels.emotion}: ${mdCell(p.persona?.name ?? p.id)}**`, ...map.stages.map((s) => personaScores(doc, s)[k]!.text)]));
        });
      } else if (view.curve.hasScores) lines.push(row([`**${view.labels.emotion}**`, ...view.stages.map((_, n) => emotionText(view, n))]));
      if (map.stages.some((s) => s.image)) lines.push(row([`**${mdCell(map.labels.ui.image)}**`, ...map.stages.map((s) => imageMarkdown(s, true))]));
    }
    for (const r of section.rows) lines.push(row([`${marker(r.kind)}**${mdCell(r.label)}**`, ...r.cells.map((c) => cellText(c, doc))]));
  });
  return lines;
}

/** The template's extra fields that some stage fills, in order. */
function fieldsUsed(view: View): { key: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const stage of view.stages) for (const f of stage.fields) seen.set(f.key, f.label);
  return [...seen].map(([key, label]) => ({ key, label }));
}

interface StageSection {
  heading: string;
  /** `###` for a stage of the main path, deeper for a branch's. */
  level: string;
  fields: { label: string; value: string }[];
  emotion: string | null;
  image: string | null;
  items: { label: string; text: string | null; list: string[] }[];
  /** The paths of a fork, after the stage that forks (sections layout). */
  after: string[];
}

/**
 * One section per stage with its lanes as a list, for maps too wide for a table. `view` is the main
 * path's, or a branch's (its stages numbered by `heading`).
 */
function stageSections(doc: Doc, view: View, heading: (i: number) => string, level = '###', stages = doc.map.stages, forks = true): StageSection[] {
  return view.stages.map((stage, i) => {
    const model = stages[i]!;
    const emotion = several(doc)
      ? personaScores(doc, model).filter((p) => p.text).map((p) => `${mdLine(p.name)} ${p.text}`).join(' · ') || null
      : view.curve.points[i]!.scored
        ? emotionText(view, i)
        : null;
    return {
      heading: heading(i),
      level,
      fields: stage.fields.map((f) => ({ label: mdText(f.label), value: mdText(f.value) })),
      emotion,
      image: model.image ? imageMarkdown(model, false) : null,
      items: view.sections.flatMap((section) =>
        section.rows
          .filter((r) => !r.cells[i]!.empty)
          .map((r) => {
            const cell = r.cells[i]!;
            const texts = cell.items.map((it) => itemText(it, doc, false));
            const label = `${marker(r.kind)}${mdText(r.label)}`;
            // A lane question ends with its own question mark; other labels take a colon.
            return { label: /[?？]$/.test(r.label) ? label : `${label}:`, text: cell.single ? texts[0]! : null, list: cell.single ? [] : texts };
          }),
      ),
      after: forks && model.branches.length ? branchLines(doc, i) : [],
    };
  });
}

/** The paths of the fork at main stage `index`: a heading per branch, then its stages, numbered `3a.1`. */
function branchLines(doc: Doc, index: number): string[] {
  const { map } = doc;
  const fork = map.stages[index]!;
  const lines: string[] = [];
  fork.branches.forEach((branch, b) => {
    const number = `${index + 1}${String.fromCharCode(97 + b)}`;
    lines.push('', `#### ${FORK} ${number}. ${mdLine(branch.name)}`, '');
    const view = markdownView({ ...map, stages: branch.stages });
    for (const section of stageSections(doc, view, (k) => `${number}.${k + 1}. ${mdLine(branch.stages[k]!.name)}${milestoneMark(branch.stages[k]!, doc)}`, '#####', branch.stages, false)) {
      lines.push(...sectionLines(section, doc));
    }
  });
  const meet = fork.rejoin === null ? -1 : map.stages.findIndex((s) => s.id === fork.rejoin);
  if (meet !== -1) lines.push('', `*${mdLine(map.labels.ui.rejoin.replace('{stage}', () => `${meet + 1}. ${map.stages[meet]!.name}`))}*`);
  return lines;
}

/** A stage section as Markdown lines (what the layout prints for a main stage), for branch stages. */
function sectionLines(section: StageSection, doc: Doc): string[] {
  const out = ['', `${section.level} ${section.heading}`, ''];
  for (const f of section.fields) out.push(`*${f.label}:* ${f.value}`, '');
  if (section.emotion) out.push(`**${doc.view.labels.emotion}:** ${section.emotion}`, '');
  if (section.image) out.push(section.image, '');
  for (const item of section.items) {
    if (item.text) out.push(`- **${item.label}** ${item.text}`);
    else out.push(`- **${item.label}**`, ...item.list.map((l) => `  - ${l}`));
  }
  return out;
}

/** Table layout: each fork after the tables, under its deciding stage's name. */
function forkSections(doc: Doc): string[] {
  return doc.map.stages.flatMap((stage, i) => (stage.branches.length ? ['', `### ${FORK} ${mdLine(doc.map.labels.ui.paths)} ${i + 1}. ${mdLine(stage.name)}`, ...branchLines(doc, i)] : []));
}

/** Several personas: a section for each, as the one persona of a map gets. */
function personasBlock(doc: Doc): string[] {
  const ui = doc.map.labels.ui;
  const lines = [`## ${mdLine(ui.personas)}`];
  for (const entry of doc.map.personas) {
    const p: Persona | null = entry.persona;
    lines.push('', `### ${mdLine(p?.name ?? entry.id)}`);
    if (!p) continue;
    if (p.description) lines.push('', mdText(p.description));
    if (p.demographics.length) lines.push('', ...p.demographics.map((d) => `- **${mdText(d.label)}:** ${mdText(d.value)}`));
    if (p.goals.length) lines.push('', `**${ui.personaGoals}**`, '', ...p.goals.map((g) => `- ${mdText(g)}`));
    if (p.frustrations.length) lines.push('', `**${ui.frustrations}**`, '', ...p.frustrations.map((g) => `- ${mdText(g)}`));
    if (p.motives.length) lines.push('', `**${ui.motives}:** ${p.motives.map((m) => mdText(motiveName(m, ui))).join(', ')}`);
  }
  return lines;
}

/** The sources the document cites, numbered as cited, and the legend of the assumption mark. */
function evidence(doc: Doc): string[] | null {
  if (!doc.sources.length && !doc.assumed) return null;
  const ui = doc.map.labels.ui;
  const lines: string[] = [''];
  if (doc.assumed) lines.push(`${ASSUMED} *${ui.confidence.assumed}*: ${mdText(ui.assumedNote)}`, '');
  if (doc.sources.length) lines.push(`## ${mdLine(ui.sources)}`, '', ...doc.sources.map((source, i) => `${i + 1}. ${mdText(source)}`));
  return lines;
}

/**
 * The emotion curve as a Mermaid `journey` chart: sections from stages, -2…2 mapped to 1…5. With
 * several personas each is an actor; a task has one score, so a stage has a task per distinct score,
 * naming the personas who feel it. A fork's branches are not in the chart (Mermaid has no forks).
 */
function mermaid(doc: Doc): string[] | null {
  const { view, map } = doc;
  if (several(doc)) {
    if (!map.stages.some((s) => Object.values(s.emotions).some((e) => e !== null))) return null;
    const lines = ['journey', `  title ${mermaidText(view.title)}`];
    for (const stage of map.stages) {
      const byScore = new Map<number, string[]>();
      for (const p of map.personas) {
        const score = stage.emotions[p.id];
        if (score == null) continue;
        byScore.set(score, [...(byScore.get(score) ?? []), mermaidText(p.persona?.name ?? p.id)]);
      }
      if (!byScore.size) continue;
      lines.push(`  section ${mermaidText(stage.name)}`);
      for (const [score, names] of byScore) lines.push(`    ${mermaidText(emotionWord(score, map.labels.ui))}: ${mermaidScore(score)}: ${names.join(', ')}`);
    }
    return lines;
  }
  if (!view.curve.hasScores) return null;
  const actor = view.persona ? `: ${mermaidText(view.persona.name)}` : '';
  const lines = ['journey', `  title ${mermaidText(view.title)}`];
  view.stages.forEach((stage, i) => {
    const point = view.curve.points[i]!;
    if (!point.scored) return; // Mermaid has no gap: an unscored stage is left out of the chart.
    lines.push(`  section ${mermaidText(stage.name)}`, `    ${mermaidText(point.word)}: ${mermaidScore(point.score!)}${actor}`);
  });
  return lines;
}
