import { type Kysely, sql } from 'kysely';
import { createConnection } from 'mysql2/promise';
import { dialectOf, mysqlUrl, openDatabase } from '@vicidash/database';
import { type Dialect, schemaStatements } from './ddl.js';
import type { VicidialDatabase } from './schema.js';

export type { Dialect } from './ddl.js';

export interface VicidialDb {
  db: Kysely<VicidialDatabase>;
  dialect: Dialect;
  close(): Promise<void>;
}

const isMysqlUrl = (target: string) => dialectOf(target) === 'mysql';

/** Opens the embedded VICIdial's database: a SQLite file, ':memory:', or `mysql://user:pass@host:port/db`. */
export async function openVicidialDb(target: string): Promise<VicidialDb> {
  return openDatabase<VicidialDatabase>(target, {
    connectionLimit: 8,
    // VICIdial's PHP expects the non-strict sql_mode.
    mysqlSessionSql: ["SET SESSION sql_mode=''"],
    mysqlPool: {
      // VICIdial's tables are utf8mb3.
      charset: 'UTF8_UNICODE_CI',
      // PHP's mysqli reports changed rows, not matched rows, for UPDATE.
      flags: ['-FOUND_ROWS'],
    },
  });
}

/**
 * For a mysql:// target whose database does not exist yet: creates it with VICIdial's character set.
 * A SQLite file is created on open anyway.
 */
export async function createDatabaseIfMissing(target: string): Promise<void> {
  if (!isMysqlUrl(target)) return;
  const url = new URL(mysqlUrl(target));
  const name = decodeURIComponent(url.pathname.slice(1));
  if (name === '') throw new Error(`no database name in ${url.origin}`);
  url.pathname = '/';
  const connection = await createConnection(url.toString());
  try {
    await connection.query(
      `CREATE DATABASE IF NOT EXISTS \`${name.replaceAll('`', '``')}\` CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci`,
    );
  } finally {
    await connection.end();
  }
}

/** True when VICIdial's tables are already there (the database was set up before). */
export async function schemaExists(db: Kysely<VicidialDatabase>): Promise<boolean> {
  const tables = await db.introspection.getTables();
  return tables.some((t) => t.name === 'system_settings');
}

/** Creates whatever of VICIdial's tables and indexes is missing. */
export async function createSchema(db: Kysely<VicidialDatabase>, dialect: Dialect): Promise<void> {
  for (const statement of schemaStatements(dialect)) await sql.raw(statement).execute(db);
}
