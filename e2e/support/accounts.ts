import { expect, type Page } from '@playwright/test';

/** The demo launcher's accounts, one per role. */
export const ACCOUNTS = {
  supervisor: { username: 'supervisor', password: 'supervisor-demo', displayName: 'Sam Supervisor' },
  helpdesk: { username: 'helpdesk', password: 'helpdesk-demo', displayName: 'Hana Helpdesk' },
  viewer: { username: 'viewer', password: 'viewer-demo', displayName: 'Vic Viewer' },
} as const;
export type Role = keyof typeof ACCOUNTS;
export const ROLES = Object.keys(ACCOUNTS) as Role[];

/** Fills and sends the login form that is on screen; then the user is back in the app. */
export async function submitLogin(page: Page, role: Role): Promise<void> {
  const account = ACCOUNTS[role];
  await page.getByLabel('Username').fill(account.username);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('banner')).toContainText(account.displayName);
}

/**
 * Logs in as `role` through the login page, then lands on `path` (default: the start page). The BFF
 * allows 20 logins a few minutes per address: tests that are not about logging in use the `loginAs`
 * fixture (support/fixtures.ts) instead.
 */
export async function loginViaForm(page: Page, role: Role, path = '/'): Promise<void> {
  await page.goto(path === '/' ? '/login' : `/login?next=${encodeURIComponent(path)}`);
  await submitLogin(page, role);
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
}
