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
