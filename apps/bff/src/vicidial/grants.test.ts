import { randomBytes } from 'node:crypto';
import { openDatabase } from '@vicidash/database';
import { createTestDatabase, type TestDatabase } from '@vicidash/testkit';
import { createSchema, openVicidialDb, type VicidialDb } from '@vicidash/vicidial-sim';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { checkGrants, grantStatements } from './grants.js';
import { READ_TABLES } from './tables.js';

/** VICIdial's tables on MariaDB, and a real database user that is given grants test by test. */
let database: TestDatabase;
let admin: VicidialDb;
const reader = `grants_${randomBytes(4).toString('hex')}`;
const password = 'Reader-Pass-31';

beforeAll(async () => {
  database = await createTestDatabase('bff_grants');
  admin = await openVicidialDb(database.url);
  await createSchema(admin.db, admin.dialect);
  await run(`CREATE USER '${reader}'@'%' IDENTIFIED BY '${password}'`);
});

afterAll(async () => {
  await run(`DROP USER IF EXISTS '${reader}'@'%'`);
  await admin.close();
  await database.drop();
});

const run = (statement: string) => sql.raw(statement).execute(admin.db);

/** `work` connected as the reader. */
async function asReader<T>(work: (db: Kysely<unknown>) => Promise<T>): Promise<T> {
  const url = new URL(database.url);
  url.username = reader;
  url.password = password;
  const connection = openDatabase<unknown>(url.toString());
  try {
    return await work(connection.db as Kysely<unknown>);
  } finally {
    await connection.close();
  }
}

/** The grant check as the BFF runs it at start. */
const checkAsReader = () => asReader((db) => checkGrants(db, 'mysql'));

test('a reader with SELECT on just the tables the dashboard reads: no warning, and every one of them readable', async () => {
  for (const statement of grantStatements(database.name, `${reader}@%`)) await run(statement);
  expect(await checkAsReader()).toEqual({ checked: true, readable: [] });
  await asReader(async (db) => {
    for (const table of READ_TABLES) await expect(sql`select * from ${sql.table(table)} limit 1`.execute(db)).resolves.toMatchObject({ rows: [] });
  });
});

test('a reader that can read vicidial_api_urls: a warning naming it and the GRANT statements, one per table read', async () => {
  await run(`GRANT SELECT ON \`${database.name}\`.\`vicidial_api_urls\` TO '${reader}'@'%'`);
  const grants = await checkAsReader();
  expect(grants).toMatchObject({ checked: true, readable: ['vicidial_api_urls'] });
  expect(grants.note).toContain('can read vicidial_api_urls');
  for (const table of READ_TABLES) expect(grants.note).toContain(`GRANT SELECT ON \`${database.name}\`.\`${table}\` TO '${reader}'@'%';`);
  expect(grants.note).not.toContain(password);

  await run(`REVOKE SELECT ON \`${database.name}\`.\`vicidial_api_urls\` FROM '${reader}'@'%'`);
  expect(await checkAsReader()).toEqual({ checked: true, readable: [] });
});

test('a reader with SELECT on the whole database can read both tables that hold passwords', async () => {
  await run(`GRANT SELECT ON \`${database.name}\`.* TO '${reader}'@'%'`);
  expect((await checkAsReader()).readable).toEqual(['vicidial_api_urls', 'vicidial_users']);
  await run(`REVOKE SELECT ON \`${database.name}\`.* FROM '${reader}'@'%'`);
});
