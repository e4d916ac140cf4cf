import type { Express } from 'express';
import request from 'supertest';
import { afterEach, describe, expect, test } from 'vitest';
import { createApp, SESSION_COOKIE } from '../app.js';
import { LOGIN_THROTTLE } from '../auth/login-throttle.js';
import { createLogger } from '../logger.js';
import { createServices } from '../services.js';
import { createTestApp, type TestAppOptions, testPasswords } from '../test/app.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());
const setup = async (env?: Record<string, string>, options: TestAppOptions = {}) => {
  const t = await createTestApp({ ...options, env });
  close = t.close;
  return t;
};
const sessionCookie = (res: request.Response) =>
  ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith(`${SESSION_COOKIE}=`));

describe('login', () => {
  test('sets an HttpOnly SameSite=Strict session cookie and answers who is logged in', async () => {
    const { app } = await setup();
    const res = await request(app).post('/api/auth/login').send({ username: 'helpdesk', password: testPasswords.helpdesk });
    expect(res.status).toBe(200);
    expect(res.body.user).toEqual({
      username: 'helpdesk',
      displayName: 'Test helpdesk',
      role: 'helpdesk',
      permissions: ['read:phones', 'read:aliases', 'read:dids', 'read:lookups', 'change:own-password', 'create:dids', 'copy:dids', 'update:dids', 'read:own-audit', 'revert:own-did-changes', 'import:dids'],
      mustChangePassword: false,
    });
    expect(res.body.csrfToken).toMatch(/^[\w-]{40,}$/);
    const cookie = sessionCookie(res);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
  });

  test('issues a new session id at login (no session fixation)', async () => {
    const { app } = await setup();
    const agent = request.agent(app);
    const first = sessionCookie(await agent.post('/api/auth/login').send({ username: 'viewer', password: testPasswords.viewer }));
    const second = sessionCookie(await agent.post('/api/auth/login').send({ username: 'viewer', password: testPasswords.viewer }));
    expect(first?.split(';')[0]).not.toEqual(second?.split(';')[0]);
  });

  test('a wrong password is 401 with one message for every cause', async () => {
    const { app } = await setup();
    for (const body of [{ username: 'viewer', password: 'wrong-password' }, { username: 'ghost', password: 'whatever-pass' }]) {
      const res = await request(app).post('/api/auth/login').send(body);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ code: 'LOGIN_FAILED', message: 'Wrong username or password.' });
      expect(sessionCookie(res)).toBeUndefined();
    }
  });

  test('missing fields are named', async () => {
    const { app } = await setup();
    const res = await request(app).post('/api/auth/login').send({ username: 'viewer' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION', field: 'password' });
  });

  test('a form post (not JSON) is refused', async () => {
    const { app } = await setup();
    const res = await request(app).post('/api/auth/login').type('form').send({ username: 'viewer', password: testPasswords.viewer });
    expect(res.status).toBe(415);
  });
});

describe('session', () => {
  test('GET /api/auth/session answers the person and their token, 401 without login', async () => {
    const { app, loginAs } = await setup();
    expect((await request(app).get('/api/auth/session')).status).toBe(401);
    const { agent, csrfToken } = await loginAs('supervisor');
    const res = await agent.get('/api/auth/session');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ user: { username: 'supervisor', role: 'supervisor' }, csrfToken });
  });

  test('ends after the idle timeout, and stays alive while used', async () => {
    const { loginAs, advance } = await setup({ SESSION_IDLE_MINUTES: '30' });
    const { agent } = await loginAs('viewer');
    advance(20 * 60_000);
    expect((await agent.get('/api/auth/session')).status).toBe(200);
    advance(20 * 60_000);
    expect((await agent.get('/api/auth/session')).status).toBe(200);
    advance(31 * 60_000);
    const res = await agent.get('/api/auth/session');
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ code: 'UNAUTHENTICATED', message: 'Your session has ended. Please log in again.' });
  });

  test('ends after the absolute timeout even when active', async () => {
    const { loginAs, advance } = await setup({ SESSION_ABSOLUTE_HOURS: '2', SESSION_IDLE_MINUTES: '60' });
    const { agent } = await loginAs('viewer');
    for (let i = 0; i < 4; i++) {
      advance(29 * 60_000);
      expect((await agent.get('/api/auth/session')).status).toBe(200);
    }
    advance(5 * 60_000);
    expect((await agent.get('/api/auth/session')).status).toBe(401);
  });

  test('a disabled account loses its session at once', async () => {
    const { loginAs, services } = await setup();
    const { agent } = await loginAs('helpdesk');
    await services.accounts.setActive('helpdesk', false);
    expect((await agent.get('/api/auth/session')).status).toBe(401);
  });

  test('a session cookie whose signature was altered lets nobody in', async () => {
    const { app } = await setup();
    const cookie = sessionCookie(await request(app).post('/api/auth/login').send({ username: 'viewer', password: testPasswords.viewer }));
    const sent = (cookie as string).split(';')[0] as string;
    expect((await request(app).get('/api/auth/session').set('Cookie', sent)).status).toBe(200);
    const last = sent.at(-1) === 'A' ? 'B' : 'A';
    for (const altered of [sent.slice(0, -1) + last, sent.replace(/\.[^.]*$/, ''), `${sent}x`]) {
      expect((await request(app).get('/api/auth/session').set('Cookie', altered)).status, altered).toBe(401);
    }
  });

  test('logout ends the session', async () => {
    const { loginAs } = await setup();
    const { agent, csrfToken } = await loginAs('viewer');
    expect((await agent.post('/api/auth/logout').set('X-CSRF-Token', csrfToken)).status).toBe(204);
    expect((await agent.get('/api/auth/session')).status).toBe(401);
  });

  test('a state-changing request without the CSRF token is refused', async () => {
    const { loginAs } = await setup();
    const { agent } = await loginAs('viewer');
    const res = await agent.post('/api/auth/logout');
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('CSRF');
    const wrong = await agent.post('/api/auth/logout').set('X-CSRF-Token', 'x'.repeat(43));
    expect(wrong.status).toBe(403);
    expect((await agent.get('/api/auth/session')).status).toBe(200);
  });
});

/** A login from `from` (the proxy in front, one hop, names the client's address). */
const loginFrom = (app: Express, from: string, username: string, password: string) =>
  request(app).post('/api/auth/login').set('X-Forwarded-For', from).send({ username, password });
/** What a client can tell apart: status, body, headers (but the date and the request's own id). */
const seen = ({ status, body, headers }: request.Response) => {
  const { date: _date, 'x-request-id': _id, ...rest } = headers;
  return { status, body, headers: rest };
};
const { freeFailures, firstDelayMs, maxDelayMs, sourceFailures, sourceWindowMs } = LOGIN_THROTTLE;
const behindProxy = { TRUST_PROXY_HOPS: '1' };
/** Each login checks a password (~150 ms of argon2), and these make dozens. */
const slow = { timeout: 30_000 };

describe.each(['sqlite', 'mariadb'] as const)('login throttling, dashboard database on %s', (dashboardDb) => {
  const throttled = () => setup(behindProxy, { dashboardDb });

  test('successful logins are not counted: 30 from one address all pass', slow, async () => {
    const { app } = await throttled();
    for (let i = 0; i < 30; i++) expect((await loginFrom(app, '10.1.0.1', 'viewer', testPasswords.viewer)).status).toBe(200);
  });

  test('wrong passwords from one address delay that username from there only, never the account', slow, async () => {
    const { app } = await throttled();
    for (let i = 0; i < freeFailures; i++) expect((await loginFrom(app, '10.2.0.1', 'supervisor', 'wrong-password')).status).toBe(401);
    const refused = await loginFrom(app, '10.2.0.1', 'supervisor', testPasswords.supervisor);
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe(String(firstDelayMs / 1000));
    expect(refused.body).toEqual({ code: 'RATE_LIMITED', message: 'Too many failed logins from here. Try again in 30 seconds.' });
    // The owner, from their own desk, is not locked out; others at the attacker's address neither.
    expect((await loginFrom(app, '10.2.0.2', 'supervisor', testPasswords.supervisor)).status).toBe(200);
    expect((await loginFrom(app, '10.2.0.1', 'viewer', testPasswords.viewer)).status).toBe(200);
  });

  test('the delay doubles with each further failure, up to its cap; a success starts the count again', slow, async () => {
    const { app, advance } = await throttled();
    const wrong = () => loginFrom(app, '10.3.0.1', 'helpdesk', 'wrong-password');
    for (let i = 0; i < freeFailures; i++) expect((await wrong()).status).toBe(401);
    const delays: number[] = [];
    for (let i = 0; i < 7; i++) {
      const refused = await wrong();
      expect(refused.status).toBe(429);
      delays.push(Number(refused.headers['retry-after']));
      advance(delays.at(-1)! * 1000 - 1000);
      expect((await wrong()).status).toBe(429); // a second early: still waiting
      advance(1000);
      expect((await wrong()).status).toBe(401);
    }
    expect(delays).toEqual([30, 60, 120, 240, 480, 900, 900]);
    advance(maxDelayMs);
    expect((await loginFrom(app, '10.3.0.1', 'helpdesk', testPasswords.helpdesk)).status).toBe(200);
    for (let i = 0; i < freeFailures; i++) expect((await wrong()).status).toBe(401);
    expect((await wrong()).status).toBe(429);
  });

  test('attempts sent all at once are counted as they arrive, not after their passwords are checked', slow, async () => {
    const { app } = await throttled();
    const burst = await Promise.all(Array.from({ length: 12 }, () => loginFrom(app, '10.9.1.1', 'viewer', 'wrong-password')));
    expect(burst.filter((res) => res.status === 401)).toHaveLength(freeFailures);
    expect(burst.filter((res) => res.status === 429)).toHaveLength(12 - freeFailures);
  });

  test('known and unknown usernames get the same answers, before and while throttled', slow, async () => {
    const { app } = await throttled();
    const answers = async (from: string, username: string) => {
      const all = [];
      for (let i = 0; i < freeFailures + 2; i++) all.push(seen(await loginFrom(app, from, username, 'wrong-password')));
      return all;
    };
    const known = await answers('10.4.0.1', 'supervisor');
    expect(known.map((answer) => answer.status)).toEqual([...Array(freeFailures).fill(401), 429, 429]);
    expect(await answers('10.4.0.2', 'no.such.person')).toEqual(known);
    expect(await answers('10.4.0.3', 'SuperVisor')).toEqual(known);
    expect(await answers('10.4.0.4', 'ğüest 😀')).toEqual(known);
  });

  test('failures from one address are capped across usernames (counted failures only), and forgotten after the window', slow, async () => {
    const { app, advance } = await throttled();
    for (let i = 0; i < sourceFailures; i++) expect((await loginFrom(app, '10.5.0.1', `guess${i}`, 'wrong-password')).status).toBe(401);
    const refused = await loginFrom(app, '10.5.0.1', 'viewer', testPasswords.viewer);
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe(String(sourceWindowMs / 1000));
    expect((await loginFrom(app, '10.5.0.2', 'viewer', testPasswords.viewer)).status).toBe(200);
    advance(sourceWindowMs);
    expect((await loginFrom(app, '10.5.0.1', 'viewer', testPasswords.viewer)).status).toBe(200);
  });

  test('a password reset (accounts CLI) lifts the delays of that account', slow, async () => {
    const { app, services } = await throttled();
    for (let i = 0; i < freeFailures; i++) await loginFrom(app, '10.6.0.1', 'viewer', 'wrong-password');
    expect((await loginFrom(app, '10.6.0.1', 'viewer', testPasswords.viewer)).status).toBe(429);
    await services.accounts.resetPassword('viewer', 'viewer-new-pass-2');
    expect((await loginFrom(app, '10.6.0.1', 'viewer', 'viewer-new-pass-2')).status).toBe(200);
  });
});

test('an IPv6 client is one source across its /56, an IPv4 client over IPv6 its IPv4 address', slow, async () => {
  const { app } = await setup(behindProxy);
  for (let i = 0; i < freeFailures; i++) await loginFrom(app, `2001:db8:0:${i}::1`, 'viewer', 'wrong-password');
  expect((await loginFrom(app, '2001:db8:0:ff::9', 'viewer', testPasswords.viewer)).status).toBe(429);
  expect((await loginFrom(app, '2001:db8:0:100::1', 'viewer', testPasswords.viewer)).status).toBe(200);
  for (let i = 0; i < freeFailures; i++) await loginFrom(app, '::ffff:10.9.0.1', 'helpdesk', 'wrong-password');
  expect((await loginFrom(app, '10.9.0.1', 'helpdesk', testPasswords.helpdesk)).status).toBe(429);
  expect((await loginFrom(app, '10.9.0.2', 'helpdesk', testPasswords.helpdesk)).status).toBe(200);
});

test('an unknown username takes about as long to refuse as a wrong password', slow, async () => {
  const { app } = await setup(behindProxy);
  const timed = async (username: string, from: string) => {
    const started = performance.now();
    expect((await loginFrom(app, from, username, 'wrong-password')).status).toBe(401);
    return performance.now() - started;
  };
  const known: number[] = [];
  const unknown: number[] = [];
  for (let i = 0; i < 6; i++) {
    known.push(await timed('viewer', `10.7.0.${i}`));
    unknown.push(await timed('no.such.person', `10.7.1.${i}`));
  }
  // Loose bounds (a shared machine is noisy): without the decoy hash, unknown takes a tenth or less.
  const median = (values: number[]) => values.sort((a, b) => a - b)[values.length >> 1]!;
  expect(median(unknown) / median(known)).toBeGreaterThan(1 / 3);
  expect(median(unknown) / median(known)).toBeLessThan(3);
});

test('two BFF instances on one dashboard database count failures together', slow, async () => {
  const first = await setup(behindProxy, { dashboardDb: 'mariadb' });
  const services = await createServices(first.config, createLogger('silent'));
  const closeFirst = close;
  close = async () => {
    await services.close();
    await closeFirst?.();
  };
  const second = createApp(services);
  for (let i = 0; i < freeFailures; i++) {
    expect((await loginFrom(i % 2 ? second : first.app, '10.8.0.1', 'viewer', 'wrong-password')).status).toBe(401);
  }
  expect((await loginFrom(second, '10.8.0.1', 'viewer', testPasswords.viewer)).status).toBe(429);
  expect((await loginFrom(first.app, '10.8.0.1', 'viewer', testPasswords.viewer)).status).toBe(429);
});
