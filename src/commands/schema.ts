// journey schema: the JSON Schema of the map format, for editors.
import { jsonSchema, personaJsonSchema } from '../core/json-schema.js';
import { EXIT } from '../errors.js';
import type { Io } from '../io/terminal.js';
import { createWriter } from '../pipeline/write.js';
import { painter } from '../report/text.js';
import { chooseTemplate, templatesOf } from '../io/templates.js';
import { openConfig } from '../pipeline/session.js';

export async function schema(options: { template?: string; persona?: boolean; output?: string }, io: Io): Promise<number> {
  // The config's own templates are the project's: its maps may name them, so its schema knows them.
  const templates = options.persona ? undefined : templatesOf(await openConfig({}, io));
  const json = `${JSON.stringify(templates ? jsonSchema(templates, options.template && chooseTemplate(templates, options.template).id) : personaJsonSchema(), null, 2)}\n`;
  await createWriter(io)(options.output ?? '-', json, { what: 'JSON Schema', projectRoot: io.cwd });
  if (options.output && options.output !== '-') io.stderr(`${painter(io.color).green('✓')} wrote ${options.output}\n`);
  return EXIT.ok;
}
