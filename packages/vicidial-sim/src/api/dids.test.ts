import { createTestDatabase, type TestDatabase } from '@vicidash/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openConformanceDb } from '../conformance/database.js';
import type { VicidialDb } from '../db/connect.js';
import { createVicidialApi } from './api.js';

// Rules of add_did / copy_did / update_did that the recorded session shows little of, on both
// dialects. The seed (conformance/seed.sql) holds DIDs 3125551000 (IN_GROUP TEST_IN), 8005551234 and
// 7775550000 (user_group OTHER); user apilim's group LIMITED sees ' LIMITED '.

const targets: [string, () => Promise<{ url: string; drop(): Promise<void> } | null>][] = [
  ['SQLite', async () => null],
  ['MariaDB', () => createTestDatabase('vicisim_dids')],
];

describe.each(targets)('DIDs on %s', (_name, makeDatabase) => {
  let database: TestDatabase | { url: string; drop(): Promise<void> } | null;
  let conn: VicidialDb;
  let call: (query: string) => Promise<string>;

  beforeEach(async () => {
    database = await makeDatabase();
    conn = await openConformanceDb(database?.url);
    const api = createVicidialApi(conn.db);
    call = async (query) => {
      const reply = await api({ method: 'GET', url: `/vicidial/non_agent_api.php?${query}`, headers: {}, remoteIp: '127.0.0.1' });
      expect(reply.status).toBe(200);
      return reply.body;
    };
  });
  afterEach(async () => {
    await conn.close();
    await database?.drop();
  });

  const as = (user: string, fn: string, params: string) => call(`function=${fn}&user=${user}&pass=1234&source=test&${params}`);
  const did = (pattern: string) =>
    conn.db.selectFrom('vicidial_inbound_dids').selectAll().where('did_pattern', '=', pattern).executeTakeFirst();
  const didCount = async () => (await conn.db.selectFrom('vicidial_inbound_dids').select('did_id').execute()).length;
  const adminLog = () => conn.db.selectFrom('vicidial_admin_log').selectAll().orderBy('admin_log_id').execute();
  const lastAdminLog = async () => (await adminLog()).at(-1);
  const setViewable = (group: string, value: string | null) =>
    conn.db.updateTable('vicidial_user_groups').set({ admin_viewable_groups: value }).where('user_group', '=', group).execute();

  it('refuses users without the DID flags before looking at any parameter', async () => {
    expect(await as('api7', 'add_did', '')).toBe('ERROR: add_did USER DOES NOT HAVE PERMISSION TO ADD DIDS: |api7|0\n');
    expect(await as('apinoapi', 'copy_did', '')).toBe('ERROR: copy_did USER DOES NOT HAVE PERMISSION TO ADD DIDS: |apinoapi|0\n');
    await conn.db.updateTable('vicidial_users').set({ modify_inbound_dids: '0' }).where('user', '=', '6666').execute();
    expect(await as('6666', 'update_did', 'did_pattern=3125551000&delete_did=Y')).toBe(
      'ERROR: update_did USER DOES NOT HAVE PERMISSION TO UPDATE DIDS: |6666|0\n',
    );
    expect(await did('3125551000')).toBeDefined();
  });

  it.each([
    ['extension=' + 'x'.repeat(51), 'add_did EXTENSION MUST BE FROM 1 TO 50 CHARACTERS', 'x'.repeat(51)],
    ['exten_context=' + 'c'.repeat(51), 'add_did EXTENSION CONTEXT MUST BE FROM 1 TO 50 CHARACTERS', 'c'.repeat(51)],
    ['server_ip=10.9.9.9&extension=' + 'x'.repeat(51), 'add_did EXTENSION MUST BE FROM 1 TO 50 CHARACTERS', 'x'.repeat(51)],
    ['group=NOSUCH&server_ip=10.9.9.9', 'add_did SERVER IP MUST BE A VALID SERVER IN THE SYSTEM', '10.9.9.9'],
    ['menu_id=NOSUCH&group=NOSUCH', 'add_did GROUP ID MUST BE A VALID INBOUND GROUP IN THE SYSTEM', 'NOSUCH'],
    ['filter_clean_cid_number=' + '1'.repeat(21) + '&menu_id=NOSUCH', 'update_did MENU ID MUST BE A VALID CALL MENU IN THE SYSTEM', 'NOSUCH'],
    ['list_id=12&call_handle_method=AB', 'add_did CALL HANDLE METHOD MUST BE FROM 3 TO 20 CHARACTERS', 'AB'],
    ['entry_list_id=123456789012345&list_id=12', 'add_did LIST ID MUST BE FROM 3 TO 14 DIGITS', '12'],
    ['phone_code=12345678901&campaign_id=TOOLONGCAMP', 'add_did CAMPAIGN MUST BE FROM 1 TO 8 CHARACTERS', 'TOOLONGCAMP'],
    ['active=X&record_call=Q&did_route=FOO', 'add_did ACTIVE MUST BE Y OR N', 'X'],
    ['record_call=y', 'add_did RECORD CALL MUST BE Y OR N', 'y'],
  ])('add_did checks the fields in VICIdial order: %s', async (params, message, data) => {
    expect(await as('6666', 'add_did', `did_pattern=3125559000&${params}`)).toBe(
      `ERROR: ${message}, THIS IS AN OPTIONAL FIELD: |6666|${data}\n`,
    );
    expect(await did('3125559000')).toBeUndefined();
    expect(await adminLog()).toEqual([]);
  });

  it('add_did finds duplicates among DIDs the user cannot see, case-insensitively', async () => {
    expect(await as('apilim', 'add_did', 'did_pattern=7775550000')).toBe('ERROR: add_did DID ALREADY EXISTS: |apilim|7775550000\n');
    await as('6666', 'add_did', 'did_pattern=_NXXabc');
    expect(await as('6666', 'add_did', 'did_pattern=_nxxABC')).toBe('ERROR: add_did DID ALREADY EXISTS: |6666|_nxxABC\n');
  });

  it('add_did stores what MariaDB makes of the values and logs the SQL as sent', async () => {
    const params = 'did_pattern=3125559001&group=test_in&list_id=12ab&entry_list_id=0042&agent_search_method=XX&server_ip=10.10.10.16&phone_extension=ph-1';
    expect(await as('6666', 'add_did', params)).toBe('SUCCESS: add_did DID HAS BEEN ADDED - 6666|3125559001\n');
    expect(await did('3125559001')).toMatchObject({
      group_id: 'test_in',
      list_id: 12,
      entry_list_id: 42,
      agent_search_method: '',
      server_ip: '10.10.10.16',
      phone: 'ph-1',
      did_route: 'EXTEN',
      user_group: '---ALL---',
    });
    const { did_id } = (await did('3125559001'))!;
    expect(await lastAdminLog()).toMatchObject({
      event_type: 'ADD',
      record_id: String(did_id),
      event_sql:
        "INSERT INTO vicidial_inbound_dids SET did_pattern='3125559001' ,phone='ph-1' ,server_ip='10.10.10.16' ,group_id='test_in' ,agent_search_method='XX' ,list_id='12ab' ,entry_list_id='0042'|",
      event_notes: `did: 3125559001 did_id: ${did_id} inserted: 1`,
    });
  });

  it('update_did hides DIDs outside admin_viewable_groups, even when that value is empty', async () => {
    const edit = 'did_pattern=7775550000&did_description=Seen+by+limited';
    expect(await as('apilim', 'update_did', edit)).toBe('ERROR: update_did DID DOES NOT EXIST: |apilim|7775550000\n');
    await setViewable('LIMITED', ' LIMITED OTHER ');
    expect(await as('apilim', 'update_did', edit)).toBe('SUCCESS: update_did DID HAS BEEN UPDATED - apilim|7775550000\n');
    await setViewable('LIMITED', '');
    expect(await as('apilim', 'update_did', edit)).toBe('ERROR: update_did DID DOES NOT EXIST: |apilim|7775550000\n');
    await setViewable('LIMITED', null);
    expect(await as('apilim', 'update_did', 'did_pattern=3125551000&active=N')).toBe(
      'SUCCESS: update_did DID HAS BEEN UPDATED - apilim|3125551000\n',
    );
    await setViewable('LIMITED', ' --ALL-- ');
    expect(await as('apilim', 'update_did', edit)).toBe('SUCCESS: update_did DID HAS BEEN UPDATED - apilim|7775550000\n');
  });

  it('update_did looks for the DID before the delete permission', async () => {
    expect(await as('apiupd', 'update_did', 'did_pattern=9999999999&delete_did=Y')).toBe(
      'ERROR: update_did DID DOES NOT EXIST: |apiupd|9999999999\n',
    );
    expect(await as('apiupd', 'update_did', 'did_pattern=3125551000&delete_did=Y')).toBe(
      'ERROR: update_did USER DOES NOT HAVE PERMISSION TO DELETE DIDS: |apiupd|1\n',
    );
    expect(await did('3125551000')).toBeDefined();
  });

  it('update_did answers NO UPDATES DEFINED when every field filters away', async () => {
    const before = await did('3125551000');
    expect(await as('6666', 'update_did', 'did_pattern=3125551000&active=yes&did_route=%21%21&phone_code=abc&list_id=%2F%2F')).toBe(
      'NOTICE: update_did NO UPDATES DEFINED: |6666|\n',
    );
    expect(await did('3125551000')).toEqual(before);
    expect(await adminLog()).toEqual([]);
  });

  it('update_did writes the IN_GROUP settings whatever the route, in VICIdial order', async () => {
    await as('6666', 'update_did', 'did_pattern=8005551234&phone_code=44&call_handle_method=ANI&did_description=Toll+free+line');
    expect(await did('8005551234')).toMatchObject({ did_route: 'EXTEN', phone_code: '44', call_handle_method: 'ANI' });
    expect((await lastAdminLog())?.event_sql).toBe(
      "UPDATE vicidial_inbound_dids SET did_description='Toll free line' ,call_handle_method='ANI' ,phone_code='44' WHERE did_pattern='8005551234'|",
    );
  });

  it('copy_did copies every setting but the defaults-only columns', async () => {
    await conn.db
      .updateTable('vicidial_inbound_dids')
      .set({
        custom_one: 'c1',
        filter_url: 'http://x',
        filter_inbound_number: 'GROUP',
        list_id: 1234,
        max_queue_ingroup_calls: 7,
        did_carrier_description: 'carrier',
        user: 'agent1',
        inbound_route_answer: 'N',
        pre_filter_recent_call: 'recent',
        pre_filter_recent_extension: '555',
      })
      .where('did_pattern', '=', '3125551000')
      .execute();
    expect(await as('6666', 'copy_did', 'source_did_pattern=3125551000&new_dids=3125559100')).toMatch(
      /^NOTICE: copy_did DID HAS BEEN ADDED - 6666\|3125559100\|3125551000\|\d+\|1\nSUCCESS: copy_did DIDS HAVE BEEN ADDED - 6666\|3125551000\|1\|0\n$/,
    );
    const { did_id: _sourceId, did_pattern: _s, modify_stamp: _ms, ...source } = (await did('3125551000'))!;
    const { did_id: _copyId, did_pattern: _c, modify_stamp: _mc, ...copy } = (await did('3125559100'))!;
    expect(copy).toEqual({ ...source, inbound_route_answer: 'Y', pre_filter_recent_call: '', pre_filter_recent_extension: '' });
  });

  it('copy_did checks a bad description only at the first free target, and then stops', async () => {
    expect(await as('6666', 'copy_did', 'source_did_pattern=3125551000&new_dids=8005551234,3125559200,3125559201&did_description=abc')).toBe(
      'NOTICE: copy_did DID ALREADY EXISTS - 6666|8005551234\n' +
        'ERROR: copy_did DID DESCRIPTION MUST BE EITHER BLANK OR FROM 6 TO 50 CHARACTERS, THIS IS AN OPTIONAL FIELD: |6666|abc\n',
    );
    expect(await did('3125559200')).toBeUndefined();
    expect(await adminLog()).toEqual([]);
    expect(await as('6666', 'copy_did', 'source_did_pattern=3125551000&new_dids=8005551234&did_description=abc')).toBe(
      'NOTICE: copy_did DID ALREADY EXISTS - 6666|8005551234\nERROR: copy_did NO DIDS ADDED - 6666|3125551000|0|1\n',
    );
  });

  it('copy_did logs the last statement run and the last did_id inserted', async () => {
    await as('6666', 'copy_did', 'source_did_pattern=3125551000&new_dids=3125559300,8005551234');
    const { did_id } = (await did('3125559300'))!;
    expect(await lastAdminLog()).toMatchObject({
      event_type: 'COPY',
      record_id: String(did_id),
      event_sql: "SELECT count(*) from vicidial_inbound_dids where did_pattern='8005551234'|",
      event_notes: `DID Source: 3125551000 Inserts: 1 Insert Errors: 1 Copy Log:\n3125559300 ADDED, did_id: ${did_id}\n8005551234 ALREADY EXISTS\n`,
    });
  });

  it('copy_did filters the source by visibility but finds targets among all DIDs', async () => {
    expect(await as('apilim', 'copy_did', 'source_did_pattern=7775550000&new_dids=3125559400')).toBe(
      'ERROR: copy_did SOURCE DID DOES NOT EXIST: |apilim|7775550000\n',
    );
    expect(await as('apilim', 'copy_did', 'source_did_pattern=3125551000&new_dids=7775550000')).toBe(
      'NOTICE: copy_did DID ALREADY EXISTS - apilim|7775550000\nERROR: copy_did NO DIDS ADDED - apilim|3125551000|0|1\n',
    );
  });

  it('copy_did cuts over-long targets like INSERT IGNORE: a clash inserts nothing, did_id 0', async () => {
    const fifty = '1'.repeat(50);
    await as('6666', 'add_did', `did_pattern=${fifty}`);
    const count = await didCount();
    expect(await as('6666', 'copy_did', `source_did_pattern=3125551000&new_dids=${fifty}9`)).toBe(
      `NOTICE: copy_did DID HAS BEEN ADDED - 6666|${fifty}9|3125551000|0|0\nERROR: copy_did NO DIDS ADDED - 6666|3125551000|0|0\n`,
    );
    expect(await didCount()).toBe(count);
    expect(await lastAdminLog()).toMatchObject({ record_id: '0' });

    const other = `${'2'.repeat(50)}77`;
    await as('6666', 'copy_did', `source_did_pattern=3125551000&new_dids=${other}`);
    expect(await did('2'.repeat(50))).toMatchObject({ did_description: 'Sales main number' });
  });

  it('survives garbage', async () => {
    expect(await as('6666', 'add_did', 'did_pattern=%C3%A9%C3%A9%00%27%22')).toBe('ERROR: add_did YOU MUST USE ALL REQUIRED FIELDS: |6666|\n');
    expect(await as('6666', 'update_did', `did_pattern=3125551000&did_description=${'%27'.repeat(20)}`)).toBe(
      'NOTICE: update_did NO UPDATES DEFINED: |6666|\n',
    );
    expect(await as('6666', 'copy_did', 'source_did_pattern=3125551000&new_dids=,,,')).toMatch(
      /^NOTICE: copy_did DID HAS BEEN ADDED - 6666\|\|3125551000\|\d+\|1\n(NOTICE: copy_did DID ALREADY EXISTS - 6666\|\n){3}SUCCESS: copy_did DIDS HAVE BEEN ADDED - 6666\|3125551000\|1\|3\n$/,
    );
    expect(await as('6666', 'copy_did', `source_did_pattern=3125551000&new_dids=${'9'.repeat(2001)}`)).toBe(
      `ERROR: copy_did YOU MUST USE ALL REQUIRED FIELDS: |6666|3125551000|${'9'.repeat(2001)}\n`,
    );
  });
});
