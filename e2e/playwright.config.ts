import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

// The built app (`npm start`'s launcher) on the embedded VICIdial with demo data, in Debian's Chromium.
const port = Number(process.env.E2E_PORT ?? 8190);
const baseURL = `http://127.0.0.1:${port}`;

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
    screenshot: 'on',
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
    env: { PORT: String(port), DEMO_DATA_DIR: join(tmpdir(), `vicidash-e2e-${port}`), LOG_LEVEL: 'warn' },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
  },
});
