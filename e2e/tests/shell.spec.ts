import { ACCOUNTS, loginViaForm, logout, ROLES, submitLogin } from '../support/accounts.js';
import { expect, test } from '../support/fixtures.js';
import { expectNoSeriousA11yViolations } from '../support/a11y.js';
import { checkPage } from '../support/pages.js';
import { screenshot } from '../support/screens.js';

// The shell around the lists and forms: login and logout, navigation by role, session expiry,
// the skip link and the error pages. Runs against the built app on the embedded VICIdial.

test('the demo launcher serves the built app under a strict CSP', async ({ page, request }) => {
  expect((await request.get('/api/health')).ok()).toBe(true);
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') violations.push(message.text());
  });
  const response = await page.goto('/login');
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("style-src 'self'");
  const html = (await (await request.get('/login')).text()).replace(/\s+/g, ' ');
  // No inline script or style in the page the server sends: everything comes from files.
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  expect(html).not.toMatch(/\sstyle=/);
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
  await checkPage(page, 'VICIdial dashboard', 'login');
  expect(violations.filter((text) => /Content Security Policy/i.test(text))).toEqual([]);
});

test('a wrong password is refused on the form, which keeps the username', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Username').fill('viewer');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Wrong username or password.' })).toBeVisible();
  await expect(page.getByLabel('Username')).toHaveValue('viewer');
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, 'login-refused');
});

test('an empty login form names each missing field, tied to its input', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByLabel('Username')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Username')).toHaveAccessibleDescription('Username: required');
  await expect(page.getByLabel('Password')).toHaveAccessibleDescription('Password: required');
  await expect(page.getByLabel('Username')).toBeFocused();
  // A text box in error is outlined in red, as selects and chips are.
  const danger = await page.evaluate(() => {
    const probe = document.body.appendChild(document.createElement('i'));
    probe.style.color = 'var(--color-danger)';
    return getComputedStyle(probe).color;
  });
  await expect(page.getByLabel('Username')).toHaveCSS('border-top-color', danger);
  await expect(page.getByLabel('Username')).toHaveCSS('border-top-width', '2px');
});

/** What each role finds: navigation and the add buttons of each list. */
const EXPECTED = {
  supervisor: { nav: ['DIDs', 'Phones', 'Phone aliases', 'Audit log', 'Servers', 'Users'], add: ['Add DID', 'Add phone', 'Add alias'] },
  helpdesk: { nav: ['DIDs', 'Phones', 'Phone aliases', 'Audit log', 'Servers'], add: ['Add DID'] },
  viewer: { nav: ['DIDs', 'Phones', 'Phone aliases', 'Servers'], add: [] },
} as const;

for (const role of ROLES) {
  test(`${role}: logs in, finds the navigation of the role, logs out`, async ({ page }) => {
    await loginViaForm(page, role);
    await expect(page).toHaveURL(/\/dids$/);
    await expect(page.getByRole('banner')).toContainText(`${ACCOUNTS[role].displayName} (${role})`);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link')).toHaveText([...EXPECTED[role].nav]);
    await expect(nav.getByRole('link', { name: 'DIDs' })).toHaveAttribute('aria-current', 'page');
    await checkPage(page, 'DIDs', `${role}-dids`);

    await logout(page);
    // The session is gone on the server too: a protected page sends back to the login.
    await page.goto('/phones');
    await expect(page).toHaveURL(/\/login\?next=%2Fphones$/);
    expect((await page.request.get('/api/phones')).status()).toBe(401);
  });

  test(`${role}: sees exactly the add and edit controls the role may use`, async ({ page, loginAs }) => {
    await loginAs(role);
    const lists = [
      { link: 'DIDs', add: 'Add DID', edit: /^Edit DID / },
      { link: 'Phones', add: 'Add phone', edit: /^Edit phone / },
      { link: 'Phone aliases', add: 'Add alias', edit: /^Edit alias / },
    ];
    for (const list of lists) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: list.link }).click();
      await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
      const allowed = (EXPECTED[role].add as readonly string[]).includes(list.add);
      await expect(page.getByRole('link', { name: list.add })).toHaveCount(allowed ? 1 : 0);
      if (allowed) await expect(page.getByRole('link', { name: list.edit }).first()).toBeVisible();
      else await expect(page.getByRole('link', { name: /^Edit/ })).toHaveCount(0);
    }
  });
}

test('a viewer opening a record sees it read-only, without an edit control', async ({ page, loginAs }) => {
  await loginAs('viewer', '/phones');
  await page.getByRole('link', { name: '1001', exact: true }).first().click();
  await expect(page).toHaveURL(/\/phones\/10\.20\.0\.11\/1001$/);
  await checkPage(page, 'Phone 1001', 'viewer-phone-detail');
  await expect(page.getByRole('main')).toContainText('1001a');
  await expect(page.getByRole('link', { name: /Edit/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Edit|Delete|Reveal/ })).toHaveCount(0);
});

test('a link to a page behind the login comes back to it, list state included, after logging in', async ({ page }) => {
  await page.goto('/phones?search=1001&protocol=SIP');
  await expect(page).toHaveURL(/\/login\?next=/);
  await expect(page.getByText('Log in to continue where you were.')).toBeVisible();
  await submitLogin(page, 'helpdesk');
  await expect(page).toHaveURL(/\/phones\?search=1001&protocol=SIP$/);
  await expect(page.getByRole('searchbox', { name: 'Search phones' })).toHaveValue('1001');
  await expect(page.getByRole('combobox', { name: 'Protocol' })).toHaveValue('SIP');
});

test('when the session ends mid-work, the next action leads to the login and back to the same page', async ({ page }) => {
  await loginViaForm(page, 'helpdesk', '/dids?route=IN_GROUP&sort=didId');
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
  // The session ends on the server, as after the idle timeout (here: ended from another client).
  const { csrfToken } = (await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string };
  expect((await page.request.post('/api/auth/logout', { headers: { 'X-CSRF-Token': csrfToken } })).status()).toBe(204);
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Next' }).click();
  await expect(page).toHaveURL(/\/login\?next=/);
  await expect(page.getByText('Log in to continue where you were.')).toBeVisible();
  await screenshot(page, 'session-ended-login');
  await submitLogin(page, 'helpdesk');
  await expect(page).toHaveURL(/\/dids\?route=IN_GROUP&sort=didId&page=2$/);
  await expect(page.locator('.pagination-summary')).toHaveText(/^Showing 51–/);
  await expect(page.getByRole('combobox', { name: 'Route' })).toHaveValue('IN_GROUP');
});

test('keyboard: the skip link leads past the navigation, and a new page puts focus on its heading', async ({ page, loginAs }) => {
  await loginAs('viewer', '/phones');
  await expect(page.getByRole('heading', { level: 1, name: 'Phones' })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  await page.keyboard.press('Tab');
  // The first control of the page (a viewer's only action, the export), not the navigation; then the search.
  await expect(page.getByRole('link', { name: /^Export [\d,]+ rows?$/ })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('searchbox', { name: 'Search phones' })).toBeFocused();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Phone aliases' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Phone aliases' })).toBeFocused();
});

test('an unknown address shows a page-not-found page inside the app', async ({ page, loginAs }) => {
  await loginAs('viewer', '/no/such/page');
  await checkPage(page, 'Page not found', 'not-found');
  await page.getByRole('link', { name: 'Go to the start page' }).click();
  await expect(page).toHaveURL(/\/dids$/);
});

test('a record that does not exist says so', async ({ page, loginAs }) => {
  await loginAs('viewer', '/dids/999999');
  await expect(page.getByRole('main').getByRole('alert')).toContainText(/no DID|not found|does not exist/i);
  await expectNoSeriousA11yViolations(page);
});
