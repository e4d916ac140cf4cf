import { type Compilable, type Kysely, sql } from 'kysely';
import type { VicidialReadModel } from '../tables.js';
import { dialectOf } from './dialect.js';

/** A query answering one row with the number of matching rows as `total`. */
export interface CountQuery extends Compilable {
  executeTakeFirstOrThrow(): Promise<{ total: number | string | bigint }>;
}

/** How a list's total is counted. */
export interface CountRows {
  count(db: Kysely<VicidialReadModel>, table: keyof VicidialReadModel, query: CountQuery): Promise<number>;
}

const run = async (query: CountQuery) => Number((await query.executeTakeFirstOrThrow()).total);

/** Runs the count at every call. */
export const countEveryTime: CountRows = { count: (_db, _table, query) => run(query) };

/** Entries kept at most (the most recently used stay). */
const MAX_ENTRIES = 500;
/** A remembered total is counted again after this long whatever the table says (a safety net for servers whose change time lags). */
const MAX_AGE_MS = 60_000;

interface Entry {
  token: string;
  at: number;
  total: Promise<number>;
}

/**
 * The totals of filtered lists, remembered until the table changes. VICIdial's tables have no index
 * on the columns lists filter by (route, active, recording, protocol), so counting the rows that
 * match reads the whole table (~15 ms for 50,000 DIDs), while asking whether the table changed
 * costs ~0.1 ms. The page itself is always read fresh.
 *
 * Whether a table changed: on MariaDB, the table's UPDATE_TIME (the data file's modification time
 * for VICIdial's MyISAM tables), trusted only once its second has passed (it has one-second
 * resolution); on SQLite, PRAGMA data_version (changes whenever another connection, the embedded
 * VICIdial, commits). When neither can be known, the total is counted every time.
 */
export class ListTotals implements CountRows {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  async count(db: Kysely<VicidialReadModel>, table: keyof VicidialReadModel, query: CountQuery): Promise<number> {
    const token = await this.changeToken(db, table);
    if (token === undefined) return run(query);
    const { sql: text, parameters } = query.compile();
    const key = JSON.stringify([text, parameters]);
    const entry = this.entries.get(key);
    this.entries.delete(key);
    if (entry && entry.token === token && this.now() - entry.at < MAX_AGE_MS) {
      this.entries.set(key, entry);
      return entry.total;
    }
    // Kept as a promise: concurrent requests for the same list share one count.
    const fresh: Entry = { token, at: this.now(), total: run(query) };
    this.entries.set(key, fresh);
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    fresh.total.catch(() => {
      if (this.entries.get(key) === fresh) this.entries.delete(key);
    });
    return fresh.total;
  }

  /** A value that changes whenever the table changes, or undefined when that cannot be told now. */
  private async changeToken(db: Kysely<VicidialReadModel>, table: keyof VicidialReadModel): Promise<string | undefined> {
    if (dialectOf(db) === 'sqlite') {
      const { rows } = await sql<{ data_version: number }>`PRAGMA data_version`.execute(db);
      return rows[0] === undefined ? undefined : `v${rows[0].data_version}`;
    }
    const { rows } = await sql<{ changed: string | null; now: string }>`
      SELECT UPDATE_TIME AS changed, NOW() AS now FROM information_schema.TABLES
      WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ${table}`.execute(db);
    const changed = rows[0]?.changed == null ? undefined : String(rows[0].changed);
    // A change later in the same second would leave UPDATE_TIME as it is.
    return changed !== undefined && changed < String(rows[0]?.now) ? changed : undefined;
  }
}
