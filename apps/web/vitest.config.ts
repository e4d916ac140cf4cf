import { defineConfig, mergeConfig } from 'vitest/config';
import base from '../../packages/testkit/vitest.base.ts';
import vite from './vite.config.ts';

// The SPA's component and unit tests: the repo's base config (sources of workspace packages),
// the app's own Vite config (React), in jsdom.
export default mergeConfig(
  mergeConfig(base, vite),
  defineConfig({
    test: {
      environment: 'jsdom',
      include: ['src/**/*.test.{ts,tsx}'],
      setupFiles: ['src/test/setup.ts'],
    },
  }),
);
