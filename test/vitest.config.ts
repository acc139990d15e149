import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: new URL('..', import.meta.url).pathname,
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests run the real bin, which runs the bundle: build it once first. The same setup
    // gives the run its own temporary folder and, at the end, stops any browser a test left running.
    globalSetup: ['test/setup/build.ts'],
    // Sized for a loaded 2-core machine: no test asserts how long it took (that is `npm run bench`),
    // and a wait ends as soon as what it waits for happens.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
