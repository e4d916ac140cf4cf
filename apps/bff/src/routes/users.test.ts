import request from 'supertest';
import { afterEach, describe, expect, test } from 'vitest';
import { createTestApp, testPasswords } from '../test/app.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());
const setup = async () => {
  const t = await createTestApp();
  close = t.close;
  const supervisor = await t.loginAs('supervisor');
  const as = (who: Awaited<ReturnType<typeof t.loginAs>>) => ({
    get: (path: string) => who.agent.get(path),
    post: (path: string, body?: object) => who.agent.post(path).set('X-CSRF-Token', who.csrfToken).send(body),
    patch: (path: string, body: object) => who.agent.patch(path).set('X-CSRF-Token', who.csrfToken).send(body),
  });
  /** Logs in with a password as typed; the agent keeps the session. */
  const login = async (username: string, password: string) => {
    const agent = request.agent(t.app);
    const res = await agent.post('/api/auth/login').send({ username, password });
    return { res, agent, csrfToken: res.body.csrfToken as string };
  };
  return { ...t, sup: as(supervisor), as, login };
};

const STRONG = 'lantern-orbit-cascade-91';

describe('users API', () => {
  test('lists every account with name, role, active and last login; never a password', async () => {
    const { sup } = await setup();
    const res = await sup.get('/api/users');
    expect(res.status).toBe(200);
    expect(res.body.users.map((u: { username: string }) => u.username)).toEqual(['helpdesk', 'supervisor', 'viewer']);
    expect(res.body.users.find((u: { username: string }) => u.username === 'supervisor')).toEqual({
      username: 'supervisor',
      displayName: 'Test supervisor',
      role: 'supervisor',
      active: true,
      mustChangePassword: false,
      lastLoginAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(JSON.stringify(res.body)).not.toMatch(/argon2|hash|"password"/i);
  });

  test.each(['viewer', 'helpdesk'] as const)('%s may not list, add, change or reset accounts', async (role) => {
    const t = await setup();
    const them = t.as(await t.loginAs(role));
    for (const res of [
      await them.get('/api/users'),
      await them.post('/api/users', { username: 'zed', displayName: 'Zed', role: 'viewer' }),
      await them.patch('/api/users/viewer', { role: 'supervisor' }),
      await them.post('/api/users/viewer/password-reset'),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
  });

  test('a new account gets a one-time password; its owner must choose a new one before anything else', async () => {
    const { sup, login } = await setup();
    const created = await sup.post('/api/users', { username: 'nina', displayName: 'Nina Park', role: 'helpdesk' });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({ username: 'nina', role: 'helpdesk', active: true, mustChangePassword: true, lastLoginAt: null });
    const temporary = created.body.temporaryPassword as string;
    expect(temporary).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);

    const nina = await login('nina', temporary);
    expect(nina.res.status).toBe(200);
    expect(nina.res.body.user.mustChangePassword).toBe(true);
    const refused = await nina.agent.get('/api/phones');
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' });
    expect((await nina.agent.get('/api/auth/session')).status).toBe(200);

    const changed = await nina.agent.post('/api/auth/password').set('X-CSRF-Token', nina.csrfToken).send({ currentPassword: temporary, newPassword: STRONG });
    expect(changed.status).toBe(204);
    expect((await nina.agent.get('/api/auth/session')).body.user.mustChangePassword).toBe(false);
    expect((await nina.agent.get('/api/phones')).status).toBe(200);
  });

  test('refuses a taken or malformed username and a missing role, naming the field', async () => {
    const { sup } = await setup();
    expect((await sup.post('/api/users', { username: 'viewer', displayName: 'Again', role: 'viewer' })).body).toMatchObject({ code: 'CONFLICT', field: 'username' });
    const bad = await sup.post('/api/users', { username: 'No Spaces', displayName: 'X', role: 'viewer' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ field: 'username', message: expect.stringMatching(/^Username: /) });
    expect((await sup.post('/api/users', { username: 'zed', displayName: 'Zed' })).body).toMatchObject({ field: 'role', message: 'Role: one of supervisor, helpdesk, viewer' });
  });

  test('changes name and role; a new role ends that person’s sessions at once', async () => {
    const t = await setup();
    const helpdesk = await t.loginAs('helpdesk');
    const res = await t.sup.patch('/api/users/helpdesk', { displayName: 'Hal Desk', role: 'viewer' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ username: 'helpdesk', displayName: 'Hal Desk', role: 'viewer' });
    expect((await helpdesk.agent.get('/api/auth/session')).status).toBe(401);
    expect((await t.loginAs('helpdesk')).agent).toBeDefined();
  });

  test('disabling ends every session of that person at once and refuses their login; enabling lets them in again', async () => {
    const t = await setup();
    const viewer = await t.loginAs('viewer');
    expect((await viewer.agent.get('/api/phones')).status).toBe(200);
    expect((await t.sup.patch('/api/users/viewer', { active: false })).body).toMatchObject({ active: false });
    expect((await viewer.agent.get('/api/phones')).status).toBe(401);
    expect((await t.login('viewer', testPasswords.viewer)).res.status).toBe(401);
    expect((await t.sup.patch('/api/users/viewer', { active: true })).body).toMatchObject({ active: true });
    expect((await t.login('viewer', testPasswords.viewer)).res.status).toBe(200);
  });

  test('a supervisor cannot demote or disable themself; another supervisor can be', async () => {
    const { sup } = await setup();
    for (const [body, field] of [[{ role: 'viewer' }, 'role'], [{ active: false }, 'active']] as const) {
      const res = await sup.patch('/api/users/supervisor', body);
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'CONFLICT', field, message: 'You cannot change your own role or disable yourself: ask another supervisor.' });
    }
    expect((await sup.patch('/api/users/supervisor', { displayName: 'Sue Pervisor' })).status).toBe(200);
    await sup.post('/api/users', { username: 'sam', displayName: 'Sam', role: 'supervisor' });
    expect((await sup.patch('/api/users/sam', { role: 'helpdesk' })).body).toMatchObject({ role: 'helpdesk' });
  });

  test('an unknown account is 404; an empty change names the rule', async () => {
    const { sup } = await setup();
    expect((await sup.patch('/api/users/ghost', { active: false })).status).toBe(404);
    expect((await sup.post('/api/users/ghost/password-reset')).status).toBe(404);
    expect((await sup.patch('/api/users/viewer', {})).body).toMatchObject({ code: 'VALIDATION', message: 'Nothing to change: send a name, a role or active.' });
  });

  test('a reset answers a one-time password, ends the sessions and retires the old password', async () => {
    const t = await setup();
    const viewer = await t.loginAs('viewer');
    const res = await t.sup.post('/api/users/viewer/password-reset');
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ username: 'viewer', mustChangePassword: true });
    expect((await viewer.agent.get('/api/auth/session')).status).toBe(401);
    expect((await t.login('viewer', testPasswords.viewer)).res.status).toBe(401);
    const again = await t.login('viewer', res.body.temporaryPassword);
    expect(again.res.body.user.mustChangePassword).toBe(true);
  });

  test('every action is audited under its own name, with no password in any row', async () => {
    const t = await setup();
    const created = await t.sup.post('/api/users', { username: 'olga', displayName: 'Olga', role: 'viewer' });
    await t.sup.patch('/api/users/olga', { role: 'helpdesk' });
    await t.sup.patch('/api/users/supervisor', { active: false });
    const reset = await t.sup.post('/api/users/olga/password-reset');
    const rows = await t.services.dashboardDb.selectFrom('audit_log').selectAll().where('target_type', '=', 'user').orderBy('id').execute();
    expect(rows.map((r) => [r.action, r.target_id, r.outcome, r.actor_username])).toEqual([
      ['create:users', 'olga', 'success', 'supervisor'],
      ['update:users', 'olga', 'success', 'supervisor'],
      ['update:users', 'supervisor', 'failure', 'supervisor'],
      ['reset:user-password', 'olga', 'success', 'supervisor'],
    ]);
    expect(JSON.parse(rows[1]?.before ?? '{}')).toMatchObject({ role: 'viewer' });
    expect(JSON.parse(rows[1]?.after ?? '{}')).toMatchObject({ role: 'helpdesk' });
    const stored = JSON.stringify(rows);
    for (const secret of [created.body.temporaryPassword, reset.body.temporaryPassword]) expect(stored).not.toContain(secret);
  });
});
