import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import type { VicidialReadModel } from '../tables.js';
import { type ChangeMark, changeMark, unchangedSince } from './changes.js';
import { type Checksums, changedRanges, checksums, rangeOf } from './checksum.js';
import type { Page, Paging } from './paging.js';

type Db = Kysely<VicidialReadModel>;

/**
 * A table's freshness is checked (one cheap query, see changes.ts) at most this often, and before
 * the next read after the dashboard's own writes (invalidate): a change made elsewhere (VICIdial's
 * admin screen, a script, a restore) shows in the lists within this bound, plus the time to read it.
 */
export const CHECK_EVERY_MS = 250;
/**
 * The bound stated in docs/decisions/0010: a change made outside the dashboard, whatever it
 * touched, shows in every worker's lists within this (the check interval, then the checksums and
 * the read of what changed; 0.2-0.6 s at the scale seed on a busy two-core machine).
 */
export const FRESH_WITHIN_MS = 1_000;
/** More changed ranges than this (a bulk change; 50 ranges are a quarter of 50,000 DIDs): the table is read whole. */
const MAX_RANGES_READ = 50;
/** Filtered lists remembered (the most recently used), and the row positions they may hold in all. */
const MAX_FILTERED = 200;
const MAX_FILTERED_POSITIONS = 1_000_000;
/** Pages remembered (the most recently used): the same page asked again is the same frozen object. */
const MAX_PAGES = 500;
/** The length of the pieces of text the substring index keeps (trigrams). */
const GRAM = 3;
/**
 * A search the index answers from at most this many candidates is not remembered (its filtered list
 * nor its pages): it is found again in tens of microseconds, while keeping thousands of one-off
 * searches costs more (the garbage collector copies what is kept, then sweeps it).
 */
const NOT_KEPT_BELOW = 2_000;

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
  /** The columns loadAll reads: the database sums their hashes to tell what changed (checksum.ts). */
  columns: readonly string[];
  /** For a table with a whole-number key: only the ranges of it that changed are read again. */
  keyed?: KeyedRows<E>;
  /** A text searched anywhere in it (a DID's number by its last four digits): indexed, so a new search reads only the entries that may match. */
  substring?: SubstringIndex<E, Q>;
}

export interface SubstringIndex<E, Q> {
  /** The indexed text of an entry, as the search compares it. */
  text(entry: E): string;
  /** A text every entry the query keeps holds in its indexed text (undefined: none, every entry is tested). */
  sought(query: Q): string | undefined;
}

/** The distinct pieces of GRAM characters of a text. */
const gramsOf = (text: string): Set<string> => {
  const grams = new Set<string>();
  for (let at = 0; at + GRAM <= text.length; at++) grams.add(text.slice(at, at + GRAM));
  return grams;
};

/** Where `value` is in the ascending `list`, or where it would go. */
const placeOf = (list: readonly number[], value: number): number => {
  let [low, high] = [0, list.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((list[middle] as number) < value) low = middle + 1;
    else high = middle;
  }
  return low;
};

/** The values both ascending lists hold, ascending. */
const common = (a: readonly number[], b: readonly number[]): number[] => {
  const both: number[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const [x, y] = [a[i] as number, b[j] as number];
    if (x === y) both.push(x);
    if (x <= y) i++;
    if (y <= x) j++;
  }
  return both;
};

export interface KeyedRows<E> {
  /** The key column. */
  key: string;
  id(entry: E): number;
  /** The rows whose key falls in one of the ranges (checksum.ts inRanges). */
  inRanges(db: Db, ranges: readonly number[]): Promise<E[]>;
}

/** The same values, one level down (an entry's row is an object; a list in it counts as changed). */
const sameValues = (a: object, b: object): boolean =>
  Object.entries(a).every(([key, value]) => {
    const other = (b as Record<string, unknown>)[key];
    return value === other || (key === 'row' && sameValues(value as object, other as object));
  });

/** The positions of the entries a query keeps, in sort order, and whether they are worth remembering. */
interface Selected {
  positions: number[];
  keep: boolean;
}

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
  /** Where each entry is, by id (keyed tables). */
  private readonly positions = new Map<number, number>();
  /** Each entry's place in each sort order (the inverse of the ordering), computed when first needed. */
  private readonly ranks = new Map<Q['sort'], Int32Array>();
  /** The substring index: each piece of GRAM characters → the positions of the entries whose text holds it, ascending; built when a search first needs it. */
  private grams: Map<string, number[]> | undefined;
  /** The text each entry was indexed with (to take it out when the entry changes). */
  private readonly indexedTexts: string[] = [];

  /**
   * @param sums what the table held, taken before its rows were read: a change made while they were
   * read shows as a difference at the next check, which reads those rows again.
   */
  constructor(
    private readonly source: ListSource<E, Q>,
    private readonly entries: E[],
    public mark: ChangeMark | undefined,
    public sums: Checksums,
  ) {
    const { keyed } = source;
    if (keyed) entries.forEach((entry, at) => this.positions.set(keyed.id(entry), at));
  }

  /** True when a row held in one of `ranges` is not among `rows` (deleted). */
  lostAny(ranges: readonly number[], rows: readonly E[], keyed: KeyedRows<E>): boolean {
    const read = new Set(rows.map((entry) => keyed.id(entry)));
    const looked = new Set(ranges);
    for (const id of this.positions.keys()) if (looked.has(rangeOf(id)) && !read.has(id)) return true;
    return false;
  }

  /**
   * Takes in changed and new rows, in one go (no read sees half of it). Rows read again but
   * unchanged (the rest of a changed range) leave the sorts and filtered lists as they are.
   */
  apply(changed: readonly E[], keyed: KeyedRows<E>): void {
    const added: number[] = [];
    let changes = 0;
    for (const entry of changed) {
      const id = keyed.id(entry);
      let at = this.positions.get(id);
      if (at !== undefined && sameValues(this.entries[at] as E, entry)) continue;
      changes += 1;
      if (at === undefined) {
        at = this.entries.length;
        this.positions.set(id, at);
        added.push(at);
      }
      this.entries[at] = entry;
      for (const [key, values] of this.keys) values[at] = key(entry);
      if (this.grams) this.indexText(at, entry);
    }
    if (changes === 0) return;
    this.ranks.clear();
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
    if (remembered) {
      this.pages.delete(key);
      this.pages.set(key, remembered);
      return remembered;
    }
    const { positions, keep } = this.matches(query);
    const page = this.readPage(query, positions);
    if (keep) this.pages.set(key, page);
    if (this.pages.size > MAX_PAGES) this.pages.delete(this.pages.keys().next().value as string);
    return page;
  }

  /** Every matching entry in the query's sort and order (an export): the entries themselves, not copies. */
  allEntries(query: Q): E[] {
    const entries = this.matches(query).positions.map((at) => this.entries[at] as E);
    return query.order === 'asc' ? entries : entries.reverse();
  }

  private readPage(query: Q, matches: readonly number[]): Page<E['row']> {
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

  /**
   * The entries `filter` keeps, in the sort's order. With a sought text of GRAM characters or more,
   * only the entries holding every piece of it are tested (a few dozen of 50,000 DIDs for four
   * digits: the pieces' lists, a few hundred positions each, are intersected without touching an
   * entry), then put in order by their ranks; otherwise every entry is. `keep`: whether it is
   * worth remembering (not when the index answered it from a few candidates).
   */
  private select(query: Q, filter: (entry: E) => boolean): Selected {
    const { substring } = this.source;
    const sought = substring?.sought(query);
    if (!substring || sought === undefined || sought.length < GRAM) {
      return { positions: this.ordering(query.sort).filter((at) => filter(this.entries[at] as E)), keep: true };
    }
    const index = this.gramIndex();
    const [rarest, ...others] = [...gramsOf(sought)].map((gram) => index.get(gram) ?? []).sort((a, b) => a.length - b.length);
    const candidates = others.reduce(common, rarest as number[]);
    const rank = this.rank(query.sort);
    const positions = candidates.filter((at) => filter(this.entries[at] as E)).sort((a, b) => (rank[a] as number) - (rank[b] as number));
    return { positions, keep: candidates.length >= NOT_KEPT_BELOW };
  }

  private gramIndex(): Map<string, number[]> {
    if (!this.grams) {
      this.grams = new Map();
      this.entries.forEach((entry, at) => this.indexText(at, entry));
    }
    return this.grams;
  }

  /** Puts the entry at `at` in the substring index under its current text (taking out the one it had). */
  private indexText(at: number, entry: E): void {
    const grams = this.grams as Map<string, number[]>;
    const text = (this.source.substring as SubstringIndex<E, Q>).text(entry);
    const before = this.indexedTexts[at];
    if (before === text) return;
    if (before !== undefined) {
      for (const gram of gramsOf(before)) {
        const holding = grams.get(gram) as number[];
        holding.splice(placeOf(holding, at), 1);
      }
    }
    // Each piece's positions stay ascending (select intersects them).
    for (const gram of gramsOf(text)) {
      const holding = grams.get(gram);
      if (holding) holding.splice(placeOf(holding, at), 0, at);
      else grams.set(gram, [at]);
    }
    this.indexedTexts[at] = text;
  }

  /** Each entry's place in the sort's order. */
  private rank(sort: Q['sort']): Int32Array {
    let rank = this.ranks.get(sort);
    if (!rank) {
      rank = new Int32Array(this.entries.length);
      this.ordering(sort).forEach((at, place) => {
        (rank as Int32Array)[at] = place;
      });
      this.ranks.set(sort, rank);
    }
    return rank;
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
  private matches(query: Q): Selected {
    const ordering = this.ordering(query.sort);
    const filter = this.source.filter(query);
    if (!filter) return { positions: ordering, keep: true };
    const { sort, order: _order, page: _page, pageSize: _pageSize, ...filters } = query;
    const key = JSON.stringify([sort, filters]);
    const remembered = this.filtered.get(key);
    if (remembered) {
      this.filtered.delete(key);
      this.filtered.set(key, remembered);
      return { positions: remembered, keep: true };
    }
    const selected = this.select(query, filter);
    if (!selected.keep) return selected;
    const matches = selected.positions;
    this.filtered.set(key, matches);
    this.filteredPositions += matches.length;
    for (const [oldest, positions] of this.filtered) {
      if (this.filtered.size <= MAX_FILTERED && this.filteredPositions <= MAX_FILTERED_POSITIONS) break;
      this.filtered.delete(oldest);
      this.filteredPositions -= positions.length;
    }
    return selected;
  }
}

/**
 * A list answered from memory: the list columns of a whole table, read once, then searched,
 * filtered, sorted and paged here (a page costs microseconds instead of a query reading the
 * table). The table is checked for changes at most every CHECK_EVERY_MS and right after the
 * dashboard's own writes: when the database says it was written, the database's checksums of its
 * list columns tell whether and where; a changed table is read again, all of it or, when it has a
 * whole-number key, only the ranges of it that changed. Concurrent requests share one check and one read.
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

  /** Every entry matching the query's search and filters, in its sort and order (not one page). */
  async allEntries(query: Q): Promise<E[]> {
    return (await this.fresh()).allEntries(query);
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
    const { table, columns, keyed } = this.source;
    const mark = await changeMark(this.db, table);
    const current = this.snapshot;
    if (current && unchangedSince(current.mark, mark)) return;
    const sums = await checksums(this.db, table, columns, keyed?.key);
    if (current && (await this.readChanges(current, sums))) {
      current.mark = mark;
      current.sums = sums;
      return;
    }
    this.snapshot = new Snapshot(this.source, await this.source.loadAll(this.db), mark, sums);
  }

  /** Reads only the changed ranges (none: nothing listed changed); false when the table must be read whole. */
  private async readChanges(current: Snapshot<E, Q>, sums: Checksums): Promise<boolean> {
    const ranges = changedRanges(current.sums, sums);
    if (ranges.length === 0) return true;
    const { keyed } = this.source;
    if (!keyed || ranges.length > MAX_RANGES_READ) return false;
    const rows = await keyed.inRanges(this.db, ranges);
    // A snapshot takes in rows, it does not drop them: deleted rows mean a whole read.
    if (current.lostAny(ranges, rows, keyed)) return false;
    current.apply(rows, keyed);
    return true;
  }
}
