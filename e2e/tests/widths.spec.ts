/// <reference lib="dom" />
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.js';
import { pageSettled } from '../support/pages.js';
import { screenshot } from '../support/screens.js';

// Every page at a phone's width and at 200 % zoom: nothing scrolls sideways, nothing sticks out,
// the lists show each row's route and target without a swipe; a screenshot of what the window shows
// is kept per page and size. (axe runs on every page at full width in the other specs: the rules it
// checks do not change with the width.)

// Layout happens in CSS pixels, so one device pixel each: the same overflow, a quarter of the
// screenshot to draw and encode.
const SIZES = [
  { name: 'phone', viewport: { width: 390, height: 844 } },
  // 200 % zoom of a 1280 px wide window: the page lays out in 640 CSS px.
  { name: 'zoom200', viewport: { width: 640, height: 400 } },
] as const;

const SERVER = '10.20.0.11';

/** The first row of a list (through the API, on the page's session). */
async function firstRow<T>(page: Page, path: string, params: Record<string, string> = {}): Promise<T> {
  const response = await page.request.get(path, { params: { pageSize: '2', ...params } });
  expect(response.ok(), `${path}: HTTP ${response.status()}`).toBe(true);
  const { rows } = (await response.json()) as { rows: T[] };
  expect(rows.length, `${path} has rows`).toBeGreaterThan(0);
  return rows[0] as T;
}

/**
 * Nothing wider than the window: the document does not scroll sideways, and no visible element
 * reaches past either edge (each offender is named by its outermost element, with its edges).
 */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const found = await page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const sticksOut = (element: Element) => {
      const box = element.getBoundingClientRect();
      // Visually hidden text (1 px boxes) is for screen readers and never seen.
      return box.width > 1 && box.height > 1 && (box.right > width + 0.5 || box.left < -0.5);
    };
    const outermost = [...document.body.querySelectorAll('*')].filter(
      (element) => sticksOut(element) && !(element.parentElement && sticksOut(element.parentElement)),
    );
    const name = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${[...element.classList].map((c) => `.${c}`).join('')}`;
    return {
      scrollWidth: root.scrollWidth,
      clientWidth: width,
      outside: outermost.map((element) => {
        const box = element.getBoundingClientRect();
        return `${name(element)} ${Math.round(box.left)}–${Math.round(box.right)} px`;
      }),
    };
  });
  expect(found.outside, `elements past the window's ${found.clientWidth} px on ${page.url()}`).toEqual([]);
  expect(found.scrollWidth, `page width on ${page.url()}`).toBeLessThanOrEqual(found.clientWidth);
}

/** A page at the window's present size: settled, nothing sideways, its screenshot kept. */
async function checkWidth(page: Page, heading: string | RegExp, screenshotName: string): Promise<void> {
  await pageSettled(page, heading);
  await expectNoSidewaysScroll(page);
  await screenshot(page, screenshotName, { fullPage: false });
}

interface PageVisit {
  name: string;
  heading: string | RegExp;
  /** The address to open; may look records up first. */
  path: (page: Page) => Promise<string>;
}

const fixed = (path: string) => () => Promise.resolve(path);
const firstDid = (page: Page) => firstRow<{ didId: number; pattern: string }>(page, '/api/dids', { route: 'IN_GROUP' });
const firstAlias = (page: Page) => firstRow<{ aliasId: string }>(page, '/api/aliases');

const PAGES: PageVisit[] = [
  { name: 'dids-list', heading: 'DIDs', path: fixed('/dids') },
  { name: 'did-new', heading: 'Add DID', path: fixed('/dids/new') },
  { name: 'did-detail', heading: /^DID /, path: async (page) => `/dids/${(await firstDid(page)).didId}` },
  { name: 'did-edit', heading: /^Edit DID /, path: async (page) => `/dids/${(await firstDid(page)).didId}/edit` },
  { name: 'did-copy', heading: /^Copy DID /, path: async (page) => `/dids/${(await firstDid(page)).didId}/copy` },
  {
    name: 'dids-bulk',
    heading: 'Change several DIDs',
    path: async (page) => {
      const response = await page.request.get('/api/dids', { params: { pageSize: '3' } });
      const { rows } = (await response.json()) as { rows: { pattern: string }[] };
      return `/dids/bulk?${new URLSearchParams({ dids: rows.map((row) => row.pattern).join(',') }).toString()}`;
    },
  },
  { name: 'phones-list', heading: 'Phones', path: fixed('/phones') },
  { name: 'phone-new', heading: 'Add phone', path: fixed('/phones/new') },
  { name: 'phone-detail', heading: 'Phone 1001', path: fixed(`/phones/${SERVER}/1001`) },
  { name: 'phone-edit', heading: 'Edit phone 1001', path: fixed(`/phones/${SERVER}/1001/edit`) },
  { name: 'aliases-list', heading: 'Phone aliases', path: fixed('/aliases') },
  { name: 'alias-new', heading: 'Add alias', path: fixed('/aliases/new') },
  { name: 'alias-detail', heading: /^Alias /, path: async (page) => `/aliases/${(await firstAlias(page)).aliasId}` },
  { name: 'alias-edit', heading: /^Edit alias /, path: async (page) => `/aliases/${(await firstAlias(page)).aliasId}/edit` },
  { name: 'audit', heading: 'Audit log', path: fixed('/audit') },
  { name: 'servers', heading: 'Servers', path: fixed('/servers') },
];

/** Each size in turn on the page as loaded: the layout follows the window, so one load serves both. */
async function atEverySize(page: Page, check: (size: (typeof SIZES)[number]) => Promise<void>): Promise<void> {
  for (const size of SIZES) {
    await test.step(`at ${size.viewport.width} px (${size.name})`, async () => {
      await page.setViewportSize(size.viewport);
      await check(size);
    });
  }
}

test.use({ viewport: SIZES[0].viewport });
// Each test checks its page at both sizes.
test.describe.configure({ timeout: 60_000 });

test('the login page, at each size', async ({ page }) => {
  await page.goto('/login');
  await atEverySize(page, async (size) => {
    await checkWidth(page, 'VICIdial dashboard', `width-${size.name}-login`);
  });
});

for (const visit of PAGES) {
  test(`${visit.name} (supervisor), at each size`, async ({ page, context, sessionCookies, loginAs }) => {
    // The session first, for the look-ups some addresses need; then the page itself.
    await context.addCookies(await sessionCookies('supervisor'));
    await loginAs('supervisor', await visit.path(page));
    await atEverySize(page, async (size) => {
      await checkWidth(page, visit.heading, `width-${size.name}-${visit.name}`);
    });
  });
}

test('a list shows each row with its route and target without a swipe, at each size', async ({ page, loginAs }) => {
  await loginAs('supervisor', '/dids');
  const row = page.getByRole('table').getByRole('row').filter({ has: page.getByRole('cell') }).first();
  const did = await firstRow<{ pattern: string }>(page, '/api/dids');
  await expect(row).toContainText(did.pattern);
  await atEverySize(page, async (size) => {
    for (const column of ['Route', 'Route target']) {
      // The cell under that column header, and it is inside the window.
      const index = await page
        .getByRole('columnheader')
        .evaluateAll((headers, name) => headers.findIndex((h) => h.textContent?.replace(/[▲▼↕]/g, '').trim() === name), column);
      expect(index, column).toBeGreaterThanOrEqual(0);
      // Seen as it is: inside the window's width without scrolling anything sideways.
      const cell = row.getByRole('cell').nth(index);
      await expect(cell).toBeVisible();
      const box = await cell.boundingBox();
      expect(box?.x, `${column} cell's left edge`).toBeGreaterThanOrEqual(0);
      expect(box && box.x + box.width, `${column} cell's right edge`).toBeLessThanOrEqual(size.viewport.width);
    }
  });
});
