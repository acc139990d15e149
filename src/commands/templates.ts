import { EXIT } from '../errors.js';
import { LISTING, type Locale } from '../core/locale.js';
import type { Io } from '../io/terminal.js';
import { painter } from '../report/text.js';
import { relative } from 'node:path';
import { templatesOf } from '../io/templates.js';
import { openConfig } from '../pipeline/session.js';

/** Lists the templates, the project's own (journey.config.yaml) after the built-in ones: what each is for and the questions its lanes answer. */
export async function templates(locale: Locale, io: Io): Promise<number> {
  const paint = painter(io.color);
  const words = LISTING[locale];
  const blocks = Object.values(templatesOf(await openConfig({}, io))).map((def) => {
    const id = def.id;
    const labels = def.labels[locale];
    const lanes = def.lanes.map((l) => `    ${l.key.padEnd(20)} ${labels.lanes[l.key]}${l.optional ? paint.dim(` (${words.optional})`) : ''}`);
    // The band keys a custom lane may name (`band:`), with the template's lanes in each.
    const bands = def.bands.map((band) => `${band} (${def.lanes.filter((l) => l.band === band).map((l) => l.key).join(', ')})`).join(', ');
    const bandLine = `  ${paint.dim(`${words.bands}: ${bands}; ${words.defaultBand}: ${def.defaultBand}`)}`;
    const file = def.file ? [`  ${paint.dim(relative(io.cwd, def.file))}`] : [];
    return [`${paint.bold(id)}  ${labels.name}`, ...file, `  ${labels.use}`, `  ${paint.dim(`${words.columns}: ${labels.columns}; ${words.lanes}:`)}`, ...lanes, bandLine].join('\n');
  });
  io.stdout(`${blocks.join('\n\n')}\n`);
  return EXIT.ok;
}
