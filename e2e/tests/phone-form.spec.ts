import type { APIResponse, Page } from '@playwright/test';
import { loginViaForm, submitLogin } from '../support/accounts.js';
import { expectNoSeriousA11yViolations } from '../support/a11y.js';
import { expect, test } from '../support/fixtures.js';
import { checkPage } from '../support/pages.js';
import { screenshot } from '../support/screens.js';

// The phone forms against the built app on the embedded VICIdial: add, edit (only the changed
// fields are sent), clear, delete, the secrets, and what each role may see. Each test works on
// phones of its own (extensions 61xx, which the demo does not use), made through the API.

const SERVER = '10.20.0.11';

interface PhoneDetail {
  extension: string;
  serverIp: string;
  fullName: string | null;
  email: string | null;
  outboundCallerId: string | null;
  version: string;
  [field: string]: unknown;
}

/** The API as the page's session: the CSRF token on writes, If-Match when a version is given. */
async function sessionApi(page: Page) {
  const { csrfToken } = (await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string };
  const send = (method: string, path: string, options: { data?: unknown; version?: string } = {}): Promise<APIResponse> =>
    page.request.fetch(path, {
      method,
      ...(options.data === undefined ? {} : { data: options.data }),
      headers: { 'X-CSRF-Token': csrfToken, ...(options.version ? { 'If-Match': `"${options.version}"` } : {}) },
    });
  return { send };
}

const secretsOf = (extension: string) => ({ password: `Pw${extension}x9k`, registrationPassword: `Reg${extension}q7z` });
const phonePath = (extension: string) => `/api/phones/${SERVER}/${extension}`;

/** Adds phone `extension` on ast1 as the page's (supervisor) session. */
async function addPhone(page: Page, extension: string, extra: Record<string, unknown> = {}): Promise<PhoneDetail> {
  const api = await sessionApi(page);
  const response = await api.send('POST', '/api/phones', {
    data: {
      extension,
      serverIp: SERVER,
      dialplanNumber: extension,
      voicemailId: extension,
      login: `${extension}e`,
      ...secretsOf(extension),
      protocol: 'SIP',
      fullName: `Desk ${extension}`,
      gmtOffset: '-6.00',
      outboundCallerId: '3125550100',
      email: `desk.${extension}@example.com`,
      ...extra,
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as PhoneDetail;
}

async function getPhone(page: Page, extension: string): Promise<PhoneDetail> {
  const response = await page.request.get(phonePath(extension));
  expect(response.ok()).toBe(true);
  return (await response.json()) as PhoneDetail;
}

/** The newest audit entry of `action` on the phone (supervisors see every entry). */
async function lastAudit(page: Page, extension: string, action: string) {
  const response = await page.request.get('/api/audit', { params: { targetType: 'phone', targetId: `${extension}@${SERVER}`, action } });
  expect(response.ok()).toBe(true);
  const { rows } = (await response.json()) as { rows: { fields: unknown; outcome: string; actor: { username: string } }[] };
  expect(rows.length).toBeGreaterThan(0);
  return rows[0];
}

/** A phone's stored fields other than `fields` (and its version, and a write's rebuild list). */
function othersThan(phone: PhoneDetail, fields: string[]): Record<string, unknown> {
  const skipped = new Set([...fields, 'version', 'serversAwaitingRebuild']);
  return Object.fromEntries(Object.entries(phone).filter(([field]) => !skipped.has(field)));
}

const changeSummary = (page: Page) => page.getByRole('complementary', { name: 'Your changes' });
const saveButton = (page: Page) => page.getByRole('button', { name: 'Save changes' });
const settings = (page: Page) => page.getByRole('region', { name: 'Phone settings' });
const setting = (page: Page, label: string) => settings(page).locator('.details-row').filter({ has: page.getByText(label, { exact: true }) }).locator('dd');

test('supervisor adds a phone: defaults, the rules, then the servers awaiting a rebuild and their refresh', async ({ page, loginAs }) => {
  await loginAs('supervisor', '/phones');
  await page.getByRole('link', { name: 'Add phone' }).click();
  await checkPage(page, 'Add phone', 'phone-create');
  await expect(page.getByLabel('Protocol')).toHaveValue('SIP');
  await expect(page.getByLabel('Time zone')).toHaveValue('-5.00');

  // Nothing is sent while a rule is broken; each field says which.
  await page.getByRole('button', { name: 'Add phone' }).click();
  await expect(page.getByLabel('Extension')).toHaveAccessibleDescription(/Extension: 2 to 100 letters, digits, - or _/);
  await expect(page.getByLabel('Server')).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, 'phone-create-errors');

  await page.getByLabel('Extension').fill('6100');
  await page.getByLabel('Server').selectOption('10.20.0.12');
  await page.getByLabel('Login').fill('6100b');
  await page.getByLabel('Full name').fill('New desk 6100');
  await page.getByLabel('Outbound caller ID').fill('4045550100');
  await page.getByRole('button', { name: 'Generate Password' }).click();
  await page.getByRole('button', { name: 'Generate Registration password' }).click();
  await page.getByLabel('Time zone').selectOption('-5.00');
  await expect(page.getByLabel('Dialplan number')).toHaveValue('6100');
  await page.getByRole('button', { name: 'Add phone' }).click();

  await checkPage(page, 'Phone 6100', 'phone-created');
  const outcome = page.getByRole('region', { name: 'Result of the last change' });
  await expect(outcome).toContainText('Added phone 6100 on 10.20.0.12.');
  await expect(outcome.getByRole('list', { name: 'Servers awaiting a configuration rebuild' })).toContainText('ast2 (10.20.0.12)');
  await expect(setting(page, 'Full name')).toHaveText('New desk 6100');
  await expect(setting(page, 'Protocol')).toHaveText('SIP');

  // The servers page refreshes them (servers.spec.ts).
  await outcome.getByRole('link', { name: 'Servers and their rebuild' }).click();
  await expect(page).toHaveURL(/\/servers$/);
});

test('supervisor changes two fields of a phone, and only those two reach VICIdial', async ({ page, loginAs }) => {
  await loginAs('supervisor');
  const before = await addPhone(page, '6101');
  await page.goto(`/phones/${SERVER}/6101/edit`);
  await checkPage(page, 'Edit phone 6101', 'phone-edit');
  await expect(saveButton(page)).toBeDisabled();

  await page.getByLabel('Full name').fill('Renamed desk 6101');
  await page.getByLabel('Outbound caller ID', { exact: true }).fill('3125550177');
  await expect(changeSummary(page)).toContainText('2 changes');
  await expect(changeSummary(page).getByRole('listitem')).toHaveText([
    'Full name: Desk 6101 →becomes Renamed desk 6101',
    'Outbound caller ID: 3125550100 →becomes 3125550177',
  ]);
  await saveButton(page).click();

  const dialog = page.getByRole('alertdialog', { name: 'Save 2 changes to phone 6101 on 10.20.0.11?' });
  await expect(dialog.getByRole('listitem')).toHaveCount(2);
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, 'phone-edit-review');
  const patch = page.waitForRequest((request) => request.method() === 'PATCH' && request.url().endsWith(phonePath('6101')));
  await dialog.getByRole('button', { name: 'Save 2 changes' }).click();
  // What the SPA sent: the two changed fields, nothing else, against the loaded version.
  const sent = await patch;
  expect(sent.postDataJSON()).toEqual({ fullName: 'Renamed desk 6101', outboundCallerId: '3125550177' });
  expect(await sent.headerValue('If-Match')).toBe(`"${before.version}"`);

  await checkPage(page, 'Phone 6101', 'phone-edited');
  await expect(page.getByRole('region', { name: 'Result of the last change' })).toContainText('Saved 2 changes to phone 6101 on 10.20.0.11.');
  await expect(setting(page, 'Full name')).toHaveText('Renamed desk 6101');
  await expect(setting(page, 'Outbound caller ID')).toHaveText('3125550177');
  await expect(setting(page, 'Email')).toHaveText('desk.6101@example.com');

  // What reached VICIdial: the audit holds exactly the fields the BFF sent, and nothing else moved.
  const entry = await lastAudit(page, '6101', 'update:phones');
  expect(entry?.outcome).toBe('success');
  expect(entry?.fields).toEqual({ fullName: 'Renamed desk 6101', outboundCallerId: '3125550177' });
  const after = await getPhone(page, '6101');
  expect(othersThan(after, ['fullName', 'outboundCallerId'])).toEqual(othersThan(before, ['fullName', 'outboundCallerId']));
  expect(after.version).not.toBe(before.version);
});

test('Save stays disabled without a change, and a field put back stops counting', async ({ page, loginAs }) => {
  await loginAs('supervisor', `/phones/${SERVER}/1001/edit`);
  await expect(page.getByLabel('Full name')).toBeVisible();
  const original = await page.getByLabel('Full name').inputValue();
  await expect(saveButton(page)).toBeDisabled();
  await expect(changeSummary(page)).toContainText('No changes yet');

  await page.getByLabel('Full name').fill('Someone else');
  await page.getByLabel('Active').uncheck();
  await expect(changeSummary(page)).toContainText('2 changes');
  await expect(saveButton(page)).toBeEnabled();
  await page.getByLabel('Full name').fill(original);
  await expect(changeSummary(page)).toContainText('1 change');
  await page.getByLabel('Active').check();
  await expect(changeSummary(page)).toContainText('No changes yet');
  await expect(saveButton(page)).toBeDisabled();
  // Leave no draft behind for the other tests of this worker.
  await expect.poll(() => page.evaluate<string[]>("Object.keys(sessionStorage).filter((key) => key.startsWith('vicidash.draft:'))")).toEqual([]);
});

test('supervisor clears an email; fields VICIdial cannot clear say why', async ({ page, loginAs }) => {
  await loginAs('supervisor');
  await addPhone(page, '6103');
  await page.goto(`/phones/${SERVER}/6103/edit`);
  await expect(page.getByLabel('Email', { exact: true })).toHaveValue('desk.6103@example.com');
  await expect(page.getByRole('button', { name: 'Clear Login' })).toHaveCount(0);
  await expect(page.getByLabel('Login')).toHaveAccessibleDescription(/Cannot be cleared: agents log in with it/);
  await expect(page.getByLabel('Outbound caller ID', { exact: true })).toHaveAccessibleDescription(/Cannot be cleared: VICIdial ignores a request to clear it/);

  await page.getByRole('button', { name: 'Clear Email' }).click();
  await expect(changeSummary(page).getByRole('listitem')).toHaveText(['Email: desk.6103@example.com →becomes cleared']);
  await saveButton(page).click();
  const patch = page.waitForRequest((request) => request.method() === 'PATCH');
  await page.getByRole('alertdialog').getByRole('button', { name: 'Save 1 change' }).click();
  expect((await patch).postDataJSON()).toEqual({ email: null });

  await expect(page.getByRole('heading', { level: 1, name: 'Phone 6103' })).toBeVisible();
  await expect(setting(page, 'Email')).toHaveText('none');
  expect((await lastAudit(page, '6103', 'update:phones'))?.fields).toEqual({ email: null });
  expect((await getPhone(page, '6103')).email).toBe('');
});

test('supervisor deletes a phone and sees the aliases that still list its login named', async ({ page, loginAs }) => {
  await loginAs('supervisor');
  await addPhone(page, '6104');
  const api = await sessionApi(page);
  const created = await api.send('POST', '/api/aliases', { data: { aliasId: 'e2e_desk_6104', name: 'E2E desks 6104', logins: ['6104e', '1001a'] } });
  expect(created.status(), await created.text()).toBe(201);

  await page.goto(`/phones/${SERVER}/6104`);
  await page.getByRole('button', { name: 'Delete phone' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete phone 6104 on 10.20.0.11?' });
  await expect(dialog.getByRole('list', { name: 'Aliases that still list the login' })).toHaveText('e2e_desk_6104 – E2E desks 6104');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, 'phone-delete-confirm');
  const deletion = page.waitForRequest((request) => request.method() === 'DELETE');
  await dialog.getByRole('button', { name: 'Delete phone' }).click();
  expect(await (await deletion).headerValue('If-Match')).toMatch(/^".+"$/);

  await checkPage(page, 'Phones', 'phone-deleted');
  const outcome = page.getByRole('region', { name: 'Result of the last change' });
  await expect(outcome).toContainText('Deleted phone 6104 on 10.20.0.11.');
  await expect(outcome).toContainText('still listed in e2e_desk_6104');
  expect((await page.request.get(phonePath('6104'))).status()).toBe(404);

  // The alias is the test's own: remove it again.
  const alias = (await (await page.request.get('/api/aliases/e2e_desk_6104')).json()) as { version: string };
  expect((await api.send('DELETE', '/api/aliases/e2e_desk_6104', { version: alias.version })).ok()).toBe(true);
});

test('supervisor reveals the SIP secrets on request (audited)', async ({ page, loginAs }) => {
  await loginAs('supervisor');
  await addPhone(page, '6105');
  const { password, registrationPassword } = secretsOf('6105');
  await page.goto(`/phones/${SERVER}/6105`);
  const secrets = page.getByRole('region', { name: 'SIP secrets' });
  await expect(secrets.getByText('hidden', { exact: true })).toHaveCount(2);
  expect(await page.content()).not.toContain(password);

  await secrets.getByRole('button', { name: 'Reveal secrets' }).click();
  await expect(secrets).toContainText(password);
  await expect(secrets).toContainText(registrationPassword);
  await checkPage(page, 'Phone 6105', 'phone-secrets-revealed');
  expect((await lastAudit(page, '6105', 'reveal:secrets'))?.outcome).toBe('success');

  await secrets.getByRole('button', { name: 'Hide secrets' }).click();
  await expect(secrets).not.toContainText(password);
  expect(await page.content()).not.toContain(password);

  // The edit form changes a password without showing the old one.
  await page.goto(`/phones/${SERVER}/6105/edit`);
  await page.getByLabel('New password').fill('NewPass6105');
  await expect(changeSummary(page).getByRole('listitem')).toHaveText(['Password: hidden →becomes new value (hidden)']);
  expect(await page.content()).not.toContain(password);
  await saveButton(page).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Save 1 change' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Phone 6105' })).toBeVisible();
  const api = await sessionApi(page);
  expect((await (await api.send('POST', `${phonePath('6105')}/secrets`)).json()) as unknown).toEqual({ password: 'NewPass6105', registrationPassword });
});

test('viewer sees no edit control and no secret, and the API refuses the writes', async ({ page, loginAs }) => {
  await loginAs('supervisor');
  await addPhone(page, '6106');
  const { password, registrationPassword } = secretsOf('6106');

  await loginAs('viewer', `/phones/${SERVER}/6106`);
  await checkPage(page, 'Phone 6106', 'viewer-phone-6106');
  await expect(page.getByRole('link', { name: /Edit/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Edit|Delete|Reveal|Save/ })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'SIP secrets' })).toHaveCount(0);
  const html = await page.content();
  expect(html).not.toContain(password);
  expect(html).not.toContain(registrationPassword);

  await page.goto(`/phones/${SERVER}/6106/edit`);
  await checkPage(page, 'Edit phone 6106', 'viewer-phone-edit-refused');
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Your role (viewer) may not change phones.');
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await page.goto('/phones/new');
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Your role (viewer) may not add phones.');

  const api = await sessionApi(page);
  const version = (await getPhone(page, '6106')).version;
  expect((await api.send('POST', `${phonePath('6106')}/secrets`)).status()).toBe(403);
  expect((await api.send('PATCH', phonePath('6106'), { data: { fullName: 'Viewer was here' }, version })).status()).toBe(403);
  expect((await api.send('DELETE', phonePath('6106'), { version })).status()).toBe(403);
});

test('when the session ends mid-edit, the form comes back after logging in, and saves', async ({ page }) => {
  // Its own session (through the form): ending it must not end the worker's shared one.
  await loginViaForm(page, 'supervisor', '/phones');
  await addPhone(page, '6107');
  await page.goto(`/phones/${SERVER}/6107/edit`);
  await page.getByLabel('Full name').fill('Kept across the login');
  await expect(changeSummary(page)).toContainText('1 change');

  const api = await sessionApi(page);
  expect((await api.send('POST', '/api/auth/logout')).status()).toBe(204);
  await saveButton(page).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Save 1 change' }).click();
  await expect(page).toHaveURL(/\/login\?next=/);
  await submitLogin(page, 'supervisor');

  await expect(page).toHaveURL(new RegExp(`/phones/${SERVER.replaceAll('.', '\\.')}/6107/edit$`));
  await expect(page.getByText('Your unsaved changes were restored.')).toBeVisible();
  await expect(page.getByLabel('Full name')).toHaveValue('Kept across the login');
  await expect(changeSummary(page)).toContainText('1 change');
  await screenshot(page, 'phone-edit-draft-restored');
  await saveButton(page).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Save 1 change' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Phone 6107' })).toBeVisible();
  await expect(setting(page, 'Full name')).toHaveText('Kept across the login');
});
