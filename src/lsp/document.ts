// Where the cursor stands in a map, for the language server: the YAML node under it (hover,
// definition), and, for completion in a half-written line that does not parse yet, the keys above it
// read from indentation alone. Positions are LSP's: 0-based lines and UTF-16 characters, which is
// also how JavaScript strings and the `yaml` parser count (the core's 1-based columns are the same
// units plus one).
import { isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}

/** Offsets of the start of each line. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

export function offsetAt(starts: readonly number[], text: string, position: Position): number {
  const start = starts[position.line] ?? text.length;
  return Math.min(start + position.character, text.length);
}

export function positionAt(starts: readonly number[], offset: number): Position {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low, character: offset - starts[low]! };
}

/**
 * The range a problem at 1-based `line:col` covers: the word, quoted text or flow value that starts
 * there, up to the end of its line at most (a key ends at its colon, a value before a comment).
 */
export function tokenRange(text: string, starts: readonly number[], line: number, col: number): Range {
  const l = Math.max(0, Math.min(line - 1, starts.length - 1));
  const lineStart = starts[l]!;
  const lineEnd = l + 1 < starts.length ? starts[l + 1]! - 1 : text.length;
  const from = Math.min(lineStart + Math.max(0, col - 1), lineEnd);
  const rest = text.slice(from, lineEnd).replace(/\r$/, '');
  let length: number;
  const quote = rest[0];
  if (quote === '"' || quote === "'") {
    const close = rest.indexOf(quote, 1);
    length = close === -1 ? rest.length : close + 1;
  } else {
    const end = rest.search(/:(\s|$)|\s#|,|\]|\}/);
    length = (end === -1 ? rest : rest.slice(0, end)).trimEnd().length;
  }
  return { start: { line: l, character: from - lineStart }, end: { line: l, character: from - lineStart + Math.max(length, 1) } };
}

export type PathSegment = string | number;

/** The node under an offset: its path, and whether the offset is on a key. */
export interface NodeAt {
  path: PathSegment[];
  onKey: boolean;
  node: Node | null;
}

export function nodeAt(doc: Document, offset: number): NodeAt | undefined {
  const within = (n: unknown) => {
    const range = (n as Node | null)?.range;
    return range != null && range[0] <= offset && offset <= range[1];
  };
  let node: unknown = doc.contents;
  const path: PathSegment[] = [];
  for (;;) {
    if (isMap(node)) {
      const pair = node.items.find((p) => within(p.key) || within(p.value));
      if (!pair || !isScalar(pair.key)) return path.length ? { path, onKey: false, node: node as Node } : undefined;
      path.push(String(pair.key.value));
      if (within(pair.key)) return { path, onKey: true, node: pair.key };
      node = pair.value;
    } else if (isSeq(node)) {
      const index = node.items.findIndex(within);
      if (index === -1) return { path, onKey: false, node: node as Node };
      path.push(index);
      node = node.items[index];
    } else {
      return { path, onKey: false, node: (node as Node | null) ?? null };
    }
  }
}

/** The range of a node, as LSP positions. */
export function nodeRange(starts: readonly number[], node: Node | null | undefined): Range | undefined {
  const range = node?.range;
  return range ? { start: positionAt(starts, range[0]), end: positionAt(starts, range[1]) } : undefined;
}

/**
 * What the cursor is writing, read from the line and the indentation above it (the line need not
 * parse): a key (`kind: 'key'`), or the value of `key`; `parents` are the keys above, outermost
 * first, with `-` for each list item (`['stages', '-']` inside a stage).
 */
export interface Writing {
  kind: 'key' | 'value';
  key?: string;
  /** What is written so far of the key or value. */
  partial: string;
  parents: string[];
}

const KEY_LINE = /^((?:\s*-\s+)*)\s*([^\s:#][^:#]*?)\s*:(?:\s|$)/;

export function writingAt(text: string, starts: readonly number[], position: Position): Writing | undefined {
  const lineText = text.slice(starts[position.line] ?? text.length, (starts[position.line + 1] ?? text.length + 1) - 1).replace(/\r$/, '');
  const before = lineText.slice(0, position.character);
  const parents: string[] = [];
  const dashes = /^((?:\s*-\s+)*)/.exec(before)![1]!;
  // The column where this line's content starts: what the lines above must be left of to hold it.
  let column = dashes.length + (/^\s*/.exec(before.slice(dashes.length))![0].length);
  const innerDashes = [...dashes.matchAll(/-/g)].map((m) => m.index!);
  for (const _ of innerDashes) parents.unshift('-');
  if (innerDashes.length) column = innerDashes[0]!;
  for (let l = position.line - 1; l >= 0 && column > 0; l--) {
    const line = text.slice(starts[l]!, starts[l + 1]! - 1).replace(/\r$/, '');
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const match = KEY_LINE.exec(line);
    const lineDashes = [...(/^((?:\s*-\s+)*)/.exec(line)![1]!).matchAll(/-/g)].map((m) => m.index!);
    const keyColumn = match ? match[1]!.length + (/^\s*/.exec(line.slice(match[1]!.length))![0].length) : line.length - line.trimStart().length;
    if (match && keyColumn < column) {
      parents.unshift(match[2]!);
      column = keyColumn;
    }
    for (const dash of lineDashes.reverse()) {
      if (dash < column) {
        parents.unshift('-');
        column = dash;
      }
    }
  }
  const value = /^((?:\s*-\s+)*)\s*([^\s:#][^:#]*?)\s*:\s+(.*)$/.exec(before) ?? /^((?:\s*-\s+)*)\s*([^\s:#][^:#]*?):()$/.exec(before);
  if (value) return { kind: 'value', key: value[2]!, partial: value[3]!.replace(/^["']/, ''), parents };
  const key = /^(?:\s*-\s+)*\s*([\w-]*)$/.exec(before);
  if (key) {
    // `- ` then a word: a key of a mapping item, or a plain item of a list (a persona file's path).
    return { kind: 'key', partial: key[1]!, parents };
  }
  return undefined;
}
