import { type Kysely, sql } from 'kysely';
import type { VicidialReadModel } from '../tables.js';
import { dialectOf } from './dialect.js';

/**
 * What a table looked like when observed, in one cheap query (~0.3 ms): two equal marks mean the
 * table did not change in between, provided the first was `settled`.
 *
 * On MariaDB the mark is the table's UPDATE_TIME (the data file's modification time for VICIdial's
 * MyISAM tables). It has one-second resolution: a change later in the same second leaves it as it
 * is, so a mark taken within the second of the last change is not settled. On SQLite it is PRAGMA
 * data_version, which changes whenever another connection (the embedded VICIdial) commits anything.
 */
export interface ChangeMark {
  token: string;
  settled: boolean;
}

/** The table's mark now; undefined when the database cannot tell (then assume it changed). */
export async function changeMark(db: Kysely<VicidialReadModel>, table: keyof VicidialReadModel): Promise<ChangeMark | undefined> {
  if (dialectOf(db) === 'sqlite') {
    const { rows } = await sql<{ data_version: number }>`PRAGMA data_version`.execute(db);
    return rows[0] === undefined ? undefined : { token: `v${rows[0].data_version}`, settled: true };
  }
  const { rows } = await sql<{ changed: string | null; now: string }>`
    SELECT UPDATE_TIME AS changed, NOW() AS now FROM information_schema.TABLES
    WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ${table}`.execute(db);
  const [row] = rows;
  if (row?.changed == null) return undefined;
  const token = String(row.changed);
  return { token, settled: token < String(row.now) };
}

/** True when nothing changed between the two marks. */
export const unchangedSince = (before: ChangeMark | undefined, after: ChangeMark | undefined): boolean =>
  before !== undefined && after !== undefined && before.settled && before.token === after.token;
