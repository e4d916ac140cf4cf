import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { DEMO_API_USER } from '@vicidash/vicidial-sim/seeds/demo';

// The built app (`npm start`'s launcher) on the embedded VICIdial with demo data, in Debian's Chromium.
const port = Number(process.env.E2E_PORT ?? 8190);
const baseURL = `http://127.0.0.1:${port}`;
// The VICIdial API user the dashboard writes as, which VICIdial's own log shows: VICIDIAL_API_USER,
// the BFF's setting (the demo launcher seeds its VICIdial with it); the demo's own name when unset.
// The specs read it from here (support/vicidial.ts), never a name of their own.
process.env.VICIDIAL_API_USER ??= DEMO_API_USER;

export default defineConfig({
  testDir: './tests',
  outputDir: './artifacts/results',
  workers: 1,
  // One retry: a test that passes only on its second try is reported as flaky (npm test prints the
  // count), so a flake is seen without failing the run.
  retries: 1,
  timeout: 30_000,
  use: {
    baseURL,
    // The pages' own screenshots are kept by checkPage (support/pages.ts); a test's last state only when it failed.
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: 'node apps/demo/dist/main.js',
    cwd: '..',
    url: `${baseURL}/api/health`,
    env: {
      PORT: String(port),
      DEMO_DATA_DIR: join(tmpdir(), `vicidash-e2e-${port}`),
      LOG_LEVEL: 'warn',
      VICIDIAL_API_USER: process.env.VICIDIAL_API_USER,
    },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
  },
});
