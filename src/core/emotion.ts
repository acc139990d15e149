// The emotion scale in one place: the scores, the words a map may write for them, how a score is
// written ("−1"), named in a locale, placed on the curve and drawn (the stylesheet's level-* classes).
import type { UiLabels } from './locale.js';

export const EMOTION_MIN = -2;
export const EMOTION_MAX = 2;
export type EmotionScore = -2 | -1 | 0 | 1 | 2;

/** Words a map may write instead of a number. */
export const EMOTION_WORDS = {
  'very-negative': -2,
  frustrated: -2,
  negative: -1,
  worried: -1,
  neutral: 0,
  positive: 1,
  happy: 1,
  'very-positive': 2,
  delighted: 2,
} as const satisfies Record<string, EmotionScore>;

/** Per score: the level class the stylesheet colours and places (`level-m1`), and the Markdown symbol. */
const LEVELS: Record<EmotionScore, { level: string; symbol: string }> = {
  [-2]: { level: 'm2', symbol: '😫' },
  [-1]: { level: 'm1', symbol: '🙁' },
  0: { level: 'z', symbol: '😐' },
  1: { level: 'p1', symbol: '🙂' },
  2: { level: 'p2', symbol: '😄' },
};

export const emotionLevel = (score: number) => LEVELS[score as EmotionScore].level;
export const emotionSymbol = (score: number) => LEVELS[score as EmotionScore].symbol;

/** "+2", "0", "−1": signed, with a real minus sign. */
export function signedScore(score: number): string {
  return score > 0 ? `+${score}` : score < 0 ? `−${-score}` : '0';
}

/** The score's name in the map's locale ("negative"). */
export function emotionWord(score: number, ui: UiLabels): string {
  return ui.emotions[String(score) as keyof UiLabels['emotions']];
}

/** Height on the curve in percent from the top: very positive near the top, very negative near the bottom. */
export const curveY = (score: number) => 50 - score * 20;

/** Mermaid's `journey` chart scores tasks 1…5. */
export const mermaidScore = (score: number) => score - EMOTION_MIN + 1;
