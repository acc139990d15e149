// journey schema: the JSON Schema of the map format (or of a persona file, or of journey.config.yaml), for editors.
import { buildConfigSchema } from '../core/config-schema.js';
import { configJsonSchema, jsonSchema, personaJsonSchema } from '../core/json-schema.js';
import { EXIT } from '../errors.js';
import type { Io } from '../io/terminal.js';
import { createWriter } from '../pipeline/write.js';
import { CONFIG_CHOICES } from '../render/formats.js';
import { painter } from '../report/text.js';
import { chooseTemplate, templatesOf } from '../io/templates.js';
import { openConfig } from '../pipeline/session.js';
import type { TemplateRegistry } from '../core/templates.js';

export async function schema(options: { template?: string; persona?: boolean; config?: boolean; output?: string }, io: Io): Promise<number> {
  // The config's own templates are the project's: its maps may name them, so its schema knows them.
  const templates = async () => templatesOf(await openConfig({}, io));
  const map = async (all: TemplateRegistry) => jsonSchema(all, options.template && chooseTemplate(all, options.template).id);
  const doc = options.config ? configJsonSchema(buildConfigSchema(CONFIG_CHOICES)) : options.persona ? personaJsonSchema() : await map(await templates());
  const json = `${JSON.stringify(doc, null, 2)}\n`;
  await createWriter(io)(options.output ?? '-', json, { what: 'JSON Schema', projectRoot: io.cwd });
  if (options.output && options.output !== '-') io.stderr(`${painter(io.color).green('✓')} wrote ${options.output}\n`);
  return EXIT.ok;
}
