// Test support for the seeds: a fresh database of either kind holding one seed, and a digest of
// every table's rows to compare two seeded databases.
import { createHash } from 'node:crypto';
import { createTestDatabase } from '@vicidash/testkit';
import type { Kysely } from 'kysely';
import { createSchema, openVicidialDb } from '../db/connect.js';
import type { VicidialDatabase } from '../db/schema.js';
import { tables } from '../db/tables.js';

export type DatabaseKind = 'sqlite' | 'mariadb';

export interface SeededDb {
  db: Kysely<VicidialDatabase>;
  /** How long the seed itself took. */
  seedMs: number;
  close(): Promise<void>;
}

/** Creates VICIdial's schema in a new database (SQLite in memory, or a throw-away MariaDB one) and seeds it. */
export async function openSeeded(kind: DatabaseKind, seed: (db: Kysely<VicidialDatabase>) => Promise<void>): Promise<SeededDb> {
  const mariadb = kind === 'mariadb' ? await createTestDatabase('seed') : undefined;
  const conn = await openVicidialDb(mariadb?.url ?? ':memory:');
  const close = async () => {
    await conn.close();
    await mariadb?.drop();
  };
  try {
    await createSchema(conn.db, conn.dialect);
    const started = performance.now();
    await seed(conn.db);
    return { db: conn.db, seedMs: performance.now() - started, close };
  } catch (error) {
    await close();
    throw error;
  }
}

type TableName = keyof typeof tables;

/**
 * A digest of each table's rows in a stable order; modify_stamp is left out (it is the clock).
 * `only` limits it to some tables and columns: reading every column of 70,000 rows takes seconds.
 */
export async function tableDigests(
  db: Kysely<VicidialDatabase>,
  only?: Partial<Record<TableName, readonly string[]>>,
): Promise<Record<string, string>> {
  const digests: Record<string, string> = {};
  for (const table of Object.keys(only ?? tables) as TableName[]) {
    const columns = only?.[table];
    const query = db.selectFrom(table);
    const rows: Record<string, unknown>[] = await (columns ? query.select(columns as never) : query.selectAll()).execute();
    const lines = rows.map((row) => {
      // Overwritten rather than removed: the row keeps its shape, which keeps this fast at scale.
      if ('modify_stamp' in row) row.modify_stamp = '';
      return JSON.stringify(row);
    });
    digests[table] = createHash('sha256').update(lines.sort().join('\n')).digest('hex');
  }
  return digests;
}
