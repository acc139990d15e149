import { fileURLToPath } from 'node:url';

// Both src/paths.ts (tests) and dist/*.js (the bundle) sit one level below the package root.
export const TEMPLATES_DIR = fileURLToPath(new URL('../templates/', import.meta.url));
