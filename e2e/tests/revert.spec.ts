import type { APIResponse, Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../support/a11y.js';
import { expect, test } from '../support/fixtures.js';
import { tableRows } from '../support/pages.js';
import { screenshot } from '../support/screens.js';

// Reverting changes: each change is made through the API as the page's session, then reverted in
// the browser from a record's history or the audit page. Own records: DIDs 404555101–106 (support
// lines), phone 6201 (the demo has no 62xx).

interface Did {
  didId: number;
  pattern: string;
  description: string | null;
  version: string;
}

/** The API as the page's session: the CSRF token on writes, If-Match when a version is given. */
async function send(page: Page, method: string, path: string, options: { data?: unknown; version?: string } = {}): Promise<APIResponse> {
  const { csrfToken } = (await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string };
  const response = await page.request.fetch(path, {
    method,
    ...(options.data === undefined ? {} : { data: options.data }),
    headers: { 'X-CSRF-Token': csrfToken, ...(options.version ? { 'If-Match': `"${options.version}"` } : {}) },
  });
  expect(response.status(), await response.text()).toBeLessThan(300);
  return response;
}

async function didByPattern(page: Page, pattern: string): Promise<Did> {
  const list = await page.request.get('/api/dids', { params: { search: pattern } });
  const { rows } = (await list.json()) as { rows: { didId: number; pattern: string }[] };
  const row = rows.find((r) => r.pattern === pattern);
  expect(row, pattern).toBeDefined();
  return (await (await page.request.get(`/api/dids/${row?.didId}`)).json()) as Did;
}

const revertDialog = (page: Page) => page.getByRole('dialog');

/** The open revert dialog, checked like every page: axe finds nothing serious, a screenshot is kept. */
async function checkDialog(page: Page, screenshotName: string) {
  await expect(revertDialog(page).getByRole('list', { name: 'Records to put back' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, screenshotName);
}

test("helpdesk reverts their own DID change from the DID's history", async ({ page, loginAs }) => {
  await loginAs('helpdesk', '/dids');
  const did = await didByPattern(page, '4045550101');
  const description = `Reverted soon ${Date.now()}`;
  await send(page, 'PATCH', `/api/dids/${did.didId}`, { data: { description }, version: did.version });

  await page.goto(`/dids/${did.didId}`);
  const newest = page.getByRole('region', { name: 'History' }).getByRole('list', { name: 'Changes, newest first' }).locator(':scope > li').first();
  await newest.getByRole('button', { name: 'Revert this change' }).click();
  await expect(revertDialog(page).getByRole('list', { name: 'Field: now → back to' })).toHaveText(`Description: ${description} → back to ${did.description}`);
  await checkDialog(page, 'revert-did-change-dialog');
  await revertDialog(page).getByRole('button', { name: 'Revert', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The change was reverted.' })).toBeVisible();
  await expect(revertDialog(page)).toHaveCount(0);

  await expect(newest).toContainText('A revert of an earlier change');
  await expect(page.getByRole('main')).toContainText(did.description ?? '');
});

test('a supervisor reverts a bulk change from the audit page: a result per DID, the one changed since says what moved', async ({ page, loginAs }) => {
  await loginAs('supervisor', '/dids');
  const dids = await Promise.all(['4045550102', '4045550103', '4045550104'].map((pattern) => didByPattern(page, pattern)));
  await send(page, 'POST', '/api/dids/bulk', { data: { dids: dids.map((d) => d.didId), recordCall: 'Y_QUEUESTOP' } });
  const moved = await didByPattern(page, '4045550104');
  await send(page, 'PATCH', `/api/dids/${moved.didId}`, { data: { description: 'Moved since the bulk' }, version: moved.version });

  await page.goto(`/audit?targetType=did&targetId=${dids[0]?.didId}&action=update:dids`);
  await tableRows(page).first().getByRole('button', { name: 'Revert this change' }).click();
  const records = revertDialog(page).getByRole('list', { name: 'Records to put back' }).locator(':scope > li');
  await expect(records).toHaveCount(3);
  await expect(records.nth(2)).toContainText('Cannot be reverted: DID 4045550104 has changed since this change: Description is now "Moved since the bulk"');
  await checkDialog(page, 'revert-bulk-dialog');
  await revertDialog(page).getByRole('button', { name: 'Revert 2 records' }).click();

  await expect(revertDialog(page).getByRole('heading', { name: 'Revert: a result per record' })).toBeVisible();
  await expect(records.filter({ hasText: 'Reverted.' })).toHaveCount(2);
  await expect(records.nth(2)).toContainText('Not reverted');
  await screenshot(page, 'revert-bulk-results');
  await revertDialog(page).getByRole('button', { name: 'Close' }).click();
  for (const did of dids.slice(0, 2)) expect((await didByPattern(page, did.pattern)).version).toBe(did.version);
});

test('a supervisor reverts a copy (its new DIDs are deleted) and an alias deletion (added back)', async ({ page, loginAs }) => {
  await loginAs('supervisor', '/dids');
  const source = await didByPattern(page, '4045550105');
  await send(page, 'POST', `/api/dids/${source.didId}/copy`, { data: { sourcePattern: source.pattern, newPatterns: ['4045559801', '4045559802'] } });
  await page.goto(`/audit?action=copy:dids&targetId=${source.didId}`);
  await tableRows(page).first().getByRole('button', { name: 'Revert this change' }).click();
  await expect(revertDialog(page).getByRole('list', { name: 'Records to put back' }).locator(':scope > li')).toHaveText([/: deleted \(this change added it\)/, /: deleted \(this change added it\)/]);
  await screenshot(page, 'revert-copy-dialog');
  await revertDialog(page).getByRole('button', { name: 'Revert 2 records' }).click();
  await expect(revertDialog(page).getByText('Reverted.')).toHaveCount(2);
  await revertDialog(page).getByRole('button', { name: 'Close' }).click();
  expect((await (await page.request.get('/api/dids', { params: { search: '404555980' } })).json()).total).toBe(0);

  const alias = (await (await page.request.get('/api/aliases/front_desk')).json()) as { version: string; logins: string[] };
  await send(page, 'DELETE', '/api/aliases/front_desk', { version: alias.version });
  await page.goto('/audit?targetType=alias&targetId=front_desk&action=delete:aliases');
  await tableRows(page).first().getByRole('button', { name: 'Revert this change' }).click();
  await expect(revertDialog(page)).toContainText('Alias front_desk: added back (this change deleted it)');
  await revertDialog(page).getByRole('button', { name: 'Revert', exact: true }).click();
  await expect(revertDialog(page)).toHaveCount(0);
  expect((await (await page.request.get('/api/aliases/front_desk')).json()).logins).toEqual(alias.logins);
});

test('a deleted phone is added back with new SIP passwords asked for in the dialog', async ({ page, loginAs }) => {
  await loginAs('supervisor', '/phones');
  const phone = (await (
    await send(page, 'POST', '/api/phones', {
      data: {
        extension: '6201',
        serverIp: '10.20.0.11',
        dialplanNumber: '6201',
        voicemailId: '6201',
        login: '6201r',
        password: 'Pw6201x9k',
        registrationPassword: 'Reg6201q7z',
        protocol: 'SIP',
        fullName: 'Revert desk 6201',
        gmtOffset: '-6.00',
        outboundCallerId: '3125550100',
      },
    })
  ).json()) as { version: string };
  await send(page, 'DELETE', '/api/phones/10.20.0.11/6201', { version: phone.version });

  await page.goto('/audit?targetType=phone&targetId=6201@10.20.0.11&action=delete:phones');
  await tableRows(page).first().getByRole('button', { name: 'Revert this change' }).click();
  await expect(revertDialog(page)).toContainText("A phone's SIP passwords are not kept");
  await revertDialog(page).getByRole('button', { name: 'Revert', exact: true }).click();
  // Without the new passwords VICIdial is not asked: the dialog says what is missing.
  await expect(revertDialog(page).getByRole('alert')).toContainText('New password: required');
  await revertDialog(page).getByRole('textbox', { name: 'New password', exact: true }).fill('NewPw6201a');
  await revertDialog(page).getByRole('textbox', { name: 'New registration password' }).fill('NewReg6201b');
  await checkDialog(page, 'revert-phone-deletion-dialog');
  await revertDialog(page).getByRole('button', { name: 'Revert', exact: true }).click();
  await expect(revertDialog(page)).toHaveCount(0);
  const back = await page.request.get('/api/phones/10.20.0.11/6201');
  expect((await back.json()).fullName).toBe('Revert desk 6201');
});
