// YAML syntax errors in plain words. The YAML library reports what its parser tripped on, often
// several times for one slip (a tab gives a dozen errors) and in its own jargon ("implicit keys",
// "compact mappings"). Here each real problem becomes one message that says what to type, at the
// place the user has to fix: the tab, the line without a colon, the bracket or quote that opened.
import type { ProblemCode } from './codes.js';
import { excerpt } from './describe.js';
import { Scalar, isPair, isScalar, visit, type Document, type LineCounter, type Node, type YAMLError } from 'yaml';

export interface SyntaxProblem {
  offset: number;
  message: string;
  /** The lines (0-based, first and last; `Infinity`: to the end) the slip spoils: the rest of the file is checked without them. */
  lines?: [number, number];
  /** Its code, when more particular than `yaml-syntax`. */
  code?: ProblemCode;
}

/** One problem per real mistake in a document the library could not parse. */
export function explainSyntaxErrors(text: string, doc: Document.Parsed, lines: LineCounter): SyntaxProblem[] {
  const errors = doc.errors;
  if (errors.length === 0) return [];
  const src = new Lines(text, lines);

  // A tab derails the parse of every line after it (and after spaces it is not even reported as a
  // tab): report each line a tab indents, and nothing else. Tabs in a `|` block are text, and a tab
  // after the last error derailed nothing.
  const literal = blockScalarLines(doc, src);
  const lastErrorLine = Math.max(...errors.map((e) => src.lineOf(e.pos[0])));
  const tabLines = src.all.flatMap((line, l) => (/^ *\t[ \t]*[^\s#]/.test(line) && !literal.has(l) && l <= lastErrorLine ? [l] : []));
  if (tabLines.length > 0) {
    return tabLines.map((l) => ({
      offset: src.start(l) + src.text(l).indexOf('\t'),
      message: 'this line is indented with a tab: indent with spaces (YAML does not allow tabs for indentation)',
      code: 'yaml-tab-indent' as const,
      lines: [l, l],
    }));
  }

  // An unclosed quote, list or brace swallows what follows; point at where it opened.
  const openings = unclosed(text, doc, errors, src);
  const swallowedFrom = Math.min(Infinity, ...openings.map((o) => o.offset));
  const out: SyntaxProblem[] = [];
  let doneThrough = -1; // the last line an explained problem accounts for
  for (const error of errors) {
    if (error.pos[0] >= swallowedFrom || isUnclosedError(error)) continue;
    const line = src.lineOf(error.pos[0]);
    if (line <= doneThrough) continue;
    const found =
      error.code === 'DUPLICATE_KEY' ? duplicateKey(doc, error, src) : error.code === 'UNEXPECTED_TOKEN' ? unexpected(src, error, line) : structural(src, line, error);
    if (found) {
      out.push({ ...found.problem, lines: [src.lineOf(found.problem.offset), found.spoils ?? found.through] });
      doneThrough = Math.max(line, found.through);
      for (let l = found.line; l <= found.through; l++) src.explained.add(l);
    } else if (out.length === 0) {
      // Nothing we recognise: the library's own words, without its position suffix.
      out.push({ offset: error.pos[0], message: libraryMessage(error.message), lines: [line, line] });
      doneThrough = line;
    }
    // Otherwise an error we cannot explain after one we did is its cascade.
  }
  const problems = [...out, ...openings];
  // Never fail a file without saying why: the library's first error, if nothing else.
  return problems.length > 0 ? problems : [{ offset: errors[0]!.pos[0], message: libraryMessage(errors[0]!.message) }];
}

/** Lines inside `|` and `>` blocks: their tabs are text, not indentation. */
function blockScalarLines(doc: Document.Parsed, src: Lines): Set<number> {
  const lines = new Set<number>();
  visit(doc, {
    Scalar(_, node) {
      if ((node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) && node.range) {
        for (let l = src.lineOf(node.range[0]) + 1; l <= src.lineOf(node.range[1]); l++) lines.add(l);
      }
    },
  });
  return lines;
}

export function libraryMessage(message: string): string {
  // Some messages repeat a piece of the file (a tag, an alias): keep that piece short.
  return excerpt(message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, ''), 120);
}

const isUnclosedError = (e: YAMLError) => /closing .?quote|end with an? [\]}]|^Expected flow/.test(e.message);

/** Quotes, `[` and `{` that never close: one problem at each opening. */
function unclosed(text: string, doc: Document.Parsed, errors: readonly YAMLError[], src: Lines): SyntaxProblem[] {
  if (!errors.some(isUnclosedError)) return [];
  const out: SyntaxProblem[] = [];
  const lineOfOpening = (offset: number): [number, number] => [src.lineOf(offset), src.lineOf(offset)];
  visit(doc, {
    Scalar(_, node) {
      const quote = node.type === Scalar.QUOTE_DOUBLE ? '"' : node.type === Scalar.QUOTE_SINGLE ? "'" : undefined;
      if (!quote || !node.range) return;
      const source = text.slice(node.range[0], node.range[1]);
      // A closed quote ends with its quote character (and a single quote is not an escaped '').
      const closed = source.length > 1 && source.endsWith(quote) && (quote === '"' ? !source.endsWith('\\"') || source.endsWith('\\\\"') : true);
      if (!closed) out.push({ offset: node.range[0], message: `this quoted text is never closed: expected a closing ${quote} before the end of the file`, lines: lineOfOpening(node.range[0]), code: 'yaml-unclosed' });
    },
    Collection(_, node) {
      if (!node.flow || !node.range) return;
      const list = text[node.range[0]] === '[';
      const close = list ? ']' : '}';
      // The node's source runs on through a comment (`[a, b #c]`): look at it without quotes and comments.
      const code = text.slice(node.range[0], node.range[1]).replace(QUOTED, '""').replace(/(^|\s)#.*$/gm, '');
      if (!code.trimEnd().endsWith(close)) {
        // A `#` after a space starts a comment, which hides the closing bracket on its line.
        const restOfLine = text.slice(node.range[0]).split(/\r?\n/)[0]!;
        const comment = /\s#/.test(restOfLine) ? '; ` #` starts a comment there, so put text with a # in quotes' : '';
        out.push({
          offset: node.range[0],
          message: `${list ? 'this list is never closed: add a `]` where it ends' : 'this mapping is never closed: add a `}` where it ends'}${comment}`,
          lines: lineOfOpening(node.range[0]),
          code: 'yaml-unclosed',
        });
      }
    },
  });
  return out;
}

interface Found {
  problem: SyntaxProblem;
  /** The lines the problem accounts for: later errors there are its cascade. */
  line: number;
  through: number;
  /** The last line the slip spoils for checking the rest, when beyond `through` (what hangs below a duplicate or misplaced key). */
  spoils?: number;
}

function duplicateKey(doc: Document.Parsed, error: YAMLError, src: Lines): Found | undefined {
  let first: number | undefined;
  let name = '';
  visit(doc, {
    Map(_, map) {
      const keys = map.items.filter(isPair).map((p) => p.key as Node | null);
      const dup = keys.find((k) => k?.range?.[0] === error.pos[0]);
      if (!dup || !isScalar(dup)) return undefined;
      name = String(dup.value);
      first = keys.find((k) => isScalar(k) && String(k.value) === name)?.range?.[0];
      return visit.BREAK;
    },
  });
  if (first === undefined || first === error.pos[0]) return undefined;
  const line = src.lineOf(error.pos[0]);
  const message = `duplicate key \`${name}\`: it is already set on line ${src.lineOf(first) + 1}; keep one of the two`;
  return { problem: { offset: error.pos[0], message, code: 'yaml-duplicate-key' }, line, through: line, spoils: src.blockEnd(line) };
}

/** A closing bracket that closes nothing, or text after a closing quote. */
function unexpected(src: Lines, error: YAMLError, line: number): Found | undefined {
  const at = error.pos[0];
  const closer = /flow-(seq|map)-end/.exec(error.message)?.[1];
  if (closer) {
    const [close, open] = closer === 'seq' ? [']', '['] : ['}', '{'];
    // The parser reads nothing after it: every later error is this one's cascade.
    const message = `this \`${close}\` closes nothing: remove it, or add the \`${open}\` it should close`;
    return { problem: { offset: at, message }, line, through: src.all.length - 1, spoils: Infinity };
  }
  const before = src.source.slice(0, at).trimEnd();
  if (/scalar at node end/.test(error.message) && /["']$/.test(before)) {
    return { problem: { offset: at, message: 'text after the closing quote: put all of the value inside the quotes' }, line, through: line };
  }
  return undefined;
}

/**
 * The slips behind the library's structural errors (implicit keys, missing `-` indicators, bad
 * indentation): a line without `key: value`, a line indented to no column of the lines above it, a
 * `-` out of line with its list, a second `: ` in a value. The library reports the error on the
 * line it derailed or the one before.
 */
function structural(src: Lines, line: number, error: YAMLError): Found | undefined {
  const colon = error.code === 'BLOCK_AS_IMPLICIT_KEY' ? colonInValue(src, line, error) : undefined;
  if (colon) return { problem: colon, line, through: line };
  const candidates = [line, src.nextContent(line)].filter((l): l is number => l !== undefined);
  for (const l of candidates) {
    const dash = misplacedDash(src, l);
    // The item's own lines follow the misplaced `-`, so they are off too: one slip, one error.
    if (dash) return { problem: dash, line: l, through: src.blockEnd(l) };
    const indent = wrongIndent(src, l);
    if (indent) return { problem: indent, line: l, through: l, spoils: src.blockEnd(l) };
    const colon = l === line ? missingColon(src, l, error) : undefined;
    if (colon) return { problem: colon, line: l, through: l };
  }
  return undefined;
}

/** `thinking: Note: this`: YAML reads a second `: ` on a line as a nested key. */
function colonInValue(src: Lines, l: number, error: YAMLError): SyntaxProblem | undefined {
  const col = error.pos[0] - src.start(l);
  const value = src.text(l).slice(col).replace(/\s+#.*$/, '').trimEnd();
  if (col <= src.contentCol(l) || !/:(\s|$)/.test(value) || /^["'[{]/.test(value)) return undefined;
  const key = keyName(src.content(l));
  const [open, body] = value.includes('"') ? ["'", value.replace(/'/g, "''")] : ['"', value];
  return {
    offset: error.pos[0],
    message: `this value contains \`: \`, which YAML reads as the start of another key: put the value in quotes (\`${fixed(`${key}: ${open}`, body, open)}\`)`,
  };
}

function missingColon(src: Lines, l: number, error: YAMLError): SyntaxProblem | undefined {
  const content = src.content(l);
  if (!content || hasKey(content) || !/IMPLICIT_KEY|MISSING_CHAR/.test(error.code)) return undefined;
  const word = /^([A-Za-z_][\w-]*)(?:\s+(.*))?$/.exec(content);
  const fix = word ? ` (\`${fixed(`${word[1]}:${word[2] ? ' ' : ''}`, word[2] ?? '')}\`)` : '';
  return { offset: src.start(l) + src.contentCol(l), message: `expected \`key: value\`, found \`${short(content)}\`: add a colon after the key${fix}` };
}

function misplacedDash(src: Lines, l: number): SyntaxProblem | undefined {
  if (!src.isDash(l)) return undefined;
  const col = src.indent(l);
  const levels = src.levelsAbove(l);
  if (levels.open || levels.dashes.some((d) => d.col === col)) return undefined;
  // A `-` at a key's column is a list of that key's value only right below it (`key:` then `- item`).
  const sibling = levels.dashes.sort((a, b) => Math.abs(a.col - col) - Math.abs(b.col - col))[0];
  if (!sibling) return undefined;
  return {
    offset: src.start(l) + col,
    message: `this list item is at column ${col + 1}, but the items of its list start at column ${sibling.col + 1} (line ${sibling.line + 1}): line the \`-\` up with them`,
  };
}

function wrongIndent(src: Lines, l: number): SyntaxProblem | undefined {
  if (src.isDash(l) || !hasKey(src.content(l))) return undefined;
  const col = src.indent(l);
  const levels = src.levelsAbove(l);
  if (levels.open || levels.keys.some((k) => k.col === col)) return undefined;
  const nearest = levels.keys.sort((a, b) => Math.abs(a.col - col) - Math.abs(b.col - col))[0];
  if (!nearest) return undefined;
  const key = keyName(src.content(l));
  return {
    offset: src.start(l) + col,
    message: `wrong indentation: \`${key}\` starts at column ${col + 1}, but \`${keyName(src.text(nearest.line).slice(nearest.col))}\` on line ${nearest.line + 1} starts at column ${nearest.col + 1}: keys of one mapping line up at the same column`,
  };
}

const QUOTED = /"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g;

/** `key: value` or `key:` outside quotes. */
function hasKey(content: string): boolean {
  const plain = content.replace(QUOTED, '""');
  return /^[^#]*?\S:(\s|$)/.test(plain) || /^["'].*["']\s*:(\s|$)/.test(content);
}

const keyName = (content: string) => content.replace(/^(-\s+)+/, '').split(/:(\s|$)/)[0]!;
const short = (s: string) => (s.length > 40 ? `${s.slice(0, 39)}…` : s);
/**
 * A corrected line to copy: `head` and `tail` whole (the key and the closing quote that make it a
 * fix), a long value shortened in its middle, where the reader still recognises it.
 */
function fixed(head: string, value: string, tail = ''): string {
  const chars = Array.from(value);
  if (chars.length <= 60) return `${head}${value}${tail}`;
  // Cut between words where there are any.
  const start = chars.slice(0, 40).join('');
  const end = chars.slice(-20).join('');
  const cutStart = start.lastIndexOf(' ') > 20 ? start.slice(0, start.lastIndexOf(' ')) : start;
  const cutEnd = end.indexOf(' ') >= 0 && end.indexOf(' ') < 10 ? end.slice(end.indexOf(' ') + 1) : end;
  return `${head}${cutStart} … ${cutEnd}${tail}`;
}

/** The text's lines, with the indentation facts the explanations need. Line numbers are 0-based. */
class Lines {
  readonly all: string[];
  /** Lines already explained by a problem: they say nothing about the structure around them. */
  readonly explained = new Set<number>();
  constructor(
    readonly source: string,
    private readonly counter: LineCounter,
  ) {
    this.all = source.split(/\r?\n/);
  }
  lineOf(offset: number): number {
    return this.counter.linePos(Math.min(offset, this.source.length)).line - 1;
  }
  start(l: number): number {
    return this.counter.lineStarts[l] ?? this.source.length;
  }
  text(l: number): string {
    return this.all[l] ?? '';
  }
  indent(l: number): number {
    return /^ */.exec(this.text(l))![0].length;
  }
  /** The line without indentation, list dashes or a trailing comment. */
  content(l: number): string {
    return this.text(l).slice(this.contentCol(l)).replace(/\s+#.*$/, '').trimEnd();
  }
  contentCol(l: number): number {
    return /^ *(?:-(?: +|$))*/.exec(this.text(l))![0].length;
  }
  isDash(l: number): boolean {
    return /^ *-( |$)/.test(this.text(l));
  }
  isBlank(l: number): boolean {
    return /^\s*(#.*)?$/.test(this.text(l));
  }
  nextContent(l: number): number | undefined {
    for (let n = l + 1; n < this.all.length; n++) if (!this.isBlank(n)) return n;
    return undefined;
  }
  /** The last line of the block that starts at `l`: the following lines indented deeper. */
  blockEnd(l: number): number {
    let end = l;
    for (let n = l + 1; n < this.all.length; n++) {
      if (this.isBlank(n)) continue;
      if (this.indent(n) <= this.indent(l)) break;
      end = n;
    }
    return end;
  }
  /**
   * The columns a line below these could start at: the keys and `-` of each enclosing line, walking
   * up. `open` when the line just above ends with a key and no value (anything deeper is its value).
   */
  levelsAbove(l: number): { keys: { col: number; line: number }[]; dashes: { col: number; line: number }[]; open: boolean } {
    const keys: { col: number; line: number }[] = [];
    const dashes: { col: number; line: number }[] = [];
    let limit = Infinity;
    let open = false;
    let first = true;
    for (let p = l - 1; p >= 0 && limit > 0; p--) {
      if (this.isBlank(p) || this.explained.has(p)) continue;
      const indent = this.indent(p);
      if (first) {
        open = /:$|^-$|[|>][-+0-9]*$/.test(this.content(p)) && this.indent(l) > indent;
        first = false;
      }
      if (indent >= limit) continue;
      limit = indent;
      // `  - - name: x`: every dash is a list level, the text after them a key level.
      const dashRun = /^ *((?:- +)*)/.exec(this.text(p))![1]!;
      let col = indent;
      for (const m of dashRun.matchAll(/- +/g)) {
        dashes.push({ col, line: p });
        col += m[0].length;
      }
      if (hasKey(this.content(p))) keys.push({ col, line: p });
    }
    return { keys, dashes, open };
  }
}
