import Database from 'better-sqlite3';
import { Kysely, MysqlDialect, SqliteDialect, sql } from 'kysely';
import { createPool } from 'mysql2';
import { createConnection } from 'mysql2/promise';
import { type Dialect, schemaStatements } from './ddl.js';
import type { VicidialDatabase } from './schema.js';

export type { Dialect } from './ddl.js';

export interface VicidialDb {
  db: Kysely<VicidialDatabase>;
  dialect: Dialect;
  close(): Promise<void>;
}

const isMysqlUrl = (target: string) => /^(mysql|mariadb):\/\//i.test(target);

function openMysql(target: string): VicidialDb {
  const url = new URL(target.replace(/^mariadb:/i, 'mysql:'));
  const pool = createPool({
    uri: url.toString(),
    // VICIdial's tables are utf8mb3; its PHP expects the non-strict sql_mode set below.
    charset: 'UTF8_UNICODE_CI',
    // DATETIME/TIMESTAMP come back as the text MariaDB stores, as in PHP.
    dateStrings: true,
    // PHP's mysqli reports changed rows, not matched rows, for UPDATE.
    flags: ['-FOUND_ROWS'],
    connectionLimit: 8,
  });
  pool.on('connection', (connection) => {
    connection.query("SET SESSION sql_mode=''");
  });
  const db = new Kysely<VicidialDatabase>({ dialect: new MysqlDialect({ pool }) });
  return { db, dialect: 'mysql', close: () => db.destroy() };
}

function openSqlite(target: string): VicidialDb {
  const database = new Database(target);
  // Another process (the conformance harness, the dashboard's read adapter) may read the file too.
  database.pragma('busy_timeout = 5000');
  if (target !== ':memory:') database.pragma('journal_mode = WAL');
  const db = new Kysely<VicidialDatabase>({ dialect: new SqliteDialect({ database }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/** Opens the embedded VICIdial's database: a SQLite file, ':memory:', or `mysql://user:pass@host:port/db`. */
export async function openVicidialDb(target: string): Promise<VicidialDb> {
  return isMysqlUrl(target) ? openMysql(target) : openSqlite(target);
}

/**
 * For a mysql:// target whose database does not exist yet: creates it with VICIdial's character set.
 * A SQLite file is created on open anyway.
 */
export async function createDatabaseIfMissing(target: string): Promise<void> {
  if (!isMysqlUrl(target)) return;
  const url = new URL(target.replace(/^mariadb:/i, 'mysql:'));
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
