import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { VicidialReadModel } from '../tables.js';

type Db = Kysely<VicidialReadModel>;

/** A keyed table is checked in ranges of this many key values (~200 ranges for 50,000 DIDs). */
export const RANGE = 256;

/** Between a row's values; and what stands for NULL (neither occurs in VICIdial's values). */
const SEPARATOR = '\x1f';
const NULL_MARK = '\x1e';

/** What the list columns of a table hold, by range of its key (a table without a key is one range, 0). */
export type Checksums = ReadonlyMap<number, string>;

/**
 * The list columns of every row, hashed and summed by the database (one query: it reads the table,
 * the BFF gets a few hundred numbers). Any change to a list column of any row (a script, a restore,
 * a stamp set back, a deleted and re-inserted row) changes its range's sum or count. CRC32 is
 * MariaDB's own; the embedded VICIdial's SQLite has the same one (@vicidash/database).
 */
export async function checksums(db: Db, table: keyof VicidialReadModel, columns: readonly string[], key?: string): Promise<Checksums> {
  const values = sql.join(
    columns.map((column) => sql`COALESCE(${sql.ref(column)}, ${NULL_MARK})`),
    sql`, `,
  );
  const range = key ? sql`${sql.ref(key)} - ${sql.ref(key)} % ${sql.lit(RANGE)}` : sql`0`;
  const { rows } = await sql<{ part: number | string; n: number | string; crc: number | string | null }>`
    SELECT ${range} AS part, COUNT(*) AS n, SUM(CRC32(CONCAT_WS(${SEPARATOR}, ${values}))) AS crc
    FROM ${sql.table(table)} GROUP BY part`.execute(db);
  return new Map(rows.map((row) => [Number(row.part), `${row.n}:${row.crc}`]));
}

/** The ranges whose sums differ (a range gone or new included). */
export function changedRanges(before: Checksums, after: Checksums): number[] {
  const ranges = new Set([...before.keys(), ...after.keys()]);
  return [...ranges].filter((range) => before.get(range) !== after.get(range));
}

/** The rows whose `key` falls in one of `ranges` (read through the key's index). */
export const inRanges =
  <T extends keyof VicidialReadModel>(key: string, ranges: readonly number[]) =>
  (eb: ExpressionBuilder<VicidialReadModel, T>) =>
    eb.or(ranges.map((start) => eb.between(sql.ref(key), start, start + RANGE - 1)));

/** The range a key value falls in. */
export const rangeOf = (id: number): number => id - (id % RANGE);
