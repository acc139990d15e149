// The emotion curve as data for layouts. A curve is a list of series, each one line through the stage
// columns with a face at every scored point: a map draws one (its own), `journey diff` two (before and
// after), and a map with several personas will draw one per persona. The table layout draws the
// curve column by column, so `columns` holds, per stage, each series' point in that column.
import { emotionLevel, emotionWord, signedScore } from '../core/emotion.js';
import type { UiLabels } from '../core/locale.js';

/** A face's drawing, in a 24 × 24 box centred on 12,12: its strokes, and a filled open mouth for the two extremes. */
export interface FaceView {
  /** Its strokes (eyes, mouth), as path data. */
  lines: string;
  /** The filled open mouth of the two extremes, as path data; null for the others. */
  fill: string | null;
}

export interface CurvePoint {
  /** The stage has a score in this series. */
  scored: boolean;
  /** −2…2; null when unscored. */
  score: number | null;
  /** "−1", "0", "+2": signed with a real minus sign. */
  scoreText: string;
  /** The score in words, in the map's locale ("negative"). */
  word: string;
  /** m2 m1 z p1 p2 (none when unscored): the colour of the point and which face it wears. */
  level: string;
  /** Top-to-bottom position in percent of the curve's height. */
  y: number;
  /** The curve's path through this column: from the left edge, through the point, to the right edge. */
  path: string | null;
  /** The face drawn at the point: its expression says the level without colour. Null when unscored. */
  face: FaceView | null;
  /**
   * Where the label goes, on the point's own side of the midline and clear of its face: `above` or
   * `below` the face (the extremes toward the midline, the moderate levels away from it, where there is room).
   */
  labelSide: 'above' | 'below';
}

/** One line of the curve: the map's own, a persona's, or one side of a diff. */
export interface CurveSeries {
  /** The series' id: `map`, a persona's id, a path's (`giulia/decide/competitor`), or a diff's side. */
  key: string;
  /** The legend's name for the line (a persona, a file). */
  name: string;
  /** 1…5: the marker's shape and fill, and (unless `lineStyle` says otherwise) the line's dash pattern (CSS `series-N`), so lines differ without colour. */
  style: number;
  /** 1…5: the line's dash pattern (CSS `series-N` on the line): `style`, or a fork's path when the markers tell personas apart. */
  lineStyle: number;
  /** The marker's outline, in the face's box: circle, rounded square, diamond, hexagon, pentagon. */
  shape: string;
  /** A point per column, in the columns' order. */
  points: CurvePoint[];
}

/** One series' point in one column, with what the column's drawing needs of its series. */
export interface CurveMark extends CurvePoint {
  /** Its series' `key`. */
  series: string;
  /** Its series' `style`. */
  style: number;
  /** Its series' `lineStyle`. */
  lineStyle: number;
  /** Its series' `shape`. */
  shape: string;
  /** Horizontal shift, in face widths, when several series meet at one point of a column (0 otherwise). */
  shift: number;
}

export interface CurveColumn {
  /** The scored points of every series in this stage's column, in series order (later ones on top). */
  marks: CurveMark[];
  /** Each series' line through this column, in series order: to and from its points, or passing over (`over`). */
  lines: {
    /** The series' `key`. */
    series: string;
    /** The series' `lineStyle`. */
    lineStyle: number;
    /** The line, as path data in the column's 100 × 100 box. */
    path: string;
    /** The main path leaving for its fork's paths or coming back from them: a level stub to the column's edge, drawn apart (faint). */
    over: boolean;
  }[];
  /** No series scores this stage: the column says so ("no score"). */
  gap: boolean;
}

export interface CurveView {
  /** Some stage has a score: without one, no curve is drawn. */
  hasScores: boolean;
  /** The curve's lines: the map's own, or one per persona and per path of a fork. */
  series: CurveSeries[];
  /** Per stage, what its column of the curve draws. */
  columns: CurveColumn[];
  /** The five levels from very positive to very negative, named in the map's locale, at their height. */
  scale: {
    /** `p2`, `p1`, `z`, `m1`, `m2`. */
    level: string;
    /** The level in words, in the map's locale. */
    word: string;
    /** Its height, in percent of the curve's from the top. */
    y: number;
  }[];
  /** Faint lines across the columns at the levels other than the midline, as path data in the columns' 100 × 100 box. */
  grid: string;
  /** Each point written beside it ("−1 negative"): for a single line; with several, the scale is read instead. */
  labels: boolean;
  /** Several lines are told apart by a legend. */
  legend: boolean;
  /** The legend's entries: every series by default; a map's personas and a fork's paths (see view/map-curve.ts). */
  legendItems: LegendItem[];
  /** The legend in groups with a title (personas, paths), for a map with several personas and a fork. */
  legendGroups: {
    /** The group's title ("Personas", "Paths"); null when there is one group. */
    title: string | null;
    /** Its entries. */
    legendItems: LegendItem[];
  }[];
  /** The first series' points: format-version-1 layout data (custom layouts, Markdown). */
  points: CurvePoint[];
}

/** One entry of a legend: a name after a piece of its line, its marker, or both, in its series' look. */
export interface LegendItem {
  /** The name the legend gives (a persona, a path). */
  name: string;
  /** 1…5: the series' look (CSS `series-N`): the marker's fill and the line's dash. */
  style: number;
  /** The marker's outline, as path data in the face's 24 × 24 box. */
  shape: string;
  /** The entry shows a piece of the line. */
  line: boolean;
  /** The entry shows the marker. */
  marker: boolean;
}

/** What a series is made from: its name and one score (or none) per stage column. */
export interface SeriesInput {
  key: string;
  name: string;
  /** Its points: a score or null per column (null: no face there). */
  scores: (number | null)[];
  /** The series' look, 1…5; by default its place in the list. */
  style?: number;
  /** The line's dash pattern, 1…5; by default `style`. */
  lineStyle?: number;
  /**
   * The columns its line joins, in order, when not every column in turn (a fork's paths): a column
   * of its own points (a number), or another series' point where the line starts or ends without a
   * face (the decision, the stage where the paths meet again). Two scored neighbours are joined.
   */
  route?: (number | { column: number; score: number | null })[];
  /**
   * How the line joins two points of its route with other columns between them (a fork): `bridge`
   * runs level from each point to the edge of its column, facing the other, and draws nothing over
   * the columns between (the main path past its fork's paths; drawn apart, `over`); `gap` does not join them, so the line
   * ends at one point and starts again at the other (a path whose decision or rejoin lies past another
   * path's columns). Unset: straight across.
   */
  jump?: 'bridge' | 'gap';
}

/** Options of a curve: whether points carry their words, and the legend when the series do not make it. */
export interface CurveOptions {
  /** Each point written beside it (default: with one series only). */
  labels?: boolean;
  legendItems?: LegendItem[];
  legendGroups?: { title: string | null; legendItems: LegendItem[] }[];
}

/** Height of a score in the curve, in percent from the top: +2 at 14%, 0 on the midline, −2 at 86%. */
export const pointY = (score: number) => 50 - score * 18;

/** The grid lines of the four levels off the midline, as one path in a 100 × 100 box. */
export const CURVE_GRID = [2, 1, -1, -2].map((score) => `M0,${pointY(score)}H100`).join('');

/** The face of each level (render/symbols.ts draws each once per document). */
export const FACES: Record<string, FaceView> = {
  p2: { lines: 'M6.8,10.2q1.7,-2.4 3.4,0M13.8,10.2q1.7,-2.4 3.4,0', fill: 'M6.8,13.6h10.4q0,5.4 -5.2,5.4q-5.2,0 -5.2,-5.4z' },
  p1: { lines: 'M8.5,9.6v.01M15.5,9.6v.01M7.6,14.2q4.4,4.4 8.8,0', fill: null },
  z: { lines: 'M8.5,9.6v.01M15.5,9.6v.01M7.8,15.6h8.4', fill: null },
  m1: { lines: 'M8.5,9.6v.01M15.5,9.6v.01M7.6,17.4q4.4,-4.4 8.8,0', fill: null },
  m2: { lines: 'M6.4,7.2l3.6,1.8M17.6,7.2l-3.6,1.8M8.4,11.4v.01M15.6,11.4v.01', fill: 'M7.4,19.4h9.2q0,-4.8 -4.6,-4.8q-4.6,0 -4.6,4.8z' },
};

/** Marker outlines for series 1…5, in the face's box (its view box reaches from −2 to 26). */
const SHAPES = [
  'M1,12a11,11 0 1,0 22,0a11,11 0 1,0 -22,0z',
  'M4.5,1h15a3.5,3.5 0 0 1 3.5,3.5v15a3.5,3.5 0 0 1 -3.5,3.5h-15a3.5,3.5 0 0 1 -3.5,-3.5v-15a3.5,3.5 0 0 1 3.5,-3.5z',
  'M12,-1.5L25.5,12L12,25.5L-1.5,12z',
  'M12,-0.5L23.3,6V18L12,24.5L0.7,18V6z',
  'M12,-0.5L24.4,8.6L19.7,23.2H4.3L-0.4,8.6z',
];
export const MAX_SERIES = SHAPES.length;
/** The marker outline of series style 1…5. */
export const markerShape = (style: number) => SHAPES[style - 1]!;

/** Label placement per level: see CurvePoint.labelSide (the stylesheet places a mark's label by its level alike). */
const LABEL_SIDE: Record<string, 'above' | 'below'> = { p2: 'below', p1: 'above', z: 'below', m1: 'below', m2: 'above' };

function points(scores: (number | null)[], paths: (string | null)[], ui: UiLabels): CurvePoint[] {
  return scores.map((score, i): CurvePoint => {
    if (score === null) return { scored: false, score: null, scoreText: '', word: ui.noScore, level: 'none', y: 50, path: null, face: null, labelSide: 'below' };
    const level = emotionLevel(score);
    return { scored: true, score, scoreText: signedScore(score), word: emotionWord(score, ui), level, y: pointY(score), path: paths[i] ?? null, face: FACES[level]!, labelSide: LABEL_SIDE[level]! };
  });
}

const round = (n: number) => Math.round(n * 100) / 100;
/** A series' line in one column: its own stretch (to and from its points) and a bridge's stub. */
interface ColumnLine {
  own: string | null;
  bridge: string | null;
}
/** A straight piece of a line in one column, in that column's 100 × 100 box: from x, y to x, y. */
type Piece = [number, number, number, number];

/**
 * A series' line, column by column: each column draws its share of the line (in its own 100 × 100
 * box), from the point before to the point after, meeting a neighbour half-way on their border. Two
 * points of the route further apart (a fork's path) are joined straight across the columns between,
 * or as `jump` says. A point with no score leaves a gap on both sides.
 *
 * Written with plain locals, not destructured arrays: every thread of a batch optimises this loop,
 * and destructuring made it one of the costliest functions for V8 to compile.
 */
function linePaths(input: SeriesInput, count: number): ColumnLine[] {
  // The route's columns and heights as plain numbers (NaN where there is no score): points written
  // as numbers and as { column, score } objects, scores and nulls, are one kind of value to V8.
  const steps = input.route ?? input.scores.map((_, i) => i);
  const columns: number[] = [];
  const heights: number[] = [];
  for (const step of steps) {
    const column = typeof step === 'number' ? step : step.column;
    const score = typeof step === 'number' ? (input.scores[step] ?? null) : step.score;
    columns.push(column);
    heights.push(score === null ? NaN : pointY(score));
  }
  const own: Piece[][] = Array.from({ length: count }, () => []);
  const bridges: Piece[][] = Array.from({ length: count }, () => []);
  for (let k = 1; k < steps.length; k++) {
    const y0 = heights[k - 1]!;
    const y1 = heights[k]!;
    if (Number.isNaN(y0) || Number.isNaN(y1) || columns[k - 1] === columns[k]) continue;
    const x0 = columns[k - 1]! + 0.5;
    const x1 = columns[k]! + 0.5;
    const lo = Math.min(x0, x1);
    const hi = Math.max(x0, x1);
    if (input.jump && hi - lo > 1) {
      // A path's line never crosses another path's columns: it ends at its point, and starts at the next.
      if (input.jump === 'gap') continue;
      // The main path leaves its point level to the edge of the decision's column and comes back level
      // from the edge of the next main stage's: it says "goes on" without a line over the paths'
      // columns, which would read as a score no stage has.
      const leftY = x0 < x1 ? y0 : y1;
      const rightY = x0 < x1 ? y1 : y0;
      const cl = Math.floor(lo);
      const cr = Math.floor(hi);
      addPiece(bridges, cl, lo, leftY, cl + 1, leftY);
      addPiece(bridges, cr, cr, rightY, hi, rightY);
      continue;
    }
    for (let c = Math.floor(lo); c < hi && c < count; c++) {
      const from = Math.max(lo, c);
      const to = Math.min(hi, c + 1);
      if (to <= from) continue;
      const fy = from === x0 ? y0 : from === x1 ? y1 : heightAt(from, x0, y0, x1, y1);
      const ty = to === x1 ? y1 : to === x0 ? y0 : heightAt(to, x0, y0, x1, y1);
      addPiece(own, c, from, fy, to, ty);
    }
  }
  const lines: ColumnLine[] = [];
  for (let c = 0; c < count; c++) lines.push({ own: joined(own[c]!), bridge: joined(bridges[c]!) });
  return lines;
}

/** A piece of a line in column `c`, given in the columns' x units (c + 0…1); none outside the columns. */
function addPiece(columns: Piece[][], c: number, from: number, fy: number, to: number, ty: number): void {
  if (c >= 0 && c < columns.length) columns[c]!.push([round((from - c) * 100), round(fy), round((to - c) * 100), round(ty)]);
}

/** The height of the straight line from (x0, y0) to (x1, y1) at x; exactly half-way at the middle. */
function heightAt(x: number, x0: number, y0: number, x1: number, y1: number): number {
  return x === (x0 + x1) / 2 ? (y0 + y1) / 2 : round(y0 + ((y1 - y0) * (x - x0)) / (x1 - x0));
}

/** A column's pieces as one SVG path, left to right: joined where one ends at the next one's start. */
function joined(pieces: Piece[]): string | null {
  if (!pieces.length) return null;
  pieces.sort((p, q) => p[0] - q[0]);
  let d = '';
  let endX = NaN;
  let endY = NaN;
  for (const piece of pieces) {
    d += endX === piece[0] && endY === piece[1] ? ` L${piece[2]},${piece[3]}` : `${d ? ' ' : ''}M${piece[0]},${piece[1]} L${piece[2]},${piece[3]}`;
    endX = piece[2];
    endY = piece[3];
  }
  return d;
}

/** The curve of one or more series (at most five) over the same stage columns. */
export function buildCurveView(inputs: SeriesInput[], ui: UiLabels, options: CurveOptions = {}): CurveView {
  const count = Math.max(0, ...inputs.map((s) => s.scores.length));
  const paths = inputs.map((input) => linePaths(input, count));
  const series = inputs.map((input, i): CurveSeries => {
    const style = input.style ?? i + 1;
    const lineStyle = input.lineStyle ?? style;
    if (style > MAX_SERIES || lineStyle > MAX_SERIES) throw new Error(`an emotion curve draws at most ${MAX_SERIES} series styles, not ${Math.max(style, lineStyle)}`);
    return { key: input.key, name: input.name, style, lineStyle, shape: SHAPES[style - 1]!, points: points(input.scores, paths[i]!.map((p) => [p.own, p.bridge].filter(Boolean).join(' ') || null), ui) };
  });
  const columns = Array.from({ length: count }, (_, c): CurveColumn => {
    // Every field written out, in the point's order: a spread of points gave marks several shapes,
    // and V8 went to its runtime for their fields.
    const marks: CurveMark[] = [];
    for (const s of series) {
      const p = s.points[c];
      if (!p?.scored) continue;
      marks.push({ scored: p.scored, score: p.score, scoreText: p.scoreText, word: p.word, level: p.level, y: p.y, path: p.path, face: p.face, labelSide: p.labelSide, series: s.key, style: s.style, lineStyle: s.lineStyle, shape: s.shape, shift: 0 });
    }
    // The main path's stubs at its fork's paths are drawn apart, faint: they say the path goes on.
    const lines = series.flatMap((s, i) => {
      const { own, bridge } = paths[i]![c]!;
      return [...(own ? [{ series: s.key, lineStyle: s.lineStyle, path: own, over: false }] : []), ...(bridge ? [{ series: s.key, lineStyle: s.lineStyle, path: bridge, over: true }] : [])];
    });
    // Series that meet at one point stand side by side around it, not on top of each other.
    for (const score of new Set(marks.map((m) => m.score))) {
      const same = marks.filter((m) => m.score === score);
      same.forEach((m, j) => (m.shift = same.length > 1 ? j - (same.length - 1) / 2 : 0));
    }
    return { marks, lines, gap: marks.length === 0 };
  });
  const legendItems = options.legendItems ?? series.map((s) => ({ name: s.name, style: s.style, shape: s.shape, line: true, marker: true }));
  return {
    hasScores: columns.some((c) => !c.gap),
    series,
    columns,
    scale: [2, 1, 0, -1, -2].map((score) => ({ level: emotionLevel(score), word: emotionWord(score, ui), y: pointY(score) })),
    grid: CURVE_GRID,
    labels: options.labels ?? series.length === 1,
    legend: legendItems.length > 1,
    legendItems,
    legendGroups: options.legendGroups ?? [{ title: null, legendItems }],
    points: series[0]?.points ?? [],
  };
}

/** The part of a curve over columns `from` to `to` (a table of a split poster). */
export function sliceCurve(curve: CurveView, from: number, to: number): CurveView {
  return {
    hasScores: curve.hasScores,
    series: curve.series.map((s) => ({ ...s, points: s.points.slice(from, to) })),
    columns: curve.columns.slice(from, to),
    scale: curve.scale,
    grid: curve.grid,
    labels: curve.labels,
    legend: curve.legend,
    legendItems: curve.legendItems,
    legendGroups: curve.legendGroups,
    points: curve.points.slice(from, to),
  };
}

/** The curve in words, for screen readers: "Emotion curve: Awareness: negative (−1); …", a sentence per series. */
export function describeCurve(curve: CurveView, stageNames: string[], ui: UiLabels): string {
  return curve.series
    .map((s) => {
      const name = curve.series.length > 1 ? ` (${s.name})` : '';
      return `${ui.emotionCurve}${name}: ${stageNames.map((stage, i) => `${stage}: ${s.points[i]!.scored ? `${s.points[i]!.word} (${s.points[i]!.scoreText})` : ui.noScore}`).join('; ')}.`;
    })
    .join(' ');
}
