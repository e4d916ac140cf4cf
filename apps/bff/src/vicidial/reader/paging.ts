import { type Expression, type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { VicidialReadModel } from '../tables.js';
import { dialectOf } from './dialect.js';
import type { CountRows } from './totals.js';

/** A list query's sort direction and page, as the contracts' listQuery parses them. */
export interface Paging {
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export interface Page<Row> {
  rows: Row[];
  total: number;
  page: number;
  pageSize: number;
}

/** A column to sort by, and how its values compare. */
export interface SortColumn {
  name: string;
  /** 'enum': an ENUM, sorted by its text (MariaDB would sort it by declaration order, SQLite by text). */
  kind: 'text' | 'number' | 'enum';
}
export const text = (name: string): SortColumn => ({ name, kind: 'text' });
export const number = (name: string): SortColumn => ({ name, kind: 'number' });
export const enumText = (name: string): SortColumn => ({ name, kind: 'enum' });

/**
 * MariaDB reads a page sorted by an indexed column by walking that index and stopping once the page
 * is full: cheap while matching rows are dense, but each row is read at random, and with few
 * matches it reads the whole table that way (~95 ms for 50,000 DIDs, against ~23 ms for reading
 * them in order and sorting those that match). A random read costs about this many in order.
 */
const RANDOM_READ_COST = 4;

/**
 * The ORDER BY term of a column. `sortWhatIsRead`: an expression, so that MariaDB sorts the rows it
 * reads instead of walking the column's index (the same order: CONCAT keeps the collation).
 */
function orderTerm({ name, kind }: SortColumn, sortWhatIsRead: boolean): Expression<unknown> {
  const ref = sql.ref(name);
  if (kind === 'enum') return sql`CAST(${ref} AS CHAR)`;
  if (!sortWhatIsRead) return ref;
  return kind === 'number' ? sql`(${ref} + 0)` : sql`CONCAT(${ref})`;
}

export interface PageQuery<T extends keyof VicidialReadModel, O, Row> {
  table: T;
  /** The table with the list's filters applied. */
  filtered: SelectQueryBuilder<VicidialReadModel, T, object>;
  /** The columns a row needs (only those: VICIdial's rows are wide). */
  select: (filtered: SelectQueryBuilder<VicidialReadModel, T, object>) => SelectQueryBuilder<VicidialReadModel, T, O>;
  /** The sort; the last columns break ties, so that pages never overlap. */
  sort: readonly SortColumn[];
  toRow: (row: O) => Row;
}

/**
 * One page of a list with the number of rows matching in all. The total comes first (usually
 * remembered, see ListTotals): it tells how the page is best read.
 */
export async function pageOf<T extends keyof VicidialReadModel, O, Row>(
  db: Kysely<VicidialReadModel>,
  totals: CountRows,
  paging: Paging,
  { table, filtered, select, sort, toRow }: PageQuery<T, O, Row>,
): Promise<Page<Row>> {
  const total = await totals.count(db, table, filtered.select((eb) => eb.fn.countAll<number>().as('total')));
  const offset = (paging.page - 1) * paging.pageSize;
  const page = { total, page: paging.page, pageSize: paging.pageSize };
  if (offset >= total) return { rows: [], ...page };
  // Only the first column can be read from an index in order (the embedded SQLite holds demo-sized data).
  const sparse = dialectOf(db) === 'mysql' && total < RANDOM_READ_COST * (offset + paging.pageSize);
  const terms = sort.map((by, i) => orderTerm(by, sparse && i === 0));
  const sorted = terms.reduce<SelectQueryBuilder<VicidialReadModel, T, O>>((query, term) => query.orderBy(term, paging.order), select(filtered));
  const rows = await sorted.limit(paging.pageSize).offset(offset).execute();
  return { rows: rows.map(toRow), ...page };
}
