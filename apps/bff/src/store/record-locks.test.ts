import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '@vicidash/database';
import { AppError } from '../errors.js';
import { dashboardDbTargets } from '../test/dashboard-db.js';
import { RecordLocks } from './record-locks.js';
import type { DashboardDatabase } from './schema.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(Object.keys(dashboardDbTargets) as (keyof typeof dashboardDbTargets)[])('record locks on %s', (dialect) => {
  let database: Database<DashboardDatabase>;
  let drop: () => Promise<void>;
  const locks = (waitMs = 2_000, leaseMs?: number) => new RecordLocks(database.db, { waitMs, ...(leaseMs ? { leaseMs } : {}) });

  beforeAll(async () => {
    ({ database, drop } = await dashboardDbTargets[dialect]());
  });
  afterAll(async () => {
    await database.db.destroy();
    await drop();
  });

  test('a second holder of the same record waits until the first releases; other records do not wait', async () => {
    const a = locks();
    const b = locks();
    const events: string[] = [];
    let release = () => {};
    const first = a.withLock('did:1', 'DID', async () => {
      events.push('first in');
      await new Promise<void>((resolve) => (release = resolve));
      events.push('first out');
    });
    await sleep(20);
    const other = b.withLock('did:2', 'DID', async () => events.push('other record'));
    const second = b.withLock('did:1', 'DID', async () => events.push('second in'));
    await other;
    await sleep(50);
    expect(events).toEqual(['first in', 'other record']);
    release();
    await Promise.all([first, second]);
    expect(events).toEqual(['first in', 'other record', 'first out', 'second in']);
  });

  test('a lock that cannot be had in time is a 409 with a reason, and the work is not run', async () => {
    const held = await locks().acquire(['alias:sales']);
    let ran = false;
    const started = Date.now();
    const error = await locks(150)
      .withLock('alias:sales', 'alias', async () => {
        ran = true;
      })
      .catch((e: unknown) => e);
    // Far under the 5 s default wait it would take if the 150 ms were ignored.
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(ran).toBe(false);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(409);
    expect((error as AppError).message).toMatch(/Someone else is saving this alias .* Nothing was sent: try again/);
    await held.release();
  });

  test('the lock is free again after the work fails', async () => {
    await expect(locks().withLock('phone:7@10.0.0.1', 'phone', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await locks(50).withLock('phone:7@10.0.0.1', 'phone', async () => 'got it')).toBe('got it');
  });

  test('many at once: what is free is taken, what stays held is left out after the wait', async () => {
    const other = await locks().acquire(['did:12']);
    const bulk = await locks(100).acquire(['did:10', 'did:11', 'did:12', 'did:11']);
    expect([...bulk.keys].sort()).toEqual(['did:10', 'did:11']);
    await bulk.release(['did:10']);
    expect((await locks(50).acquire(['did:10'])).keys.has('did:10')).toBe(true);
    await other.release();
    await bulk.release();
  });

  test('a lease that ended is taken over (a holder on another host that crashed)', async () => {
    await database.db.insertInto('record_locks').values({ record_key: 'did:20', owner: 'elsewhere/1/x', expires_at: Date.now() + 300 }).execute();
    const started = Date.now();
    const held = await locks(2_000).acquire(['did:20']);
    expect(held.keys.has('did:20')).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    await held.release();
  });

  test('a lease is renewed while its holder works, so a slow save keeps its lock', async () => {
    const held = await locks(2_000, 200).acquire(['did:21']);
    await sleep(500);
    expect((await locks(50).acquire(['did:21'])).keys.size).toBe(0);
    await held.release();
  });

  test("a holder on this host whose process has ended is replaced at once, lease or not", async () => {
    const { pid } = spawnSync(process.execPath, ['-e', '0']);
    await database.db.insertInto('record_locks').values({ record_key: 'did:22', owner: `${hostname()}/${pid}/x`, expires_at: Date.now() + 60_000 }).execute();
    const started = Date.now();
    const held = await locks(5_000).acquire(['did:22']);
    expect(held.keys.has('did:22')).toBe(true);
    // Not the lease's minute, nor the 5 s wait.
    expect(Date.now() - started).toBeLessThan(3_000);
    await held.release();
  });
});
