import type { Insertable, Kysely } from 'kysely';
import { fitRow } from '../db/fit.js';
import type { VicidialDatabase } from '../db/schema.js';
import { tables } from '../db/tables.js';

type TableName = keyof VicidialDatabase;

/** Placeholders per statement: under SQLite's limit (32,766) and MariaDB's (65,535). */
const MAX_PARAMETERS = 30_000;

/**
 * Inserts rows with multi-row INSERTs. Seed data must already fit VICIdial's columns: a value that
 * MariaDB would cut or blank is a bug in the seed (it could silently make two logins equal), so it
 * throws instead of being stored differently.
 *
 * Rows of one statement must name the same columns: for a column missing from some rows Kysely
 * writes DEFAULT on MariaDB but NULL on SQLite, so the two databases would differ.
 */
export async function insertRows<T extends TableName>(
  db: Kysely<VicidialDatabase>,
  table: T,
  rows: readonly Insertable<VicidialDatabase[T]>[],
): Promise<void> {
  const spec = tables[table];
  let start = 0;
  while (start < rows.length) {
    const columns = columnsOf(rows[start]);
    const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.split(',').length));
    let end = start + 1;
    while (end < rows.length && end - start < perStatement && columnsOf(rows[end]) === columns) end++;
    const batch = rows.slice(start, end).map((row) => checkFits(table, spec, row));
    // The generic table name defeats Kysely's per-table typing; rows were typed by the caller.
    await db.insertInto(table).values(batch as never).execute();
    start = end;
  }
}

const columnsOf = (row: object | undefined): string => Object.keys(row ?? {}).sort().join(',');

function checkFits(table: string, spec: Parameters<typeof fitRow>[0], row: object): object {
  const fitted = fitRow(spec, row as Record<string, string | number | null>);
  for (const [column, value] of Object.entries(fitted)) {
    const given = (row as Record<string, unknown>)[column];
    if (given !== value) throw new Error(`seed value does not fit ${table}.${column}: ${JSON.stringify(given)}`);
  }
  return row;
}
