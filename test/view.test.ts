// The view a team's own layout receives is a public contract: its type (LayoutData, View) is in the
// API's declarations, every field has a doc comment, README.md's list of the fields ("Your own
// layout") names exactly the type's fields, and a layout can read the view's version.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { render } from '../src/index.js';
import { ROOT } from './helpers.js';

const TYPES = join(ROOT, 'src', 'render', 'view', 'types.ts');
/** `labels` holds every built-in label of the locale by name (dozens, the locale's own list): the README names it, not each label. */
const NOT_LISTED = new Set(['labels']);

const program = ts.createProgram([TYPES], { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, noEmit: true });
const checker = program.getTypeChecker();
const exported = checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(TYPES)!)!);
const LAYOUT_DATA = checker.getDeclaredTypeOfSymbol(exported.find((s) => s.name === 'LayoutData')!);

const propertyType = (property: ts.Symbol) => checker.getTypeOfSymbolAtLocation(property, property.valueDeclaration!);

/** The type whose fields a layout reads under a field: the field's own, or its list's items'; null for a plain value (text, number, flag). */
function fieldsOf(type: ts.Type): ts.Type | null {
  let t = checker.getNonNullableType(type);
  if (checker.isArrayType(t)) t = checker.getNonNullableType(checker.getTypeArguments(t as ts.TypeReference)[0]!);
  return t.flags & ts.TypeFlags.Object || t.isIntersection() ? t : null;
}

const names = (type: ts.Type) => checker.getPropertiesOfType(type).map((p) => p.name);

/** The types an interface extends (CurveMark: CurvePoint). */
const baseTypes = (type: ts.Type): ts.Type[] => (type.isClassOrInterface() ? (checker.getBaseTypes(type) ?? []) : []);

interface Entry {
  name: string;
  line: number;
  children: Entry[];
}

/**
 * The README's list of the view's fields: nested bullets, two spaces a level, each starting with one
 * field name (or several, for fields without fields of their own) before its description.
 */
function readmeList(): Entry[] {
  const lines = readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n');
  const section = lines.findIndex((l) => l === '### Your own layout');
  const start = lines.findIndex((l, i) => i > section && l === '<details>');
  const end = lines.findIndex((l, i) => i > start && l === '</details>');
  expect(section, 'README: a section "Your own layout"').toBeGreaterThan(0);
  expect(start, 'README: the view\'s fields in a <details> block of "Your own layout"').toBeGreaterThan(section);
  const root: Entry[] = [];
  const open: Entry[][] = [root];
  for (let i = start + 1; i < end; i++) {
    const bullet = /^( *)- ((?:`\w+`(?:, )?)+)(?::|$)/.exec(lines[i]!);
    if (!bullet) continue;
    const depth = bullet[1]!.length / 2;
    expect(Number.isInteger(depth) && depth < open.length, `README.md:${i + 1}: a bullet two spaces deeper than its field`).toBe(true);
    open.length = depth + 1;
    const entries = [...bullet[2]!.matchAll(/`(\w+)`/g)].map((m) => ({ name: m[1]!, line: i + 1, children: [] as Entry[] }));
    open[depth]!.push(...entries);
    open.push(entries.length === 1 ? entries[0]!.children : []);
  }
  return root;
}

/** Every difference between the README's list and the type, each a sentence naming the field and where the README has it. */
function compare(list: Entry[]): string[] {
  const problems: string[] = [];
  // Types whose fields the README lists somewhere (a field with its fields under it), and where it lists none.
  const documented = new Set<ts.Type>();
  const undocumented: { path: string; line: number; type: ts.Type }[] = [];
  const missing: { path: string; field: string; type: ts.Type }[] = [];
  const walk = (entries: Entry[], type: ts.Type, path: string) => {
    const properties = new Map(checker.getPropertiesOfType(type).map((p) => [p.name, p]));
    for (const entry of entries) {
      const property = properties.get(entry.name);
      if (!property) {
        problems.push(`README.md:${entry.line}: \`${path}${entry.name}\` is not a field of the view`);
        continue;
      }
      const inner = fieldsOf(propertyType(property));
      if (entry.children.length && !inner) problems.push(`README.md:${entry.line}: \`${path}${entry.name}\` has no fields to list`);
      else if (entry.children.length) {
        documented.add(inner!);
        if (inner!.isIntersection()) inner!.types.forEach((t) => documented.add(t));
        walk(entry.children, inner!, `${path}${entry.name}.`);
      } else if (inner && !NOT_LISTED.has(entry.name)) undocumented.push({ path: `${path}${entry.name}`, line: entry.line, type: inner });
    }
    const listed = new Set(entries.map((e) => e.name));
    for (const field of properties.keys()) if (!listed.has(field)) missing.push({ path, field, type });
  };
  walk(list, LAYOUT_DATA, '');
  for (const { path, line, type } of undocumented) {
    if (!documented.has(type)) problems.push(`README.md:${line}: \`${path}\` lists none of its fields (${names(type).join(', ')}), and no other field of its type does`);
  }
  // A type that extends another may leave the other's fields to where the README lists them.
  for (const { path, field, type } of missing) {
    if (!baseTypes(type).some((base) => documented.has(base) && names(base).includes(field))) problems.push(`README.md: \`${path}${field}\`, a field of the view, is not listed`);
  }
  return problems;
}

/** Every field a layout can reach, with where it is. */
function everyField(): { path: string; property: ts.Symbol }[] {
  const seen = new Set<ts.Type>();
  const fields: { path: string; property: ts.Symbol }[] = [];
  const visit = (type: ts.Type, path: string) => {
    if (seen.has(type)) return;
    seen.add(type);
    for (const property of checker.getPropertiesOfType(type)) {
      fields.push({ path: `${path}${property.name}`, property });
      const inner = fieldsOf(propertyType(property));
      if (inner && !NOT_LISTED.has(property.name)) visit(inner, `${path}${property.name}.`);
    }
  };
  visit(LAYOUT_DATA, '');
  return fields;
}

describe('the view a layout receives', () => {
  it("is listed in the README field for field, as its type has them, and nothing more", () => {
    const list = readmeList();
    expect(list.length).toBeGreaterThan(20);
    expect(compare(list)).toEqual([]);
  });

  it('tells apart a README list that lacks a field, names one the view has not, or lists no field of a type', () => {
    const list = readmeList();
    const stages = list.find((e) => e.name === 'stages')!;
    const fields = stages.children.find((e) => e.name === 'fields')!;
    const changed = [
      ...list.filter((e) => e.name !== 'version' && e !== stages),
      { ...stages, children: [...stages.children.filter((e) => e.name !== 'heading' && e !== fields), { ...fields, children: [] }, { name: 'subtitle', line: 1, children: [] }] },
    ];
    expect(compare(changed).sort()).toEqual([
      'README.md: `stages.heading`, a field of the view, is not listed',
      'README.md: `version`, a field of the view, is not listed',
      'README.md:1: `stages.subtitle` is not a field of the view',
      `README.md:${fields.line}: \`stages.fields\` lists none of its fields (key, label, value), and no other field of its type does`,
    ]);
  });

  it('has a doc comment on every field', () => {
    const fields = everyField();
    expect(fields.length).toBeGreaterThan(100);
    const bare = fields.filter(({ property }) => !ts.displayPartsToString(property.getDocumentationComment(checker)).trim()).map((f) => f.path);
    expect(bare).toEqual([]);
  });

  it('is version 1, which a layout reads', async () => {
    const html = await render(readFileSync(join(ROOT, 'test', 'fixtures', 'valid', 'minimal.yaml')), 'html', { layout: '<p class="v">view {{version}}</p>' });
    expect(html).toContain('<p class="v">view 1</p>');
  });

  it('numbers the sources in the order the map is read, row by row and band by band', async () => {
    // Read: the actions row (Diary), the touchpoints row (Calls), then the pain points (Survey, Calls),
    // though stage 1 comes first and the pain points' row is made before the lanes'.
    const map = `template: current-state
title: Sources
stages:
  - name: One
    emotion: 0
    pain_points: [{ text: Waits, source: Survey }]
  - name: Two
    emotion: 1
    actions: [{ text: Writes, source: Diary }]
    touchpoints: [{ name: Phone, source: Calls }]
    pain_points: [{ text: Again, source: Calls }]
`;
    const layout = '{{#each sections}}{{#each rows}}{{#each cells}}{{#each items}}[{{text}} {{sourceNumber}}]{{/each}}{{/each}}{{/each}}{{/each}}|{{#each evidence.sources}}{{number}}={{text}};{{/each}}';
    const html = await render(map, 'html', { layout });
    expect(html).toContain('[Writes 1][Phone 2][Waits 3][Again 2]|1=Diary;2=Calls;3=Survey;');
  });
});
