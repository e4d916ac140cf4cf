import mysql from 'mysql2/promise';
import { expect, test } from 'vitest';
import { createTestDatabase } from './mariadb.js';

test('creates an isolated database and drops it', async () => {
  const db = await createTestDatabase('testkit');
  const conn = await mysql.createConnection(db.url);
  const [rows] = await conn.query('SELECT DATABASE() AS name');
  await conn.end();
  expect(rows).toEqual([{ name: db.name }]);
  await db.drop();
  const check = await mysql.createConnection(new URL('/', db.url).toString());
  const [found] = await check.query('SHOW DATABASES LIKE ?', [db.name]);
  await check.end();
  expect(found).toEqual([]);
});
