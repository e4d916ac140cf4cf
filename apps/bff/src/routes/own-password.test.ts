import request from 'supertest';
import { afterEach, describe, expect, test } from 'vitest';
import { LOGIN_THROTTLE } from '../auth/login-throttle.js';
import { createTestApp, testPasswords } from '../test/app.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());
const setup = async () => {
  const t = await createTestApp();
  close = t.close;
  return t;
};

const STRONG = 'lantern-orbit-cascade-91';

describe('POST /api/auth/password', () => {
  test("changes one's own password: the old one stops working, the new one logs in", async () => {
    const { app, loginAs } = await setup();
    const { agent, csrfToken } = await loginAs('viewer');
    const res = await agent.post('/api/auth/password').set('X-CSRF-Token', csrfToken).send({ currentPassword: testPasswords.viewer, newPassword: STRONG });
    expect(res.status).toBe(204);
    expect((await request(app).post('/api/auth/login').send({ username: 'viewer', password: testPasswords.viewer })).status).toBe(401);
    expect((await request(app).post('/api/auth/login').send({ username: 'viewer', password: STRONG })).status).toBe(200);
  });

  test("ends the person's other sessions at once and keeps this one", async () => {
    const { loginAs } = await setup();
    const here = await loginAs('helpdesk');
    const elsewhere = await loginAs('helpdesk');
    expect((await elsewhere.agent.get('/api/auth/session')).status).toBe(200);
    const res = await here.agent.post('/api/auth/password').set('X-CSRF-Token', here.csrfToken).send({ currentPassword: testPasswords.helpdesk, newPassword: STRONG });
    expect(res.status).toBe(204);
    expect((await elsewhere.agent.get('/api/auth/session')).status).toBe(401);
    expect((await here.agent.get('/api/auth/session')).status).toBe(200);
  });

  test('a wrong current password is refused on its field, and nothing changes', async () => {
    const { app, loginAs } = await setup();
    const { agent, csrfToken } = await loginAs('viewer');
    const res = await agent.post('/api/auth/password').set('X-CSRF-Token', csrfToken).send({ currentPassword: 'not-my-password', newPassword: STRONG });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION', field: 'currentPassword', message: 'Current password: not correct.' });
    expect((await request(app).post('/api/auth/login').send({ username: 'viewer', password: testPasswords.viewer })).status).toBe(200);
  });

  test('wrong current passwords are slowed like wrong logins (a stolen session does not open a way to guess)', async () => {
    const { loginAs } = await setup();
    const { agent, csrfToken } = await loginAs('viewer');
    const send = (currentPassword: string) => agent.post('/api/auth/password').set('X-CSRF-Token', csrfToken).send({ currentPassword, newPassword: STRONG });
    for (let i = 0; i < LOGIN_THROTTLE.freeFailures; i++) expect((await send(`guess-${i}`)).status).toBe(400);
    const refused = await send(testPasswords.viewer);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ code: 'RATE_LIMITED', message: 'Too many failed logins from here. Try again in 30 seconds.' });
  });

  test.each([
    ['too short', 'Ab3$xy', /^New password: at least 10 characters/],
    ['a common password', 'password123456', /^New password: too easy to guess — .*common/i],
    ['a keyboard walk', 'qwertyuiop12', /^New password: too easy to guess — /],
    ['the username in it', 'viewer-Zq8#kLm2pW', /^New password: too easy to guess — it must not contain your username\.$/],
  ])('refuses %s, naming the field', async (_why, newPassword, message) => {
    const { loginAs } = await setup();
    const { agent, csrfToken } = await loginAs('viewer');
    const res = await agent.post('/api/auth/password').set('X-CSRF-Token', csrfToken).send({ currentPassword: testPasswords.viewer, newPassword });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION', field: 'newPassword' });
    expect(res.body.message).toMatch(message);
  });

  test('is audited, success and refusal alike, without either password', async () => {
    const { services, loginAs } = await setup();
    const { agent, csrfToken } = await loginAs('viewer');
    await agent.post('/api/auth/password').set('X-CSRF-Token', csrfToken).send({ currentPassword: 'not-my-password', newPassword: STRONG });
    await agent.post('/api/auth/password').set('X-CSRF-Token', csrfToken).send({ currentPassword: testPasswords.viewer, newPassword: STRONG });
    const rows = await services.dashboardDb.selectFrom('audit_log').selectAll().where('action', '=', 'change:own-password').orderBy('id').execute();
    expect(rows.map((r) => [r.actor_username, r.target_type, r.target_id, r.outcome])).toEqual([
      ['viewer', 'user', 'viewer', 'failure'],
      ['viewer', 'user', 'viewer', 'success'],
    ]);
    const stored = JSON.stringify(rows);
    for (const secret of [STRONG, testPasswords.viewer, 'not-my-password']) expect(stored).not.toContain(secret);
  });
});
