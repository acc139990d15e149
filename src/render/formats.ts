// The registry of output formats: what each is called, which file extensions it writes, and which
// commands make it: `journey build` (and the API's render and build), `journey diff`, `journey export`.
// A format build writes declares its options here (flag, config key, API name, type, default, help);
// the command line, the config file's schema, the build plan and the API are made from them.
// Renderers are loaded only when a document of their format is asked for.
import { extname } from 'node:path';
import type { ChalkInstance } from 'chalk';
import { closest } from '../core/describe.js';
import type { MapDiff } from '../core/diff.js';
import { booleanOption, choiceOption, helpLine, numberOption, optionProblem, type FormatOption, type OptionValue, type OptionValues } from '../core/format-options.js';
import type { JourneyMap } from '../core/model.js';
import type { RenderContext, RenderFormat } from './options.js';

export type { RenderContext, RenderFormat } from './options.js';
export { helpLine, optionProblem } from '../core/format-options.js';

// The options, each declared once; a format lists those its renderer reads.
const mdLayout = choiceOption({
  name: 'mdLayout', flag: '--md-layout <layout>', key: 'md_layout', what: 'a Markdown layout',
  choices: ['auto', 'table', 'sections'], default: 'auto',
  help: 'Markdown map as a table, one section per stage, or auto: a table up to a few stages',
});
const pageSize = choiceOption({
  name: 'pageSize', flag: '--page-size <size>', key: 'page_size', what: 'a page size',
  choices: ['A4', 'A3', 'Letter', 'Legal', 'Tabloid'], default: 'A4',
  help: 'PDF paper size, and the shape of a PNG',
});
const portrait = booleanOption({ name: 'portrait', flag: '--portrait', key: 'portrait', default: false, help: 'PDF (and the shape of a PNG) in portrait (default: landscape)' });
const pdfLayout = choiceOption({
  name: 'pdfLayout', flag: '--pdf-layout <layout>', key: 'pdf_layout', what: 'a PDF layout',
  choices: ['poster', 'document'], default: 'poster',
  help: 'PDF of the map alone fitted to the page (poster), or the whole document',
});
// Above 4, an image of a large map runs into the browser's limits on image size.
const scale = numberOption({ name: 'scale', flag: '--scale <n>', key: 'scale', what: 'a scale', above: 0, max: 4, default: 2, help: 'PNG pixels per CSS pixel, up to 4' });

/** What `journey build` does with a format: its renderer, loaded on first use, and the options it reads. */
export interface BuildFormat<O extends readonly FormatOption[] = readonly FormatOption[]> {
  needsBrowser: boolean;
  options: O;
  load: () => Promise<RenderFormat<RenderContext & OptionValues<O[number]>>>;
}
/** `journey diff`'s report of two maps; `paint` colours terminal text. */
export type DiffFormat = (diff: MapDiff, files: [string, string], paint: ChalkInstance) => string;
/** `journey export`'s file of a map. */
export type ExportFormat = (map: JourneyMap) => Promise<string | Uint8Array>;

export interface FormatDefinition {
  /** The first extension is the one written; for build, all of them choose the format from `-o`. */
  extensions: readonly string[];
  build?: BuildFormat;
  diff?: () => Promise<DiffFormat>;
  export?: () => Promise<ExportFormat>;
}

// Typed helpers, so the API's declaration files name the types above rather than renderer modules.
const build = <const O extends readonly FormatOption[]>(format: BuildFormat<O>) => format;
const diff = (pick: (m: typeof import('./diff.js')) => DiffFormat) => async (): Promise<DiffFormat> => pick(await import('./diff.js'));
const sheet = (format: 'csv' | 'xlsx') => async (): Promise<ExportFormat> => {
  const { renderSheet } = await import('./sheet.js');
  return (map) => renderSheet(map, format);
};

export const FORMATS = {
  text: { extensions: ['.txt'], diff: diff((m) => m.diffText) },
  html: {
    extensions: ['.html', '.htm'],
    build: build({ needsBrowser: false, options: [], load: async () => (await import('./html.js')).renderHtmlDocument }),
    diff: diff((m) => m.diffHtml),
  },
  md: {
    extensions: ['.md', '.markdown'],
    build: build({ needsBrowser: false, options: [mdLayout], load: async () => (await import('./markdown.js')).renderMarkdownDocument }),
    diff: diff((m) => m.diffMarkdown),
  },
  pdf: { extensions: ['.pdf'], build: build({ needsBrowser: true, options: [pageSize, portrait, pdfLayout], load: async () => (await import('./pdf.js')).renderPdf }) },
  png: { extensions: ['.png'], build: build({ needsBrowser: true, options: [pageSize, portrait, scale], load: async () => (await import('./png.js')).renderPng }) },
  csv: { extensions: ['.csv'], export: sheet('csv') },
  xlsx: { extensions: ['.xlsx'], export: sheet('xlsx') },
} satisfies Record<string, FormatDefinition>;

type Formats = typeof FORMATS;
export type Command = 'build' | 'diff' | 'export';
/** The formats a command makes. */
type MadeBy<C extends Command> = { [K in keyof Formats]: Formats[K] extends Record<C, unknown> ? K : never }[keyof Formats];
/** A format journey build (and the API) writes. */
export type Format = MadeBy<'build'>;
export type DiffFormatId = MadeBy<'diff'>;
export type ExportFormatId = MadeBy<'export'>;

/** The formats a command makes, in the registry's order. */
export const formatsOf = <C extends Command>(command: C) => (Object.keys(FORMATS) as (keyof Formats)[]).filter((id) => command in FORMATS[id]) as MadeBy<C>[];
export const FORMAT_IDS = formatsOf('build');
export const isFormat = (name: string): name is Format => (FORMAT_IDS as string[]).includes(name);

/** Every option of every format build writes, once each, in the registry's order. */
type AnyOption = { [K in Format]: Formats[K]['build']['options'][number] }[Format];
export const FORMAT_OPTIONS: readonly AnyOption[] = [...new Set(FORMAT_IDS.flatMap((id): readonly AnyOption[] => FORMATS[id].build.options))];
/** The value of every format option, by its API name: what the build plan holds and renderers read. */
export type FormatOptionValues = OptionValues<AnyOption>;
/** What the config file's schema (core/config-schema.ts) takes from the registry. */
export const CONFIG_CHOICES = { formats: FORMAT_IDS as [Format, ...Format[]], options: FORMAT_OPTIONS, help: helpLine, problem: optionProblem };
export type PageSize = OptionValue<typeof pageSize>;
export type PdfLayout = OptionValue<typeof pdfLayout>;
export type MarkdownLayout = OptionValue<typeof mdLayout>;

/** The file extension a format writes, with its dot. */
export const extensionOf = (format: keyof Formats) => FORMATS[format].extensions[0]!;

const wordList = (ids: readonly string[]) => `${ids.slice(0, -1).join(', ')} or ${ids.at(-1)}`;

/** "unknown format 'pfd': expected html, md, pdf or png (did you mean pdf?)"; a format of another command says which. */
export function unknownFormat(command: Command, name: string, more = ''): string {
  const ids = formatsOf(command);
  const other = (['build', 'diff', 'export'] as const).find((c) => c !== command && (formatsOf(c) as string[]).includes(name));
  // Format names are short: two letters swapped (pfd, xslx) is the usual slip.
  const letters = (word: string) => [...word].sort().join('');
  const guess = other ? undefined : (closest(name, ids) ?? ids.find((id) => letters(id) === letters(name.toLowerCase())));
  const hint = other ? ` (journey ${other} writes ${name})` : guess ? ` (did you mean ${guess}?)` : '';
  return `unknown format '${name}': expected ${wordList(ids)}${more}${hint}`;
}

/** `-f html,md` → ['html', 'md']; without -f, the output's extension decides, else HTML. */
export function chooseFormats(format: string | undefined, output: string | undefined): Format[] | { error: string } {
  if (format) {
    const names = format.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
    const unknown = names.find((f) => !isFormat(f));
    if (unknown !== undefined || names.length === 0) return { error: unknownFormat('build', unknown ?? format, ', or several like html,pdf') };
    return [...new Set(names as Format[])];
  }
  const ext = output && output !== '-' ? extname(output).toLowerCase() : '';
  return [FORMAT_IDS.find((id) => (FORMATS[id].extensions as readonly string[]).includes(ext)) ?? 'html'];
}
