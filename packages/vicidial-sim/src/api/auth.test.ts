import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { VicidialDb } from '../db/connect.js';
import { openConformanceDb } from '../conformance/database.js';
import { authenticate, functionAllowed, loadApiUser } from './auth.js';
import { localDateTime } from './clock.js';

let conn: VicidialDb;
beforeEach(async () => {
  conn = await openConformanceDb();
});
afterEach(() => conn.close());

const t0 = new Date(2026, 10, 22, 6, 0, 0);
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const login = (user: string, pass: string, now = t0, ip = '10.1.2.3') => authenticate(conn.db, { user, pass, ip, now });
const row = (user: string) => conn.db.selectFrom('vicidial_users').selectAll().where('user', '=', user).executeTakeFirstOrThrow();

describe('authenticate', () => {
  test('a good login stamps the last login and address and clears the failures', async () => {
    await login('apilock', 'wrong');
    expect(await login('apilock', '1234', t0, '192.168.100.200')).toBe('GOOD');
    expect(await row('apilock')).toMatchObject({
      last_login_date: localDateTime(t0),
      last_ip: '192.168.100.200',
      failed_login_count: 0,
    });
  });

  test('a failure counts on a known user and changes nothing for an unknown one', async () => {
    expect(await login('apilock', 'wrong')).toBe('BAD');
    expect(await login('apilock', 'wrong')).toBe('BAD');
    expect(await row('apilock')).toMatchObject({
      failed_login_count: 2,
      last_ip: '',
      failed_login_attempts_today: 2,
      failed_last_ip_today: '10.1.2.3',
    });
    expect(await login('nobody', '1234')).toBe('BAD');
  });

  test('needs user_level above 6 and an active user', async () => {
    expect(await login('api6', '1234')).toBe('BAD');
    expect(await login('apiinact', '1234')).toBe('BAD');
    expect(await login('api7', '1234')).toBe('GOOD');
  });

  test('compares like the database: case-insensitively', async () => {
    await conn.db.updateTable('vicidial_users').set({ pass: 'AbCd' }).where('user', '=', 'apilock').execute();
    expect(await login('APILOCK', 'abcd')).toBe('GOOD');
  });

  test('an address longer than the column is cut to 15 characters', async () => {
    await login('apilock', '1234', t0, '2001:db8:85a3::8a2e:370:7334');
    expect((await row('apilock')).last_ip).toBe('2001:db8:85a3::');
  });

  test('ten failures lock the account until 15 minutes after the last good login', async () => {
    expect(await login('apilock', '1234')).toBe('GOOD');
    for (let i = 1; i <= 10; i++) expect(await login('apilock', 'wrong', at(i))).toBe('BAD');
    expect(await login('apilock', '1234', at(60))).toBe('LOCK');
    expect(await login('apilock', 'wrong', at(61))).toBe('LOCK');
    expect((await row('apilock')).failed_login_count).toBe(10);
    expect(await login('apilock', '1234', at(900))).toBe('LOCK');
    expect(await login('apilock', '1234', at(901))).toBe('GOOD');
    expect((await row('apilock')).failed_login_count).toBe(0);
  });

  test('a failure after the lock expired starts counting again from 1', async () => {
    await login('apilock', '1234');
    for (let i = 1; i <= 10; i++) await login('apilock', 'wrong', at(i));
    expect(await login('apilock', 'wrong', at(1000))).toBe('BAD');
    expect(await row('apilock')).toMatchObject({ failed_login_count: 1, last_login_date: localDateTime(at(1000)) });
    expect(await login('apilock', '1234', at(1001))).toBe('GOOD');
  });
});

describe('the authenticated user', () => {
  test('carries its flags and its group visibility; a missing group is null', async () => {
    expect(await loadApiUser(conn.db, 'apilim')).toMatchObject({
      user: 'apilim',
      userLevel: 9,
      userGroup: 'LIMITED',
      vdcAgentApiAccess: true,
      adminViewableGroups: ' LIMITED ',
    });
    expect(await loadApiUser(conn.db, 'apiupd')).toMatchObject({ astDeletePhones: false, deleteInboundDids: false });
    expect((await loadApiUser(conn.db, 'apinogrp')).adminViewableGroups).toBeNull();
  });

  test('may use a function listed between spaces, or all of them', async () => {
    expect(await functionAllowed(conn.db, 'apirestr', 'update_phone')).toBe(true);
    expect(await functionAllowed(conn.db, 'apirestr', 'add_phone')).toBe(false);
    expect(await functionAllowed(conn.db, 'apirestr', 'update')).toBe(false);
    expect(await functionAllowed(conn.db, '6666', 'add_phone')).toBe(true);
  });
});
