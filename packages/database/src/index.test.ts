import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, test } from 'vitest';
import { createTestDatabase } from '@vicidash/testkit';
import { dialectOf, openDatabase } from './index.js';

interface TestDb {
  t: { id: number; name: string; at: string };
}

const dir = mkdtempSync(join(tmpdir(), 'database-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const roundTrip = async (target: string) => {
  const { db, close } = openDatabase<TestDb>(target);
  try {
    await sql`CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(20), at DATETIME)`.execute(db);
    await db.insertInto('t').values({ id: 1, name: 'Alpha', at: '2026-01-02 03:04:05' }).execute();
    return await db.selectFrom('t').selectAll().execute();
  } finally {
    await close();
  }
};

describe('openDatabase', () => {
  test('tells the dialect from the target', () => {
    expect(dialectOf('mysql://root@127.0.0.1:3306/x')).toBe('mysql');
    expect(dialectOf('/tmp/x.sqlite')).toBe('sqlite');
    expect(dialectOf(':memory:')).toBe('sqlite');
    expect(dialectOf('mariadb://root@h/x')).toBe('mysql');
  });

  test('SQLite and MariaDB give the same rows, dates as strings', async () => {
    const mariadb = await createTestDatabase('database');
    try {
      const expected = [{ id: 1, name: 'Alpha', at: '2026-01-02 03:04:05' }];
      expect(await roundTrip(join(dir, 'a.sqlite'))).toEqual(expected);
      expect(await roundTrip(mariadb.url)).toEqual(expected);
    } finally {
      await mariadb.drop();
    }
  });

  test('runs session SQL on every MariaDB connection', async () => {
    const mariadb = await createTestDatabase('database');
    const { db, close } = openDatabase(mariadb.url, { mysqlSessionSql: ["SET SESSION sql_mode=''"] });
    try {
      const { rows } = await sql<{ mode: string }>`SELECT @@SESSION.sql_mode AS mode`.execute(db);
      expect(rows).toEqual([{ mode: '' }]);
    } finally {
      await close();
      await mariadb.drop();
    }
  });

  test('SQLite: queries run again (also after many others and a schema change) answer as the first time', async () => {
    const { db, close } = openDatabase<TestDb>(join(dir, 'reuse.sqlite'));
    try {
      await sql`CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(20), at DATETIME)`.execute(db);
      const byId = (id: number) => db.selectFrom('t').selectAll().where('id', '=', id).execute();
      for (let id = 1; id <= 3; id++) await db.insertInto('t').values({ id, name: `n${id}`, at: '' }).execute();
      expect(await byId(2)).toEqual([{ id: 2, name: 'n2', at: '' }]);
      // More distinct queries than statements kept: the first one's statement is dropped and made again.
      for (let n = 1; n <= 250; n++) await db.selectFrom('t').select('id').where('id', 'in', Array.from({ length: n }, (_, i) => i)).execute();
      expect(await byId(3)).toEqual([{ id: 3, name: 'n3', at: '' }]);
      await sql`ALTER TABLE t ADD COLUMN extra INTEGER DEFAULT 7`.execute(db);
      expect(await db.selectFrom('t').selectAll().where('id', '=', 1).execute()).toEqual([{ id: 1, name: 'n1', at: '', extra: 7 }]);
    } finally {
      await close();
    }
  });

  test("SQLite knows MariaDB's CRC32: the same numbers for the same text, NULL for NULL", async () => {
    const mariadb = await createTestDatabase('database');
    const crcs = async (target: string) => {
      const { db, close } = openDatabase(target, { readOnly: false });
      try {
        const { rows } = await sql<Record<string, unknown>>`SELECT CRC32('The quick brown fox jumps over the lazy dog') AS known, CRC32('Zoë 3125550101') AS accented, CRC32(NULL) AS none, CRC32(CONCAT_WS('|', 'a', 12)) AS joined`.execute(db);
        return rows[0];
      } finally {
        await close();
      }
    };
    try {
      const onMariadb = await crcs(mariadb.url);
      expect(onMariadb).toMatchObject({ known: 0x414fa339, none: null });
      expect(await crcs(join(dir, 'crc.sqlite'))).toEqual(onMariadb);
    } finally {
      await mariadb.drop();
    }
  });

  test('a read-only SQLite file refuses writes', async () => {
    const file = join(dir, 'ro.sqlite');
    await roundTrip(file);
    const { db, close } = openDatabase<TestDb>(file, { readOnly: true });
    try {
      await expect(db.insertInto('t').values({ id: 2, name: 'B', at: '' }).execute()).rejects.toThrow(/readonly/i);
    } finally {
      await close();
    }
  });
});
