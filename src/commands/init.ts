// journey init: a starter map with every lane of its template, and the JSON Schema its first line
// points editors to when there is none yet.
import { dirname, join, relative, resolve } from 'node:path';
import { jsonSchema } from '../core/json-schema.js';
import { EXIT } from '../errors.js';
import type { Io } from '../io/terminal.js';
import { createWriter, exists, WriteError } from '../pipeline/write.js';
import { painter } from '../report/text.js';
import { chooseTemplate, templatesOf } from '../io/templates.js';
import { openConfig } from '../pipeline/session.js';

export interface InitOptions {
  template: string;
  force: boolean;
}

export const SCHEMA_FILE = 'journey.schema.json';

export async function init(file: string, options: InitOptions, io: Io): Promise<number> {
  const paint = painter(io.color);
  const write = createWriter(io);
  const templates = templatesOf(await openConfig({}, io));
  await write(file, chooseTemplate(templates, options.template).starter, { what: 'starter map', projectRoot: io.cwd, writesMaps: true, force: options.force });
  io.stderr(`${paint.green('✓')} created ${file} from the ${options.template} template\n`);

  const schemaPath = relative(io.cwd, join(dirname(resolve(io.cwd, file)), SCHEMA_FILE)) || SCHEMA_FILE;
  if (!(await exists(resolve(io.cwd, schemaPath)))) {
    try {
      await write(schemaPath, `${JSON.stringify(jsonSchema(templates), null, 2)}\n`, { what: 'JSON Schema', projectRoot: io.cwd });
      io.stderr(`${paint.green('✓')} created ${SCHEMA_FILE} for completion and checks in your editor\n`);
    } catch (error) {
      if (!(error instanceof WriteError)) throw error;
      io.stderr(`${paint.yellow('warning')} ${error.message}\n`);
    }
  }
  io.stderr(`Next: edit ${file}, then run ${paint.bold(`journey build ${file}`)}\n`);
  return EXIT.ok;
}
