import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, openDatabase } from '@vicidash/database';
import { createTestDatabase, type TestDatabase } from '@vicidash/testkit';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { collationOf } from './collation.js';

interface Texts {
  texts: { id: number; v: string | null };
}

/** Text that the two collations order and match differently from plain code order. */
const TEXTS = [
  'a', 'A', 'b', 'B', 'ab', 'a b', 'a_b', 'a-b', 'a.b', 'a1', 'a10', 'a9', '_x', '-x', ' x', 'x ', 'x', 'x  ', '1', '10', '9',
  '+13125550101', '3125550101', '*97', '#7', '$5', '~', '|', '@home', 'é', 'e', 'E', 'É', 'ea', 'Ärger', 'arger', 'zoe', 'Zoe',
  'ZOE', 'Zoë', 'SIP', 'sip', 'IAX2', 'Zap', 'EXTERNAL', 'IN_GROUP', 'INBOUND', 'VMAIL_NO_INST', 'VOICEMAIL', '', '---ALL---',
  'Sales%line', 'sales_1', 'front desk', 'Front Desk Chicago', null, null,
];

/**
 * The in-memory lists must order, find and compare text as VICIdial's database does: checked here
 * against the database itself (MariaDB's utf8mb3_unicode_ci; the embedded VICIdial's NOCASE).
 */
describe.each(['sqlite', 'mariadb'] as const)('text compared as the database does, on %s', (dialect) => {
  let mariadb: TestDatabase | undefined;
  const file = join(tmpdir(), `collation-${randomBytes(6).toString('hex')}.sqlite`);
  let database: Database<Texts>;
  const c = collationOf(dialect === 'mariadb' ? 'mysql' : 'sqlite');

  beforeAll(async () => {
    mariadb = dialect === 'mariadb' ? await createTestDatabase('bff_collation') : undefined;
    database = openDatabase<Texts>(mariadb?.url ?? file);
    await sql
      .raw(
        dialect === 'mariadb'
          ? 'CREATE TABLE texts (id INT, v VARCHAR(50)) ENGINE=MyISAM CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci'
          : 'CREATE TABLE texts (id INTEGER, v TEXT COLLATE NOCASE)',
      )
      .execute(database.db);
    await database.db
      .insertInto('texts')
      .values(TEXTS.map((v, id) => ({ id, v })))
      .execute();
  });
  afterAll(async () => {
    await database.close();
    await mariadb?.drop();
    rmSync(file, { force: true });
  });

  const all = TEXTS.map((v, id) => ({ id, v }));

  test('ORDER BY', async () => {
    const ordered = await database.db.selectFrom('texts').select(['id', 'v']).orderBy('v').orderBy('id').execute();
    const order = (x: { id: number; v: string | null }, y: { id: number; v: string | null }) => {
      const [a, b] = [c.order(x.v), c.order(y.v)];
      return a < b ? -1 : a > b ? 1 : x.id - y.id;
    };
    expect([...all].sort(order).map((t) => t.v)).toEqual(ordered.map((t) => t.v));
  });

  test('LIKE, as searches use it (wildcards escaped)', async () => {
    for (const search of ['a', 'E', 'x ', 'B', 'desk', 'ZO', '_', '%', 'es_1', 'sip', 'à', 'A-B', ' ']) {
      const pattern = `%${search.replace(/[!%_]/g, (w) => `!${w}`)}%`;
      const found = await database.db
        .selectFrom('texts')
        .select('id')
        .where(sql<boolean>`v LIKE ${pattern} ESCAPE '!'`)
        .orderBy('id')
        .execute();
      const matching = all.filter((t) => c.like(t.v)?.includes(c.like(search)) ?? false).map((t) => t.id);
      expect(matching, search).toEqual(found.map((t) => t.id));
    }
  });

  test('=, as filters use it', async () => {
    for (const value of ['a', 'X', 'x', 'sip', 'e', 'zoe', 'in_group', '']) {
      const found = await database.db.selectFrom('texts').select('id').where('v', '=', value).orderBy('id').execute();
      expect(
        all.filter((t) => t.v !== null && c.equal(t.v) === c.equal(value)).map((t) => t.id),
        value,
      ).toEqual(found.map((t) => t.id));
    }
  });
});
