// journey schema: the JSON Schema of the map format (or of a persona file, or of journey.config.yaml), for editors.
import { buildConfigSchema } from '../core/config-schema.js';
import { configJsonSchema, jsonSchema, personaJsonSchema } from '../core/json-schema.js';
import { EXIT } from '../errors.js';
import type { Io } from '../io/terminal.js';
import { createWriter } from '../pipeline/write.js';
import { CONFIG_CHOICES } from '../render/formats.js';
import { painter } from '../report/text.js';
import type { TemplateId } from '../templates/registry.js';

export async function schema(options: { template?: TemplateId; persona?: boolean; config?: boolean; output?: string }, io: Io): Promise<number> {
  const doc = options.config ? configJsonSchema(buildConfigSchema(CONFIG_CHOICES)) : options.persona ? personaJsonSchema() : jsonSchema(options.template);
  const json = `${JSON.stringify(doc, null, 2)}\n`;
  await createWriter(io)(options.output ?? '-', json, { what: 'JSON Schema', projectRoot: io.cwd });
  if (options.output && options.output !== '-') io.stderr(`${painter(io.color).green('✓')} wrote ${options.output}\n`);
  return EXIT.ok;
}
