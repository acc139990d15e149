// The API's type declarations for the package: tsc emits a .d.ts for every module src/index.ts
// reaches (tsconfig.types.json), then only those the public declarations refer to are kept, so
// dist/types holds the API's types and what they are made of, not the CLI's internals.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';

const OUT = 'dist/types';
rmSync(OUT, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.types.json'], { stdio: 'inherit' });

const keep = new Set();
const visit = (file) => {
  if (keep.has(file)) return;
  keep.add(file);
  for (const [, spec] of readFileSync(file, 'utf8').matchAll(/(?:from|import\()\s*'(\.{1,2}\/[^']+)'/g)) {
    visit(resolve(dirname(file), spec.replace(/\.js$/, '.d.ts')));
  }
};
visit(resolve(OUT, 'index.d.ts'));

for (const file of readdirSync(OUT, { recursive: true })) {
  const path = resolve(OUT, file);
  if (path.endsWith('.d.ts') && !keep.has(path)) rmSync(path);
}
// Folders left empty.
for (const dir of readdirSync(OUT, { recursive: true, withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => join(d.parentPath, d.name)).reverse()) {
  if (readdirSync(dir).length === 0) rmSync(dir, { recursive: true });
}
console.log(`dist/types: ${keep.size} declaration files (${[...keep].map((f) => relative(OUT, f)).join(', ')})`);
