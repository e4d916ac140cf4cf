import { type Cookie, test as base, request } from '@playwright/test';
import { ACCOUNTS, type Role } from './accounts.js';

export { expect } from '@playwright/test';

interface TestFixtures {
  /** Opens `path` (default: the start page) logged in as `role`, on a session shared by the worker's tests. */
  loginAs: (role: Role, path?: string) => Promise<void>;
}
interface WorkerFixtures {
  sessionCookies: (role: Role) => Promise<Cookie[]>;
}

/**
 * Tests with a logged-in user. Each role logs in once per worker (through the API), and each test
 * starts from that session's cookie: the login rate limit is spent on the tests of the login itself.
 * Tests that end the session (logout) must log in through the form instead.
 */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  sessionCookies: [
    async ({}, use, workerInfo) => {
      const { baseURL } = workerInfo.project.use;
      const sessions = new Map<Role, Promise<Cookie[]>>();
      const logIn = async (role: Role) => {
        const api = await request.newContext({ baseURL });
        const { username, password } = ACCOUNTS[role];
        const response = await api.post('/api/auth/login', { data: { username, password } });
        if (!response.ok()) throw new Error(`login as ${role}: HTTP ${response.status()} ${await response.text()}`);
        const { cookies } = await api.storageState();
        await api.dispose();
        return cookies;
      };
      await use((role) => {
        const session = sessions.get(role) ?? logIn(role);
        sessions.set(role, session);
        return session;
      });
    },
    { scope: 'worker' },
  ],
  loginAs: async ({ page, context, sessionCookies }, use) => {
    await use(async (role, path = '/') => {
      // Leave the page first: nothing the previous role's page started is still running after the switch.
      await page.goto('about:blank');
      await context.clearCookies();
      await context.addCookies(await sessionCookies(role));
      await page.goto(path);
      await base.expect(page.getByRole('banner')).toContainText(ACCOUNTS[role].displayName);
    });
  },
});
