import type { Page } from '@playwright/test';
import type { Role } from '../support/accounts.js';
import { expect, test } from '../support/fixtures.js';
import { checkPage, tableRows } from '../support/pages.js';
import { VICIDIAL_API_USER } from '../support/vicidial.js';

// Who changed what: a record's history (VICIdial's admin log merged with the dashboard's audit) and
// the audit page, per role. Changes are made through the API as the role's session, then looked at
// through the pages.

interface Did {
  didId: number;
  pattern: string;
  description: string | null;
  version: string;
}

/** The DIDs of the demo in DID ID order (the same for every role). */
async function didAt(page: Page, index: number): Promise<Did> {
  const list = await page.request.get('/api/dids', { params: { sort: 'didId', pageSize: 10 } });
  expect(list.ok()).toBe(true);
  const { rows } = (await list.json()) as { rows: { didId: number }[] };
  const didId = rows[index]?.didId;
  expect(didId).toBeDefined();
  return (await (await page.request.get(`/api/dids/${didId}`)).json()) as Did;
}

/** Changes a DID's description as the page's session, with its CSRF token and the DID's version. */
async function describeDid(page: Page, did: Did, description: string): Promise<void> {
  const { csrfToken } = (await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string };
  const response = await page.request.patch(`/api/dids/${did.didId}`, {
    data: { description },
    headers: { 'X-CSRF-Token': csrfToken, 'If-Match': `"${did.version}"` },
  });
  expect(response.status(), await response.text()).toBe(200);
}

const history = (page: Page) => page.getByRole('region', { name: 'History' });
const historyEntries = (page: Page) => history(page).getByRole('list', { name: 'Changes, newest first' }).locator(':scope > li');

test('a helpdesk change shows in the DID history, and in the audit: all of it for supervisors, their own for helpdesk', async ({ page, context, loginAs }) => {
  // One page, several people: each starts without the previous one's cookie (the BFF renews it as it goes).
  const switchTo = async (role: Role, path: string) => {
    await context.clearCookies();
    await loginAs(role, path);
  };
  const stamp = Date.now();
  // A supervisor's change first: helpdesk must not see it in their audit.
  await switchTo('supervisor', '/dids');
  const other = await didAt(page, 1);
  await describeDid(page, other, `Supervisor note ${stamp}`);

  await switchTo('helpdesk', '/dids');
  const did = await didAt(page, 0);
  const description = `Helpdesk note ${stamp}`;
  await describeDid(page, did, description);

  // The DID's history: the dashboard's entry (who, what, before → after) above VICIdial's own.
  await page.goto(`/dids/${did.didId}`);
  await checkPage(page, `DID ${did.pattern}`, 'helpdesk-did-history');
  const newest = historyEntries(page).first();
  await expect(newest).toContainText('Hana Helpdesk (helpdesk)');
  await expect(newest).toContainText('Changed');
  await expect(newest.getByRole('list', { name: 'Fields sent' })).toHaveText(
    `Description: ${did.description ?? 'none'} → changed to ${description}`,
  );
  const vicidial = historyEntries(page).filter({ hasText: `VICIdial (API user ${VICIDIAL_API_USER})` }).first();
  await expect(vicidial).toContainText('MODIFY');
  await expect(vicidial).toContainText(`ADMIN API UPDATE DID: did: ${did.pattern} did_id: ${did.didId}`);
  await expect(history(page)).toContainText('you see only your own changes');

  // Helpdesk's audit: their own entries only, and the page says so.
  await history(page).getByRole('link', { name: 'Open in the audit log' }).click();
  await expect(page).toHaveURL(`/audit?targetType=did&targetId=${did.didId}`);
  await checkPage(page, 'Audit log', 'helpdesk-audit');
  await expect(page.getByText('Your role sees only its own entries.')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Person' })).toHaveCount(0);
  await expect(tableRows(page).first()).toContainText(description);
  await page.goto('/audit');
  await expect(tableRows(page).first()).toContainText(description);
  const people = await tableRows(page).locator('td:nth-child(2)').allTextContents();
  expect(people.length).toBeGreaterThan(0);
  for (const person of people) expect(person).toBe('Hana Helpdesk (helpdesk)');
  await expect(page.getByRole('main')).not.toContainText(`Supervisor note ${stamp}`);
  // Asking for someone else's entries is refused by the BFF itself.
  expect((await page.request.get('/api/audit?actor=supervisor')).status()).toBe(403);

  // The supervisor's audit: everyone's entries, narrowed with filters kept in the URL.
  await switchTo('supervisor', '/audit');
  await expect(tableRows(page).filter({ hasText: `Supervisor note ${stamp}` })).toHaveCount(1);
  await expect(tableRows(page).filter({ hasText: description })).toHaveCount(1);
  // The people who appear in the audit, to pick from.
  await page.getByRole('combobox', { name: 'Person' }).selectOption({ label: 'Hana Helpdesk (helpdesk)' });
  await page.getByRole('combobox', { name: 'Record type' }).selectOption('did');
  await page.getByRole('searchbox', { name: 'Record ID' }).fill(String(did.didId));
  await page.getByRole('combobox', { name: 'Action' }).selectOption('update:dids');
  await page.getByRole('combobox', { name: 'Outcome' }).selectOption('success');
  // The search boxes apply after a pause in typing, the choices at once: all end up in the URL.
  await expect.poll(() => Object.fromEntries(new URL(page.url()).searchParams)).toEqual({
    actor: 'helpdesk',
    targetType: 'did',
    targetId: String(did.didId),
    action: 'update:dids',
    outcome: 'success',
  });
  // Only helpdesk's changes of this DID are left (newest first), this one among them.
  await expect(tableRows(page).first()).toContainText(description);
  // Asked again until the filtered answer has replaced the rows shown before it.
  await expect
    .poll(async () => (await tableRows(page).allTextContents()).filter((text) => !text.includes('Hana Helpdesk (helpdesk)') || !text.includes(`DID ${did.didId}`)))
    .toEqual([]);
  const row = tableRows(page).first();
  await expect(row).toContainText('Changed');
  await expect(row).toContainText(`Description: ${did.description ?? 'none'} → changed to ${description}`);
  await expect(row.getByRole('link', { name: `DID ${did.didId}` })).toHaveAttribute('href', `/dids/${did.didId}`);
  await checkPage(page, 'Audit log', 'supervisor-audit-filtered');

  // A reload (or a shared link) shows the same view; a time range after the change empties it.
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Person' })).toHaveValue('helpdesk');
  await expect(tableRows(page).first()).toContainText(description);
  await page.getByLabel('From', { exact: true }).fill('2099-01-01T00:00');
  await expect(page).toHaveURL(/from=2099-01-01T/);
  await expect(page.getByText('No entry matches these filters.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear search and filters' }).click();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(tableRows(page).filter({ hasText: `Supervisor note ${stamp}` })).toHaveCount(1);

  // The supervisor sees every dashboard entry in the DID's history too.
  await page.goto(`/dids/${other.didId}`);
  await expect(historyEntries(page).first()).toContainText('Sam Supervisor (supervisor)');
  await expect(history(page)).not.toContainText('only your own changes');
  await checkPage(page, `DID ${other.pattern}`, 'supervisor-did-history');
});

test('a viewer has no audit: no link, the page says why, and the API refuses', async ({ page, loginAs }) => {
  await loginAs('viewer', '/dids');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText(['DIDs', 'Phones', 'Phone aliases', 'Servers']);
  await page.goto('/audit');
  await expect(page.getByRole('main')).toHaveText(
    'Audit logThe audit log shows the changes people make through the dashboard; your role (viewer) makes none, so it has no audit log to show.',
  );
  await checkPage(page, 'Audit log', 'viewer-audit-refused');
  expect((await page.request.get('/api/audit')).status()).toBe(403);

  // A record's history still shows VICIdial's own log, without the dashboard's entries.
  const did = await didAt(page, 0);
  await page.goto(`/dids/${did.didId}`);
  await expect(history(page)).toContainText("Your role does not see the dashboard's audit entries");
  await expect(history(page).getByRole('link', { name: 'Open in the audit log' })).toHaveCount(0);
  await checkPage(page, `DID ${did.pattern}`, 'viewer-did-history');
});

test('phones and aliases have their history too', async ({ page, loginAs }) => {
  await loginAs('supervisor', '/phones/10.20.0.11/1001');
  await checkPage(page, 'Phone 1001', 'phone-history');
  await expect(history(page)).toBeVisible();
  await page.goto('/aliases');
  await tableRows(page).first().getByRole('link').first().click();
  await checkPage(page, /^Alias /, 'alias-history');
  await expect(history(page)).toBeVisible();
});
