import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createVicidialApi } from '../api/api.js';
import type { VicidialDb } from '../db/connect.js';
import { openConformanceDb } from './database.js';

// Where VICIdial's own non_agent_api.php (2.14-202) behaves in ways the recorded session never
// exercised (docs/decisions/0015-embedded-vicidial-follows-the-source.md): each case as the recording
// would have shown it, the request, the exact answer and the rows it leaves.

let conn: VicidialDb;
beforeEach(async () => {
  conn = await openConformanceDb();
});
afterEach(() => conn.close());

const now = new Date(2026, 10, 22, 5, 59, 47);
const send = (query: string, remoteIp = '127.0.0.1') =>
  createVicidialApi(conn.db, { now: () => now })({ method: 'GET', url: `/vicidial/non_agent_api.php?${query}`, headers: {}, remoteIp });
const as6666 = (fn: string, params: string) => send(`function=${fn}&user=6666&pass=1234&source=test&${params}`);

const phone = (extension: string) =>
  conn.db.selectFrom('phones').selectAll().where('extension', '=', extension).where('server_ip', '=', '10.10.10.15').executeTakeFirst();
const adminLog = () => conn.db.selectFrom('vicidial_admin_log').select(['event_code', 'event_sql']).execute();
const rebuilding = async () =>
  (await conn.db.selectFrom('servers').select('server_ip').where('rebuild_conf_files', '=', 'Y').execute()).map((s) => s.server_ip);
const user = (name: string) => conn.db.selectFrom('vicidial_users').selectAll().where('user', '=', name).executeTakeFirstOrThrow();

const NEW_PHONE =
  'extension=320&dialplan_number=320&voicemail_id=320&phone_login=320a&phone_pass=test320&server_ip=10.10.10.15' +
  '&protocol=SIP&registration_password=reg320&phone_full_name=Phone+320&local_gmt=-5.00';

describe('outbound_cid: digits only, except the value ---ALL---', () => {
  test('add_phone keeps ---ALL--- as the outbound CID', async () => {
    const reply = await as6666('add_phone', `${NEW_PHONE}&outbound_cid=---ALL---`);
    expect(reply.body).toBe('SUCCESS: add_phone PHONE HAS BEEN ADDED - 6666|320|10.10.10.15|SIP|320\n');
    expect(await phone('320')).toMatchObject({ outbound_cid: '---ALL---' });
    expect((await adminLog())[0]?.event_sql).toContain(", outbound_cid='---ALL---', ");
  });

  test('update_phone writes ---ALL--- (9 characters pass the 6 to 18 check)', async () => {
    const reply = await as6666('update_phone', 'extension=100&server_ip=10.10.10.15&outbound_cid=---ALL---');
    expect(reply.body).toBe('SUCCESS: update_phone PHONE HAS BEEN UPDATED - 6666|100|10.10.10.15|\n');
    expect(await phone('100')).toMatchObject({ outbound_cid: '---ALL---' });
    expect((await adminLog())[0]?.event_sql).toBe(
      "UPDATE phones SET install_directory=''  ,outbound_cid='---ALL---'      WHERE extension='100' and server_ip='10.10.10.15'|",
    );
  });

  test('the exception is judged after the first filter: spaces vanish first, case must match', async () => {
    await as6666('update_phone', 'extension=100&server_ip=10.10.10.15&outbound_cid=---+ALL+---');
    expect(await phone('100')).toMatchObject({ outbound_cid: '---ALL---' });
    // '---all---' is not the value: the digit filter leaves nothing, which counts as not sent.
    const reply = await as6666('add_phone', `${NEW_PHONE}&outbound_cid=---all---`);
    expect(reply.body).toBe(
      'ERROR: add_phone YOU MUST USE ALL REQUIRED FIELDS: |6666|320|320|320|320a|test320|10.10.10.15|SIP|reg320|Phone 320|-5.00|\n',
    );
    expect(await phone('320')).toBeUndefined();
  });
});

describe('server_refresh without a REFRESH stage', () => {
  test('prints the (filtered) alias_id, alias_name and phone_logins it was sent, and changes nothing', async () => {
    const reply = await as6666('server_refresh', 'stage=NOW&alias_id=al.1&alias_name=Front+desk&phone_logins=100a,100b');
    expect(reply.body).toBe('ERROR: server_refresh YOU MUST USE ALL REQUIRED FIELDS: |6666|al1|Front desk|100a,100b\n');
    expect(await rebuilding()).toEqual([]);
    expect(await adminLog()).toEqual([]);
  });
});

describe('an apostrophe in an email', () => {
  test('survives the filter and breaks the UPDATE: HTTP 500, nothing written', async () => {
    const before = await phone('100');
    const reply = await as6666('update_phone', 'extension=100&server_ip=10.10.10.15&email=o%27brien%40example.com&phone_full_name=Front');
    expect(reply).toEqual({ status: 500, body: '' });
    expect(await phone('100')).toEqual(before);
    expect(await adminLog()).toEqual([]);
    expect(await rebuilding()).toEqual([]);
  });

  test('breaks add_phone’s INSERT too: no phone, no log', async () => {
    const reply = await as6666('add_phone', `${NEW_PHONE}&outbound_cid=3125550320&email=o%27brien%40example.com`);
    expect(reply).toEqual({ status: 500, body: '' });
    expect(await phone('320')).toBeUndefined();
    expect(await adminLog()).toEqual([]);
  });

  test('comes only after every check: a bad field is still refused first', async () => {
    const reply = await as6666('update_phone', 'extension=100&server_ip=10.10.10.15&email=o%27brien%40example.com&phone_pass=x');
    expect(reply.body).toBe('ERROR: update_phone YOU MUST USE A VALID PHONE PASSWORD: |6666|x\n');
  });
});

describe('a failed login', () => {
  test('counts the failure, marks it aBAD and leaves last_ip alone', async () => {
    const reply = await send('function=update_phone&user=apilock&pass=wrong&source=test', '2001:db8:85a3::8a2e:370:7334');
    expect(reply.body).toBe('ERROR: Login incorrect, please try again: |apilock|wrong|BAD|\n');
    expect(await user('apilock')).toMatchObject({
      last_ip: '',
      failed_login_count: 1,
      failed_login_attempts_today: 1,
      failed_login_count_today: 1,
      // varchar(50): the whole address fits, unlike last_ip's 15 characters.
      failed_last_ip_today: '2001:db8:85a3::8a2e:370:7334',
      failed_last_type_today: 'aBAD',
    });
  });

  test('on a locked account counts the attempt only, marked aLOCK', async () => {
    // The lock holds for 15 minutes after the last good login.
    await send('function=update_phone&user=apilock&pass=1234&source=test');
    for (let i = 0; i < 10; i++) await send('function=update_phone&user=apilock&pass=wrong&source=test', '10.0.0.1');
    const reply = await send('function=update_phone&user=apilock&pass=1234&source=test', '10.0.0.2');
    expect(reply.body).toBe('ERROR: Too many login attempts, try again in 15 minutes: |apilock|LOCK|\n');
    expect(await user('apilock')).toMatchObject({
      failed_login_count: 10,
      failed_login_attempts_today: 11,
      failed_login_count_today: 10,
      failed_last_ip_today: '10.0.0.1',
      failed_last_type_today: 'aLOCK',
    });
  });
});
