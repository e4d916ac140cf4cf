import { afterEach, beforeEach, expect, test } from 'vitest';
import { createSchema, openVicidialDb, type VicidialDb } from '../db/connect.js';
import { insertRows } from './insert.js';

let conn: VicidialDb;
beforeEach(async () => {
  conn = await openVicidialDb(':memory:');
  await createSchema(conn.db, conn.dialect);
});
afterEach(() => conn.close());

test('gives columns a row leaves out their table default, even next to rows that set them', async () => {
  await insertRows(conn.db, 'phones_alias', [
    { alias_id: 'a1', alias_name: 'One', logins_list: '1001a' },
    { alias_id: 'a2', alias_name: 'Two', logins_list: '1002a', user_group: 'SALES' },
    { alias_id: 'a3', alias_name: 'Three', logins_list: '1003a' },
  ]);
  const rows = await conn.db.selectFrom('phones_alias').select(['alias_id', 'user_group']).orderBy('alias_id').execute();
  expect(rows).toEqual([
    { alias_id: 'a1', user_group: '---ALL---' },
    { alias_id: 'a2', user_group: 'SALES' },
    { alias_id: 'a3', user_group: '---ALL---' },
  ]);
});

test('splits large inserts under the placeholder limit', async () => {
  // 9,000 rows of 4 values: more placeholders than SQLite takes in one statement.
  const rows = Array.from({ length: 9_000 }, (_, i) => ({ alias_id: `a${i}`, alias_name: `Alias ${i}`, logins_list: `${i}a`, user_group: '---ALL---' }));
  await insertRows(conn.db, 'phones_alias', rows);
  const all = await conn.db.selectFrom('phones_alias').select('alias_id').execute();
  expect(all).toHaveLength(9_000);
});

test('refuses a value VICIdial would store differently', async () => {
  await expect(insertRows(conn.db, 'phones_alias', [{ alias_id: 'a'.repeat(21), alias_name: 'Too long an id', logins_list: '1001a' }])).rejects.toThrow(
    'seed value does not fit phones_alias.alias_id',
  );
  await expect(
    insertRows(conn.db, 'vicidial_inbound_dids', [{ did_pattern: '3125550000', did_route: 'PJSIP' }]),
  ).rejects.toThrow('seed value does not fit vicidial_inbound_dids.did_route');
});
