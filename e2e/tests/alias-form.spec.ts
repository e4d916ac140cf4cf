import type { APIResponse, Locator, Page } from '@playwright/test';
import { submitLogin } from '../support/accounts.js';
import { expectNoSeriousA11yViolations } from '../support/a11y.js';
import { expect, test } from '../support/fixtures.js';
import { checkPage } from '../support/pages.js';
import { screenshot } from '../support/screens.js';

// The alias form on the embedded VICIdial: a supervisor builds an alias from chips, edits it, meets
// someone else's change (409) and keeps it, deletes the alias (its phones stay); the chip picker by
// keyboard alone; an edit that survives the end of the session.

interface Alias {
  aliasId: string;
  name: string | null;
  logins: string[];
  unknownLogins: string[];
  version: string;
}

const ALIAS = 'e2e_chips';

const loginBox = (page: Page) => page.getByRole('combobox', { name: 'Phone logins' });
const chipList = (page: Page) => page.getByRole('list', { name: /^Phone logins: \d+ chosen$/ });
const removeChip = (page: Page, login: string) => page.getByRole('button', { name: `Remove ${login}`, exact: true });

async function readAlias(page: Page, aliasId: string): Promise<APIResponse> {
  return page.request.get(`/api/aliases/${aliasId}`);
}

async function aliasNow(page: Page, aliasId: string): Promise<Alias> {
  const response = await readAlias(page, aliasId);
  expect(response.status()).toBe(200);
  return (await response.json()) as Alias;
}

/** Someone else's save, through the BFF, on the page's session: the alias gains `login`. */
async function addLoginElsewhere(page: Page, aliasId: string, login: string): Promise<void> {
  const { csrfToken } = (await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string };
  const alias = await aliasNow(page, aliasId);
  const response = await page.request.put(`/api/aliases/${aliasId}`, {
    headers: { 'X-CSRF-Token': csrfToken, 'If-Match': `"${alias.version}"` },
    data: { logins: [...alias.logins, login] },
  });
  expect(response.status(), await response.text()).toBe(200);
}

/** Pastes `text` into `box` from the system clipboard, as Ctrl+V does. */
async function paste(page: Page, box: Locator, text: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  // A string: the e2e code is compiled without the DOM's types.
  await page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(text)})`);
  await box.focus();
  await page.keyboard.press('ControlOrMeta+V');
}

async function reviewAndSave(page: Page, expected: { add: string[]; remove: string[] }, screenshotName?: string) {
  await page.getByRole('button', { name: 'Review and save' }).click();
  const dialog = page.getByRole('alertdialog', { name: /^Save alias / });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText(`Logins to add (${expected.add.length})`)).toBeVisible();
  await expect(dialog.getByText(`Logins to remove (${expected.remove.length})`)).toBeVisible();
  const lists = dialog.locator('.change-list');
  if (expected.add.length > 0) await expect(dialog.locator('.change-group--added li')).toHaveText(expected.add.map((login) => `+ ${login}`));
  if (expected.remove.length > 0) await expect(dialog.locator('.change-group--removed li')).toHaveText(expected.remove.map((login) => `− ${login}`));
  await expect(lists).toHaveCount([expected.add, expected.remove].filter((side) => side.length > 0).length);
  if (screenshotName) {
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, screenshotName);
  }
  await dialog.getByRole('button', { name: 'Save alias' }).click();
}

test.describe.serial('supervisor: an alias from chips to deletion', () => {
  test('builds an alias from chips: typing with suggestions, a paste, refused duplicates and unknown logins', async ({ page, loginAs }) => {
    await loginAs('supervisor', '/aliases');
    await page.getByRole('link', { name: 'Add alias' }).click();
    await expect(page).toHaveURL(/\/aliases\/new$/);
    await checkPage(page, 'Add alias', 'alias-create');

    await page.getByLabel('Alias ID').fill(ALIAS);
    await page.getByLabel('Name').fill('E2E chips');
    const box = loginBox(page);

    // Typing searches the phone logins; the arrows and Enter pick a suggestion.
    await box.pressSequentially('101');
    const listbox = page.getByRole('listbox', { name: 'Phone logins: suggestions' });
    await expect(listbox.getByRole('option').first()).toHaveText(/^1010a — extension 1010 on /);
    await expect(box).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(listbox.getByRole('option', { name: /^1011a/ })).toHaveAttribute('aria-selected', 'true');
    await screenshot(page, 'alias-create-suggestions');
    await page.keyboard.press('Enter');
    // A click on a suggestion works too.
    await box.pressSequentially('200');
    await listbox.getByRole('option', { name: /^2001b/ }).click();
    // A pasted list becomes chips at once.
    await paste(page, box, '3001a, 3002a\n3003a');
    await expect(chipList(page).getByRole('listitem')).toHaveText(['1011a', '2001b', '3001a', '3002a', '3003a'].map((login) => new RegExp(`^${login}`)));
    await expect(page.locator('.chip-budget')).toHaveText('29 of 255 characters (the logins joined by commas)');

    // A duplicate (any case) is refused, with a message.
    await box.pressSequentially('2001B');
    await page.keyboard.press('Enter');
    await expect(page.getByText('2001B is already in the list: not added again.')).toBeVisible();
    await expect(chipList(page).getByRole('listitem')).toHaveCount(5);

    // A login no phone has becomes an invalid chip, in words, and blocks saving.
    await box.pressSequentially('9999z,');
    await expect(removeChip(page, '9999z')).toHaveAccessibleDescription('(no phone has this login)');
    await page.getByRole('button', { name: 'Add alias' }).click();
    await expect(box).toHaveAccessibleDescription(/Remove 9999z to save: see the marked login\./);
    await expect(page).toHaveURL(/\/aliases\/new$/);
    await checkPage(page, 'Add alias', 'alias-create-invalid-chip');
    await removeChip(page, '9999z').click();

    await page.getByRole('button', { name: 'Add alias' }).click();
    await expect(page).toHaveURL(new RegExp(`/aliases/${ALIAS}$`));
    await checkPage(page, `Alias ${ALIAS}`, 'alias-created');
    expect((await aliasNow(page, ALIAS)).logins).toEqual(['1011a', '2001b', '3001a', '3002a', '3003a']);
  });

  test('edits it: adds one, removes one, and sees both before saving', async ({ page, loginAs }) => {
    await loginAs('supervisor', `/aliases/${ALIAS}`);
    await page.getByRole('link', { name: 'Edit alias' }).click();
    await checkPage(page, `Edit alias ${ALIAS}`, 'alias-edit');
    await expect(page.getByRole('button', { name: 'Review and save' })).toBeDisabled();

    await loginBox(page).pressSequentially('1012a');
    await page.keyboard.press('Enter');
    await removeChip(page, '2001b').click();
    await expect(page.getByText('1 to add, 1 to remove.')).toBeVisible();
    await reviewAndSave(page, { add: ['1012a'], remove: ['2001b'] }, 'alias-edit-review');

    await expect(page).toHaveURL(new RegExp(`/aliases/${ALIAS}$`));
    expect((await aliasNow(page, ALIAS)).logins).toEqual(['1011a', '3001a', '3002a', '3003a', '1012a']);
  });

  test('meets a 409 after a concurrent change and re-applies the edit without losing the other login', async ({ page, loginAs }) => {
    await loginAs('supervisor', `/aliases/${ALIAS}/edit`);
    await checkPage(page, `Edit alias ${ALIAS}`, 'alias-edit-before-conflict');
    await loginBox(page).pressSequentially('1013a');
    await page.keyboard.press('Enter');
    await removeChip(page, '3001a').click();

    // Someone else saves first: 4001b joins the alias.
    await addLoginElsewhere(page, ALIAS, '4001b');

    await reviewAndSave(page, { add: ['1013a'], remove: ['3001a'] });
    const conflict = page.getByRole('region', { name: 'Someone else changed this alias' });
    await expect(conflict).toBeVisible();
    await expect(conflict.getByRole('heading', { level: 2 })).toBeFocused();
    await expect(conflict.getByRole('list', { name: 'The newer list' }).getByRole('listitem')).toHaveText(['1011a', '3001a', '3002a', '3003a', '1012a', '4001b']);
    await expect(conflict.locator('.change-group--added li').first()).toHaveText('+ 4001b');
    await checkPage(page, `Edit alias ${ALIAS}`, 'alias-edit-conflict');

    await conflict.getByRole('button', { name: 'Apply my changes to the newer list' }).click();
    await expect(page.getByText('Your changes were applied to the newer list. Review them and save.')).toBeFocused();
    await expect(chipList(page).getByRole('listitem')).toHaveText(['1011a', '3002a', '3003a', '1012a', '4001b', '1013a'].map((login) => new RegExp(`^${login}`)));
    await reviewAndSave(page, { add: ['1013a'], remove: ['3001a'] }, 'alias-edit-reapplied-review');

    await expect(page).toHaveURL(new RegExp(`/aliases/${ALIAS}$`));
    const saved = await aliasNow(page, ALIAS);
    expect(saved.logins).toEqual(['1011a', '3002a', '3003a', '1012a', '4001b', '1013a']);
    // What reached VICIdial: the audit's fields are exactly what was sent, the other login included.
    const audit = (await (await page.request.get('/api/audit', { params: { targetType: 'alias', targetId: ALIAS, outcome: 'success' } })).json()) as {
      rows: { action: string; fields: { logins?: string[] }; actor: { username: string } }[];
    };
    expect(audit.rows[0]?.fields.logins).toEqual(saved.logins);
  });

  test('deletes it, told that the phones stay', async ({ page, loginAs }) => {
    await loginAs('supervisor', `/aliases/${ALIAS}/edit`);
    await checkPage(page, `Edit alias ${ALIAS}`, 'alias-edit-before-delete');
    await page.getByRole('button', { name: 'Delete alias' }).click();
    const dialog = page.getByRole('alertdialog', { name: `Delete alias ${ALIAS}?` });
    await expect(dialog).toContainText('the phones stay');
    await expect(dialog).toContainText('VICIdial does not change or delete any phone when an alias is deleted.');
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'alias-delete-confirm');
    await dialog.getByRole('button', { name: 'Delete alias' }).click();

    await expect(page).toHaveURL(/\/aliases$/);
    await expect(page.getByRole('status').filter({ hasText: `Alias ${ALIAS} deleted. Its phones are unchanged.` })).toBeVisible();
    expect((await readAlias(page, ALIAS)).status()).toBe(404);
    // Its phones are still there.
    const phones = (await (await page.request.get('/api/lookups/phone-logins', { params: { search: '1011a' } })).json()) as { login: string }[];
    expect(phones.map((phone) => phone.login)).toContain('1011a');
  });
});

test('the chip picker works by keyboard alone', async ({ page, loginAs }) => {
  await loginAs('supervisor', '/aliases');
  await expect(page.getByRole('heading', { level: 1, name: 'Phone aliases' })).toBeVisible();
  // Skip link, then the page's controls in the order they are seen: export, import, add.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: /^Export [\d,]+ rows?$/ })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Import' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Add alias' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Add alias' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Alias ID')).toBeFocused();
  await page.keyboard.type('e2e_keys');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Name')).toBeFocused();
  await page.keyboard.type('Keyboard only');
  await page.keyboard.press('Tab');
  const box = loginBox(page);
  await expect(box).toBeFocused();

  await page.keyboard.type('100');
  await expect(page.getByRole('option').first()).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.keyboard.type('2001b,');
  await page.keyboard.type('3001a');
  await page.keyboard.press('Enter');
  await expect(chipList(page).getByRole('listitem')).toHaveText([/^1001a/, /^2001b/, /^3001a/]);
  // Backspace in the empty box takes the last chip back.
  await page.keyboard.press('Backspace');
  await expect(chipList(page).getByRole('listitem')).toHaveText([/^1001a/, /^2001b/]);
  await expect(box).toBeFocused();

  // Left arrow reaches the chips; Delete removes the focused one and the focus moves on.
  await page.keyboard.press('ArrowLeft');
  await expect(removeChip(page, '2001b')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(removeChip(page, '1001a')).toBeFocused();
  await page.keyboard.press('Delete');
  await expect(chipList(page).getByRole('listitem')).toHaveText([/^2001b/]);
  await expect(removeChip(page, '2001b')).toBeFocused();
  // The chips are one tab stop between the name and the text box.
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByLabel('Name')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(removeChip(page, '2001b')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(box).toBeFocused();
  await page.keyboard.type('3002a');
  await page.keyboard.press('Enter');
  await screenshot(page, 'alias-create-keyboard-chips');

  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Add alias' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/aliases\/e2e_keys$/);
  expect((await aliasNow(page, 'e2e_keys')).logins).toEqual(['2001b', '3002a']);
});

test('an edit survives the end of the session and is saved after logging in again', async ({ page }) => {
  const path = '/aliases/sales_pod2/edit';
  await page.goto(`/login?next=${encodeURIComponent(path)}`);
  await submitLogin(page, 'supervisor');
  await checkPage(page, 'Edit alias sales_pod2', 'alias-edit-session');
  const before = await aliasNow(page, 'sales_pod2');
  await loginBox(page).pressSequentially('1013a');
  await page.keyboard.press('Enter');
  await removeChip(page, '1007a').click();

  // The session ends on the server (as after the idle timeout).
  const { csrfToken } = (await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string };
  expect((await page.request.post('/api/auth/logout', { headers: { 'X-CSRF-Token': csrfToken } })).status()).toBe(204);
  await page.getByRole('button', { name: 'Review and save' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Save alias' }).click();
  await expect(page).toHaveURL(/\/login\?next=/);
  await submitLogin(page, 'supervisor');

  await expect(page).toHaveURL(new RegExp(`${path}$`));
  await expect(page.getByText('Your unsaved changes were restored.')).toBeVisible();
  await expect(chipList(page).getByRole('listitem').last()).toHaveText(/^1013a/);
  await expect(removeChip(page, '1007a')).toHaveCount(0);
  await reviewAndSave(page, { add: ['1013a'], remove: ['1007a'] });
  await expect(page).toHaveURL(/\/aliases\/sales_pod2$/);
  expect((await aliasNow(page, 'sales_pod2')).logins).toEqual([...before.logins.filter((login) => login !== '1007a'), '1013a']);
});

/**
 * An alias whose login no phone has any more, made for this test (the demo's aliases stay as seeded
 * for other specs): two phones of its own in a new alias, then one of the phones deleted.
 */
async function aliasWithDeletedLogin(page: Page, aliasId: string): Promise<void> {
  const { csrfToken } = (await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string };
  const headers = { 'X-CSRF-Token': csrfToken };
  const addPhone = async (extension: string) => {
    const created = await page.request.post('/api/phones', {
      headers,
      data: {
        serverIp: '10.20.0.11',
        extension,
        dialplanNumber: extension,
        voicemailId: extension,
        login: `${extension}s`,
        password: `StaleE2e${extension}`,
        registrationPassword: `StaleE2e${extension}r`,
        protocol: 'SIP',
        fullName: `Stale login e2e ${extension}`,
        gmtOffset: '-5.00',
        outboundCallerId: `312555${extension}`,
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    return ((await created.json()) as { version: string }).version;
  };
  const goneVersion = await addPhone('6190');
  await addPhone('6191');
  const alias = await page.request.post('/api/aliases', { headers, data: { aliasId, name: 'Stale login e2e', logins: ['6191s', '6190s'] } });
  expect(alias.status(), await alias.text()).toBe(201);
  const deleted = await page.request.delete('/api/phones/10.20.0.11/6190', { headers: { ...headers, 'If-Match': `"${goneVersion}"` } });
  expect(deleted.ok(), await deleted.text()).toBe(true);
}

test('an alias still listing a deleted phone opens with that login as an invalid chip, which blocks saving', async ({ page, loginAs }) => {
  await loginAs('supervisor', '/aliases');
  await aliasWithDeletedLogin(page, 'e2e_stale');
  await page.goto('/aliases/e2e_stale/edit');
  await checkPage(page, 'Edit alias e2e_stale', 'alias-edit-stale-login');
  await expect(removeChip(page, '6190s')).toHaveAccessibleDescription('(no phone has this login)');
  await page.getByLabel('Name').fill('Stale login e2e - fixed');
  await page.getByRole('button', { name: 'Review and save' }).click();
  await expect(loginBox(page)).toHaveAccessibleDescription(/Remove 6190s to save: see the marked login\./);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await removeChip(page, '6190s').click();
  await reviewAndSave(page, { add: [], remove: ['6190s'] });
  await expect(page).toHaveURL(/\/aliases\/e2e_stale$/);
  const saved = await aliasNow(page, 'e2e_stale');
  expect(saved).toMatchObject({ name: 'Stale login e2e - fixed', logins: ['6191s'], unknownLogins: [] });
});
