// The document a team's own layout makes, made inert whatever the layout wrote. A layout may come from a
// pull request, so its output is untrusted markup:
// - journey, not the layout, writes the start of the document: the doctype, `<html lang>`, and a head
//   that begins with the charset, the Content-Security-Policy and DNS prefetching turned off. A policy
//   applies only to what follows it, and one in the body applies to nothing, so it comes first.
// - the layout's output is parsed as a browser parses it (parse5, the HTML standard's algorithm) and
//   only an allowlist of inert elements and attributes is kept. The policy stops scripts and requests,
//   but not navigation (a `<meta http-equiv="refresh">`, a link clicked, a form sent), nor a DNS
//   prefetch; the allowlist stops those, and keeps script and loading out too, should a browser ever
//   ignore the policy. `<style>` stays, as brand styles need it: a stylesheet can only load, and the
//   policy refuses its every `url()` and `@import` (an attribute with a `url()` outside the document,
//   `style` included, is removed as well).
// - whatever is not on the list is removed with everything inside it (a `<script>`, an `<iframe>`, a
//   `<form>`, an `<svg><foreignObject>`), so no text meant as code survives as text either. HTML and
//   SVG never mix (an HTML element inside SVG is removed), MathML and the raw-text elements but
//   `<style>` are not on the list, and so the serialised result parses back to the same tree.
import { parse, serializeOuter, html as parse5Html, type DefaultTreeAdapterTypes as T } from 'parse5';

const { NS } = parse5Html;

/** What the head starts with: the charset, the content policy, no DNS prefetching. */
const headStart = (policy: string): Record<string, string>[] => [
  { charset: 'utf-8' },
  { 'http-equiv': 'Content-Security-Policy', content: policy },
  // Chromium resolves the host names of links ahead of a click, a request the policy does not govern.
  { 'http-equiv': 'x-dns-prefetch-control', content: 'off' },
];

/** HTML elements a layout may write: text, sections, lists, tables, pictures, and its own styles. */
const HTML_ELEMENTS = new Set(
  `html head body title style meta main header footer nav section article aside h1 h2 h3 h4 h5 h6 hgroup address div p hr pre
  blockquote ol ul li dl dt dd figure figcaption a em strong small s cite q dfn abbr data time code var samp kbd sub sup i b u
  mark ruby rt rp bdi bdo span br wbr ins del img table caption colgroup col thead tbody tfoot tr td th details summary`.split(/\s+/),
);
/** SVG elements a layout may write: shapes, text and gradients (the curve and the icons use these). */
const SVG_ELEMENTS = new Set(
  'svg g path circle ellipse line polyline polygon rect text tspan title desc defs use symbol clipPath linearGradient radialGradient stop'.split(' '),
);
/** Attributes any element may have (and `aria-*`, `data-*`). */
const GLOBAL_ATTRIBUTES = new Set('id class title lang dir role hidden tabindex style translate'.split(' '));
const HTML_ATTRIBUTES: Record<string, Set<string>> = Object.fromEntries(
  Object.entries({
    meta: 'name content',
    a: 'href',
    img: 'src alt width height loading decoding',
    td: 'colspan rowspan headers',
    th: 'colspan rowspan headers scope abbr',
    col: 'span',
    colgroup: 'span',
    ol: 'start reversed type',
    li: 'value',
    time: 'datetime',
    data: 'value',
    del: 'datetime',
    ins: 'datetime',
    details: 'open',
  }).map(([tag, names]) => [tag, new Set(names.split(' '))]),
);
const SVG_ATTRIBUTES = new Set(
  `viewBox width height x y x1 y1 x2 y2 cx cy r rx ry d points transform fill fill-opacity fill-rule clip-rule stroke stroke-width
  stroke-dasharray stroke-dashoffset stroke-linecap stroke-linejoin stroke-opacity opacity vector-effect preserveAspectRatio
  focusable text-anchor dominant-baseline font-size font-family font-weight offset stop-color stop-opacity gradientUnits
  gradientTransform clip-path href xmlns xmlns:xlink xlink:href`.split(/\s+/),
);

/** A URL a layout may write: a place in the document (`#id`), or a picture inlined as data. */
const urlAllowed = (name: string, value: string) =>
  name === 'src' ? /^data:image\//i.test(value.trim()) : value.trim().startsWith('#');
const URL_ATTRIBUTES = new Set(['href', 'xlink:href', 'src']);
/** `fill="url(#gradient)"` names a part of the document, `url(data:…)` is inline; any other `url(` is removed. */
const remoteUrl = /url\s*\(\s*['"]?\s*(?!#|data:)/i;

type Node = T.ChildNode;

/**
 * The document of a layout's output: journey's start of the document with its content `policy`, then
 * what the layout wrote in the head and the body that is on the allowlist. `lang` is the map's, unless
 * the layout's `<html>` says another.
 */
export function layoutDocument(output: string, lang: string, policy: string): string {
  const document = parse(output);
  const root = document.childNodes.find((n): n is T.Element => n.nodeName === 'html')!;
  clean(root);
  if (!root.attrs.some((a) => a.name === 'lang')) root.attrs.unshift({ name: 'lang', value: lang });
  const head = root.childNodes.find((n): n is T.Element => n.nodeName === 'head')!;
  const start = headStart(policy).map((attrs): Node => element('meta', attrs, head));
  const rest = head.childNodes[0];
  const newline = rest?.nodeName === '#text' && (rest as T.TextNode).value.startsWith('\n') ? [] : [text('\n', head)];
  head.childNodes.unshift(...start.flatMap((meta) => [text('\n', head), meta]), ...newline);
  if (root.childNodes[0] === head) root.childNodes.unshift(text('\n', root));
  return `<!DOCTYPE html>\n${serializeOuter(root)}\n`;
}

/** Removes, in place, every child of `parent` not on the allowlist, and every attribute not allowed. */
function clean(parent: T.Element): void {
  parent.attrs = parent.attrs.filter((attr) => attributeAllowed(parent, attr));
  let gone = false; // the line break after what was removed goes with it
  parent.childNodes = parent.childNodes.filter((node) => {
    const after = gone;
    gone = false;
    if (node.nodeName === '#text') return !(after && /^[ \t]*\n\s*$/.test((node as T.TextNode).value));
    gone = true;
    if (node.nodeName === '#comment' || node.nodeName === '#documentType') return false;
    const child = node as T.Element;
    if (!elementAllowed(parent, child)) return false;
    gone = false;
    clean(child);
    return true;
  });
}

function elementAllowed(parent: T.Element, el: T.Element): boolean {
  if (el.namespaceURI === NS.SVG) {
    // An SVG's title and description hold text only: an element there would be HTML again.
    const inText = parent.namespaceURI === NS.SVG && (parent.tagName === 'title' || parent.tagName === 'desc');
    return SVG_ELEMENTS.has(el.tagName) && !inText && (el.tagName === 'svg' || parent.namespaceURI === NS.SVG);
  }
  if (el.namespaceURI !== NS.HTML || parent.namespaceURI !== NS.HTML || !HTML_ELEMENTS.has(el.tagName)) return false;
  // Only a named meta (`viewport`, `description`): never `http-equiv` (a refresh, a policy) nor a charset.
  if (el.tagName === 'meta') return el.attrs.some((a) => a.name === 'name') && !el.attrs.some((a) => a.name === 'http-equiv' || a.name === 'charset');
  return true;
}

function attributeAllowed(el: T.Element, attr: { name: string; value: string; prefix?: string }): boolean {
  const name = attr.prefix ? `${attr.prefix}:${attr.name}` : attr.name;
  if (el.tagName === 'head') return false;
  const allowed =
    GLOBAL_ATTRIBUTES.has(name) ||
    /^(aria|data)-[\w.-]+$/.test(name) ||
    (el.namespaceURI === NS.SVG ? SVG_ATTRIBUTES.has(name) : (HTML_ATTRIBUTES[el.tagName]?.has(name) ?? false));
  if (!allowed) return false;
  if (URL_ATTRIBUTES.has(name)) return urlAllowed(name, attr.value);
  return !remoteUrl.test(attr.value);
}

function element(tagName: string, attrs: Record<string, string>, parentNode: T.ParentNode): T.Element {
  return { nodeName: tagName, tagName, namespaceURI: NS.HTML, attrs: Object.entries(attrs).map(([name, value]) => ({ name, value })), parentNode, childNodes: [] };
}

function text(value: string, parentNode: T.ParentNode): T.TextNode {
  return { nodeName: '#text', value, parentNode };
}
