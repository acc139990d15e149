import { access } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { jsonSchema } from '../core/json-schema.js';
import { fsReason, writeFileAtomic } from '../io/files.js';
import type { Io } from '../io/terminal.js';
import { painter } from '../report.js';
import { TEMPLATES, type TemplateId } from '../templates/registry.js';

export interface InitOptions {
  template: TemplateId;
  force: boolean;
}

export const SCHEMA_FILE = 'journey.schema.json';

/** Writes a starter map, and the JSON Schema its first line points editors to when there is none yet. */
export async function init(file: string, options: InitOptions, io: Io): Promise<number> {
  const paint = painter(io.color);
  const path = resolve(io.cwd, file);
  if (!options.force && (await exists(path))) {
    io.stderr(`${paint.red('error')} ${file} already exists: choose another name, or pass --force to overwrite it\n`);
    return 1;
  }
  try {
    await writeFileAtomic(path, TEMPLATES[options.template].starter);
  } catch (error) {
    io.stderr(`${paint.red('error')} cannot write ${file}: ${fsReason(error)}\n`);
    return 1;
  }
  io.stderr(`${paint.green('✓')} created ${file} from the ${options.template} template\n`);

  const schemaPath = join(dirname(path), SCHEMA_FILE);
  if (!(await exists(schemaPath))) {
    try {
      await writeFileAtomic(schemaPath, `${JSON.stringify(jsonSchema(), null, 2)}\n`);
      io.stderr(`${paint.green('✓')} created ${SCHEMA_FILE} for completion and checks in your editor\n`);
    } catch (error) {
      io.stderr(`${paint.yellow('warning')} cannot write ${SCHEMA_FILE}: ${fsReason(error)}\n`);
    }
  }
  io.stderr(`Next: edit ${file}, then run ${paint.bold(`journey build ${file}`)}\n`);
  return 0;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
