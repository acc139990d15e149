import { resolve } from 'node:path';
import { jsonSchema } from '../core/json-schema.js';
import { fsReason, writeFileAtomic } from '../io/files.js';
import type { Io } from '../io/terminal.js';
import { painter } from '../report.js';
import type { TemplateId } from '../templates/registry.js';

export async function schema(options: { template?: TemplateId; output?: string }, io: Io): Promise<number> {
  const json = `${JSON.stringify(jsonSchema(options.template), null, 2)}\n`;
  if (!options.output || options.output === '-') {
    io.stdout(json);
    return 0;
  }
  try {
    await writeFileAtomic(resolve(io.cwd, options.output), json);
  } catch (error) {
    io.stderr(`${painter(io.color).red('error')} cannot write ${options.output}: ${fsReason(error)}\n`);
    return 1;
  }
  io.stderr(`${painter(io.color).green('✓')} wrote ${options.output}\n`);
  return 0;
}
