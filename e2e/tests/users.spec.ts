import { loginViaForm, logout } from '../support/accounts.js';
import { expect, test } from '../support/fixtures.js';
import { checkPage } from '../support/pages.js';

// Dashboard accounts from the browser: a supervisor adds one, its owner logs in with the one-time
// password and must choose their own before anything else.

test('a supervisor adds a user; the new user logs in with the one-time password, chooses their own, reaches the dashboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // The demo's data outlives a run: a name of this run's own.
  const username = `nina${Date.now().toString(36)}`;
  await loginViaForm(page, 'supervisor');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
  await checkPage(page, 'Users', 'users-list');

  await page.getByRole('button', { name: 'Add user' }).click();
  const add = page.getByRole('dialog', { name: 'Add a user' });
  await add.getByLabel('Username').fill(username);
  await add.getByRole('textbox', { name: 'Name', exact: true }).fill('Nina Park');
  await add.getByLabel('Role').selectOption('helpdesk');
  await add.getByRole('button', { name: 'Add user' }).click();

  const shown = page.getByRole('dialog', { name: `One-time password for ${username}` });
  await expect(shown).toBeVisible();
  await checkPage(page, 'Users', 'users-one-time-password');
  await shown.getByRole('button', { name: 'Copy' }).click();
  await expect(shown.getByText('Copied to the clipboard.')).toBeVisible();
  const oneTime = await page.evaluate(() => navigator.clipboard.readText());
  expect(oneTime).toBe(await shown.getByLabel('One-time password').textContent());
  await shown.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('table', { name: 'Dashboard users' }).getByRole('row').filter({ hasText: username })).toContainText('Never');
  await logout(page);

  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(oneTime);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/password$/);
  await checkPage(page, 'Change your password', 'password-forced');
  // Nothing else opens meanwhile.
  await page.goto('/dids');
  await expect(page).toHaveURL(/\/password$/);

  await page.getByLabel('One-time password').fill(oneTime);
  await page.getByLabel('New password').fill(username);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByLabel('New password')).toHaveAccessibleDescription(/^New password: /);
  await page.getByLabel('New password').fill('lantern-orbit-cascade-91');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page).toHaveURL(/\/dids$/);
  await expect(page.getByRole('heading', { level: 1, name: 'DIDs' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Nina Park (helpdesk)');
});
