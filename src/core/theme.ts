// The theme of journey.config.yaml (`theme:`): an accent colour, a logo and a font list. Pure: the
// values are checked strictly here (a theme comes from the repository, maybe from a pull request, and
// ends up inside a <style> element, so nothing but a colour or a list of font names may get through),
// and turned into the few CSS custom properties the stylesheet reads. The logo is read by the pipeline.

/** The CSS named colours (CSS Color 4), as `name:rrggbb`. */
const NAMED =
  'aliceblue:f0f8ff antiquewhite:faebd7 aqua:00ffff aquamarine:7fffd4 azure:f0ffff beige:f5f5dc ' +
  'bisque:ffe4c4 black:000000 blanchedalmond:ffebcd blue:0000ff blueviolet:8a2be2 brown:a52a2a ' +
  'burlywood:deb887 cadetblue:5f9ea0 chartreuse:7fff00 chocolate:d2691e coral:ff7f50 cornflowerblue:6495ed ' +
  'cornsilk:fff8dc crimson:dc143c cyan:00ffff darkblue:00008b darkcyan:008b8b darkgoldenrod:b8860b ' +
  'darkgray:a9a9a9 darkgreen:006400 darkgrey:a9a9a9 darkkhaki:bdb76b darkmagenta:8b008b ' +
  'darkolivegreen:556b2f darkorange:ff8c00 darkorchid:9932cc darkred:8b0000 darksalmon:e9967a ' +
  'darkseagreen:8fbc8f darkslateblue:483d8b darkslategray:2f4f4f darkslategrey:2f4f4f darkturquoise:00ced1 ' +
  'darkviolet:9400d3 deeppink:ff1493 deepskyblue:00bfff dimgray:696969 dimgrey:696969 dodgerblue:1e90ff ' +
  'firebrick:b22222 floralwhite:fffaf0 forestgreen:228b22 fuchsia:ff00ff gainsboro:dcdcdc ghostwhite:f8f8ff ' +
  'gold:ffd700 goldenrod:daa520 gray:808080 green:008000 greenyellow:adff2f grey:808080 honeydew:f0fff0 ' +
  'hotpink:ff69b4 indianred:cd5c5c indigo:4b0082 ivory:fffff0 khaki:f0e68c lavender:e6e6fa ' +
  'lavenderblush:fff0f5 lawngreen:7cfc00 lemonchiffon:fffacd lightblue:add8e6 lightcoral:f08080 ' +
  'lightcyan:e0ffff lightgoldenrodyellow:fafad2 lightgray:d3d3d3 lightgreen:90ee90 lightgrey:d3d3d3 ' +
  'lightpink:ffb6c1 lightsalmon:ffa07a lightseagreen:20b2aa lightskyblue:87cefa lightslategray:778899 ' +
  'lightslategrey:778899 lightsteelblue:b0c4de lightyellow:ffffe0 lime:00ff00 limegreen:32cd32 linen:faf0e6 ' +
  'magenta:ff00ff maroon:800000 mediumaquamarine:66cdaa mediumblue:0000cd mediumorchid:ba55d3 ' +
  'mediumpurple:9370db mediumseagreen:3cb371 mediumslateblue:7b68ee mediumspringgreen:00fa9a ' +
  'mediumturquoise:48d1cc mediumvioletred:c71585 midnightblue:191970 mintcream:f5fffa mistyrose:ffe4e1 ' +
  'moccasin:ffe4b5 navajowhite:ffdead navy:000080 oldlace:fdf5e6 olive:808000 olivedrab:6b8e23 ' +
  'orange:ffa500 orangered:ff4500 orchid:da70d6 palegoldenrod:eee8aa palegreen:98fb98 paleturquoise:afeeee ' +
  'palevioletred:db7093 papayawhip:ffefd5 peachpuff:ffdab9 peru:cd853f pink:ffc0cb plum:dda0dd ' +
  'powderblue:b0e0e6 purple:800080 rebeccapurple:663399 red:ff0000 rosybrown:bc8f8f royalblue:4169e1 ' +
  'saddlebrown:8b4513 salmon:fa8072 sandybrown:f4a460 seagreen:2e8b57 seashell:fff5ee sienna:a0522d ' +
  'silver:c0c0c0 skyblue:87ceeb slateblue:6a5acd slategray:708090 slategrey:708090 snow:fffafa ' +
  'springgreen:00ff7f steelblue:4682b4 tan:d2b48c teal:008080 thistle:d8bfd8 tomato:ff6347 turquoise:40e0d0 ' +
  'violet:ee82ee wheat:f5deb3 white:ffffff whitesmoke:f5f5f5 yellow:ffff00 yellowgreen:9acd32 ';

let named: Map<string, string> | undefined;
const namedColours = () => (named ??= new Map(NAMED.split(' ').map((pair) => pair.split(':') as [string, string])));

export type Rgb = [number, number, number];

/** `#rrggbb`, `#rgb` or a CSS named colour (any case) → its red, green and blue; undefined for anything else. */
export function parseColour(value: string): Rgb | undefined {
  const v = value.trim().toLowerCase();
  let hex = /^#([0-9a-f]{6})$/.exec(v)?.[1];
  const short = /^#([0-9a-f]{3})$/.exec(v)?.[1];
  if (short) hex = [...short].map((c) => c + c).join('');
  hex ??= namedColours().get(v);
  if (!hex) return undefined;
  return [0, 2, 4].map((i) => parseInt(hex!.slice(i, i + 2), 16)) as Rgb;
}

export const COLOUR_EXPECTED = 'a CSS colour: #rrggbb, #rgb or a colour name such as teal';

export const toHex = (c: Rgb) => `#${c.map((x) => Math.round(Math.min(255, Math.max(0, x))).toString(16).padStart(2, '0')).join('')}`;

/** WCAG 2 relative luminance. */
export function luminance([r, g, b]: Rgb): number {
  const lin = (x: number) => ((x /= 255) <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrast(a: Rgb, b: Rgb): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

/** `amount` (0…1) of `a` mixed into `b`. */
const mix = (a: Rgb, b: Rgb, amount: number): Rgb => a.map((x, i) => x * amount + b[i]! * (1 - amount)) as Rgb;
const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];

/** WCAG AA for text, with a little room so rounding in a renderer never takes it under. */
export const TEXT_CONTRAST = 4.6;

/**
 * The accent's colours. The stylesheet uses `--accent` for text (the template's name, the persona's
 * eyebrow, motives, channels, site links) on white and on light tints, so it must keep 4.5:1 there.
 * A light accent (yellow, say) would not: rather than refuse a brand colour, it is kept as it is for
 * decoration only (`--accent-decor`: rules, rings, the monogram's edge), and the text gets the same
 * hue darkened (mixed with black) just enough to reach 4.5:1 on the darkest background text sits on.
 * The tints behind accent text are made from the accent too, so they match it.
 */
export function accentColours(accent: Rgb): { text: string; decor: string; tint: string; line: string; head: string; headPath: string; headMuted: string; headRule: string; curve: string } {
  const tint = mix(accent, WHITE, 0.1);
  const line = mix(accent, WHITE, 0.3);
  // The darkest backgrounds accent text is drawn on: the tint, and the light chip colour of channels.
  const backgrounds: Rgb[] = [tint, [0xee, 0xf0, 0xfb], [0xf3, 0xf1, 0xfd]];
  let text = accent;
  for (let k = 1; k <= 40 && backgrounds.some((bg) => contrast(text, bg) < TEXT_CONTRAST); k++) text = mix(BLACK, accent, k / 40);
  // The stage header band: the accent darkened until white text on it has 7:1, so its lighter step
  // numbers and a fork's lighter path headings still keep 4.5:1; the curve's line in the same dark hue.
  let head = accent;
  for (let k = 1; k <= 40 && contrast(WHITE, head) < 7; k++) head = mix(BLACK, accent, k / 40);
  let headMuted = mix(WHITE, head, 0.8);
  for (let k = 0.8; k < 1 && contrast(headMuted, head) < TEXT_CONTRAST; k += 0.02) headMuted = mix(WHITE, head, k);
  let headPath = mix(WHITE, head, 0.15);
  for (let k = 0.15; k > 0 && contrast(WHITE, headPath) < TEXT_CONTRAST; k -= 0.01) headPath = mix(WHITE, head, k);
  return {
    text: toHex(text),
    decor: toHex(accent),
    tint: toHex(tint),
    line: toHex(line),
    head: toHex(head),
    headPath: toHex(headPath),
    headMuted: toHex(headMuted),
    headRule: toHex(mix(WHITE, head, 0.15)),
    curve: toHex(mix(BLACK, head, 0.1)),
  };
}

const GENERIC = ['serif', 'sans-serif', 'monospace', 'cursive', 'fantasy', 'system-ui', 'ui-serif', 'ui-sans-serif', 'ui-monospace', 'ui-rounded', 'math', 'emoji', 'fangsong'];
/** CSS-wide keywords: not font names. */
const RESERVED = ['inherit', 'initial', 'unset', 'revert', 'revert-layer', 'default'];

export const FONT_EXPECTED = 'a font-family list of installed fonts: names such as Inter or "Source Sans 3" and generic families (sans-serif, serif, system-ui), separated by commas';

/**
 * A font-family list, checked and written back in a safe form: each family is a generic family, a
 * quoted name, or words of letters, digits, `-` and `_`. Nothing else gets through: no `;{}<>\`, no
 * `url(`, no comment, no escape, no control character. Returns the list, or why not.
 */
export function parseFontList(value: string): { ok: true; css: string } | { ok: false; reason: string } {
  if (value.length > 500) return { ok: false, reason: `expected ${FONT_EXPECTED}, found text of ${value.length} characters` };
  const families: string[] = [];
  for (const raw of value.split(',')) {
    const item = raw.trim();
    if (!item) return { ok: false, reason: `expected ${FONT_EXPECTED}, found an empty name in ${JSON.stringify(value)}` };
    const quoted = /^"([^"\\]*)"$|^'([^'\\]*)'$/.exec(item);
    const name = quoted ? (quoted[1] ?? quoted[2]!) : item;
    // Letters of any script, digits, spaces, dashes, underscores, dots and plus: what font names are made of.
    if (!/^[\p{L}\p{N} ._+-]+$/u.test(name) || !/\S/.test(name)) {
      return { ok: false, reason: `expected ${FONT_EXPECTED}, found ${JSON.stringify(item)}, which has characters a font name does not` };
    }
    const lower = name.toLowerCase();
    if (!quoted && GENERIC.includes(lower)) families.push(lower);
    else if (!quoted && RESERVED.includes(lower)) return { ok: false, reason: `expected ${FONT_EXPECTED}, found ${JSON.stringify(item)}, a CSS keyword` };
    else families.push(`"${name.trim().replace(/\s+/g, ' ')}"`);
  }
  return { ok: true, css: families.join(', ') };
}

/** The theme as the API takes it: the keys of `theme:` in journey.config.yaml. */
export interface ThemeOptions {
  /** `#rrggbb`, `#rgb` or a CSS colour name. */
  accent?: string;
  /** A font-family list of installed fonts. */
  font?: string;
  /** A local PNG, JPEG or WebP file (at most 1 MB), relative to the working folder. */
  logo?: string;
  /** The logo's alternative text (default "Logo"). */
  logoAlt?: string;
}

/** A theme as documents take it: checked values only. */
export interface Theme {
  /** The accent as written (`#0f766e`, `teal`). */
  accent?: string;
  /** A checked font-family list, as parseFontList writes it. */
  font?: string;
  /** The logo, inlined: a data: URI, and its alternative text. */
  logo?: { src: string; alt: string };
}

/** The system fonts every document falls back to (as the stylesheet's own list). */
const FALLBACK = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", "DejaVu Sans", Arial, sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji"';

/** The CSS a theme adds after the stylesheet; empty without a theme, so such documents do not change. */
export function themeCss(theme: Theme | undefined): string {
  if (!theme) return '';
  const rules: string[] = [];
  const accent = theme.accent ? parseColour(theme.accent) : undefined;
  if (accent) {
    const c = accentColours(accent);
    rules.push(
      `:root { --accent: ${c.text}; --accent-decor: ${c.decor}; --accent-tint: ${c.tint}; --accent-line: ${c.line}; ` +
        `--head: ${c.head}; --head-path: ${c.headPath}; --head-muted: ${c.headMuted}; --head-rule: ${c.headRule}; --curve-ink: ${c.curve}; }`,
      // The bands' edges in the accent too (their tints still tell the bands apart).
      `:root .section { --band-edge: ${c.decor}; }`,
    );
  }
  if (theme.font) {
    const font = parseFontList(theme.font);
    if (font.ok) rules.push(`body { font-family: ${font.css}, ${FALLBACK}; }`);
  }
  return rules.length ? `\n/* theme (journey.config.yaml) */\n${rules.join('\n')}\n` : '';
}
