import { defineConfig } from 'vitest/config';

// Workspace packages are imported from source (the "@vicidash/source" export condition), never from dist.
const conditions = ['@vicidash/source'];
export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ['src/**/*.test.ts'],
    // `npm test` runs every workspace at once on a small machine: a test may wait its turn for a core.
    // What a test proves never depends on its speed (timings live in bench/), so the limits are generous.
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
