// GitHub-flavoured Markdown: the map as a table (or one section per stage when it is too wide to
// read), the emotion curve as a Mermaid `journey` chart. All user text goes through markdown-text.
import { emotionSymbol, mermaidScore } from '../core/emotion.js';
import type { JourneyMap } from '../core/model.js';
import type { MarkdownLayout, RenderContext } from './options.js';
import { createEngine } from './handlebars.js';
import { mdCell, mdLine, mdText, mermaidText } from './markdown-text.js';
import { buildView, tableSections, type CellView, type View } from './view.js';


/** Up to this many stages the map is a table; beyond it a table is too wide to read in a repository viewer. */
export const TABLE_MAX_STAGES = 6;

const PAIN = '⚠️';
const OPPORTUNITY = '💡';

let engine: ReturnType<typeof createEngine> | undefined;

/** The format registry's Markdown renderer. */
export const renderMarkdownDocument = (map: JourneyMap, context: RenderContext) => renderMarkdown(map, { layout: context.mdLayout });

export function renderMarkdown(map: JourneyMap, options: { layout: MarkdownLayout }): string {
  engine ??= createEngine('markdown', { md: (s: string) => mdText(s), mdLine: (s: string) => mdLine(s) });
  // The Markdown keeps its own grouping of rows (tableSections): a table per band only in a blueprint.
  const view = { ...buildView(map), sections: tableSections(map) };
  const useTable = options.layout === 'table' || (options.layout === 'auto' && view.stageCount <= TABLE_MAX_STAGES);
  const text = engine.layout(map.template)({
    ...view,
    meta: metaLine(view),
    motives: view.persona?.motives.map(mdText).join(', ') ?? '',
    mermaid: mermaid(view),
    table: useTable ? table(view) : null,
    stageSections: useTable ? null : stageSections(view),
  });
  // One blank line between blocks, LF endings and a final newline, whatever the layout's spacing.
  return `${text.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

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

/** A cell's items: one as it is, several as `•` lines. The row label carries any ⚠️ or 💡 marker. */
function cellText(cell: CellView): string {
  const items = cell.items.map((i) => `${mdCell(i.text)}${i.channel ? ` (${mdCell(i.channel)})` : ''}${i.metric ? `: ${mdCell(i.metric.text)}` : ''}`);
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
function table(view: View): string[] {
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const head = [row(['', ...view.stages.map((s) => `**${s.number}. ${mdCell(s.name)}**`)]), row(Array(view.stageCount + 1).fill('---'))];
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
      if (view.curve.hasScores) lines.push(row([`**${view.labels.emotion}**`, ...view.stages.map((_, n) => emotionText(view, n))]));
    }
    for (const r of section.rows) lines.push(row([`${marker(r.kind)}**${mdCell(r.label)}**`, ...r.cells.map((c) => cellText(c))]));
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
  fields: { label: string; value: string }[];
  emotion: string | null;
  items: { label: string; text: string | null; list: string[] }[];
}

/** One section per stage with its lanes as a list, for maps too wide for a table. */
function stageSections(view: View): StageSection[] {
  return view.stages.map((stage, i) => ({
    heading: `${stage.number}. ${mdLine(stage.name)}`,
    fields: stage.fields.map((f) => ({ label: mdText(f.label), value: mdText(f.value) })),
    emotion: view.curve.points[i]!.scored ? emotionText(view, i) : null,
    items: view.sections.flatMap((section) =>
      section.rows
        .filter((r) => !r.cells[i]!.empty)
        .map((r) => {
          const cell = r.cells[i]!;
          const texts = cell.items.map((it) => `${mdText(it.text)}${it.channel ? ` (${mdText(it.channel)})` : ''}${it.metric ? `: ${mdText(it.metric.text)}` : ''}`);
          const label = `${marker(r.kind)}${mdText(r.label)}`;
          // A lane question ends with its own question mark; other labels take a colon.
          return { label: /[?？]$/.test(r.label) ? label : `${label}:`, text: cell.single ? texts[0]! : null, list: cell.single ? [] : texts };
        }),
    ),
  }));
}

/** The emotion curve as a Mermaid `journey` chart: sections from stages, -2…2 mapped to 1…5. */
function mermaid(view: View): string[] | null {
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
