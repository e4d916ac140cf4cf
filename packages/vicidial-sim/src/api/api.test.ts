import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openConformanceDb } from '../conformance/database.js';
import type { VicidialDb } from '../db/connect.js';
import { createVicidialApi } from './api.js';
import type { ApiRequest } from './request.js';

let conn: VicidialDb;
beforeEach(async () => {
  conn = await openConformanceDb();
});
afterEach(() => conn.close());

const now = new Date(2026, 10, 22, 5, 59, 47);
const call = (query: string, over: Partial<ApiRequest> = {}) =>
  createVicidialApi(conn.db, { now: () => now })({
    method: 'GET',
    url: `/vicidial/non_agent_api.php?${query}`,
    headers: {},
    remoteIp: '127.0.0.1',
    ...over,
  });
const body = async (query: string) => (await call(query)).body;

describe('before login', () => {
  test('version needs no login and prints the first active server’s time zone', async () => {
    const reply = await call('function=version&user=nobody');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatch(/^VERSION: 2\.14-202\|BUILD: 250720-1841\|DATE: 2026-11-22 05:59:47\|EPOCH: \d+\|DST: [01]\|TZ: -5\.00\|TZNOW: /);
  });

  test('version without an active server prints an empty TZ and the local offset', async () => {
    await conn.db.updateTable('servers').set({ active: 'N' }).execute();
    expect(await body('function=version')).toMatch(/\|TZ: \|TZNOW: -?\d+(\.\d+)?\|\n$/);
  });

  test('version during daylight saving adds an hour to TZNOW only, the way PHP increments', async () => {
    const tz = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      const summer = new Date(Date.UTC(2026, 6, 1, 16, 0, 0));
      const api = createVicidialApi(conn.db, { now: () => summer });
      const cases: [string | null, string][] = [['-5.00', '-4'], ['5.50', '6.5'], ['', '1'], [null, '1'], ['abc', 'abd']];
      for (const [gmt, tzNow] of cases) {
        await conn.db.updateTable('servers').set({ local_gmt: gmt }).execute();
        const reply = await api({ method: 'GET', url: '/x?function=version', headers: {}, remoteIp: '127.0.0.1' });
        const date = `DATE: 2026-07-01 12:00:00|EPOCH: ${summer.getTime() / 1000}`;
        expect(reply.body).toBe(`VERSION: 2.14-202|BUILD: 250720-1841|${date}|DST: 1|TZ: ${gmt ?? ''}|TZNOW: ${tzNow}|\n`);
      }
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  test('coffee and its variants answer 418 without a newline', async () => {
    for (const fn of ['coffee', 'start_coffee', 'make_coffee', 'brew_coffee']) {
      expect(await call(`function=${fn}`)).toEqual({ status: 418, body: `Coffee: ${fn}|Error 418 I'm a teapot` });
    }
  });
});

describe('login', () => {
  test('filters user and pass before checking them, and echoes the filtered values', async () => {
    expect(await body('function=nosuch&user=66%2766&pass=1%2A2%2034')).toBe('ERROR: NO FUNCTION SPECIFIED\n');
    expect(await body('function=nosuch&user=66%2766&pass=bad%21pass')).toBe('ERROR: Login incorrect, please try again: |6666|badpass|BAD|\n');
  });

  test('comes before everything else but version and coffee', async () => {
    expect(await body('')).toBe('ERROR: Login incorrect, please try again: |||BAD|\n');
    expect(await body('function=add_phone&source=x')).toBe('ERROR: Login incorrect, please try again: |||BAD|\n');
  });

  test('reports a locked account without the password', async () => {
    await conn.db.updateTable('vicidial_users').set({ failed_login_count: 10, last_login_date: '2026-11-22 05:59:00' }).where('user', '=', 'apilock').execute();
    expect(await body('function=update_phone&user=apilock&pass=1234&source=test')).toBe(
      'ERROR: Too many login attempts, try again in 15 minutes: |apilock|LOCK|\n',
    );
  });
});

describe('dispatch', () => {
  test('an unknown, missing or inherited function name is no function', async () => {
    for (const fn of ['nosuch', '', 'constructor', '__proto__', 'toString', 'Version']) {
      expect(await body(`function=${fn}&user=6666&pass=1234&source=test`)).toBe('ERROR: NO FUNCTION SPECIFIED\n');
    }
  });

  test('the function name is filtered to letters, digits, - and _', async () => {
    expect(await body('function=server_%21refresh&user=6666&pass=1234&source=test&stage=REFRESH')).toMatch(/^SUCCESS: server_refresh /);
  });

  test('write functions need a source of 2+ letters or digits, after filtering', async () => {
    expect(await body('function=server_refresh&user=6666&pass=1234&source=%21a%21&stage=REFRESH')).toBe(
      'ERROR: Invalid Source - a\nERROR: Invalid Source: |a|\n',
    );
    expect(await body('function=add_did&user=6666&pass=1234')).toBe('ERROR: Invalid Source - \nERROR: Invalid Source: ||\n');
  });

  test('the source is checked before the allowed functions, which come before the function', async () => {
    expect(await body('function=add_phone&user=apirestr&pass=1234')).toBe('ERROR: Invalid Source - \nERROR: Invalid Source: ||\n');
    expect(await body('function=add_phone&user=apirestr&pass=1234&source=test')).toBe(
      'ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION: |apirestr|add_phone|\n',
    );
    expect(await body('function=server_refresh&user=api8noadm&pass=1234&source=test')).toBe(
      'ERROR: server_refresh USER DOES NOT HAVE PERMISSION TO REFRESH SERVERS: |api8noadm|0\n',
    );
  });

  test('the chooser lists need no source, only the allowed functions', async () => {
    expect(await body('function=ingroup_list&user=apinoapi&pass=1234')).toContain("choose_file('TEST_IN','')");
    expect(await body('function=callmenu_list&user=apirestr&pass=1234')).toBe(
      'ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION: |apirestr|callmenu_list|\n',
    );
  });
});

describe('chooser lists', () => {
  test('fill the field named by comments, without ; # " and with + as a space', async () => {
    const page = await body('function=callmenu_list&user=6666&pass=1234&comments=did%3B+menu%22%23%2B1');
    expect(page).toContain(`<a href="javascript:choose_file('MAIN_IVR','did menu 1');">`);
  });

  test('print the header and footer even with nothing to list', async () => {
    await conn.db.deleteFrom('vicidial_inbound_groups').execute();
    const page = await body('function=ingroup_list&user=6666&pass=1234');
    expect(page).toMatch(/<td>Color<\/td>\n<\/tr>\n<\/table><\/div><\/body><\/HTML>\n$/);
  });
});

describe('side effects', () => {
  test('a write is logged under the API user, at the request time in local time, from REMOTE_ADDR', async () => {
    await call('function=server_refresh&user=6666&pass=1234&source=test&stage=REFRESH', { remoteIp: '2001:db8::1:2:3:4:5' });
    const log = await conn.db.selectFrom('vicidial_admin_log').selectAll().executeTakeFirstOrThrow();
    expect(log).toMatchObject({
      event_date: '2026-11-22 05:59:47',
      user: '6666',
      ip_address: '2001:db8::1:2:3',
      event_section: 'SERVERS',
      event_type: 'OTHER',
      record_id: 'refresh',
      event_code: 'ADMIN API SERVERS REFRESH',
      event_sql: "UPDATE servers SET rebuild_conf_files='Y'|",
      event_notes: 'servers: 3',
      user_group: '---ALL---',
    });
    const settings = await conn.db.selectFrom('system_settings').select('reload_timestamp').executeTakeFirstOrThrow();
    expect(settings.reload_timestamp).toBe('2026-11-22 05:59:47');
  });

  test('every successful login stamps the user, even when the function then refuses', async () => {
    await call('function=server_refresh&user=api8noadm&pass=1234&source=test', { remoteIp: '10.9.8.7' });
    const user = await conn.db.selectFrom('vicidial_users').selectAll().where('user', '=', 'api8noadm').executeTakeFirstOrThrow();
    expect(user).toMatchObject({ last_login_date: '2026-11-22 05:59:47', last_ip: '10.9.8.7' });
  });
});

describe('failures', () => {
  test('a statement that fails answers HTTP 500 with an empty body', async () => {
    await conn.db.schema.dropTable('servers').execute();
    expect(await call('function=server_refresh&user=6666&pass=1234&source=test&stage=REFRESH')).toEqual({ status: 500, body: '' });
  });

  test('garbage never throws', async () => {
    const api = createVicidialApi(conn.db, { now: () => now });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT', ''),
        fc.string({ unit: 'binary' }),
        fc.string({ unit: 'binary' }),
        fc.constantFrom('application/x-www-form-urlencoded', 'application/json', ''),
        async (method, query, requestBody, contentType) => {
          const reply = await api({ method, url: `/x?${query}`, headers: { 'content-type': contentType }, body: requestBody, remoteIp: '' });
          expect([200, 418, 500]).toContain(reply.status);
        },
      ),
      { numRuns: 200 },
    );
  });

  test('garbage parameters to every function still get an answer from VICIdial, not a failure', async () => {
    const api = createVicidialApi(conn.db, { now: () => now });
    const functions = ['add_phone', 'update_phone', 'add_phone_alias', 'update_phone_alias', 'add_did', 'copy_did', 'update_did', 'server_refresh', 'ingroup_list', 'callmenu_list'];
    const names = ['extension', 'server_ip', 'dialplan_number', 'voicemail_id', 'phone_login', 'phone_pass', 'protocol', 'registration_password', 'phone_full_name', 'local_gmt', 'outbound_cid', 'email', 'phone_ring_timeout', 'template_id', 'delete_phone', 'alias_id', 'alias_name', 'phone_logins', 'delete_alias', 'did_pattern', 'did_description', 'did_route', 'active', 'list_id', 'entry_list_id', 'group', 'menu_id', 'new_dids', 'source_did_pattern', 'delete_did', 'stage', 'comments'];
    const value = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom('100', '10.10.10.15', 'Y', '--BLANK--', '3125551000', '-5.00', '100a,100b'));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...functions), fc.dictionary(fc.constantFrom(...names), value), async (fn, fields) => {
        const query = new URLSearchParams({ function: fn, user: '6666', pass: '1234', source: 'test', ...fields });
        const reply = await api({ method: 'GET', url: `/x?${query}`, headers: {}, remoteIp: '127.0.0.1' });
        expect(reply.status, `${query}`).toBe(200);
      }),
      { numRuns: 300 },
    );
  });
});
