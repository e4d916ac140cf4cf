import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `npm test` runs every workspace's tests in one vitest run; each workspace keeps its own config.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    projects: ['packages/*/vitest.config.ts', 'apps/*/vitest.config.ts'],
  },
});
