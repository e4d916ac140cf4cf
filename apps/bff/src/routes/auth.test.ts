import request from 'supertest';
import { afterEach, describe, expect, test } from 'vitest';
import { SESSION_COOKIE } from '../app.js';
import { createTestApp, testPasswords } from '../test/app.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());
const setup = async (env?: Record<string, string>) => {
  const t = await createTestApp({ env });
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
      permissions: ['read:phones', 'read:aliases', 'read:dids', 'read:lookups', 'create:dids', 'copy:dids', 'update:dids', 'read:own-audit'],
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

  test('repeated failures lock the account, then the IP is throttled', async () => {
    const { app } = await setup();
    const attempt = () => request(app).post('/api/auth/login').send({ username: 'viewer', password: 'wrong-password' });
    for (let i = 0; i < 4; i++) expect((await attempt()).body.code).toBe('LOGIN_FAILED');
    const locked = await attempt();
    expect(locked.body.message).toMatch(/Too many wrong passwords/);
    const right = await request(app).post('/api/auth/login').send({ username: 'viewer', password: testPasswords.viewer });
    expect(right.status).toBe(401);
    let last = right;
    for (let i = 0; i < 20 && last.status !== 429; i++) last = await attempt();
    expect(last.status).toBe(429);
    expect(last.body.code).toBe('RATE_LIMITED');
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
