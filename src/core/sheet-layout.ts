// The spreadsheet layout practitioners keep journey maps in, both ways: a block of title, persona
// and goals above a grid whose first row names the stages and whose first column names the lanes.
// `journey export` writes it (mapToGrid), `journey import` reads it (gridToMap); keeping both here
// is what makes export-then-import give back the same map. Pure: the files are read and written at
// the edges (pipeline/import.ts, render/sheet.ts) with csv-parse/csv-stringify and read-/write-excel-file.
import { quote } from './describe.js';
import { emotionScoreOf } from './emotion.js';
import { LOCALES, UI, type Locale } from './locale.js';
import type { Item, JourneyMap, Kpi, Touchpoint } from './model.js';
import { allStages } from './stages.js';
import { slugify, stageId } from './schema.js';
import type { TemplateDefinition } from '../templates/types.js';
import { templateIn, type TemplateRegistry } from './templates.js';

/** A problem at a cell, 0-based; the edge turns it into `Sheet1!B7` or a CSV line. */
export interface CellProblem {
  row: number;
  col: number;
  message: string;
  severity: 'error' | 'warning';
}

/** The block above the grid: its labels as export writes them, and the words import also accepts (any locale). */
const BLOCK_FIELDS = {
  title: ['Title', 'titolo', 'tytuł'],
  template: ['Template', 'modello', 'szablon'],
  locale: ['Locale', 'language', 'lingua', 'język'],
  summary: ['Summary', 'sommario', 'riepilogo', 'podsumowanie'],
  updated: ['Updated', ...LOCALES.map((l) => UI[l].updated), 'aggiornato', 'zaktualizowano'],
  owners: ['Owners', ...LOCALES.map((l) => UI[l].owners)],
  goals: ['Goals', ...LOCALES.map((l) => UI[l].goals), 'obiettivi', 'cele'],
  research: ['Research', ...LOCALES.map((l) => UI[l].research)],
  tags: ['Tags', 'etichette', 'tagi'],
  based_on: ['Based on', 'basata su', 'na podstawie'],
  persona: ['Persona', 'persona name'],
  'persona.file': ['Persona file', 'file persona', 'plik persony'],
  'persona.description': ['Persona description', 'descrizione persona', 'opis persony'],
  'persona.goals': ['Persona goals', 'obiettivi persona', 'cele persony'],
  'persona.motives': ['Persona motives', 'motivazioni persona', 'motywy persony'],
  'persona.frustrations': ['Persona frustrations', 'frustrazioni persona', 'frustracje persony'],
  'persona.demographics': ['Persona demographics', 'dati demografici persona', 'dane demograficzne persony'],
  lanes: ['Lanes', 'corsie', 'wiersze'],
} as const;
type BlockField = keyof typeof BLOCK_FIELDS;
const LIST_FIELDS = new Set<BlockField>(['lanes', 'owners', 'goals', 'research', 'tags', 'persona.goals', 'persona.motives', 'persona.frustrations']);

/** Stage rows every template shares, besides its lanes: their label in each locale. */
const COMMON_ROWS = {
  pain_points: (l: Locale) => UI[l].painPoints,
  opportunities: (l: Locale) => UI[l].opportunities,
  kpis: (l: Locale) => UI[l].kpis,
  owner: (l: Locale) => UI[l].owner,
  technology: (l: Locale) => UI[l].technology,
  notes: (l: Locale) => UI[l].notes,
} as const;
const SINGLE_TEXT = new Set(['owner', 'notes', 'time']);
/** Words for the first cell of the stage-name row, besides an empty cell. */
const HEADER_WORDS = new Set(['stage', 'stages', 'step', 'steps', 'phase', 'phases', 'moment', 'moments', ...LOCALES.map((l) => norm(UI[l].stage))]);

/** Lower case, single spaces, without the trailing `?` or `:`, curly apostrophes made straight. */
function norm(label: string): string {
  return label.toLowerCase().replace(/[’‘`]/g, "'").replace(/[_\s]+/g, ' ').replace(/[\s?:.]+$/, '').trim();
}

// ---------------------------------------------------------------- export

/**
 * What a sheet cannot hold of a map, in words, for a warning: the grid has one row of scores, one
 * column per main-path stage and text cells, so forks, several personas' scores, confidence and
 * sources, milestones and images are left out. Empty for a map of format version 1.
 */
export function sheetLosses(map: JourneyMap): string[] {
  const out: string[] = [];
  const every = allStages(map);
  const branchStages = every.filter((s) => s.fork).length;
  if (branchStages) out.push(`the stages of forks' branches (${branchStages})`);
  if (map.personas.length > 1) out.push(`the personas after the first (${map.personas.slice(1).map((p) => p.persona?.name ?? p.id).join(', ')}) and their scores`);
  const marked = every.flatMap(({ stage }) => [...Object.values(stage.cells).flat(), ...stage.pain_points, ...stage.opportunities, ...stage.technology]).filter((i) => i.confidence || i.source).length;
  if (marked) out.push(`the confidence and source of ${marked} item${marked === 1 ? '' : 's'}`);
  const milestones = every.filter(({ stage }) => stage.milestone).length;
  if (milestones) out.push(`milestones (${milestones})`);
  if (map.images.length) out.push(`stage images (${map.images.length})`);
  return out;
}

/** A cell: text, or an emotion score, which a spreadsheet keeps as a number. */
export type SheetCell = string | number;

/** The map as rows of cells (text), and how many columns the title spans. Lists are one item a line. */
export function mapToGrid(map: JourneyMap, def: TemplateDefinition): { rows: SheetCell[][]; width: number } {
  const stages = map.stages;
  const width = stages.length + 1;
  const rows: SheetCell[][] = [[map.title]];
  const ui = UI[map.locale];
  const block = (field: BlockField, value: string | readonly string[] | null | undefined) => {
    const text = Array.isArray(value) ? value.join('\n') : (value as string | null | undefined);
    if (text) rows.push([BLOCK_FIELDS[field][0], text]);
  };
  block('template', map.template);
  if (map.locale !== 'en') block('locale', map.locale);
  block('summary', map.summary);
  block('updated', map.updated);
  block('owners', map.owners);
  block('goals', map.goals);
  block('research', map.research);
  block('tags', map.tags);
  block('based_on', map.basedOn);
  // A shared persona file: named, so that the map imported back names it too; its details follow for the sheet's readers.
  block('persona.file', map.personaFile);
  const p = map.persona;
  if (p) {
    block('persona', p.name);
    block('persona.description', p.description);
    block('persona.goals', p.goals);
    block('persona.motives', p.motives);
    block('persona.frustrations', p.frustrations);
    block('persona.demographics', p.demographics.map((d) => `${d.label}: ${d.value}`));
  }
  // Custom lanes' keys and bands, only when one is not what its label and the template give, or its
  // label would be read as another row's (`Mood`): a sheet stays as people write it. `key (band):
  // label`, the band only where it is not the default one.
  const custom = map.lanes.filter((l) => l.custom);
  const defaultBand = def.defaultBand;
  const plain = (l: (typeof custom)[number]) => l.key === customKey(l.label) && l.band === defaultBand && rowTarget(def, l.label).target.kind === 'custom';
  if (!custom.every(plain)) {
    block('lanes', custom.map((l) => `${l.key}${l.band === defaultBand ? '' : ` (${l.band})`}: ${l.label}`));
  }
  rows.push([], ['', ...stages.map((s) => s.name)]);
  const line = (label: string, cells: SheetCell[]) => rows.push([label, ...cells]);
  // Ids only when one differs from what its name gives, so a sheet stays as people write it.
  if (stages.some((s, i) => s.id !== stageId({ name: s.name }, i))) line('id', stages.map((s) => s.id));
  for (const f of map.labels.fields) if (stages.some((s) => s.fields[f.key])) line(f.label, stages.map((s) => s.fields[f.key] ?? ''));
  if (stages.some((s) => s.emotion !== null)) line(ui.emotion, stages.map((s) => s.emotion ?? ''));
  for (const lane of map.lanes.filter((l) => l.used)) line(lane.label, stages.map((s) => (s.cells[lane.key] ?? []).map((v) => itemText(v)).join('\n')));
  const common: [string, (s: (typeof stages)[number]) => string[]][] = [
    ['pain_points', (s) => s.pain_points.map(itemText)],
    ['opportunities', (s) => s.opportunities.map(itemText)],
    ['kpis', (s) => s.kpis.map(kpiText)],
    ['owner', (s) => (s.owner ? [s.owner] : [])],
    ['technology', (s) => s.technology.map(itemText)],
    ['notes', (s) => (s.notes ? [s.notes] : [])],
  ];
  for (const [key, pick] of common) {
    if (stages.some((s) => pick(s).length)) line(COMMON_ROWS[key as keyof typeof COMMON_ROWS](map.locale), stages.map((s) => pick(s).join('\n')));
  }
  return { rows, width };
}

/**
 * A CSV cell that a spreadsheet program would run as a formula (`=HYPERLINK(…)`, `+`, `-`, `@`, a tab
 * or carriage return first) is written after a single quote, as OWASP advises against CSV injection;
 * so is one that already starts with quotes before such a character, so that reading it back
 * (restoreFormula) removes exactly the quote added. A number (`-2`, an emotion) stays a number.
 */
export function neutraliseFormula(cell: SheetCell): SheetCell {
  return typeof cell === 'string' && FORMULA.test(cell) && !NUMBER.test(cell) ? `'${cell}` : cell;
}

/** A cell as `journey export` neutralised it, back to its text; any other cell as it is. */
export function restoreFormula(cell: string): string {
  return QUOTED_FORMULA.test(cell) ? cell.slice(1) : cell;
}
const FORMULA = /^'*[=+\-@\t\r]/;
const QUOTED_FORMULA = /^'+[=+\-@\t\r]/;
const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

/** `Running club (offline)`: a touchpoint's channel in brackets, as people write it. */
const itemText = (v: string | Item | Touchpoint) => (typeof v === 'string' ? v : 'text' in v ? v.text : v.channel ? `${v.name} (${v.channel})` : v.name);

/** `Conversion rate (metric: conversion_rate, target: 3.5%)` */
function kpiText(k: Kpi): string {
  const extra = [k.metric && `metric: ${k.metric}`, k.target && `target: ${k.target}`].filter(Boolean);
  return extra.length ? `${k.name} (${extra.join(', ')})` : k.name;
}

// ---------------------------------------------------------------- import

export interface GridImport {
  /** The map as plain data, ready to write as YAML; undefined when a problem stops the import. */
  map?: Record<string, unknown>;
  problems: CellProblem[];
  /** Where each value came from (`stages.2.emotion` → its cell), to place a later validation problem. */
  cells: Map<string, { row: number; col: number }>;
}

/** A stage row: what a row's label names. */
type RowTarget = { kind: 'emotion' | 'id' } | { kind: 'lane' | 'common' | 'field'; key: string; touchpoints?: boolean } | { kind: 'custom'; label: string };

/**
 * Reads the practitioners' layout. Rows are matched to lanes by key or by the lane's question in any
 * locale; a row that matches none becomes a custom lane with its label kept. Every problem is
 * reported, each at its cell.
 */
export function gridToMap(
  grid: readonly (readonly string[])[],
  options: { templates: TemplateRegistry; template?: string; fallbackTitle: string; /** The band a row's custom lane is in, when the source names it (a Markdown table under `### Backstage`). */ rowBand?: (row: number) => string | undefined },
): GridImport {
  const problems: CellProblem[] = [];
  const cells = new Map<string, { row: number; col: number }>();
  const at = (row: number, col: number, message: string, severity: CellProblem['severity'] = 'error') => problems.push({ row, col, message, severity });
  const cell = (r: number, c: number) => (grid[r]?.[c] ?? '').replace(/\r\n?/g, '\n').trim();
  const width = Math.max(0, ...grid.map((r) => r.length));
  const filled = (r: number, from = 0) => Array.from({ length: width - from }, (_, i) => cell(r, from + i)).some(Boolean);

  const header = grid.findIndex((_, r) => (cell(r, 0) === '' || HEADER_WORDS.has(norm(cell(r, 0)))) && filled(r, 1));
  if (header === -1) {
    at(0, 0, 'found no row of stage names: expected a row with an empty first cell and the names of the stages after it');
    return { problems, cells };
  }

  // The block above the grid: title, summary, persona, goals…
  const top: Record<string, unknown> = {};
  const persona: Record<string, unknown> = {};
  const extraLines: string[] = [];
  for (let r = 0; r < header; r++) {
    if (!filled(r)) continue;
    let label = cell(r, 0);
    let values = Array.from({ length: width - 1 }, (_, i) => cell(r, i + 1)).filter(Boolean);
    // `Title: Buying shoes` in one cell, as often typed above a sheet.
    const inline = /^([^:\n]{1,40}):\s*(\S[\s\S]*)$/.exec(label);
    if (values.length === 0 && inline && blockField(inline[1]!)) [label, values] = [inline[1]!, [inline[2]!]];
    const field = blockField(label);
    if (!field && values.length === 0) {
      // A line of its own: the (often merged) title, then further lines of summary.
      if (top.title === undefined) (top.title = label), cells.set('title', { row: r, col: 0 });
      else extraLines.push(label);
      continue;
    }
    if (!field) {
      extraLines.push(`${label}: ${values.join('\n')}`);
      at(r, 0, `${quote(label)} is not a field journey knows above the map (title, summary, persona, goals…): kept in the summary`, 'warning');
      continue;
    }
    const where = { row: r, col: 1 };
    const text = values.join('\n');
    const list = values.flatMap(lines);
    if (field === 'template' && !templateIn(options.templates, text)) at(r, 1, `unknown template ${quote(text)}: expected ${Object.keys(options.templates).join(', ')}`);
    else if (field === 'locale' && !(LOCALES as readonly string[]).includes(text)) at(r, 1, `unknown locale ${quote(text)}: expected ${LOCALES.join(', ')}`);
    else if (field === 'updated' && !/^\d{4}-\d{2}-\d{2}$/.test(text)) at(r, 1, `expected a date as YYYY-MM-DD (like 2026-11-01), found ${quote(text)}`);
    else if (field.startsWith('persona')) {
      const key = field === 'persona' ? 'name' : field.slice('persona.'.length);
      persona[key] = key === 'demographics' ? demographics(list, r, at) : LIST_FIELDS.has(field) ? list : text;
      cells.set(`persona.${key}`, where);
      if (!cells.has('persona')) cells.set('persona', where); // a persona without a name is reported here
    } else {
      top[field] = LIST_FIELDS.has(field) ? list : text;
      cells.set(field, where);
    }
  }
  if (extraLines.length) top.summary = [top.summary, ...extraLines].filter(Boolean).join('\n');

  // The stages: the header row's names; a column without a name but with content is a problem.
  const columns: number[] = [];
  for (let c = 1; c < width; c++) {
    const used = grid.some((_, r) => r >= header && cell(r, c) !== '');
    if (!used) continue;
    if (!cell(header, c)) at(header, c, 'this column has content but no stage name: expected the name in this cell');
    columns.push(c);
  }

  // Which template: asked for, named above the grid, or the one whose lanes the rows name most.
  const body = Array.from({ length: grid.length - header - 1 }, (_, i) => header + 1 + i).filter((r) => filled(r));
  const labels = body.map((r) => cell(r, 0));
  const template = templateIn(options.templates, options.template ?? top.template) ?? guessTemplate(options.templates, labels);
  const locales = new Map<Locale, number>();
  const customLanes: { key: string; label: string; band?: string }[] = [];
  const declared = new Map<string, { key: string; band?: string }>(); // by label, from a Lanes row above the grid
  for (const line of (top.lanes as string[] | undefined) ?? []) {
    const m = /^([a-z][a-z0-9_]*)(?:\s*\(([^()]+)\))?:\s*(\S.*)$/.exec(line);
    const band = m?.[2] === undefined ? undefined : bandOf(template, m[2]);
    if (m && band !== null) declared.set(norm(m[3]!), { key: m[1]!, band });
    else if (m) at(cells.get('lanes')!.row, 1, `unknown band ${quote(m[2]!)} for the custom lane ${quote(m[1]!)}: expected one of ${template.bands.join(', ')}`);
    else at(cells.get('lanes')!.row, 1, `expected each custom lane as \`key: label\` (or \`key (band): label\`) on a line of its own, found ${quote(line)}`);
  }
  delete top.lanes;
  let scores = 0;
  const targets = body.map((r, i) => {
    if (!labels[i]) at(r, 0, 'this row has content but no label: expected what the row holds (a lane question or key) in this cell');
    // A custom lane the Lanes row declares is one, even when its label is also a lane's common name.
    if (declared.has(norm(labels[i]!))) return { kind: 'custom' as const, label: labels[i]! };
    const { target, locale } = rowTarget(template, labels[i]!);
    // A map has one row of scores: a second row that names it (`Feeling` after `Emotion`) is a lane of its own.
    if (target.kind === 'emotion' && (scores++ > 0)) return { kind: 'custom' as const, label: labels[i]! };
    if (locale) locales.set(locale, (locales.get(locale) ?? 0) + 1);
    return target;
  });

  const stages: Record<string, unknown>[] = columns.map((c, s) => {
    cells.set(`stages.${s}`, { row: header, col: c });
    cells.set(`stages.${s}.name`, { row: header, col: c });
    return { name: cell(header, c) };
  });
  const taken = new Set<string>(Object.keys(template.stageExtras ?? {}).concat(template.lanes.map((l) => l.key), Object.keys(COMMON_ROWS), ['name', 'id', 'emotion']));
  body.forEach((r, i) => {
    const target = targets[i]!;
    let key: string;
    if (target.kind === 'custom') {
      const lane = declared.get(norm(target.label));
      key = uniqueKey(lane?.key ?? customKey(target.label), taken);
      const heading = options.rowBand?.(r);
      const band = lane?.band ?? (heading === undefined ? undefined : (bandOf(template, heading) ?? undefined));
      customLanes.push(band && band !== template.defaultBand ? { key, label: target.label, band } : { key, label: target.label });
      cells.set(`lanes.${customLanes.length - 1}`, { row: r, col: 0 });
    } else key = 'key' in target ? target.key : target.kind;
    columns.forEach((c, s) => {
      const text = cell(r, c);
      if (!text) return;
      const stage = stages[s]!;
      cells.set(`stages.${s}.${key}`, { row: r, col: c });
      if (target.kind === 'emotion') {
        const score = emotionOf(text);
        if (score === undefined) at(r, c, `expected an emotion: a whole number from -2 to 2 or a word such as negative, neutral, happy, found ${quote(text)}`);
        else stage.emotion = score;
      } else if (target.kind === 'id' || SINGLE_TEXT.has(key)) {
        stage[key] = stage[key] === undefined ? text : `${stage[key]}\n${text}`;
      } else {
        const items = lines(text).map((line) => ('touchpoints' in target && target.touchpoints ? touchpoint(line) : key === 'kpis' ? kpi(line) : line));
        stage[key] = [...((stage[key] as unknown[] | undefined) ?? []), ...items];
      }
    });
  });
  if (problems.some((p) => p.severity === 'error')) return { problems, cells };

  const locale = (top.locale as Locale | undefined) ?? mostUsed(locales);
  const map: Record<string, unknown> = { template: template.id, title: top.title ?? options.fallbackTitle };
  if (top.title === undefined) at(0, 0, `found no title above the stages (a line of its own, or Title | …): the map is called ${quote(String(options.fallbackTitle))}`, 'warning');
  if (locale && locale !== 'en') map.locale = locale;
  for (const key of ['summary', 'updated', 'owners', 'goals', 'research', 'tags', 'based_on'] as const) if (top[key] !== undefined) map[key] = top[key];
  // A persona file, when named, is the persona; the details beside it were read from it.
  if (typeof persona.file === 'string') map.persona = persona.file;
  else if (Object.keys(persona).length) map.persona = persona;
  if (customLanes.length) map.lanes = customLanes;
  map.stages = uniqueIds(stages);
  return { map: problems.some((p) => p.severity === 'error') ? undefined : map, problems, cells };
}

/** Two stages of one name (a sheet allows it, a map does not): the later ones get an id of their own. */
export function uniqueIds(stages: Record<string, unknown>[]): Record<string, unknown>[] {
  const ids = new Set(stages.flatMap((s) => (typeof s.id === 'string' ? [s.id] : [])));
  return stages.map((s, i) => {
    if (typeof s.id === 'string') return s;
    const base = stageId({ name: String(s.name) }, i);
    if (!ids.has(base)) return ids.add(base), s;
    let n = 2;
    while (ids.has(`${base}-${n}`)) n++;
    ids.add(`${base}-${n}`);
    return { name: s.name, id: `${base}-${n}`, ...s };
  });
}

function blockField(label: string): BlockField | undefined {
  const n = norm(label);
  return (Object.keys(BLOCK_FIELDS) as BlockField[]).find((f) => n === f.replace('.', ' ') || BLOCK_FIELDS[f].some((w) => norm(w) === n));
}

/** A cell's lines, without bullets and blank lines: a cell with several lines is a list. */
function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.replace(/^\s*(?:[•▪●◦‣]|[-*](?=\s))\s*/, '').trim())
    .filter(Boolean);
}

function demographics(list: string[], row: number, at: (r: number, c: number, m: string) => void): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of list) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) out[m[1]!.trim()] = m[2]!.trim();
    else at(row, 1, `expected demographics as one \`label: value\` a line (like \`age: 34\`), found ${quote(line)}`);
  }
  return out;
}

/** `Help desk (phone)` → a touchpoint with a channel; a bracket holding a number or a phrase stays in the name. */
function touchpoint(line: string): string | { name: string; channel: string } {
  const m = /^(.*\S)\s*\(([\p{L}][\p{L}-]{0,19})\)$/u.exec(line);
  return m ? { name: m[1]!, channel: m[2]! } : line;
}

function kpi(line: string): string | { name: string; metric?: string; target?: string } {
  const m = /^(.*\S)\s*\((metric: [^,()]+?|target: [^()]+?|metric: [^,()]+?, target: [^()]+?)\)$/.exec(line);
  if (!m) return line;
  const out: { name: string; metric?: string; target?: string } = { name: m[1]! };
  for (const part of m[2]!.split(/,\s*(?=metric:|target:)/)) {
    const [k, ...v] = part.split(':');
    out[k!.trim() as 'metric' | 'target'] = v.join(':').trim();
  }
  return out;
}

/** A score from a number (`-1`, `+1`, `−1`) or a word in any locale (`worried`, `negativa`). */
export function emotionOf(text: string): number | undefined {
  const t = text.trim().replace('−', '-').replace(/^\+/, '');
  if (/^-?\d+(?:\.0+)?$/.test(t)) {
    const n = Number(t);
    return n >= -2 && n <= 2 ? n : undefined;
  }
  return emotionScoreOf(norm(t));
}

/**
 * Words people head a row with, besides the template's question in any locale and the key: per lane
 * or row key, for any template that has it (`Customer actions`, `Thoughts & feelings`, `KPI`).
 */
const SYNONYMS: Record<string, readonly string[]> = {
  emotion: ['emotions', 'feeling', 'emotional state', 'emozioni'],
  thinking: ['thoughts', 'thinking', 'thoughts & feelings', 'thoughts and feelings', 'customer thoughts', 'what they think', 'pensieri', 'myśli'],
  actions: ['action', 'customer actions', 'customer action', 'doing', 'what they do', 'azioni', 'działania'],
  touchpoints: ['touchpoint', 'touch points', 'touch point', 'punti di contatto', 'punkty styku'],
  priorities: ['priority', 'priorità', 'priorytety'],
  evidence: ['physical evidence', 'props'],
  communication: ['frontstage', 'frontstage actions', 'frontstage interactions'],
  backstage: ['backstage actions', 'backstage interactions'],
  support: ['support processes', 'supporting processes'],
  pain_points: ['pain point', 'pains', 'pain', 'problems', 'problemi', 'problemy'],
  opportunities: ['opportunity', 'ideas', 'opportunità', 'szanse'],
  kpis: ['kpi', 'metrics', 'measures', 'success metrics'],
  owner: ['responsible', 'accountable'],
  technology: ['tech', 'tools', 'systems'],
  notes: ['note', 'comments'],
};
const synonym = (key: string, n: string) => SYNONYMS[key]?.some((w) => norm(w) === n) ?? false;

/** What a row's label names in this template, and in which language it was written (keys have none). */
function rowTarget(def: TemplateDefinition, label: string): { target: RowTarget; locale?: Locale } {
  const n = norm(label);
  if (n === 'id') return { target: { kind: 'id' } };
  for (const l of LOCALES) {
    if (n === norm(UI[l].emotion)) return { target: { kind: 'emotion' }, locale: n === 'emotion' ? undefined : l };
  }
  if (synonym('emotion', n)) return { target: { kind: 'emotion' } };
  const keyOf = (key: string) => n === key.replace(/_/g, ' ');
  for (const lane of def.lanes) {
    const target = { kind: 'lane' as const, key: lane.key, touchpoints: lane.kind === 'touchpoints' };
    if (keyOf(lane.key) || synonym(lane.key, n)) return { target };
    const locale = LOCALES.find((l) => norm(def.labels[l].lanes[lane.key] ?? '') === n);
    if (locale) return { target, locale };
  }
  for (const key of Object.keys(def.stageExtras ?? {})) {
    const locale = LOCALES.find((l) => norm(def.labels[l].fields?.[key] ?? '') === n);
    if (keyOf(key) || locale) return { target: { kind: 'field', key }, locale };
  }
  for (const [key, labelIn] of Object.entries(COMMON_ROWS)) {
    if (keyOf(key) || synonym(key, n)) return { target: { kind: 'common', key } };
    // KPI, Back-end: the same word in several locales says nothing about the language.
    const matches = LOCALES.filter((l) => norm(labelIn(l)) === n);
    if (matches.length) return { target: { kind: 'common', key }, locale: matches.length === 1 ? matches[0] : undefined };
  }
  return { target: { kind: 'custom', label } };
}

/** A band by its key or its name in any locale (`backstage`, `Processi di supporto`); null when the template has no such band. */
export function bandOf(def: TemplateDefinition, text: string): string | null {
  const n = norm(text);
  return def.bands.find((b) => norm(b) === n || LOCALES.some((l) => norm(def.labels[l].bands?.[b] ?? '') === n)) ?? null;
}

function guessTemplate(templates: TemplateRegistry, labels: string[]): TemplateDefinition {
  const all = Object.values(templates);
  let best = all[0]!;
  let bestCount = -1;
  for (const def of all) {
    const count = labels.filter((l) => rowTarget(def, l).target.kind === 'lane').length;
    if (count > bestCount) [best, bestCount] = [def, count];
  }
  return best;
}

function mostUsed(counts: Map<Locale, number>): Locale | undefined {
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** The key a custom lane gets from its label: `Which channels?` → `which_channels`. */
const customKey = (label: string) => slugify(label).replace(/-/g, '_') || 'lane';

function uniqueKey(base: string, taken: Set<string>): string {
  const start = /^[a-z]/.test(base) ? base : `lane_${base}`;
  let key = start;
  for (let n = 2; taken.has(key); n++) key = `${start}_${n}`;
  taken.add(key);
  return key;
}
