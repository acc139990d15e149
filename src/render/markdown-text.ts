// Escaping user text for GitHub-flavoured Markdown and for Mermaid, so that a map can never create
// structure, links, images or HTML in a document: it always renders as its literal text.

/** Characters that make inline structure anywhere: emphasis, code, links, images, HTML, tables, strikethrough. */
const INLINE_SPECIAL = /[\\`*_[\]<>|~]/g;
/** Line starts that make block structure: headings, quotes, lists, thematic breaks, setext underlines. */
const BLOCK_START = /^(\s*)(#|>|[-+=]|\d+[.)])/;

function escapeLine(line: string): string {
  return line
    .trim()
    .replace(INLINE_SPECIAL, '\\$&')
    .replace(/&(?=#?\w+;)/g, '&amp;') // `&lt;` stays literal text, not an entity
    // GFM turns bare addresses into links after escapes are resolved, so an escape cannot stop it;
    // an invisible word joiner (U+2060) does, and the text reads the same. As in HTML, no links.
    .replace(/:\/\//g, ':\u2060//')
    .replace(/\b(www)\./gi, '$1\u2060.')
    .replace(/@/g, '\u2060@')
    .replace(BLOCK_START, (_, space: string, mark: string) => `${space}${/^\d/.test(mark) ? mark.replace(/[.)]$/, '\\$&') : `\\${mark}`}`);
}

/** Text inside a paragraph or list item; line breaks the user wrote become hard breaks. */
export function mdText(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map(escapeLine)
    .filter((line, i, all) => line !== '' || (i > 0 && i < all.length - 1))
    .join('\\\n');
}

/** Text on one line, for headings. */
export function mdLine(text: string): string {
  return escapeLine(text.replace(/\s*(\r\n|\r|\n)\s*/g, ' '));
}

/** Text inside a GFM table cell: no raw line breaks (they would end the row), pipes escaped. */
export function mdCell(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map(escapeLine)
    .filter(Boolean)
    .join('<br>');
}

// Mermaid's journey grammar ends a name at `:`, `#`, `;` or a line break, reads `%%` as a
// directive or comment, and splits actors at `,`. `<`, `>` and `&` (tags, entities) are safe only
// as far as each viewer sanitises its labels, so they never reach it. Look-alike characters keep
// the text readable.
const MERMAID_LOOKALIKE: Record<string, string> = {
  ':': '\uA789',
  '#': '\uFF03',
  ';': '\uFF1B',
  '%': '\uFF05',
  ',': '\u201A',
  '`': '\u02CB',
  '<': '\uFF1C',
  '>': '\uFF1E',
  '&': '\uFF06',
};
const MERMAID_KEYWORD = /^(title|section|journey|accTitle|accDescr)\b/i;

export function mermaidText(text: string): string {
  const flat = text
    .replace(/[:#;%,`<>&]/g, (c) => MERMAID_LOOKALIKE[c]!)
    .replace(/\s+/g, ' ')
    .trim();
  if (!flat) return '\u2013';
  // A keyword at the start of a line would change the diagram's structure.
  return MERMAID_KEYWORD.test(flat) ? `\u200B${flat}` : flat;
}
