// journey schema: the JSON Schema of the map format, for editors.
import { jsonSchema, personaJsonSchema } from '../core/json-schema.js';
import { EXIT } from '../errors.js';
import type { Io } from '../io/terminal.js';
import { createWriter } from '../pipeline/write.js';
import { painter } from '../report/text.js';
import type { TemplateId } from '../templates/registry.js';

export async function schema(options: { template?: TemplateId; persona?: boolean; output?: string }, io: Io): Promise<number> {
  const json = `${JSON.stringify(options.persona ? personaJsonSchema() : jsonSchema(options.template), null, 2)}\n`;
  await createWriter(io)(options.output ?? '-', json, { what: 'JSON Schema', projectRoot: io.cwd });
  if (options.output && options.output !== '-') io.stderr(`${painter(io.color).green('✓')} wrote ${options.output}\n`);
  return EXIT.ok;
}
