import { expect, test } from '../support/fixtures.js';
import { checkPage } from '../support/pages.js';

// The servers page: a supervisor's phone change makes its server wait for a configuration rebuild,
// the page names that change, and a refresh from the page asks VICIdial to rebuild; viewers see the
// state without the action.

const ATLANTA = { id: 'ast2', ip: '10.20.0.12' };
const PHONE = '2003';

const serverRow = (page: import('@playwright/test').Page, serverId: string) =>
  page.getByRole('row').filter({ has: page.getByRole('cell', { name: serverId, exact: true }) });

test('a phone change waits on its server, named on the servers page, until a supervisor refreshes', async ({ page, loginAs }) => {
  await loginAs('supervisor', `/phones/${ATLANTA.ip}/${PHONE}/edit`);
  const name = `Servers journey ${Date.now() % 100000}`;
  await page.getByLabel('Full name').fill(name);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Save 1 change' }).click();
  await expect(page.getByRole('region', { name: 'Result of the last change' })).toContainText('Saved 1 change');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Servers' }).click();
  await checkPage(page, 'Servers', 'servers-waiting');
  const row = serverRow(page, ATLANTA.id);
  await expect(row).toContainText('Waiting to rebuild');
  await expect(row.getByRole('listitem').last()).toContainText(`Phone ${PHONE} changed by Sam Supervisor`);

  await page.getByRole('button', { name: 'Ask every server to rebuild' }).click();
  const status = page.getByRole('status').filter({ hasText: 'VICIdial was asked' });
  await expect(status).toContainText("VICIdial was asked to rebuild every server's configuration");
  await expect(status).toContainText(`Still waiting to rebuild: ast1 (10.20.0.11), ${ATLANTA.id} (${ATLANTA.ip}).`);
  // The change is handed over: the server now waits for the refresh, not for a change of its own.
  await expect(row.getByRole('listitem')).toHaveCount(0);
  await expect(page.getByText(/^Last asked to rebuild through the dashboard: .*, by Sam Supervisor\.$/)).toBeVisible();
  await checkPage(page, 'Servers', 'servers-refreshed');
});

test('a viewer sees the servers and their state, without the refresh', async ({ page, loginAs }) => {
  await loginAs('viewer', '/servers');
  await checkPage(page, 'Servers', 'servers-viewer');
  await expect(serverRow(page, 'web1')).toContainText('Generates no configuration: does not rebuild');
  await expect(page.getByRole('button', { name: 'Ask every server to rebuild' })).toHaveCount(0);
});
