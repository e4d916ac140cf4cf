import { defineConfig } from 'vitest/config';

// Workspace packages are imported from source (the "@vicidash/source" export condition), never from dist.
const conditions = ['@vicidash/source'];
export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: { include: ['src/**/*.test.ts'] },
});
