import { createTestDatabase, type TestDatabase } from '@vicidash/testkit';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSchema, openVicidialDb, schemaExists, type VicidialDb } from './connect.js';
import type { VicidialDatabase } from './schema.js';
import { keys, tables } from './tables.js';

type KeyText = string; // "table kind(col,col)"

const expectedKeys = (): KeyText[] =>
  Object.entries(keys)
    .flatMap(([table, list]) => (list ?? []).map((k) => `${table} ${k.kind}(${k.columns.join(',')})`))
    .sort();

async function mysqlKeys(db: Kysely<VicidialDatabase>): Promise<KeyText[]> {
  const { rows } = await sql<{ table: string; name: string; nonUnique: number; column: string }>`
    SELECT TABLE_NAME AS \`table\`, INDEX_NAME AS name, NON_UNIQUE AS nonUnique, COLUMN_NAME AS \`column\`
    FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`.execute(db);
  const found = new Map<string, string[]>();
  for (const r of rows) {
    const kind = r.name === 'PRIMARY' ? 'primary' : Number(r.nonUnique) === 0 ? 'unique' : 'index';
    const id = `${r.table} ${kind} ${r.name}`;
    found.set(id, [...(found.get(id) ?? []), r.column]);
  }
  return [...found].map(([id, columns]) => `${id.split(' ').slice(0, 2).join(' ')}(${columns.join(',')})`).sort();
}

async function sqliteKeys(db: Kysely<VicidialDatabase>): Promise<KeyText[]> {
  const found: KeyText[] = [];
  for (const table of Object.keys(tables)) {
    const columns = await sql<{ name: string; type: string; pk: number }>`SELECT name, type, pk FROM pragma_table_info(${table})`.execute(db);
    const rowidKey = columns.rows.filter((c) => c.pk > 0 && c.type === 'INTEGER');
    if (rowidKey.length === 1) found.push(`${table} primary(${rowidKey[0]?.name})`);
    const indexes = await sql<{ name: string; unique: number; origin: string }>`SELECT name, "unique", origin FROM pragma_index_list(${table})`.execute(db);
    for (const index of indexes.rows) {
      const cols = await sql<{ name: string }>`SELECT name FROM pragma_index_info(${index.name}) ORDER BY seqno`.execute(db);
      const kind = index.origin === 'pk' ? 'primary' : index.unique ? 'unique' : 'index';
      found.push(`${table} ${kind}(${cols.rows.map((c) => c.name).join(',')})`);
    }
  }
  return found.sort();
}

const dialects: [string, () => Promise<{ conn: VicidialDb; drop(): Promise<void> }>][] = [
  ['sqlite', async () => ({ conn: await openVicidialDb(':memory:'), drop: async () => {} })],
  [
    'mysql',
    async () => {
      const database: TestDatabase = await createTestDatabase('vicisim_ddl');
      return { conn: await openVicidialDb(database.url), drop: () => database.drop() };
    },
  ],
];

describe.each(dialects)('the schema on %s', (_, open) => {
  let conn: VicidialDb;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ conn, drop } = await open());
    expect(await schemaExists(conn.db)).toBe(false);
    await createSchema(conn.db, conn.dialect);
    await createSchema(conn.db, conn.dialect); // create-if-missing: a second run changes nothing
    expect(await schemaExists(conn.db)).toBe(true);
  });
  afterAll(async () => {
    await conn.close();
    await drop();
  });

  test('has every table and exactly VICIdial’s keys', async () => {
    const names = (await conn.db.introspection.getTables()).map((t) => t.name).sort();
    expect(names).toEqual(Object.keys(tables).sort());
    const found = conn.dialect === 'mysql' ? await mysqlKeys(conn.db) : await sqliteKeys(conn.db);
    expect(found).toEqual(expectedKeys());
  });

  test('has no key on vicidial_user_groups: two rows may share a user_group', async () => {
    const group = { user_group: 'TWICE', group_name: 'one' };
    await conn.db.insertInto('vicidial_user_groups').values([group, { ...group, group_name: 'two' }]).execute();
    const rows = await conn.db.selectFrom('vicidial_user_groups').select('group_name').where('user_group', '=', 'TWICE').execute();
    expect(rows).toHaveLength(2);
  });

  test('indexes vicidial_admin_log by user, event_section and record_id', async () => {
    const found = conn.dialect === 'mysql' ? await mysqlKeys(conn.db) : await sqliteKeys(conn.db);
    expect(found.filter((key) => key.startsWith('vicidial_admin_log '))).toEqual([
      'vicidial_admin_log index(event_section)',
      'vicidial_admin_log index(record_id)',
      'vicidial_admin_log index(user)',
      'vicidial_admin_log primary(admin_log_id)',
    ]);
  });

  test('compares strings case-insensitively, in lookups and unique keys', async () => {
    await conn.db.insertInto('phones').values({ extension: 'x1', server_ip: '10.0.0.1', login: '100a', template_id: '' }).execute();
    const found = await conn.db.selectFrom('phones').select('login').where('login', '=', '100A').execute();
    expect(found).toEqual([{ login: '100a' }]);
    await conn.db.insertInto('vicidial_inbound_dids').values({ did_pattern: 'abc' }).execute();
    await expect(conn.db.insertInto('vicidial_inbound_dids').values({ did_pattern: 'ABC' }).execute()).rejects.toThrow();
  });

  test('fills a NOT NULL column left out of an insert as MariaDB does without a strict mode', async () => {
    await sql`INSERT INTO phones (extension, server_ip) VALUES ('x2', '10.0.0.1')`.execute(conn.db);
    const phone = await conn.db.selectFrom('phones').selectAll().where('extension', '=', 'x2').executeTakeFirstOrThrow();
    expect(phone).toMatchObject({ template_id: '', protocol: 'SIP', local_gmt: '-5.00', install_directory: '/usr/local/perl_TK', login: null });
  });

  test('numbers auto-increment ids without reusing a deleted last one', async () => {
    const add = async (pattern: string) =>
      Number((await conn.db.insertInto('vicidial_inbound_dids').values({ did_pattern: pattern }).executeTakeFirstOrThrow()).insertId);
    const first = await add('inc1');
    await conn.db.deleteFrom('vicidial_inbound_dids').where('did_id', '=', first).execute();
    expect(await add('inc2')).toBe(first + 1);
  });

  test('modify_stamp changes only when a value of the row changes', async () => {
    const old = '2001-01-01 00:00:00';
    await conn.db.insertInto('vicidial_inbound_dids').values({ did_pattern: 'stamp', did_description: 'one' }).execute();
    const stamp = async () =>
      (await conn.db.selectFrom('vicidial_inbound_dids').select('modify_stamp').where('did_pattern', '=', 'stamp').executeTakeFirstOrThrow())
        .modify_stamp;
    expect(await stamp()).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    await conn.db.updateTable('vicidial_inbound_dids').set({ modify_stamp: old }).where('did_pattern', '=', 'stamp').execute();
    expect(await stamp()).toBe(old);
    await conn.db.updateTable('vicidial_inbound_dids').set({ did_description: 'one' }).where('did_pattern', '=', 'stamp').execute();
    expect(await stamp()).toBe(old);
    await conn.db.updateTable('vicidial_inbound_dids').set({ did_description: 'ONE' }).where('did_pattern', '=', 'stamp').execute();
    expect(await stamp()).not.toBe(old);
  });
});

describe('the MariaDB schema', () => {
  let database: TestDatabase;
  let conn: VicidialDb;
  beforeAll(async () => {
    database = await createTestDatabase('vicisim_ddl_types');
    conn = await openVicidialDb(database.url);
    await createSchema(conn.db, conn.dialect);
  });
  afterAll(async () => {
    await conn.close();
    await database.drop();
  });

  test('declares VICIdial’s column types verbatim, in MyISAM tables with utf8mb3_unicode_ci', async () => {
    const { rows } = await sql<{ table: string; column: string; type: string }>`
      SELECT TABLE_NAME AS \`table\`, COLUMN_NAME AS \`column\`, COLUMN_TYPE AS type
      FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()`.execute(conn.db);
    const declared = Object.entries(tables).flatMap(([table, spec]) =>
      Object.entries(spec).map(([column, c]) => `${table}.${column} ${c.mysqlType}`),
    );
    expect(rows.map((r) => `${r.table}.${r.column} ${r.type}`).sort()).toEqual(declared.sort());
    const engines = await sql<{ engine: string; collation: string }>`
      SELECT DISTINCT ENGINE AS engine, TABLE_COLLATION AS collation FROM information_schema.TABLES
      WHERE TABLE_SCHEMA = DATABASE()`.execute(conn.db);
    expect(engines.rows).toEqual([{ engine: 'MyISAM', collation: 'utf8mb3_unicode_ci' }]);
  });

  test('runs every connection without a strict sql_mode, as VICIdial expects', async () => {
    const { rows } = await sql<{ mode: string }>`SELECT @@SESSION.sql_mode AS mode`.execute(conn.db);
    expect(rows[0]?.mode).toBe('');
  });
});
