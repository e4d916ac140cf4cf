import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

/** Screenshots of each page, kept as test artifacts (e2e/artifacts is not committed). */
const SCREENS_DIR = join(import.meta.dirname, '..', 'artifacts', 'screens');

/** The whole page by default; `fullPage: false` for what the window shows. */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENS_DIR, `${name}.png`), fullPage });
}
