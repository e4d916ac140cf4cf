import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `npm test` runs every workspace's tests in one vitest run; each workspace keeps its own config.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    projects: ['packages/*/vitest.config.ts', 'apps/*/vitest.config.ts'],
    // One worker per core. Vitest's default (cores - 1) is a single worker on a 2-core machine, every
    // file in a row, while most of a test's time is waiting on MariaDB, a child process or a socket.
    maxWorkers: '100%',
  },
});
