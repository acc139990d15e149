// What an option of an output format is, as data: its command-line flag, its key in
// journey.config.yaml, its name in the API (and in the build plan and the renderer's context), its
// type, default and help line. Each format declares its options in render/formats.ts; the CLI, the
// config file's schema, the build plan and the API are made from those declarations. Pure and free
// of zod, so the command line reads them without loading a validator.
import { describeValue, listWords } from './describe.js';

interface Declared<N extends string, V> {
  /** The API's name, also the build plan's and the renderer's: `pageSize`. */
  name: N;
  /** The command-line flag, with its argument unless a switch: `--page-size <size>`. */
  flag: string;
  /** The key in journey.config.yaml: `page_size`. */
  key: string;
  default: V;
  /** One line for `journey build --help` and the config file's schema. */
  help: string;
}

/** One of a list of words: `--page-size A3`. `what` names the value in messages: "a page size". */
export interface ChoiceOption<N extends string = string, C extends readonly [string, ...string[]] = readonly [string, ...string[]]> extends Declared<N, C[number]> {
  type: 'choice';
  choices: C;
  what: string;
}

/** A number greater than `above` and at most `max`: `--scale 3`. */
export interface NumberOption<N extends string = string> extends Declared<N, number> {
  type: 'number';
  what: string;
  above: number;
  max?: number;
}

/** A switch: `--portrait`, `portrait: true`. */
export interface BooleanOption<N extends string = string> extends Declared<N, boolean> {
  type: 'boolean';
}

/** Free text: `what` names it in messages. */
export interface StringOption<N extends string = string> extends Declared<N, string> {
  type: 'string';
  what: string;
}

export type FormatOption = ChoiceOption | NumberOption | BooleanOption | StringOption;

/** The type of an option's value. */
export type OptionValue<O> = O extends ChoiceOption<string, infer C> ? C[number] : O extends NumberOption ? number : O extends BooleanOption ? boolean : string;

/** The values of some options, by their API names: `{ pageSize: 'A4' | …; scale: number }`. */
export type OptionValues<O extends FormatOption> = { [P in O as P['name']]: OptionValue<P> };

export const choiceOption = <const N extends string, const C extends readonly [string, ...string[]]>(o: Omit<ChoiceOption<N, C>, 'type'>): ChoiceOption<N, C> => ({ type: 'choice', ...o });
export const numberOption = <const N extends string>(o: Omit<NumberOption<N>, 'type'>): NumberOption<N> => ({ type: 'number', ...o });
export const booleanOption = <const N extends string>(o: Omit<BooleanOption<N>, 'type'>): BooleanOption<N> => ({ type: 'boolean', ...o });
export const stringOption = <const N extends string>(o: Omit<StringOption<N>, 'type'>): StringOption<N> => ({ type: 'string', ...o });

/** The option's help line, with its default: for `--help` and the config file's schema. */
export const helpLine = (o: FormatOption) => (o.type === 'boolean' ? o.help : `${o.help} (default: ${o.default})`);

/** What a number option takes, in words: "a scale greater than 0 and at most 4". */
export function numberRange(o: NumberOption): string {
  return `${o.what} greater than ${o.above}${o.max === undefined ? '' : ` and at most ${o.max}`}`;
}

/**
 * Why a value does not fit an option ("expected a scale of at most 4"), or nothing when it fits: the
 * words the command line and the API say, and the config file's schema repeats with what it found.
 */
export function optionProblem(o: FormatOption, value: unknown): string | undefined {
  switch (o.type) {
    case 'choice':
      return (o.choices as readonly unknown[]).includes(value) ? undefined : `expected ${o.what}: ${listWords(o.choices)}`;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'expected true or false';
    case 'string':
      return typeof value === 'string' ? undefined : `expected ${o.what}`;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return `expected ${numberRange(o)}`;
      if (value <= o.above) return `expected ${o.what} greater than ${o.above}`;
      return o.max !== undefined && value > o.max ? `expected ${o.what} of at most ${o.max}` : undefined;
  }
}

/**
 * Every option's value, from the first layer that sets it (the command line or the API's options,
 * then the config file), else its default; or the first value that does not fit, as `name: reason`.
 */
export function resolveOptions<O extends FormatOption>(options: readonly O[], ...layers: (object | undefined)[]): { ok: true; values: OptionValues<O> } | { ok: false; reason: string } {
  const values: Record<string, unknown> = {};
  const at = (layer: object | undefined, name: string) => (layer as Record<string, unknown> | undefined)?.[name];
  for (const o of options) {
    const given = at(layers.find((layer) => at(layer, o.name) !== undefined), o.name);
    const reason = given === undefined ? undefined : optionProblem(o, given);
    if (reason) return { ok: false, reason: `${o.name}: ${reason}, found ${describeValue(given)}` };
    values[o.name] = given ?? o.default;
  }
  return { ok: true, values: values as OptionValues<O> };
}
