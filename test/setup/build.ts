import { execSync } from 'node:child_process';

// The end-to-end tests run bin/journey.js, which runs the bundle: build it from the current source.
export default function setup(): void {
  execSync('npm run --silent build', { stdio: 'inherit' });
}
