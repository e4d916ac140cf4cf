import { describe, expect, test } from 'vitest';
import { dashboardDbPerTest } from '../test/dashboard-db.js';
import { LOGIN_THROTTLE, LoginThrottle } from './login-throttle.js';

describe.each(dashboardDbPerTest)('login throttle on %s', (_name, open) => {
  const setup = async () => {
    const database = await open();
    let now = Date.parse('2026-11-22T08:00:00Z');
    const throttle = new LoginThrottle(database.db, () => now);
    const rows = async () => (await database.db.selectFrom('login_failures').selectAll().execute()).length;
    return { throttle, rows, advance: (ms: number) => (now += ms) };
  };

  test('a failure is forgotten (its row deleted) once a day old', async () => {
    const { throttle, rows, advance } = await setup();
    const ann = { username: 'ann', source: '10.0.0.1' };
    for (let i = 0; i < LOGIN_THROTTLE.freeFailures; i++) expect(await throttle.start(ann)).toBe(0);
    expect(await throttle.start(ann)).toBe(LOGIN_THROTTLE.firstDelayMs);
    expect(await rows()).toBe(LOGIN_THROTTLE.freeFailures); // the attempt told to wait is not counted
    advance(LOGIN_THROTTLE.forgetAfterMs);
    await throttle.start({ username: 'bob', source: '10.0.0.2' });
    expect(await rows()).toBe(1 + LOGIN_THROTTLE.freeFailures);
    advance(1);
    await throttle.start({ username: 'bob', source: '10.0.0.2' });
    expect(await rows()).toBe(2);
    expect(await throttle.start(ann)).toBe(0);
  });

  test('any username fits (length, alphabet), in any case the same', async () => {
    const { throttle } = await setup();
    const odd = `Ann${'😀'.repeat(40)}İ${'ß'.repeat(20)}`;
    for (let i = 0; i < LOGIN_THROTTLE.freeFailures; i++) await throttle.start({ username: i % 2 ? odd : odd.replace('Ann', 'aNN'), source: '10.0.0.1' });
    expect(await throttle.start({ username: odd, source: '10.0.0.1' })).toBeGreaterThan(0);
    expect(await throttle.start({ username: odd, source: '10.0.0.2' })).toBe(0);
  });
});
