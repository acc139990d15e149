// A Mermaid `journey` diagram as a map: the title, a stage per section, its tasks as actions, the mean
// task score (Mermaid's 1…5) as the stage's emotion (−2…2), the actors as the persona. Mermaid's own
// parser needs a browser DOM, so the few line forms of this diagram are read here; anything else is
// a problem at its line. Pure.
import { quote } from './describe.js';
import { TEMPLATES, type TemplateId } from '../templates/registry.js';
import { uniqueIds } from './sheet-layout.js';

export interface LineProblem {
  line: number;
  col: number;
  message: string;
}

/** The first ```mermaid block of Markdown that holds a journey, with the line it starts after; else the whole text. */
export function mermaidSource(text: string, markdown: boolean): { text: string; offset: number } {
  if (!markdown) return { text, offset: 0 };
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*(```|~~~)\s*mermaid\s*$/.test(lines[i]!)) continue;
    const end = lines.findIndex((l, j) => j > i && /^\s*(```|~~~)\s*$/.test(l));
    const block = lines.slice(i + 1, end === -1 ? undefined : end);
    if (block.find((l) => l.trim() && !l.trim().startsWith('%%'))?.trim() === 'journey') return { text: block.join('\n'), offset: i + 1 };
  }
  return { text: '', offset: 0 };
}

export function mermaidToMap(text: string, options: { template?: TemplateId; offset?: number } = {}): { map?: Record<string, unknown>; problems: LineProblem[] } {
  const offset = options.offset ?? 0;
  const template = options.template ?? 'current-state';
  const actionsKey = TEMPLATES[template].lanes.some((l) => l.key === 'actions') ? 'actions' : TEMPLATES[template].lanes.find((l) => l.key === 'priorities') ? 'priorities' : 'actions';
  const problems: LineProblem[] = [];
  let title: string | undefined;
  let seenJourney = false;
  const sections: { name: string; tasks: string[]; scores: number[]; actors: string[] }[] = [];
  const actorCount = new Map<string, number>();

  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    const at = (message: string, col = raw.length - raw.trimStart().length + 1) => problems.push({ line: i + 1 + offset, col, message });
    if (!line || line.startsWith('%%')) return;
    if (!seenJourney) {
      if (line === 'journey') seenJourney = true;
      else at(`expected a Mermaid journey diagram starting with \`journey\`, found ${quote(line)}`);
      seenJourney = true;
      return;
    }
    const keyword = /^(title|section|accTitle|accDescr)\b:?\s*(.*)$/.exec(line);
    if (keyword) {
      const [, word, rest] = keyword;
      if (word === 'title') title = rest;
      else if (word === 'section') sections.push({ name: rest!, tasks: [], scores: [], actors: [] });
      return;
    }
    const task = /^(.+?)\s*:\s*([^:]*?)\s*(?::\s*(.*))?$/.exec(line);
    if (!task) return at(`expected a task as \`Task name: score: actor, actor\`, found ${quote(line)}`);
    const [, name, scoreText, actorText] = task;
    const score = Number(scoreText);
    if (!/^\d+$/.test(scoreText!) || score < 1 || score > 5) return at(`expected a score from 1 to 5 after the task's name, found ${quote(scoreText!)}`, raw.indexOf(scoreText!, raw.indexOf(':') + 1) + 1);
    let section = sections.at(-1);
    if (!section) sections.push((section = { name: title ?? 'Journey', tasks: [], scores: [], actors: [] }));
    section.tasks.push(name!);
    section.scores.push(score);
    for (const actor of (actorText ?? '').split(',').map((a) => a.trim()).filter(Boolean)) {
      if (!section.actors.includes(actor)) section.actors.push(actor);
      actorCount.set(actor, (actorCount.get(actor) ?? 0) + 1);
    }
  });
  if (!seenJourney) problems.push({ line: 1 + offset, col: 1, message: 'found no Mermaid journey diagram: expected a first line `journey`' });
  else if (sections.length === 0) problems.push({ line: 1 + offset, col: 1, message: 'found no section and no task: expected `section <name>` followed by `Task: score: actor` lines' });
  if (problems.length) return { problems };

  // The actor in most tasks is the persona; with several actors, each stage also says who takes part.
  const actors = [...actorCount].sort((a, b) => b[1] - a[1]).map(([a]) => a);
  const stages = sections.map((s) => {
    const mean = s.scores.reduce((a, b) => a + b, 0) / s.scores.length;
    const stage: Record<string, unknown> = { name: s.name, emotion: roundHalfAway(mean - 3) };
    if (s.tasks.length) stage[actionsKey] = s.tasks;
    if (actors.length > 1 && s.actors.length) stage.actors = s.actors;
    return stage;
  });
  const map: Record<string, unknown> = { template, title: title || sections[0]!.name };
  if (actors.length) map.persona = { name: actors[0] };
  if (actors.length > 1) map.lanes = [{ key: 'actors', label: 'Actors' }]; // no template has such a lane
  map.stages = uniqueIds(stages);
  return { map, problems };
}

/** The nearest whole score, halves away from neutral: a mean of 3.5 is +1, of 2.5 is −1. */
const roundHalfAway = (x: number) => Math.sign(x) * Math.round(Math.abs(x)) || 0;
