import { crc32 } from 'node:zlib';
import SQLite from 'better-sqlite3';
import { Kysely, MysqlDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import { createPool, type PoolOptions } from 'mysql2';

export type Dialect = 'sqlite' | 'mysql';

export interface Database<DB> {
  db: Kysely<DB>;
  dialect: Dialect;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Open a SQLite file read-only (a MySQL URL's user decides that on the server). */
  readOnly?: boolean;
  /** Switch a writable SQLite file to WAL (default true); false leaves another program's file as it is. */
  wal?: boolean;
  /**
   * How long a SQLite query waits for another connection's lock (default 5000 ms). better-sqlite3
   * waits synchronously, holding up the whole process: a reader that must stay responsive sets 0.
   */
  busyTimeoutMs?: number;
  /** MySQL pool size (default 10). */
  connectionLimit?: number;
  /** SQL run on every new MySQL connection, e.g. VICIdial's `SET SESSION sql_mode=''`. */
  mysqlSessionSql?: string[];
  /** Further mysql2 pool options (charset, flags) for a database with its own expectations. */
  mysqlPool?: Partial<PoolOptions>;
}

const MYSQL_URL = /^(mysql|mariadb):\/\//i;
export const dialectOf = (target: string): Dialect => (MYSQL_URL.test(target) ? 'mysql' : 'sqlite');
/** mysql2 knows only the mysql:// scheme; mariadb:// means the same here. */
export const mysqlUrl = (target: string): string => target.replace(/^mariadb:/i, 'mysql:');

/**
 * Opens `target` — a SQLite file path (or ':memory:') or a `mysql://` (or `mariadb://`) URL — as
 * Kysely. Dates come back as strings on both dialects so rows compare equal across them.
 */
export function openDatabase<DB>(target: string, options: OpenOptions = {}): Database<DB> {
  if (dialectOf(target) === 'mysql') {
    const pool = createPool({
      uri: mysqlUrl(target),
      connectionLimit: options.connectionLimit ?? 10,
      dateStrings: true,
      supportBigNumbers: true,
      charset: 'utf8mb4',
      ...options.mysqlPool,
    } satisfies PoolOptions);
    const session = options.mysqlSessionSql ?? [];
    if (session.length > 0) {
      pool.on('connection', (connection) => {
        for (const statement of session) connection.query(statement);
      });
    }
    const db = new Kysely<DB>({ dialect: new MysqlDialect({ pool }) });
    return { db, dialect: 'mysql', close: () => db.destroy() };
  }
  const sqlite = new SQLite(target, { readonly: options.readOnly ?? false, fileMustExist: options.readOnly ?? false });
  if (!options.readOnly && options.wal !== false && target !== ':memory:') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  // MariaDB's CRC32 (of a text's UTF-8 bytes), so that one checksum query runs on both.
  sqlite.function('crc32', { deterministic: true }, (value: unknown) => (value === null ? null : crc32(String(value))));
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: reusingStatements(sqlite) }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/** Distinct SQL texts whose compiled statements are kept (queries differ in their text only by shape, not values). */
const STATEMENTS_KEPT = 200;

/**
 * Kysely prepares every query anew, and better-sqlite3 compiles SQL on every prepare: a query run
 * again (a session lookup, an audit insert) reuses its compiled statement instead. Least recently
 * used statements go first. (A cached statement cannot run twice at once, which only streaming
 * queries would do; none are used.)
 */
function reusingStatements(sqlite: SQLite.Database): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      let statement = statements.get(sql);
      if (statement) statements.delete(sql);
      else statement = sqlite.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > STATEMENTS_KEPT) statements.delete(statements.keys().next().value as string);
      return statement;
    },
  };
}
