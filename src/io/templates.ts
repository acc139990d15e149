// A project's own templates: the files journey.config.yaml names under `templates:`, read like any
// untrusted input (inside the config's folder, never through a link out of it, within a size
// limit) and added to the built-in ones. The result is the registry the commands pass to the core.
import { dirname, join, relative, resolve } from 'node:path';
import { problem, type Diagnostic } from '../core/diagnostics.js';
import { closest } from '../core/describe.js';
import { templateIn, type TemplateRegistry } from '../core/templates.js';
import { usageError } from '../errors.js';
import { TEMPLATES } from '../templates/registry.js';
import type { TemplateDefinition } from '../templates/types.js';
import { readMapBytes } from './files.js';
import { staysInFolder } from './write-guard.js';

const registries = new WeakMap<readonly TemplateDefinition[], TemplateRegistry>();
/**
 * The templates a project's maps may name: the built-in ones, and the config's own (`teamTemplates`,
 * plain data that a build plan carries to its worker threads) when it has some.
 */
export function templatesOf(config?: { teamTemplates?: readonly TemplateDefinition[] }): TemplateRegistry {
  const team = config?.teamTemplates;
  if (!team?.length) return TEMPLATES;
  let registry = registries.get(team);
  if (!registry) registries.set(team, (registry = { ...TEMPLATES, ...Object.fromEntries(team.map((t) => [t.id, t])) }));
  return registry;
}

/** The template `--template` names, or a usage error that lists them (a project's own are known only once its config is read). */
export function chooseTemplate(templates: TemplateRegistry, id: string): TemplateDefinition {
  const def = templateIn(templates, id);
  if (def) return def;
  const near = closest(id, Object.keys(templates));
  throw usageError(`unknown template ${JSON.stringify(id)}: expected one of ${Object.keys(templates).join(', ')} (a project's own templates are listed under \`templates:\` in journey.config.yaml)${near ? `; did you mean ${near}?` : ''}`);
}

/**
 * A project's own templates with those whose file is among `saved` read again (watch and preview
 * follow a template file as an input of its maps). One that now has problems stays as it was, and
 * its problems are returned.
 */
export async function rereadTeamTemplates(team: TemplateDefinition[] | undefined, saved: readonly string[], projectRoot: string, cwd: string): Promise<{ templates?: TemplateDefinition[]; diagnostics: Diagnostic[] }> {
  if (!team?.some((t) => t.file && saved.includes(t.file))) return { templates: team, diagnostics: [] };
  const { readTemplate, MAX_TEMPLATE_BYTES } = await import('../core/team-template.js');
  const diagnostics: Diagnostic[] = [];
  const templates = await Promise.all(
    team.map(async (t) => {
      if (!t.file || !saved.includes(t.file)) return t;
      const shown = relative(cwd, t.file) || t.file;
      const read = await readMapBytes(t.file, { maxBytes: MAX_TEMPLATE_BYTES, projectRoot, expected: 'a template file' });
      if (!read.ok) return (diagnostics.push(problem(shown, 1, 1, 'file', read.reason, read.code)), t);
      const others = templatesOf({ teamTemplates: team.filter((o) => o !== t) });
      const again = await readTemplate(shown, read.bytes, others);
      if (!again.ok) return (diagnostics.push(...again.diagnostics), t);
      return { ...again.template, id: t.id, file: t.file };
    }),
  );
  return { templates, diagnostics };
}

export type TeamTemplates = { ok: true; templates: TemplateDefinition[] } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Reads the template files a config file names (`entries`, relative to its folder `dir`); `shown`
 * is the config file as printed, and `at` places a problem of an entry in it.
 */
export async function readTeamTemplates(entries: readonly string[], dir: string, shown: string, at: (path: (string | number)[]) => Promise<{ line: number; col: number }>): Promise<TeamTemplates> {
  const { readTemplate, MAX_TEMPLATE_BYTES } = await import('../core/team-template.js');
  let taken: TemplateRegistry = TEMPLATES;
  const templates: TemplateDefinition[] = [];
  const diagnostics: Diagnostic[] = [];
  const refuse = async (i: number, message: string, code: 'path-outside' | 'file-not-found' | 'file-unreadable' | 'too-large') => {
    const { line, col } = await at(['templates', i]);
    diagnostics.push(problem(shown, line, col, `templates[${i}]`, message, code));
  };
  for (const [i, entry] of entries.entries()) {
    if (!(await staysInFolder(entry, dir))) {
      await refuse(i, `template file ${JSON.stringify(entry)} leads outside the folder of ${shown}: a project's templates stay inside its folder`, 'path-outside');
      continue;
    }
    const path = resolve(dir, entry);
    const read = await readMapBytes(path, { maxBytes: MAX_TEMPLATE_BYTES, projectRoot: dir, expected: 'a template file' });
    if (!read.ok) {
      await refuse(i, `template file ${JSON.stringify(entry)}: ${read.reason.replace(/^cannot read the file: /, 'cannot read it: ')}`, read.code);
      continue;
    }
    const template = await readTemplate(join(dirname(shown), entry), read.bytes, taken);
    if (!template.ok) diagnostics.push(...template.diagnostics);
    else {
      templates.push({ ...template.template, file: path });
      taken = { ...taken, [template.template.id]: template.template };
    }
  }
  return diagnostics.length ? { ok: false, diagnostics } : { ok: true, templates };
}
