// Drawings a document repeats (faces, icons, the curve's grid lines) are defined once, as SVG symbols,
// and each place that shows one points at it: `<use href="#i-web">`, a fragment of the same document,
// so nothing is loaded. Only the symbols a document uses are defined, always in the order below, so
// the same map gives the same bytes. Their look comes from style attributes here and from custom
// properties set where they are used (CSS selectors do not reach into a `<use>`, inherited values do).
import { CURVE_GRID, FACES, MAX_SERIES, markerShape } from './curve.js';
import { ICON_DRAWINGS } from './icons.js';

/** Every symbol by id, in the order a document defines them. */
const SYMBOLS = new Map<string, string>([
  [
    'curve-grid',
    '<symbol id="curve-grid" viewBox="0 0 100 100" preserveAspectRatio="none">' +
      `<path class="curve-grid" d="${CURVE_GRID}" vector-effect="non-scaling-stroke" style="fill:none;stroke:#e3e7ee;stroke-width:1"/>` +
      '<path class="curve-midline" d="M0,50H100" vector-effect="non-scaling-stroke" style="fill:none;stroke:#bcc3d0;stroke-width:1;stroke-dasharray:4 4"/></symbol>',
  ],
  ...Array.from({ length: MAX_SERIES }, (_, s) =>
    Object.entries(FACES).map(([level, face]): [string, string] => {
      const id = `f${s + 1}-${level}`;
      return [
        id,
        `<symbol id="${id}" viewBox="-2 -2 28 28" style="overflow:visible">` +
          `<path class="face-shape" d="${markerShape(s + 1)}" style="fill:var(--face-bg);stroke:var(--face-edge,#1f2937);stroke-width:var(--face-edge-w,1.3)"/>` +
          (face.fill ? `<path class="face-fill" d="${face.fill}" style="fill:var(--face-ink,#fff);stroke:var(--face-ink,#fff);stroke-width:1;stroke-linejoin:round"/>` : '') +
          `<path class="face-lines" d="${face.lines}" style="fill:none;stroke:var(--face-ink,#fff);stroke-width:var(--face-ink-w,1.9);stroke-linecap:round;stroke-linejoin:round"/></symbol>`,
      ];
    }),
  ).flat(),
  ...Object.entries(ICON_DRAWINGS).map(([name, drawing]): [string, string] => [
    `i-${name}`,
    `<symbol id="i-${name}" viewBox="0 0 24 24"><g style="fill:var(--icon-fill,none);stroke:currentColor;stroke-width:var(--icon-stroke,2)" stroke-linecap="round" stroke-linejoin="round">${drawing}</g></symbol>`,
  ]),
]);

/** How a document points at a symbol: `<use href="#id"`. */
const USE = '<use href="#';

/**
 * The document with the symbols it uses defined at the end of its `<main>` (which a preview replaces
 * as a whole, symbols included), else of its body, else at its end.
 */
export function withSymbols(html: string): string {
  // Searched for as plain text: a regular expression's match objects cost more than the search.
  const used = new Set<string>();
  for (let at = html.indexOf(USE); at !== -1; at = html.indexOf(USE, at + USE.length)) {
    const end = html.indexOf('"', at + USE.length);
    if (end !== -1) used.add(html.slice(at + USE.length, end));
  }
  const defs: string[] = [];
  for (const [id, symbol] of SYMBOLS) if (used.has(id)) defs.push(symbol);
  if (!defs.length) return html;
  const block = `<svg class="symbols" width="0" height="0" aria-hidden="true" style="position:absolute;overflow:hidden"><defs>${defs.join('')}</defs></svg>\n`;
  const at = html.lastIndexOf('</main>');
  const end = at !== -1 ? at : html.lastIndexOf('</body>');
  return end === -1 ? html + block : html.slice(0, end) + block + html.slice(end);
}
