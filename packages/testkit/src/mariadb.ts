import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';

/** The MariaDB server tests may use: TEST_MYSQL_URL (set by `npm test` for a private server) or the local one. */
export const mariadbServerUrl = (): string => process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';

export interface TestDatabase {
  /** mysql://… URL of the new, empty database. */
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** Creates an empty database with a unique name; `drop()` removes it. */
export async function createTestDatabase(prefix = 'test'): Promise<TestDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const server = mariadbServerUrl();
  const admin = await mysql.createConnection(server);
  try {
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci`);
  } finally {
    await admin.end();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const conn = await mysql.createConnection(server);
      try {
        await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await conn.end();
      }
    },
  };
}
