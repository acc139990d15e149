// The locales, and every word of every page per locale: one module per language in locales/, each
// typed `Messages` (locales/messages.ts), so a language that lacks a word, or has one English has
// not, does not compile. Template-specific labels (lane questions, template names) live with each
// template in src/templates/<id>/.
import { en } from './locales/en.js';
import { it } from './locales/it.js';
import type { DiffLabels, ListingLabels, Messages, PreviewLabels, SiteLabels, UiLabels } from './locales/messages.js';
import { pl } from './locales/pl.js';

export { MOTIVES } from './locales/messages.js';
export type { DiffLabels, ListingLabels, Messages, PreviewLabels, SiteLabels, UiLabels };

export const LOCALES = ['en', 'it', 'pl'] as const;
export type Locale = (typeof LOCALES)[number];
/** Each locale's language, in English, for messages (`felice` is Italian). */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', it: 'Italian', pl: 'Polish' };

export const MESSAGES: Record<Locale, Messages> = { en, it, pl };

const part = <K extends keyof Messages>(key: K) => Object.fromEntries(LOCALES.map((l) => [l, MESSAGES[l][key]])) as Record<Locale, Messages[K]>;
/** The documents' labels. */
export const UI: Record<Locale, UiLabels> = part('ui');
/** The words of `journey diff` (text, Markdown and HTML), in the later map's locale. */
export const DIFF: Record<Locale, DiffLabels> = part('diff');
/** The words of `journey templates` around the templates' own labels. */
export const LISTING: Record<Locale, ListingLabels> = part('listing');
/** The words of `journey site`'s pages, in the portfolio's locale (a map's page: the map's). */
export const SITE: Record<Locale, SiteLabels> = part('site');
/** The words of `journey preview`'s overlay and waiting page, in the locale of the page shown. */
export const PREVIEW: Record<Locale, PreviewLabels> = part('preview');
