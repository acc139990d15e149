// A Mermaid `journey` diagram as a map: the title, a stage per section, its tasks as actions, the mean
// task score (Mermaid's 1…5) as the stage's emotion (−2…2), the actors as the persona. Mermaid's own
// parser needs a browser DOM, so its steps are followed here, in its order: front matter and
// `%%{…}%%` directives and `%%` comment lines are set aside (mermaid/src/preprocess.ts), then the
// diagram is read token by token with the rules of its grammar (user-journey/parser/journey.jison),
// so that what Mermaid accepts is read as Mermaid reads it, and what it refuses is a problem at its
// line. Positions are kept: whatever is set aside is blanked, not cut. Pure.
import { JSON_SCHEMA, load } from 'js-yaml';
import { quote } from './describe.js';
import { LOCALES, UI } from './locale.js';
import { MAX_YAML_NODES } from './limits.js';
import { uniqueIds } from './sheet-layout.js';
import { MAX_STAGES } from './text.js';
import type { TemplateDefinition } from '../templates/types.js';

export interface LineProblem {
  line: number;
  col: number;
  message: string;
}

// Mermaid's preprocessing (src/diagram-api/regexes.ts, comments.ts, detectType.ts).
const FRONT_MATTER = /^([^\S\n\r]*)-{3}\s*[\n\r](.*?)[\n\r]\1-{3}\s*[\n\r]+/s;
const DIRECTIVE = /%{2}{\s*(?:(\w+)\s*:|(\w+))\s*(?:(\w+)|((?:(?!}%{2}).|\r?\n)*))?\s*(?:}%{2})?/gi;
const COMMENT_LINE = /^\s*%%(?!{)[^\n]+\n?/gm;
/** Mermaid keeps `#quot;` and `#35;` through its grammar and shows them as characters. */
const ENTITY = /#(\w+);/g;
const [ENTITY_START, ENTITY_END] = ['\uE000', '\uE001'];

type TokenType = 'NEWLINE' | 'journey' | 'title' | 'acc_title' | 'acc_title_value' | 'acc_descr' | 'acc_descr_value' | 'acc_descr_multiline_value' | 'section' | 'taskName' | 'taskData' | ':' | 'INVALID';
interface Rule {
  re: RegExp;
  token?: TokenType;
  /** The lexer state the rule enters (`accTitle:` is followed by its value) or leaves (`}`). */
  begin?: string;
  pop?: true;
}

// The lexer of journey.jison, rule for rule and in its order: the first rule that matches wins.
const r = (source: string) => new RegExp(source, 'iy');
const RULES: Record<string, Rule[]> = {
  INITIAL: [
    { re: r('%(?!\\{)[^\\n]*') },
    { re: r('[^\\}]%%[^\\n]*') },
    { re: r('[\\n]+'), token: 'NEWLINE' },
    { re: r('\\s+') },
    { re: r('#[^\\n]*') },
    { re: r('journey\\b'), token: 'journey' },
    { re: r('title\\s[^#\\n;]+'), token: 'title' },
    { re: r('accTitle\\s*:\\s*'), token: 'acc_title', begin: 'acc_title' },
    { re: r('accDescr\\s*:\\s*'), token: 'acc_descr', begin: 'acc_descr' },
    { re: r('accDescr\\s*\\{\\s*'), begin: 'acc_descr_multiline' },
    { re: r('section\\s[^#:\\n;]+'), token: 'section' },
    { re: r('[^#:\\n;]+'), token: 'taskName' },
    { re: r(':[^#\\n;]+'), token: 'taskData' },
    { re: r(':'), token: ':' },
    { re: r('[^]'), token: 'INVALID' },
  ],
  acc_title: [{ re: r('[^\\n]*'), token: 'acc_title_value', pop: true }],
  acc_descr: [{ re: r('[^\\n]*'), token: 'acc_descr_value', pop: true }],
  acc_descr_multiline: [
    { re: r('[\\}]'), pop: true },
    { re: r('[^\\}]*'), token: 'acc_descr_multiline_value' },
  ],
};

interface Token {
  type: TokenType;
  text: string;
  offset: number;
}

/** What the grammar expects where it found something else, in words. */
const STATEMENT = 'a `title`, `section`, `accTitle:`, `accDescr:` or a task (`Task name: score: actor, actor`)';

function* tokens(text: string): Generator<Token> {
  const states = ['INITIAL'];
  let offset = 0;
  while (offset < text.length) {
    let matched = false;
    for (const rule of RULES[states.at(-1)!]!) {
      rule.re.lastIndex = offset;
      const m = rule.re.exec(text);
      if (!m) continue;
      if (rule.begin) states.push(rule.begin);
      if (rule.pop) states.pop();
      if (rule.token) yield { type: rule.token, text: m[0], offset };
      offset += m[0].length;
      // An empty match that changes no state (a value at the end of the text) would match forever.
      matched = m[0] !== '' || rule.pop === true;
      break;
    }
    if (!matched) return;
  }
}

/** Text with every character but line breaks turned into spaces: set aside, with positions kept. */
const blank = (text: string) => text.replace(/[^\n]/g, ' ');

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', colon: ':', semi: ';', num: '#', comma: ',' };
function decode(text: string): string {
  return text.replace(/\uE000(\w+)\uE001/g, (all, name: string) => {
    if (/^\d+$/.test(name) && Number(name) <= 0x10ffff) return String.fromCodePoint(Number(name));
    return NAMED_ENTITIES[name.toLowerCase()] ?? `#${name};`;
  });
}

/** Whether Mermaid takes the text for a journey diagram (its detector, after front matter, directives and comments). */
export function isJourney(text: string): boolean {
  const body = text.replace(/\r\n?/g, '\n').replace(FRONT_MATTER, '').replace(DIRECTIVE, '').replace(/\s*%%.*\n/gm, '\n');
  return /^\s*journey/.test(body);
}

/** A name as Mermaid shows it: its entities decoded, a `<br>` (a line break in the chart) a space. */
const shown = (text: string) => decode(text).replace(/<\/?br\s*\/?>/gi, ' ').replace(/\s+/g, ' ').trim();

interface Diagram {
  title?: string;
  accTitle?: string;
  accDescr?: string;
  sections: { name: string; line: number; tasks: { name: string; score: number; actors: string[] }[] }[];
}

/** Reads the diagram as Mermaid does; a problem stops it where Mermaid would stop, or where the map's limits are passed. */
function readDiagram(source: string, problems: LineProblem[], offset: number): Diagram | undefined {
  let text = source.replace(/\r\n?/g, '\n');
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const place = (at: number) => {
    let lo = 0;
    for (let hi = lineStarts.length - 1; lo < hi; ) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1 + offset, col: at - lineStarts[lo]! + 1 };
  };
  const fail = (at: number, message: string) => void problems.push({ ...place(at), message });
  const diagram: Diagram = { sections: [] };

  const front = FRONT_MATTER.exec(text);
  if (front) {
    let data: unknown;
    try {
      const indent = front[1]!;
      data = load(indent ? front[2]!.split('\n').map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l)).join('\n') : front[2]!, { schema: JSON_SCHEMA });
    } catch (error) {
      const mark = (error as { mark?: { line: number; column: number } }).mark;
      const reason = (error as { reason?: string }).reason ?? 'not valid YAML';
      problems.push({ line: (mark?.line ?? 0) + 2 + offset, col: (mark?.column ?? 0) + 1, message: `the front matter is not valid YAML: ${reason}` });
      return undefined;
    }
    const title = (data as { title?: unknown } | null)?.title;
    if (title !== undefined && title !== null && typeof title !== 'object') diagram.title = String(title).trim() || undefined;
    text = blank(front[0]) + text.slice(front[0].length);
  } else if (/^[^\S\n]*-{3}\s*\n/.test(text)) {
    fail(text.indexOf('-'), 'the front matter that starts here has no closing `---` line');
    return undefined;
  }
  text = text.replace(DIRECTIVE, blank).replace(COMMENT_LINE, blank);
  const first = /\S/.exec(text);
  if (!first || !/^\s*journey/.test(text)) {
    if (!first) fail(0, 'found no Mermaid journey diagram: expected a first line `journey`');
    else fail(first.index, `expected a Mermaid journey diagram starting with \`journey\`, found ${quote(text.slice(first.index).split('\n')[0]!.trim())}`);
    return undefined;
  }
  text = text.replace(ENTITY, (_, name: string) => `${ENTITY_START}${name}${ENTITY_END}`);

  let started = false;
  let pending: Token | undefined; // a task's name, or accTitle/accDescr, waiting for what follows
  let taskCount = 0;
  const unexpected = (token: Token, expected: string) =>
    fail(token.offset, `expected ${expected}, found ${token.type === 'NEWLINE' ? 'the end of the line' : quote(decode(token.text.trim()) || token.text)}`);
  for (const token of tokens(text)) {
    if (!started) {
      if (token.type === 'NEWLINE') continue; // Mermaid trims the text's start
      if (token.type !== 'journey') return unexpected(token, '`journey`'), undefined;
      started = true;
      continue;
    }
    if (pending) {
      const wanted = pending.type === 'taskName' ? 'taskData' : pending.type === 'acc_title' ? 'acc_title_value' : 'acc_descr_value';
      if (token.type !== wanted) {
        const hash = text[pending.offset + pending.text.length] === '#';
        if (pending.type === 'taskName' && hash) fail(pending.offset + pending.text.length, `expected \`: score\` after the task ${quote(shown(pending.text))}, found \`#\`, which starts a comment in Mermaid (write \`#35;\` for the character)`);
        else if (pending.type === 'taskName') unexpected(token, `\`: score\` after the task ${quote(shown(pending.text))} (a task is \`Task name: score: actor, actor\`)`);
        else unexpected(token, 'text after it');
        return undefined;
      }
      if (token.type === 'taskData') {
        const task = readTask(shown(pending.text), decode(token.text), token.offset, fail);
        if (task) {
          if (++taskCount > MAX_YAML_NODES) return fail(pending.offset, `more than ${MAX_YAML_NODES.toLocaleString('en')} tasks by here: expected a journey of a readable size`), undefined;
          let section = diagram.sections.at(-1);
          if (!section) diagram.sections.push((section = { name: '', line: place(pending.offset).line, tasks: [] }));
          section.tasks.push(task);
        }
      } else if (token.type === 'acc_title_value') diagram.accTitle = shown(token.text);
      else diagram.accDescr = decode(token.text).trim();
      pending = undefined;
      continue;
    }
    switch (token.type) {
      case 'NEWLINE':
        break;
      case 'title':
        diagram.title = shown(token.text.slice(6));
        break;
      case 'section':
        // Stops at the limit while reading: a diagram of 200,000 sections costs no more than one of 10,001.
        if (diagram.sections.length === MAX_STAGES) return fail(token.offset, `more than ${MAX_STAGES.toLocaleString('en')} sections: a map has at most ${MAX_STAGES.toLocaleString('en')} stages`), undefined;
        diagram.sections.push({ name: shown(token.text.slice(8)), line: place(token.offset).line, tasks: [] });
        break;
      case 'acc_descr_multiline_value':
        if (!text.includes('}', token.offset + token.text.length)) {
          const opening = text.lastIndexOf('accDescr', token.offset);
          return fail(opening === -1 ? token.offset : opening, '`accDescr {` has no closing `}`'), undefined;
        }
        diagram.accDescr = decode(token.text).split('\n').map((l) => l.trim()).filter(Boolean).join('\n');
        break;
      case 'taskName':
      case 'acc_title':
      case 'acc_descr':
        pending = token;
        break;
      default:
        return unexpected(token, STATEMENT), undefined;
    }
  }
  if (!started) return fail(text.length, 'expected `journey`'), undefined;
  if (pending?.type === 'taskName') return fail(text.length, `expected \`: score\` after the task ${quote(decode(pending.text.trim()))}`), undefined;
  if (pending) return fail(pending.offset, 'expected text after it'), undefined;
  return diagram;
}

/** `: 5: Me, Cat` as Mermaid splits it (journeyDb.addTask); the score must be one of Mermaid's 1…5. */
function readTask(name: string, data: string, at: number, fail: (at: number, message: string) => void) {
  const [scoreText = '', actorText] = data.slice(1).split(':');
  const score = Number(scoreText);
  if (!/^\s*\d+\s*$/.test(scoreText) || score < 1 || score > 5) {
    fail(at + 1 + (scoreText.length - scoreText.trimStart().length), `expected a score from 1 to 5 after the task's name, found ${quote(scoreText.trim())}`);
    return undefined;
  }
  return { name, score, actors: (actorText ?? '').split(',').map(shown).filter(Boolean) };
}

/** `positive`, `negativo`: the name journey's own chart gives a task, the word of its score in some locale. */
const isScoreWord = (name: string, score: number) => LOCALES.some((l) => UI[l].emotions[String(score - 3) as keyof (typeof UI)['en']['emotions']] === name);

/** `template` is the map's: a diagram's tasks (what the person does) go in its `doing` lane, else its first text lane. */
export function mermaidToMap(text: string, options: { template: TemplateDefinition; offset?: number }): { map?: Record<string, unknown>; problems: LineProblem[] } {
  const offset = options.offset ?? 0;
  const template = options.template.id;
  const lanes = options.template.lanes;
  const actionsKey = (lanes.find((l) => l.doing) ?? lanes.find((l) => l.kind === 'text') ?? lanes[0]!).key;
  const problems: LineProblem[] = [];
  const diagram = readDiagram(text, problems, offset);
  if (!diagram) return { problems };
  const sections = diagram.sections;
  if (sections.length === 0) return { problems: [{ line: 1 + offset, col: 1, message: 'found no section and no task: expected `section <name>` followed by `Task: score: actor` lines' }] };

  // journey's own chart (a task per stage, named by its score's word) holds emotions, not actions.
  const chart = sections.every((s) => s.tasks.every((t) => isScoreWord(t.name, t.score)));
  const actorCount = new Map<string, number>();
  for (const actor of sections.flatMap((s) => s.tasks.flatMap((t) => t.actors))) actorCount.set(actor, (actorCount.get(actor) ?? 0) + 1);
  // The actor in most tasks is the persona; with several actors, each stage also says who takes part.
  const actors = [...actorCount].sort((a, b) => b[1] - a[1]).map(([a]) => a);
  const title = diagram.title || diagram.accTitle || sections[0]!.name || 'Journey';
  const stages = sections.map((s) => {
    const scores = s.tasks.map((t) => t.score);
    const stage: Record<string, unknown> = { name: s.name || title };
    // A section without tasks (Mermaid allows it) is a stage without a score.
    if (scores.length) stage.emotion = roundHalfAway(scores.reduce((a, b) => a + b, 0) / scores.length - 3);
    if (!chart && s.tasks.length) stage[actionsKey] = s.tasks.map((t) => t.name);
    const present = [...new Set(s.tasks.flatMap((t) => t.actors))];
    if (actors.length > 1 && present.length) stage.actors = present;
    return stage;
  });
  const map: Record<string, unknown> = { template, title };
  if (diagram.accDescr) map.summary = diagram.accDescr;
  if (actors.length) map.persona = { name: actors[0] };
  if (actors.length > 1) map.lanes = [{ key: 'actors', label: 'Actors' }]; // no template has such a lane
  map.stages = uniqueIds(stages);
  return { map, problems };
}

/** The nearest whole score, halves away from neutral: a mean of 3.5 is +1, of 2.5 is −1. */
const roundHalfAway = (x: number) => Math.sign(x) * Math.round(Math.abs(x)) || 0;
