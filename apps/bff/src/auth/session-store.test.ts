import type session from 'express-session';
import { afterEach, describe, expect, test } from 'vitest';
import type { PeerNews, Peers } from '../cluster/peers.js';
import { dashboardDbTargets } from '../test/dashboard-db.js';
import { DashboardSessionStore, SESSION_REUSE_MS } from './session-store.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const call = <T>(fn: (done: (error?: unknown, value?: T) => void) => void) =>
  new Promise<T | undefined>((resolve, reject) => fn((error, value) => (error ? reject(error) : resolve(value))));

const data = (userId: number) => ({ cookie: { originalMaxAge: 1000 } as session.Cookie, userId, loggedInAt: 1, csrfToken: 't' });

describe.each(Object.entries(dashboardDbTargets))('session store on %s', (_name, open) => {
  const setup = async () => {
    const { database, drop } = await open();
    let now = 1_000_000;
    const store = new DashboardSessionStore(database.db, database.dialect, { idleMs: 60_000, now: () => now });
    cleanups.push(async () => {
      store.close();
      await database.close();
      await drop();
    });
    return { store, database, advance: (ms: number) => (now += ms) };
  };

  test('saves, overwrites, reads back and destroys a session', async () => {
    const { store } = await setup();
    await call((done) => store.set('a', data(1), done));
    await call((done) => store.set('a', data(2), done));
    expect(await call((done) => store.get('a', done))).toMatchObject({ userId: 2 });
    await call((done) => store.destroy('a', done));
    expect(await call((done) => store.get('a', done))).toBeNull();
  });

  test('expires after the idle period unless touched; prune removes expired rows', async () => {
    const { store, database, advance } = await setup();
    await call((done) => store.set('a', data(1), done));
    await call((done) => store.set('b', data(1), done));
    advance(50_000);
    await call((done) => store.touch('a', data(1), done));
    advance(20_000);
    expect(await call((done) => store.get('a', done))).toMatchObject({ userId: 1 });
    expect(await call((done) => store.get('b', done))).toBeNull();
    await store.prune();
    expect((await database.db.selectFrom('sessions').select('sid').execute()).map((r) => r.sid)).toEqual(['a']);
  });

  test("ends every session of one person and no one else's", async () => {
    const { store } = await setup();
    for (const [sid, user] of [['a', 1], ['b', 2], ['c', 1]] as const) await call((done) => store.set(sid, data(user), done));
    expect(await call((done) => store.get('a', done))).toMatchObject({ userId: 1 });
    await store.destroyForUser(1);
    expect(await call((done) => store.get('a', done))).toBeNull();
    expect(await call((done) => store.get('c', done))).toBeNull();
    expect(await call((done) => store.get('b', done))).toMatchObject({ userId: 2 });
  });

  test("a person's sessions end on the other workers at once, the one kept (own password change) excepted", async () => {
    const { store, database } = await setup();
    // Two workers on one host: what one tells, the other hears.
    const heard: ((news: PeerNews) => void)[] = [];
    const peers: Peers = { tell: async (news) => heard.forEach((listener) => listener(news)), listen: () => {} };
    const other = new DashboardSessionStore(database.db, database.dialect, {
      idleMs: 60_000,
      now: () => 1_000_000,
      peers: { tell: async () => {}, listen: (listener) => heard.push(listener) },
    });
    cleanups.unshift(async () => other.close());
    const worker = new DashboardSessionStore(database.db, database.dialect, { idleMs: 60_000, now: () => 1_000_000, peers });
    cleanups.unshift(async () => worker.close());
    for (const sid of ['kept', 'other']) await call((done) => store.set(sid, data(1), done));
    // The other worker has both in memory; the ending one has neither.
    for (const sid of ['kept', 'other']) expect(await call((done) => other.get(sid, done))).toMatchObject({ userId: 1 });
    await worker.destroyForUser(1, 'kept');
    expect(await call((done) => other.get('other', done))).toBeNull();
    expect(await call((done) => other.get('kept', done))).toMatchObject({ userId: 1 });
  });

  test('touches write the end out only once it moves by a tenth of the idle period: a session never outlives it', async () => {
    const { store, database, advance } = await setup();
    const storedEnd = async () => Number((await database.db.selectFrom('sessions').select('expires_at').executeTakeFirstOrThrow()).expires_at);
    await call((done) => store.set('a', data(1), done));
    const end = await storedEnd();
    advance(5_000);
    await call((done) => store.touch('a', data(1), done));
    expect(await storedEnd()).toBe(end);
    advance(1_000);
    await call((done) => store.touch('a', data(1), done));
    expect(await storedEnd()).toBe(end + 6_000);
    advance(59_000);
    expect(await call((done) => store.get('a', done))).toMatchObject({ userId: 1 });
    advance(1_000);
    expect(await call((done) => store.get('a', done))).toBeNull();
  });

  test('a session ended by another process is gone within SESSION_REUSE_MS', async () => {
    const { store, database } = await setup();
    const other = new DashboardSessionStore(database.db, database.dialect, { idleMs: 60_000 });
    cleanups.push(async () => other.close());
    await call((done) => store.set('a', data(1), done));
    expect(await call((done) => store.get('a', done))).toMatchObject({ userId: 1 });
    await call((done) => other.destroy('a', done));
    await new Promise((resolve) => setTimeout(resolve, SESSION_REUSE_MS));
    expect(await call((done) => store.get('a', done))).toBeNull();
  });
});
