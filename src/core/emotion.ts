// The emotion scale in one place: the scores, the words a map may write for them, how a score is
// written ("−1"), named in a locale, placed on the curve and drawn (the stylesheet's level-* classes).
import { foldWord } from './describe.js';
import { LOCALES, type Locale, type UiLabels } from './locale.js';

export const EMOTION_MIN = -2;
export const EMOTION_MAX = 2;
export type EmotionScore = -2 | -1 | 0 | 1 | 2;

/**
 * Words a map may write instead of a number: English ones in every map, and those of the map's
 * locale (`locale:`, or the config file's). The one vocabulary: validation, the JSON Schema, the
 * README and `journey import` all read it here. Words of one score stand in the same order in every
 * locale (frustrated, frustrato, sfrustrowany), which is how a word is translated for a suggestion.
 * Italian and Polish adjectives come in every gender and number (`frustrat(o|a|i|e)`), since a map
 * says how one customer or a group of them feels; the first form is the one messages name.
 */
const VOCABULARY: Record<Locale, Record<EmotionScore, readonly string[]>> = {
  en: {
    [-2]: ['very-negative', 'frustrated'],
    [-1]: ['negative', 'worried'],
    0: ['neutral'],
    1: ['positive', 'happy'],
    2: ['very-positive', 'delighted'],
  },
  it: {
    [-2]: ['molto-negativ(o|a|i|e)', 'frustrat(o|a|i|e)'],
    [-1]: ['negativ(o|a|i|e)', 'preoccupat(o|a|i|e)'],
    0: ['neutral(e|i)', 'neutr(o|a|i|e)'],
    1: ['positiv(o|a|i|e)', 'felic(e|i)', 'content(o|a|i|e)'],
    2: ['molto-positiv(o|a|i|e)', 'entusiast(a|i|e)'],
  },
  pl: {
    [-2]: ['bardzo-negatywn(y|a|e|i)', 'sfrustrowan(y|a|e|i)'],
    [-1]: ['negatywn(y|a|e|i)', 'zmartwion(y|a|e)|zmartwieni'],
    0: ['neutraln(y|a|e|i)'],
    1: ['pozytywn(y|a|e|i)', 'zadowolon(y|a|e)|zadowoleni', 'szczęśliw(y|a|e|i)'],
    2: ['bardzo-pozytywn(y|a|e|i)', 'zachwycon(y|a|e)|zachwyceni'],
  },
};

const SCORES: readonly EmotionScore[] = [-2, -1, 0, 1, 2];

/** `felic(e|i)` → felice, felici; `zadowolon(y|a|e)|zadowoleni` → the three and zadowoleni. */
function forms(pattern: string): string[] {
  return pattern.split(/\|(?![^(]*\))/).flatMap((part) => {
    const m = /^(.*)\((.+)\)$/.exec(part);
    return m ? m[2]!.split('|').map((end) => m[1]! + end) : [part];
  });
}

/** Every form of every word, per locale, with its score. */
export const EMOTION_WORDS: Record<Locale, Readonly<Record<string, EmotionScore>>> = Object.fromEntries(
  LOCALES.map((l) => [l, Object.fromEntries(SCORES.flatMap((score) => VOCABULARY[l][score].flatMap((p) => forms(p).map((w) => [w, score]))))]),
) as Record<Locale, Record<string, EmotionScore>>;

/** A locale's words of one score in their first form (`frustrato`, not `frustrata`), for messages and the README. */
export const emotionHeadwords = (locale: Locale, score: EmotionScore): string[] => VOCABULARY[locale][score].map((p) => forms(p)[0]!);

/** A locale's words in their first form, from the most negative score to the most positive. */
export const emotionHeadwordList = (locale: Locale): string[] => SCORES.flatMap((score) => emotionHeadwords(locale, score));

/** The locales whose words a map in `locale` may write: English, and its own; every locale when it is not known. */
export const emotionLocales = (locale?: Locale): readonly Locale[] => (locale === undefined ? LOCALES : locale === 'en' ? ['en'] : ['en', locale]);

/** The words a map in `locale` may write, every form. */
export const emotionWords = (locale?: Locale): string[] => [...new Set(emotionLocales(locale).flatMap((l) => Object.keys(EMOTION_WORDS[l])))];

/** Every form of every word per locale, folded (describe.ts: `Molto negativa` finds `molto-negativa`), with its score. */
const FOLDED = Object.fromEntries(
  LOCALES.map((l) => [l, new Map(Object.entries(EMOTION_WORDS[l]).map(([w, score]) => [foldWord(w), score]))]),
) as Record<Locale, Map<string, EmotionScore>>;

/**
 * The score of an emotion word as written (`felice`, `Very positive`), among the words of `locales`
 * (default: every locale, as `journey import` reads a sheet in any language).
 */
export function emotionScoreOf(word: string, locales: readonly Locale[] = LOCALES): EmotionScore | undefined {
  const key = foldWord(word);
  for (const l of locales) if (FOLDED[l].has(key)) return FOLDED[l].get(key);
  return undefined;
}

/**
 * English feelings practitioners write that the format does not take, with the score whose word to
 * suggest (`angry` → frustrated). Only ever a suggestion: a map still has to say it the format's way.
 */
const NEAR_WORDS: Readonly<Record<string, EmotionScore>> = {
  angry: -2, furious: -2, annoyed: -2, irritated: -2, hate: -2,
  sad: -1, unhappy: -1, confused: -1, anxious: -1, nervous: -1, stressed: -1, disappointed: -1, upset: -1,
  ok: 0, okay: 0, fine: 0, indifferent: 0, calm: 0,
  satisfied: 1, pleased: 1, glad: 1, good: 1, relieved: 1, content: 1,
  excited: 2, thrilled: 2, ecstatic: 2, amazed: 2, great: 2,
};

/** The word of `locale` for a feeling the format does not take, written or nearly (`angy` → frustrated). */
export function nearEmotionWord(word: string, locale: Locale, closestOf: (word: string, candidates: string[]) => string | undefined): string | undefined {
  const near = closestOf(word, Object.keys(NEAR_WORDS));
  if (near === undefined) return undefined;
  const words = emotionHeadwords(locale, NEAR_WORDS[near]!);
  return words[Math.min(1, words.length - 1)];
}

/**
 * A word of another locale, and the same word in `locale` (`felice` in an English map → it, `happy`),
 * for the suggestion when a map writes a word its locale does not have.
 */
export function translateEmotionWord(word: string, locale: Locale): { from: Locale; word: string } | undefined {
  const key = foldWord(word);
  for (const from of LOCALES) {
    if (from === locale) continue;
    for (const score of SCORES) {
      const at = VOCABULARY[from][score].findIndex((p) => forms(p).some((form) => foldWord(form) === key));
      if (at < 0) continue;
      const words = emotionHeadwords(locale, score);
      return { from, word: words[Math.min(at, words.length - 1)]! };
    }
  }
  return undefined;
}

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
