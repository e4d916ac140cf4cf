import type { Browser, BrowserContext, Page, Request } from '@playwright/test';
import { loginViaForm, submitLogin } from '../support/accounts.js';
import { expect, test } from '../support/fixtures.js';
import { checkPage, tableRows } from '../support/pages.js';
import { screenshot } from '../support/screens.js';

// The DID forms on the embedded VICIdial: helpdesk re-routes a DID to an in-group with its extras,
// then away from it (the extras are neither shown nor sent: the request body and the audit say so),
// may not delete; a bulk re-route of 20 DIDs with one result each; a copy to two new numbers; the
// Agent route's notice; a new DID with '+'; an edit that survives the end of the session.

interface Did {
  didId: number;
  pattern: string;
  route: string | null;
  inGroup: string | null;
  callHandleMethod: string | null;
  agentSearchMethod: string | null;
  listId: number | null;
  entryListId: number | null;
  campaignId: string | null;
  phoneCode: string | null;
  menuId: string | null;
  agentUser: string | null;
  recordCall: string | null;
  version: string;
}

interface AuditRow {
  action: string;
  outcome: string;
  target: { type: string; id: string };
  actor: { username: string };
  fields: unknown;
}

async function didByPattern(page: Page, pattern: string): Promise<Did> {
  const list = await page.request.get(`/api/dids?search=${encodeURIComponent(pattern)}`);
  expect(list.status()).toBe(200);
  const row = ((await list.json()) as { rows: { didId: number; pattern: string }[] }).rows.find((did) => did.pattern === pattern);
  if (!row) throw new Error(`no DID ${pattern}`);
  return didById(page, row.didId);
}

async function didById(page: Page, didId: number): Promise<Did> {
  const response = await page.request.get(`/api/dids/${didId}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as Did;
}

/** A second browser context, logged in as the supervisor: the audit is theirs to read. */
async function supervisorContext(browser: Browser, sessionCookies: (role: 'supervisor') => Promise<Parameters<BrowserContext['addCookies']>[0]>) {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  await context.addCookies(await sessionCookies('supervisor'));
  return context;
}

/** The newest audited change of a DID, read by the supervisor. */
async function lastDidChange(supervisor: BrowserContext, didId: number): Promise<AuditRow> {
  const response = await supervisor.request.get(`/api/audit?targetType=did&targetId=${didId}&action=update:dids`);
  expect(response.status()).toBe(200);
  const [newest] = ((await response.json()) as { rows: AuditRow[] }).rows;
  if (!newest) throw new Error(`no audited change of DID ${didId}`);
  return newest;
}

/** The confirmation a save or a bulk change asks for: its confirm button. */
const confirmButton = (page: Page, name: string | RegExp) => page.getByRole('alertdialog').getByRole('button', { name });

/** Saves the edit form (and confirms) and hands back what the browser sent. */
async function saveEdit(page: Page): Promise<Request> {
  await page.getByRole('button', { name: 'Save changes' }).click();
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.method() === 'PATCH' && /\/api\/dids\/\d+$/.test(r.url())),
    confirmButton(page, /^Save \d+ changes?$/).click(),
  ]);
  return request;
}

const combobox = (page: Page, name: string) => page.getByRole('combobox', { name, exact: true });
const textbox = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });
const inGroupOptions = (page: Page) => page.getByRole('group', { name: 'In-group options' });

test('helpdesk re-routes a DID to an in-group with its extras, then away: the extras disappear and are not sent', async ({
  page,
  loginAs,
  browser,
  sessionCookies,
}) => {
  await loginAs('helpdesk');
  const did = await didByPattern(page, '2125550101');
  expect(did.route).toBe('EXTEN');
  await page.goto(`/dids/${did.didId}/edit`);
  await checkPage(page, 'Edit DID 2125550101', 'did-edit');
  await expect(inGroupOptions(page)).toHaveCount(0);

  await page.getByRole('radio', { name: 'In-group' }).check();
  await expect(inGroupOptions(page)).toBeVisible();
  await expect(combobox(page, 'In-group').getByRole('option', { name: /^PROMO_2023 .*\(inactive\)$/ })).toBeAttached();
  await combobox(page, 'In-group').selectOption('BILLING');
  await combobox(page, 'Call handle method').fill('CIDLOOKUP');
  await expect(combobox(page, 'Agent search method').getByRole('option')).toHaveText([
    /^LB – Load balanced: /,
    /^LO – Load balanced overflow: /,
    /^SO – Server only: /,
  ]);
  await combobox(page, 'Agent search method').selectOption('LO');
  await textbox(page, 'List ID').fill('30005');
  await textbox(page, 'Entry list ID').fill('12');
  await combobox(page, 'Campaign').selectOption('WINBACK');
  await textbox(page, 'Phone code').fill('44');
  await expect(page.getByText('8 changes to save:')).toBeVisible();
  await checkPage(page, 'Edit DID 2125550101', 'did-edit-in-group');

  const toInGroup = await saveEdit(page);
  const sentToInGroup = {
    routing: {
      route: 'IN_GROUP',
      inGroup: 'BILLING',
      callHandleMethod: 'CIDLOOKUP',
      agentSearchMethod: 'LO',
      listId: 30005,
      entryListId: 12,
      campaignId: 'WINBACK',
      phoneCode: '44',
    },
  };
  expect(toInGroup.postDataJSON()).toEqual(sentToInGroup);
  await expect(page.getByRole('heading', { level: 1, name: 'DID 2125550101', exact: true })).toBeVisible();
  expect(await didById(page, did.didId)).toMatchObject(sentToInGroup.routing);

  // Back to the form: type new extras, then choose a call menu instead.
  await page.getByRole('link', { name: 'Edit DID' }).click();
  await expect(textbox(page, 'List ID')).toHaveValue('30005');
  await textbox(page, 'List ID').fill('30009');
  await textbox(page, 'Phone code').fill('33');
  await page.getByRole('radio', { name: 'Call menu' }).check();
  await expect(inGroupOptions(page)).toHaveCount(0);
  await expect(textbox(page, 'List ID')).toHaveCount(0);
  await expect(combobox(page, 'In-group')).toHaveCount(0);
  await combobox(page, 'Call menu').selectOption('SUPPORT_IVR');
  await expect(page.locator('.change-summary li')).toHaveText(['Where calls go: In-group → Call menu', 'Call menu: none → SUPPORT_IVR']);
  await screenshot(page, 'did-edit-switched-route');

  const toMenu = await saveEdit(page);
  expect(toMenu.postDataJSON()).toEqual({ routing: { route: 'CALLMENU', menuId: 'SUPPORT_IVR' } });
  await expect(page.getByRole('heading', { level: 1, name: 'DID 2125550101', exact: true })).toBeVisible();
  // VICIdial still holds the extras saved before: 30009 and 33 never left the browser.
  expect(await didById(page, did.didId)).toMatchObject({ route: 'CALLMENU', menuId: 'SUPPORT_IVR', listId: 30005, phoneCode: '44' });

  // The audit records exactly the fields each save sent.
  const supervisor = await supervisorContext(browser, sessionCookies);
  const newest = await lastDidChange(supervisor, did.didId);
  expect(newest).toMatchObject({ actor: { username: 'helpdesk' }, outcome: 'success' });
  expect(newest.fields).toEqual({ routing: { route: 'CALLMENU', menuId: 'SUPPORT_IVR' } });
  const all = (await (await supervisor.request.get(`/api/audit?targetType=did&targetId=${did.didId}&action=update:dids`)).json()) as { rows: AuditRow[] };
  expect(all.rows.map((row) => row.fields)).toEqual([{ routing: { route: 'CALLMENU', menuId: 'SUPPORT_IVR' } }, sentToInGroup]);
  await supervisor.close();
});

test('helpdesk may edit but not delete: no control, and the API refuses with 403', async ({ page, loginAs }) => {
  await loginAs('helpdesk');
  const did = await didByPattern(page, '2125550102');
  await page.goto(`/dids/${did.didId}`);
  await expect(page.getByRole('link', { name: 'Edit DID' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Delete DID' })).toHaveCount(0);
  await page.goto(`/dids/${did.didId}/edit`);
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Delete DID' })).toHaveCount(0);

  const { csrfToken } = (await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string };
  const refused = await page.request.delete(`/api/dids/${did.didId}`, { headers: { 'X-CSRF-Token': csrfToken, 'If-Match': `"${did.version}"` } });
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { message: string }).message).toBe('Your role (helpdesk) may not delete DIDs.');
  expect((await page.request.get(`/api/dids/${did.didId}`)).status()).toBe(200);
});

test('the Agent route says the agent cannot be set through the API and shows the current agent', async ({ page, loginAs }) => {
  await loginAs('helpdesk');
  const did = await didByPattern(page, '4155550120');
  expect(did.route).toBe('AGENT');
  await page.goto(`/dids/${did.didId}/edit`);
  const note = page.getByRole('note');
  await expect(note).toContainText('The agent cannot be set here.');
  await expect(note).toContainText("only VICIdial's own admin screen");
  await expect(note).toContainText(`Current agent: ${did.agentUser}`);
  await checkPage(page, 'Edit DID 4155550120', 'did-edit-agent');

  // Choosing the route for another DID sends the route alone.
  const other = await didByPattern(page, '2125550103');
  await page.goto(`/dids/${other.didId}/edit`);
  await page.getByRole('radio', { name: 'Agent' }).check();
  await expect(page.getByRole('note')).toContainText('Current agent: none');
  expect((await saveEdit(page)).postDataJSON()).toEqual({ routing: { route: 'AGENT' } });
  await expect(page.getByRole('heading', { level: 1, name: 'DID 2125550103', exact: true })).toBeVisible();
});

test('helpdesk re-routes 20 DIDs at once and sees a result for each', async ({ page, loginAs }) => {
  await loginAs('helpdesk', '/dids?search=404555');
  await expect(page.locator('.pagination-summary')).toContainText('of 21');
  await expect(page.getByRole('status').filter({ hasText: 'No DIDs selected.' })).toBeVisible();
  await page.getByRole('checkbox', { name: 'Select every row on this page' }).check();
  await expect(page.getByText('21 DIDs selected', { exact: true })).toBeVisible();
  await page.getByRole('checkbox', { name: 'Select DID 4045550125' }).uncheck();
  await expect(page.getByText('20 DIDs selected', { exact: true })).toBeVisible();
  await checkPage(page, 'DIDs', 'dids-selected');

  await page.getByRole('link', { name: 'Change the selected DIDs' }).click();
  await checkPage(page, 'Change several DIDs', 'dids-bulk');
  await page.getByRole('radio', { name: 'In-group' }).check();
  await combobox(page, 'In-group').selectOption('AFTERHOURS');
  await page.getByRole('combobox', { name: 'Recording' }).selectOption('Y');
  await page.getByRole('button', { name: 'Apply to 20 DIDs' }).click();
  const [bulk] = await Promise.all([
    page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/dids/bulk')),
    confirmButton(page, 'Apply to 20 DIDs').click(),
  ]);
  const sent = bulk.postDataJSON() as { dids: string[] };
  expect(sent.dids).toHaveLength(20);
  expect(sent.dids).not.toContain('4045550125');
  expect({ ...sent, dids: undefined }).toEqual({ dids: undefined, routing: { route: 'IN_GROUP', inGroup: 'AFTERHOURS' }, recordCall: 'Y' });

  const results = page.getByRole('region', { name: 'Results' });
  await expect(results.getByRole('heading', { name: 'Results' })).toBeFocused();
  await expect(results.getByText('20 of 20 DIDs changed.')).toBeVisible();
  await expect(tableRows(page)).toHaveCount(20);
  await expect(results.getByRole('row', { name: '4045550101 Changed' })).toBeVisible();
  await checkPage(page, 'Change several DIDs', 'dids-bulk-results');

  const moved = (await (await page.request.get('/api/dids?inGroup=AFTERHOURS&pageSize=100')).json()) as { rows: { pattern: string }[] };
  expect(moved.rows.map((row) => row.pattern).sort()).toEqual([...sent.dids].sort());

  // A DID that does not exist gets its own answer; the others still change.
  await page.goto('/dids/bulk?dids=4045550125,4049999999');
  await page.getByRole('combobox', { name: 'Active' }).selectOption('no');
  await page.getByRole('button', { name: 'Apply to 2 DIDs' }).click();
  await confirmButton(page, 'Apply to 2 DIDs').click();
  await expect(page.getByText('1 of 2 DIDs changed, 1 not changed.')).toBeVisible();
  await expect(page.getByRole('row', { name: '4045550125 Changed' })).toBeVisible();
  await expect(page.getByRole('row', { name: /^4049999999 Not changed: / })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Try again with the 1 DID not changed' })).toBeVisible();
  await screenshot(page, 'dids-bulk-partial');
});

test('helpdesk copies a DID to two new numbers; the supervisor deletes one after a confirmation', async ({ page, loginAs, browser, sessionCookies }) => {
  await loginAs('helpdesk');
  const source = await didByPattern(page, '3125550101');
  await page.goto(`/dids/${source.didId}`);
  await page.getByRole('link', { name: 'Copy DID' }).click();
  await checkPage(page, 'Copy DID 3125550101', 'did-copy');
  await page.getByRole('textbox', { name: 'New numbers' }).fill('3125559101\n3125559102');
  await page.getByRole('textbox', { name: 'Description of the new DIDs' }).fill('Copied sales line');
  const [copy] = await Promise.all([
    page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith(`/api/dids/${source.didId}/copy`)),
    page.getByRole('button', { name: 'Copy DID' }).click(),
  ]);
  expect(copy.postDataJSON()).toEqual({ sourcePattern: '3125550101', newPatterns: ['3125559101', '3125559102'], description: 'Copied sales line' });

  const results = page.getByRole('region', { name: 'Copies of 3125550101' });
  await expect(results.getByText('2 of 2 new numbers added.')).toBeVisible();
  await expect(results.getByRole('row', { name: /^3125559101 Added as DID \d+$/ })).toBeVisible();
  await expect(results.getByRole('row', { name: /^3125559102 Added as DID \d+$/ })).toBeVisible();
  await checkPage(page, 'Copy DID 3125550101', 'did-copy-results');
  for (const pattern of ['3125559101', '3125559102']) {
    expect(await didByPattern(page, pattern)).toMatchObject({ route: 'IN_GROUP', inGroup: source.inGroup, listId: source.listId });
  }

  // Copying again: each number says it exists already.
  await page.getByRole('textbox', { name: 'New numbers' }).fill('3125559102, 3125559103');
  await page.getByRole('button', { name: 'Copy DID' }).click();
  await expect(page.getByRole('row', { name: '3125559102 Not copied: a DID with this number exists already (left as it was)' })).toBeVisible();
  await expect(page.getByRole('row', { name: /^3125559103 Added as DID \d+$/ })).toBeVisible();

  // The supervisor deletes a copy, after confirming.
  const copied = await didByPattern(page, '3125559101');
  const supervisor = await supervisorContext(browser, sessionCookies);
  const supervisorPage = await supervisor.newPage();
  await supervisorPage.goto(`/dids/${copied.didId}/edit`);
  await supervisorPage.getByRole('button', { name: 'Delete DID' }).click();
  const dialog = supervisorPage.getByRole('alertdialog', { name: 'Delete DID 3125559101?' });
  await expect(dialog).toContainText('VICIdial will no longer route calls to 3125559101');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await screenshot(supervisorPage, 'did-delete-confirm');
  await dialog.getByRole('button', { name: 'Delete DID' }).click();
  await expect(supervisorPage).toHaveURL(/\/dids$/);
  await expect(supervisorPage.getByText('DID 3125559101 deleted.')).toBeVisible();
  expect((await supervisorPage.request.get(`/api/dids/${copied.didId}`)).status()).toBe(404);
  await supervisor.close();
});

test('helpdesk adds a DID whose pattern starts with +', async ({ page, loginAs }) => {
  await loginAs('helpdesk', '/dids');
  await page.getByRole('link', { name: 'Add DID' }).click();
  await checkPage(page, 'Add DID', 'did-create');
  await page.getByRole('button', { name: 'Add DID' }).click();
  await expect(page.getByText('Where calls go: required')).toBeVisible();
  await expect(textbox(page, 'DID number (pattern)')).toHaveAccessibleDescription(/DID number: required/);
  await expect(textbox(page, 'DID number (pattern)')).toBeFocused();
  await checkPage(page, 'Add DID', 'did-create-errors');

  await textbox(page, 'DID number (pattern)').fill('+13125559200');
  await textbox(page, 'Description').fill('Plus sign line');
  await page.getByRole('radio', { name: 'Extension' }).check();
  await textbox(page, 'Extension').fill('8300');
  await textbox(page, 'Context').fill('default');
  const [create] = await Promise.all([
    page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/dids')),
    page.getByRole('button', { name: 'Add DID' }).click(),
  ]);
  expect(create.postDataJSON()).toEqual({
    pattern: '+13125559200',
    description: 'Plus sign line',
    routing: { route: 'EXTEN', extension: '8300', context: 'default' },
  });
  await expect(page.getByRole('heading', { level: 1, name: 'DID +13125559200', exact: true })).toBeVisible();
  expect(await didByPattern(page, '+13125559200')).toMatchObject({ route: 'EXTEN' });
});

test('an edit survives the end of the session: after logging in again the form is as it was', async ({ page }) => {
  // Its own session (through the form): ending it must not end the other tests' shared one.
  await loginViaForm(page, 'helpdesk', '/dids');
  const did = await didByPattern(page, '2125550104');
  await page.goto(`/dids/${did.didId}/edit`);
  await page.getByRole('radio', { name: 'In-group' }).check();
  await combobox(page, 'In-group').selectOption('RETENTION');
  await textbox(page, 'List ID').fill('40004');

  const { csrfToken } = (await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string };
  expect((await page.request.post('/api/auth/logout', { headers: { 'X-CSRF-Token': csrfToken } })).status()).toBeLessThan(300);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await confirmButton(page, /^Save \d+ changes?$/).click();
  await expect(page).toHaveURL(new RegExp(`/login\\?next=%2Fdids%2F${did.didId}%2Fedit$`));
  await submitLogin(page, 'helpdesk');

  await expect(page.getByRole('heading', { level: 1, name: 'Edit DID 2125550104', exact: true })).toBeVisible();
  await expect(page.getByText('Your unsaved changes were restored.')).toBeVisible();
  await expect(page.getByRole('radio', { name: 'In-group' })).toBeChecked();
  await expect(combobox(page, 'In-group')).toHaveValue('RETENTION');
  await expect(textbox(page, 'List ID')).toHaveValue('40004');
  expect((await saveEdit(page)).postDataJSON()).toEqual({ routing: { route: 'IN_GROUP', inGroup: 'RETENTION', listId: 40004 } });
  await expect(page.getByRole('heading', { level: 1, name: 'DID 2125550104', exact: true })).toBeVisible();
});
