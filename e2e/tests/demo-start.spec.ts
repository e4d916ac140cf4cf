import { expect, test } from '@playwright/test';

// The demo launcher brings up the dashboard on the embedded VICIdial; the browser reaches it.
test('the dashboard started by the demo launcher answers in Chromium', async ({ page }) => {
  const response = await page.goto('/api/health');
  expect(response?.status()).toBe(200);
  await expect(page.locator('body')).toContainText('"status":"ok"');
});
