import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.js';
import { checkPage, listSummary, tableRows } from '../support/pages.js';

// The three lists on the demo data: server-side search, filters, sort and paging, with the whole
// state in the URL (a reload or a shared link shows the same view).

/** The texts of one column (by header name) on the current page. */
async function columnTexts(page: Page, header: string): Promise<string[]> {
  const headers = await page.getByRole('columnheader').allTextContents();
  const index = headers.findIndex((text) => text.replace(/[▲▼↕]/g, '').trim() === header);
  expect(index, `column ${header}`).toBeGreaterThanOrEqual(0);
  return tableRows(page).evaluateAll((rows, i) => rows.map((row) => row.children[i]?.textContent?.trim() ?? ''), index);
}

/** Waits until the list shows the answer to the current URL (no older page on screen). */
async function settled(page: Page) {
  await expect(listSummary(page)).not.toHaveText(/Updating|Loading/);
  await expect(page.getByRole('table')).not.toHaveAttribute('aria-busy', 'true');
}

async function reloadKeeps(page: Page, check: () => Promise<void>) {
  const url = page.url();
  await page.reload();
  expect(page.url()).toBe(url);
  await settled(page);
  await check();
}

test.describe('DIDs', () => {
  test.beforeEach(async ({ page, loginAs }) => {
    await loginAs('viewer', '/dids');
    await settled(page);
  });

  test('lists every DID with its route target, 50 to a page', async ({ page }) => {
    await expect(listSummary(page)).toHaveText(/^Showing 1–50 of \d+$/);
    await expect(tableRows(page)).toHaveCount(50);
    const headers = (await page.getByRole('columnheader').allTextContents()).map((t) => t.replace(/[▲▼↕]/g, '').trim());
    expect(headers).toEqual(['DID', 'Description', 'Route', 'Route target', 'Active', 'Recording', 'DID ID']);
    await checkPage(page, 'DIDs', 'dids-list');
  });

  test('searches on the server, and the search survives a reload', async ({ page }) => {
    await page.getByRole('searchbox', { name: 'Search DIDs' }).fill('404555');
    await expect(page).toHaveURL(/\/dids\?search=404555$/);
    await settled(page);
    const patterns = await columnTexts(page, 'DID');
    expect(patterns.length).toBeGreaterThan(0);
    for (const pattern of patterns) expect(pattern).toMatch(/404555/);
    await reloadKeeps(page, async () => {
      await expect(page.getByRole('searchbox', { name: 'Search DIDs' })).toHaveValue('404555');
      expect(await columnTexts(page, 'DID')).toEqual(patterns);
    });
  });

  test('filters by route, route target, recording and active', async ({ page }) => {
    await page.getByRole('combobox', { name: 'Route' }).selectOption('CALLMENU');
    await expect(page).toHaveURL(/route=CALLMENU/);
    await settled(page);
    expect(new Set(await columnTexts(page, 'Route'))).toEqual(new Set(['Call menu']));

    await page.getByRole('searchbox', { name: 'Route target' }).fill('MAIN_IVR');
    await expect(page).toHaveURL(/target=MAIN_IVR/);
    await settled(page);
    expect(new Set(await columnTexts(page, 'Route target'))).toEqual(new Set(['MAIN_IVR']));

    await page.getByRole('combobox', { name: 'Active' }).selectOption('true');
    await expect(page).toHaveURL(/active=true/);
    await settled(page);
    expect(new Set(await columnTexts(page, 'Active'))).toEqual(new Set(['Yes']));

    await page.getByRole('combobox', { name: 'Recording' }).selectOption('Y');
    await expect(page).toHaveURL(/recordCall=Y(&|$)/);
    await settled(page);
    const recording = await columnTexts(page, 'Recording');
    if (recording.length > 0) expect(new Set(recording)).toEqual(new Set(['Recorded']));
    else await expect(page.getByRole('button', { name: 'Clear search and filters' })).toBeVisible();

    await reloadKeeps(page, async () => {
      await expect(page.getByRole('combobox', { name: 'Route' })).toHaveValue('CALLMENU');
      await expect(page.getByRole('searchbox', { name: 'Route target' })).toHaveValue('MAIN_IVR');
      await expect(page.getByRole('combobox', { name: 'Active' })).toHaveValue('true');
      await expect(page.getByRole('combobox', { name: 'Recording' })).toHaveValue('Y');
    });
    await checkPage(page, 'DIDs', 'dids-filtered');
  });

  test('filters by in-group, and an empty result offers to clear the filters', async ({ page }) => {
    await page.getByRole('combobox', { name: 'In-group' }).selectOption('SALES_ES');
    await expect(page).toHaveURL(/inGroup=SALES_ES$/);
    await settled(page);
    expect(new Set(await columnTexts(page, 'Route target'))).toEqual(new Set(['SALES_ES']));
    await page.getByRole('searchbox', { name: 'Search DIDs' }).fill('no such number anywhere');
    await expect(page.getByText('No DID matches this search.')).toBeVisible();
    await page.getByRole('button', { name: 'Clear search and filters' }).click();
    await expect(page).toHaveURL(/\/dids$/);
    await expect(page.getByRole('searchbox', { name: 'Search DIDs' })).toHaveValue('');
    await expect(tableRows(page)).toHaveCount(50);
  });

  test('sorts on the server by a column, both ways', async ({ page }) => {
    const didId = page.getByRole('columnheader', { name: 'DID ID' });
    await didId.getByRole('button').click();
    await expect(page).toHaveURL(/sort=didId$/);
    await expect(didId).toHaveAttribute('aria-sort', 'ascending');
    await settled(page);
    const ascending = (await columnTexts(page, 'DID ID')).map(Number);
    expect(ascending[0]).toBe(1);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));

    await didId.getByRole('button').click();
    await expect(page).toHaveURL(/sort=didId&order=desc$/);
    await expect(didId).toHaveAttribute('aria-sort', 'descending');
    await settled(page);
    const descending = (await columnTexts(page, 'DID ID')).map(Number);
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
    expect(descending[0]).toBeGreaterThan(100);
    await reloadKeeps(page, async () => {
      await expect(didId).toHaveAttribute('aria-sort', 'descending');
      expect((await columnTexts(page, 'DID ID')).map(Number)).toEqual(descending);
    });
  });

  test('pages through the list; a reload and the Back button keep the page', async ({ page }) => {
    const pages = page.getByRole('navigation', { name: 'Pages' });
    const first = await columnTexts(page, 'DID');
    await pages.getByRole('button', { name: 'Next' }).click();
    await expect(page).toHaveURL(/\/dids\?page=2$/);
    await settled(page);
    await expect(listSummary(page)).toHaveText(/^Showing 51–100 of \d+$/);
    const second = await columnTexts(page, 'DID');
    expect(second.filter((p) => first.includes(p))).toEqual([]);
    await reloadKeeps(page, async () => {
      expect(await columnTexts(page, 'DID')).toEqual(second);
      await expect(pages.getByText('Page 2 of 3')).toBeVisible();
    });
    await pages.getByRole('button', { name: 'Last' }).click();
    await expect(page).toHaveURL(/page=3$/);
    await expect(pages.getByRole('button', { name: 'Next' })).toBeDisabled();
    await page.goBack();
    await expect(page).toHaveURL(/page=2$/);
    await settled(page);
    expect(await columnTexts(page, 'DID')).toEqual(second);

    await page.getByRole('combobox', { name: 'Rows per page' }).selectOption('100');
    await expect(page).toHaveURL(/\/dids\?pageSize=100$/);
    await settled(page);
    await expect(tableRows(page)).toHaveCount(100);
  });

  test('opens a DID: where its calls go, read-only', async ({ page }) => {
    await page.getByRole('searchbox', { name: 'Search DIDs' }).fill('3125550101');
    await expect(tableRows(page)).toHaveCount(1);
    await page.getByRole('link', { name: '3125550101' }).click();
    await checkPage(page, 'DID 3125550101', 'did-detail');
    const routing = page.getByRole('region', { name: 'Where calls go' });
    await expect(routing).toContainText('In-group');
    await expect(routing).toContainText('SALES_EN');
  });
});

test.describe('phones', () => {
  test.beforeEach(async ({ page, loginAs }) => {
    await loginAs('viewer', '/phones');
    await settled(page);
  });

  test('lists, searches and filters by server, protocol and active; the view survives a reload', async ({ page }) => {
    await checkPage(page, 'Phones', 'phones-list');
    await page.getByRole('combobox', { name: 'Server' }).selectOption('10.20.0.12');
    await expect(page).toHaveURL(/serverIp=10\.20\.0\.12$/);
    await settled(page);
    expect(new Set(await columnTexts(page, 'Server'))).toEqual(new Set(['10.20.0.12']));
    await page.getByRole('combobox', { name: 'Protocol' }).selectOption('IAX2');
    await expect(page).toHaveURL(/protocol=IAX2$/);
    await settled(page);
    await expect(tableRows(page)).toHaveCount(6);
    expect(new Set(await columnTexts(page, 'Protocol'))).toEqual(new Set(['IAX2']));
    await page.getByRole('combobox', { name: 'Protocol' }).selectOption('');
    await page.getByRole('combobox', { name: 'Active' }).selectOption('false');
    await expect(page).toHaveURL(/\/phones\?serverIp=10\.20\.0\.12&active=false$/);
    await settled(page);
    expect(new Set(await columnTexts(page, 'Active'))).toEqual(new Set(['No']));

    await page.getByRole('searchbox', { name: 'Search phones' }).fill('2016');
    await expect(page).toHaveURL(/search=2016/);
    await settled(page);
    expect(await columnTexts(page, 'Extension')).toEqual(['2016']);
    await reloadKeeps(page, async () => {
      await expect(page.getByRole('combobox', { name: 'Server' })).toHaveValue('10.20.0.12');
      await expect(page.getByRole('combobox', { name: 'Active' })).toHaveValue('false');
      await expect(page.getByRole('searchbox', { name: 'Search phones' })).toHaveValue('2016');
      expect(await columnTexts(page, 'Extension')).toEqual(['2016']);
    });
    await checkPage(page, 'Phones', 'phones-filtered');
  });

  test('sorts by name and pages', async ({ page }) => {
    await page.getByRole('columnheader', { name: 'Name' }).getByRole('button').click();
    await expect(page).toHaveURL(/sort=fullName$/);
    await settled(page);
    const names = (await columnTexts(page, 'Name')).filter((name) => name !== '');
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));

    await page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Next' }).click();
    await expect(page).toHaveURL(/sort=fullName&page=2$/);
    await settled(page);
    await expect(listSummary(page)).toHaveText(/^Showing 51–\d+ of \d+$/);
    await reloadKeeps(page, async () => {
      await expect(listSummary(page)).toHaveText(/^Showing 51–/);
      await expect(page.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'ascending');
    });
  });

  test('tells the same extension on two servers apart', async ({ page }) => {
    await page.getByRole('searchbox', { name: 'Search phones' }).fill('8000');
    await expect(page).toHaveURL(/search=8000$/);
    await settled(page);
    expect((await columnTexts(page, 'Server')).sort()).toEqual(['10.20.0.11', '10.20.0.12']);
    await page.getByRole('row').filter({ hasText: '10.20.0.12' }).getByRole('link', { name: '8000' }).click();
    await expect(page).toHaveURL(/\/phones\/10\.20\.0\.12\/8000$/);
    await checkPage(page, 'Phone 8000', 'phone-detail');
    await expect(page.getByRole('main')).toContainText('Front desk Atlanta');
    await expect(page.getByRole('link', { name: 'front_desk' })).toHaveAttribute('href', '/aliases/front_desk');
  });
});

test.describe('phone aliases', () => {
  test.beforeEach(async ({ page, loginAs }) => {
    await loginAs('viewer', '/aliases');
    await settled(page);
  });

  test('lists, searches and filters by a member login', async ({ page }) => {
    await checkPage(page, 'Phone aliases', 'aliases-list');
    await page.getByRole('searchbox', { name: 'Search aliases' }).fill('sales');
    await expect(page).toHaveURL(/search=sales$/);
    await settled(page);
    expect(await columnTexts(page, 'Alias ID')).toEqual(['sales_pod1', 'sales_pod2', 'sales_pod3']);
    await page.getByRole('searchbox', { name: 'Search aliases' }).fill('');
    await page.getByRole('searchbox', { name: 'Lists the login' }).fill('2014b');
    await expect(page).toHaveURL(/\/aliases\?login=2014b$/);
    await settled(page);
    expect(await columnTexts(page, 'Alias ID')).toEqual(['support_legacy', 'support_t2']);
    await reloadKeeps(page, async () => {
      await expect(page.getByRole('searchbox', { name: 'Lists the login' })).toHaveValue('2014b');
      expect(await columnTexts(page, 'Alias ID')).toEqual(['support_legacy', 'support_t2']);
    });
  });

  test('sorts by name descending and pages with a small page size from the URL', async ({ page }) => {
    await page.goto('/aliases?pageSize=5&sort=name&order=desc');
    await settled(page);
    await expect(page.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'descending');
    const firstPage = await columnTexts(page, 'Name');
    expect(firstPage).toEqual([...firstPage].sort((a, b) => b.localeCompare(a, 'en', { sensitivity: 'base' })));
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Next' }).click();
    await expect(page).toHaveURL(/page=2$/);
    await settled(page);
    await expect(listSummary(page)).toHaveText(/^Showing 6–10 of \d+$/);
    await reloadKeeps(page, async () => {
      await expect(listSummary(page)).toHaveText(/^Showing 6–10 of \d+$/);
    });
  });

  test('opens an alias and marks the logins no phone has', async ({ page }) => {
    await page.getByRole('link', { name: 'support_legacy' }).click();
    await checkPage(page, 'Alias support_legacy', 'alias-detail');
    await expect(page.getByRole('main')).toContainText('2017b (no such phone)');
  });
});
