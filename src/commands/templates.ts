import { EXIT } from '../errors.js';
import { LISTING, type Locale } from '../core/locale.js';
import type { Io } from '../io/terminal.js';
import { painter } from '../report/text.js';
import { TEMPLATE_IDS, TEMPLATES } from '../templates/registry.js';

/** Lists the templates: what each is for and the questions its lanes answer. */
export function templates(locale: Locale, io: Io): number {
  const paint = painter(io.color);
  const words = LISTING[locale];
  const blocks = TEMPLATE_IDS.map((id) => {
    const def = TEMPLATES[id];
    const labels = def.labels[locale];
    const lanes = def.lanes.map((l) => `    ${l.key.padEnd(20)} ${labels.lanes[l.key]}${l.optional ? paint.dim(` (${words.optional})`) : ''}`);
    // The band keys a custom lane may name (`band:`), with the template's lanes in each.
    const bands = def.bands.map((band) => `${band} (${def.lanes.filter((l) => l.band === band).map((l) => l.key).join(', ')})`).join(', ');
    const bandLine = `  ${paint.dim(`${words.bands}: ${bands}; ${words.defaultBand}: ${def.defaultBand}`)}`;
    return [`${paint.bold(id)}  ${labels.name}`, `  ${labels.use}`, `  ${paint.dim(`${words.columns}: ${labels.columns}; ${words.lanes}:`)}`, ...lanes, bandLine].join('\n');
  });
  io.stdout(`${blocks.join('\n\n')}\n`);
  return EXIT.ok;
}
