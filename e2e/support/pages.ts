import { expect, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './a11y.js';
import { screenshot } from './screens.js';

/** The page shows its heading and has finished loading, so checks and screenshots see it as people do. */
export async function pageSettled(page: Page, heading: string | RegExp): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /Loading|Updating|Checking/ })).toHaveCount(0);
}

/** Every visited page gets the same checks: it shows its heading, axe finds nothing serious, a screenshot is kept. */
export async function checkPage(page: Page, heading: string | RegExp, screenshotName: string): Promise<void> {
  await pageSettled(page, heading);
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, screenshotName);
}

/** The rows of the page's data table (header row excluded). */
export const tableRows = (page: Page) => page.getByRole('table').getByRole('row').filter({ has: page.getByRole('cell') });

/** The list's "Showing 1–50 of 130" line. */
export const listSummary = (page: Page) => page.locator('.pagination-summary');
