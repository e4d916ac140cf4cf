import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import type { VicidialReadModel } from '../tables.js';
import { type ChangeMark, changeMark, unchangedSince } from './changes.js';
import type { Page, Paging } from './paging.js';

type Db = Kysely<VicidialReadModel>;

/**
 * A table's freshness is checked (one cheap query, see changes.ts) at most this often, and before
 * the next read after the dashboard's own writes (invalidate): a change made elsewhere (VICIdial's
 * admin screen) shows in the lists within this bound.
 */
export const CHECK_EVERY_MS = 250;
/**
 * Changed rows are read by their change stamp only for so long after a full read: a full read
 * then also catches what stamps cannot tell (a stamp set back by hand, a clock set back).
 */
const FULL_RELOAD_AFTER_MS = 60_000;
/** Filtered lists remembered (the most recently used), and the row positions they may hold in all. */
const MAX_FILTERED = 200;
const MAX_FILTERED_POSITIONS = 1_000_000;
/** Pages remembered (the most recently used): the same page asked again is the same frozen object. */
const MAX_PAGES = 500;

/** One row of a list: what the answer shows, with what its filters and sorts compare precomputed. */
export interface Entry<Row> {
  row: Row;
}

/**
 * A value an entry is sorted by: a text key from the collation, or a number. Sorts share key
 * functions (the same function object), so that each key is computed once per row.
 */
export type SortKey<E> = (entry: E) => string | number;

/** Every test at once; undefined when there is none (the list keeps every row). */
export const allOf = <E>(tests: readonly ((entry: E) => boolean)[]): ((entry: E) => boolean) | undefined =>
  tests.length === 0 ? undefined : (entry) => tests.every((test) => test(entry));

export interface ListQuery extends Paging {
  sort: string;
}

/** What a list reads from its table and how it searches, filters and sorts it. */
export interface ListSource<E extends Entry<unknown>, Q extends ListQuery> {
  table: keyof VicidialReadModel;
  /** Every row, with the list columns only. */
  loadAll(db: Db): Promise<E[]>;
  /** Each sort's keys, compared in turn; the last ones are unique, so that pages never overlap. */
  sorts: Record<Q['sort'], readonly SortKey<E>[]>;
  /** The query's search and filters as one test; undefined when they keep every row. */
  filter(query: Q): ((entry: E) => boolean) | undefined;
  /** For a table whose rows carry a change stamp: only the changed rows are read again. */
  stamped?: StampedRows<E>;
}

export interface StampedRows<E> {
  id(entry: E): number;
  /** The row's change time, in seconds. */
  stamp(entry: E): number;
  /** The rows stamped at or after `stamp` (seconds). */
  since(db: Db, stamp: number): Promise<E[]>;
  count(db: Db): Promise<number>;
}

/** The same values, one level down (an entry's row is an object; a list in it counts as changed). */
const sameValues = (a: object, b: object): boolean =>
  Object.entries(a).every(([key, value]) => {
    const other = (b as Record<string, unknown>)[key];
    return value === other || (key === 'row' && sameValues(value as object, other as object));
  });

/** The rows as read at one time, their sort orders and the filtered lists asked of them. */
class Snapshot<E extends Entry<unknown>, Q extends ListQuery> {
  /** Each sort key's values by entry position, computed when a sort first needs them. */
  private readonly keys = new Map<SortKey<E>, (string | number)[]>();
  private readonly orderings = new Map<Q['sort'], number[]>();
  /** Filtered lists by query, least recently used first: positions of entries in sort order. */
  private readonly filtered = new Map<string, number[]>();
  private filteredPositions = 0;
  /**
   * Pages by query, least recently used first. A page is frozen and handed out again as long as the
   * rows do not change, so the answer it becomes is built once (http/answer.ts).
   */
  private readonly pages = new Map<string, Page<E['row']>>();
  /** Where each entry is, by id (stamped tables). */
  private readonly positions = new Map<number, number>();
  /** The latest change stamp read (stamped tables). */
  stamp = 0;

  constructor(
    private readonly source: ListSource<E, Q>,
    private readonly entries: E[],
    public mark: ChangeMark | undefined,
    readonly loadedAt: number,
  ) {
    const { stamped } = source;
    if (!stamped) return;
    entries.forEach((entry, at) => {
      this.positions.set(stamped.id(entry), at);
      this.stamp = Math.max(this.stamp, stamped.stamp(entry));
    });
  }

  get size(): number {
    return this.entries.length;
  }

  /** How many of `changed` are rows not held yet. */
  countNew(changed: readonly E[], stamped: StampedRows<E>): number {
    return changed.filter((entry) => !this.positions.has(stamped.id(entry))).length;
  }

  /**
   * Takes in changed and new rows, in one go (no read sees half of it). Rows read again but
   * unchanged (the latest stamp is read again every time) leave the sorts and filtered lists as
   * they are.
   */
  apply(changed: readonly E[], stamped: StampedRows<E>): void {
    const added: number[] = [];
    let changes = 0;
    for (const entry of changed) {
      const id = stamped.id(entry);
      let at = this.positions.get(id);
      this.stamp = Math.max(this.stamp, stamped.stamp(entry));
      if (at !== undefined && sameValues(this.entries[at] as E, entry)) continue;
      changes += 1;
      if (at === undefined) {
        at = this.entries.length;
        this.positions.set(id, at);
        added.push(at);
      }
      this.entries[at] = entry;
      for (const [key, values] of this.keys) values[at] = key(entry);
    }
    if (changes === 0) return;
    // Still nearly in order: sorting it again (TimSort) mostly confirms the order it is given.
    for (const [sort, ordering] of this.orderings) {
      for (const at of added) ordering.push(at);
      ordering.sort(this.compare(sort));
    }
    this.filtered.clear();
    this.filteredPositions = 0;
    this.pages.clear();
  }

  page(query: Q): Page<E['row']> {
    const key = JSON.stringify(query);
    const remembered = this.pages.get(key);
    this.pages.delete(key);
    const page = remembered ?? this.readPage(query);
    this.pages.set(key, page);
    if (this.pages.size > MAX_PAGES) this.pages.delete(this.pages.keys().next().value as string);
    return page;
  }

  private readPage(query: Q): Page<E['row']> {
    const matches = this.matches(query);
    const total = matches.length;
    const offset = (query.page - 1) * query.pageSize;
    const end = Math.min(total, offset + query.pageSize);
    const rows: E['row'][] = [];
    for (let i = offset; i < end; i++) {
      rows.push((this.entries[matches[query.order === 'asc' ? i : total - 1 - i] as number] as E).row);
    }
    return Object.freeze({ rows: Object.freeze(rows) as E['row'][], total, page: query.page, pageSize: query.pageSize });
  }

  private compare(sort: Q['sort']): (a: number, b: number) => number {
    const columns = this.source.sorts[sort].map((key) => {
      let values = this.keys.get(key);
      if (!values) {
        values = this.entries.map(key);
        this.keys.set(key, values);
      }
      return values;
    });
    return (a, b) => {
      for (const values of columns) {
        const x = values[a] as string | number;
        const y = values[b] as string | number;
        if (x !== y) return x < y ? -1 : 1;
      }
      return 0;
    };
  }

  /** Every entry in the sort's ascending order (descending pages read it backwards). */
  private ordering(sort: Q['sort']): number[] {
    let ordering = this.orderings.get(sort);
    if (!ordering) {
      ordering = Array.from(this.entries, (_entry, at) => at).sort(this.compare(sort));
      this.orderings.set(sort, ordering);
    }
    return ordering;
  }

  /** The entries the query keeps, in its sort's ascending order. */
  private matches(query: Q): number[] {
    const ordering = this.ordering(query.sort);
    const filter = this.source.filter(query);
    if (!filter) return ordering;
    const { sort, order: _order, page: _page, pageSize: _pageSize, ...filters } = query;
    const key = JSON.stringify([sort, filters]);
    const remembered = this.filtered.get(key);
    this.filtered.delete(key);
    const matches = remembered ?? ordering.filter((at) => filter(this.entries[at] as E));
    this.filtered.set(key, matches);
    if (remembered) return matches;
    this.filteredPositions += matches.length;
    for (const [oldest, positions] of this.filtered) {
      if (this.filtered.size <= MAX_FILTERED && this.filteredPositions <= MAX_FILTERED_POSITIONS) break;
      this.filtered.delete(oldest);
      this.filteredPositions -= positions.length;
    }
    return matches;
  }
}

/**
 * A list answered from memory: the list columns of a whole table, read once, then searched,
 * filtered, sorted and paged here (a page costs microseconds instead of a query reading the
 * table). The table is checked for changes at most every CHECK_EVERY_MS and right after the
 * dashboard's own writes; a changed table is read again, all of it or, when its rows carry a change
 * stamp, only the changed rows. Concurrent requests share one check and one read.
 */
export class ListModel<E extends Entry<unknown>, Q extends ListQuery> {
  private snapshot: Snapshot<E, Q> | undefined;
  /** Bumped by invalidate(): a check must have started after it. */
  private generation = 0;
  private checked = { at: Number.NEGATIVE_INFINITY, generation: -1 };
  private pending: { generation: number; done: Promise<void> } | undefined;

  constructor(
    private readonly db: Db,
    private readonly source: ListSource<E, Q>,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** One page of the list, with the number of rows matching in all. */
  async page(query: Q): Promise<Page<E['row']>> {
    return (await this.fresh()).page(query);
  }

  /** Reads the table now, if it is not in memory yet (a start does, so the first person does not wait). */
  async warm(): Promise<void> {
    await this.fresh();
  }

  /** The table was just changed through the dashboard: the next read checks it first. */
  invalidate(): void {
    this.generation += 1;
  }

  /** The rows, checked against the table no longer than CHECK_EVERY_MS before this request. */
  private async fresh(): Promise<Snapshot<E, Q>> {
    const asked = this.now();
    const generation = this.generation;
    for (;;) {
      const { snapshot, checked, pending } = this;
      if (snapshot && checked.generation >= generation && checked.at > asked - CHECK_EVERY_MS) return snapshot;
      if (pending && pending.generation < generation) {
        // That check may have looked before the write being waited for: look again after it.
        await pending.done.catch(() => undefined);
        continue;
      }
      await (pending ?? this.check()).done;
    }
  }

  private check(): { generation: number; done: Promise<void> } {
    const generation = this.generation;
    const at = this.now();
    const done = (async () => {
      try {
        await this.refresh();
        this.checked = { at, generation };
      } finally {
        this.pending = undefined;
      }
    })();
    this.pending = { generation, done };
    return this.pending;
  }

  private async refresh(): Promise<void> {
    const mark = await changeMark(this.db, this.source.table);
    const current = this.snapshot;
    if (current && unchangedSince(current.mark, mark)) return;
    if (current && (await this.readChanges(current))) {
      current.mark = mark;
      return;
    }
    const loadedAt = this.now();
    this.snapshot = new Snapshot(this.source, await this.source.loadAll(this.db), mark, loadedAt);
  }

  /** Reads only the changed rows; false when that cannot be trusted (rows deleted, or time for a full read). */
  private async readChanges(current: Snapshot<E, Q>): Promise<boolean> {
    const { stamped } = this.source;
    if (!stamped || this.now() - current.loadedAt >= FULL_RELOAD_AFTER_MS) return false;
    const [changed, count] = await Promise.all([stamped.since(this.db, current.stamp), stamped.count(this.db)]);
    // Deleted rows carry no stamp: a count that does not add up means some went.
    if (current.size + current.countNew(changed, stamped) !== count) return false;
    current.apply(changed, stamped);
    return true;
  }
}
