import { describe, expect, test } from 'vitest';
import { dashboardDbPerTest } from '../test/dashboard-db.js';
import { ACCOUNT_REUSE_MS, Accounts } from './accounts.js';

describe.each(dashboardDbPerTest)('accounts on %s', (_name, open) => {
  const setup = async () => {
    const database = await open();
    let now = Date.parse('2026-11-22T08:00:00Z');
    const accounts = new Accounts(database.db, () => now);
    return { accounts, database, advance: (ms: number) => (now += ms) };
  };

  test('creates an account with a hashed password and logs it in', async () => {
    const { accounts, database } = await setup();
    const created = await accounts.create({ username: 'ann', displayName: 'Ann Lee', role: 'helpdesk', password: 'correct horse' });
    expect(created).toMatchObject({ username: 'ann', displayName: 'Ann Lee', role: 'helpdesk', active: true });
    const stored = await database.db.selectFrom('users').select('password_hash').executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
    expect(stored.password_hash).not.toContain('correct horse');
    expect(await accounts.checkLogin('ann', 'correct horse')).toEqual({ ok: true, account: created });
    expect(await accounts.checkLogin('ANN', 'correct horse')).toMatchObject({ ok: true });
  });

  test('the session check reuses an account for a moment; a change made here applies at once, one made elsewhere within ACCOUNT_REUSE_MS', async () => {
    const { accounts, database } = await setup();
    const { id } = await accounts.create({ username: 'cat', displayName: 'Cat', role: 'helpdesk', password: 'cat password' });
    expect(await accounts.current(id)).toMatchObject({ active: true, role: 'helpdesk' });
    await accounts.setRole('cat', 'viewer');
    expect(await accounts.current(id)).toMatchObject({ active: true, role: 'viewer' });
    await accounts.setActive('cat', false);
    expect(await accounts.current(id)).toMatchObject({ active: false });

    // Another process (the accounts CLI) enables it again.
    await accounts.current(id);
    await new Accounts(database.db).setActive('cat', true);
    await new Promise((resolve) => setTimeout(resolve, ACCOUNT_REUSE_MS));
    expect(await accounts.current(id)).toMatchObject({ active: true });
  });

  test('never leaves no active supervisor: the last one is neither demoted nor disabled, even by two changes at once', async () => {
    const { accounts, database } = await setup();
    for (const username of ['ann', 'bob']) await accounts.create({ username, displayName: username, role: 'supervisor', password: 'some password' });
    // Two instances (two BFF hosts) demote one supervisor each at the same moment.
    const outcomes = await Promise.allSettled([accounts.setRole('ann', 'viewer'), new Accounts(database.db).setRole('bob', 'helpdesk')]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/is the last active supervisor/) });
    const [last] = (await accounts.list()).filter((a) => a.role === 'supervisor');
    await expect(accounts.setActive(last?.username ?? '', false)).rejects.toMatchObject({ code: 'CONFLICT', options: { field: 'active' } });
    // A disabled supervisor does not count as one.
    await accounts.create({ username: 'cyd', displayName: 'Cyd', role: 'supervisor', password: 'some password' });
    await accounts.setActive('cyd', false);
    await expect(accounts.setRole(last?.username ?? '', 'viewer')).rejects.toMatchObject({ code: 'CONFLICT', options: { field: 'role' } });
    await accounts.setActive('cyd', true);
    expect((await accounts.setRole(last?.username ?? '', 'viewer')).role).toBe('viewer');
  });

  test('a temporary password is to be changed at the next login; choosing one ends that', async () => {
    const { accounts } = await setup();
    const { id } = await accounts.create({ username: 'eve', displayName: 'Eve', role: 'viewer', password: 'temporary-1', temporary: true });
    expect(await accounts.checkLogin('eve', 'temporary-1')).toMatchObject({ ok: true, account: { mustChangePassword: true } });
    await accounts.changePassword(id, 'temporary-1', 'lantern-orbit-cascade-91');
    expect(await accounts.checkLogin('eve', 'lantern-orbit-cascade-91')).toMatchObject({ ok: true, account: { mustChangePassword: false } });
    await accounts.resetPassword('eve', 'temporary-2', { temporary: true });
    expect(await accounts.checkLogin('eve', 'temporary-2')).toMatchObject({ ok: true, account: { mustChangePassword: true } });
  });

  test('unknown user, wrong password and disabled account look the same', async () => {
    const { accounts } = await setup();
    await accounts.create({ username: 'bob', displayName: 'Bob', role: 'viewer', password: 'bob password' });
    expect(await accounts.checkLogin('nobody', 'bob password')).toEqual({ ok: false });
    expect(await accounts.checkLogin('bob', 'wrong password')).toEqual({ ok: false });
    await accounts.setActive('bob', false);
    expect(await accounts.checkLogin('bob', 'bob password')).toEqual({ ok: false });
  });

  test('wrong passwords lock nothing: the right one still works after many', async () => {
    const { accounts } = await setup();
    await accounts.create({ username: 'cyd', displayName: 'Cyd', role: 'viewer', password: 'cy password!' });
    for (let i = 0; i < 10; i++) expect(await accounts.checkLogin('cyd', 'nope')).toEqual({ ok: false });
    expect(await accounts.checkLogin('cyd', 'cy password!')).toMatchObject({ ok: true });
  });

  test('re-roles, resets passwords, refuses duplicates and bad input by field', async () => {
    const { accounts } = await setup();
    await accounts.create({ username: 'dee', displayName: 'Dee', role: 'viewer', password: 'first password' });
    expect((await accounts.setRole('dee', 'supervisor')).role).toBe('supervisor');
    await accounts.resetPassword('dee', 'second password');
    expect(await accounts.checkLogin('dee', 'first password')).toMatchObject({ ok: false });
    expect(await accounts.checkLogin('dee', 'second password')).toMatchObject({ ok: true });
    await expect(accounts.create({ username: 'dee', displayName: 'D', role: 'viewer', password: 'another one' })).rejects.toMatchObject({
      code: 'CONFLICT',
      options: { field: 'username' },
    });
    await expect(accounts.create({ username: 'Bad Name', displayName: 'x', role: 'viewer', password: 'long enough' })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'Username: 3 to 64 lower-case letters, digits, dot, dash or underscore',
      options: { field: 'username' },
    });
    await expect(accounts.create({ username: 'eve', displayName: 'Eve', role: 'viewer', password: 'short' })).rejects.toMatchObject({
      message: 'Password: at least 10 characters',
      options: { field: 'password' },
    });
    await expect(accounts.setRole('ghost', 'viewer')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await accounts.list()).map((a) => a.username)).toEqual(['dee']);
  });
});
