import { type ExpressionBuilder, type Kysely, type Selectable, sql } from 'kysely';
import { DID_ROUTES, type DidDetail, type DidListQuery, type DidRoute, type DidRow, didTarget, type UpdateDidRequest } from '@vicidash/contracts/did';
import type { VicidialReadModel } from '../tables.js';
import { rowVersion } from '../version.js';
import { inRanges } from './checksum.js';
import { type Collation, collationOf, flagOn } from './collation.js';
import { dialectOf } from './dialect.js';
import { allOf, type ListModel, type ListSource, type SortKey } from './list-model.js';
import { isYes } from './match.js';
import type { Page } from './paging.js';

type Dids = VicidialReadModel['vicidial_inbound_dids'];

/** The columns of a list row: the DID and its route's target. */
const ROW_COLUMNS = [
  'did_id',
  'did_pattern',
  'did_description',
  'did_active',
  'did_route',
  'record_call',
  'user_group',
  'extension',
  'exten_context',
  'voicemail_ext',
  'phone',
  'server_ip',
  'user',
  'group_id',
  'menu_id',
] as const satisfies readonly (keyof Dids)[];

const DETAIL_COLUMNS = [
  ...ROW_COLUMNS,
  'filter_clean_cid_number',
  'call_handle_method',
  'agent_search_method',
  'list_id',
  'entry_list_id',
  'campaign_id',
  'phone_code',
] as const satisfies readonly (keyof Dids)[];

/** The column holding each route's target (what didTarget shows, and what the target filter matches). */
const TARGET_COLUMN = {
  EXTEN: 'extension',
  VOICEMAIL: 'voicemail_ext',
  VMAIL_NO_INST: 'voicemail_ext',
  PHONE: 'phone',
  IN_GROUP: 'group_id',
  CALLMENU: 'menu_id',
  AGENT: 'user',
} as const satisfies Record<DidRoute, keyof Dids>;

type TargetColumns = Pick<Selectable<Dids>, (typeof ROW_COLUMNS)[number]>;

const routeFields = (row: TargetColumns) => ({
  route: row.did_route,
  extension: row.extension,
  context: row.exten_context,
  voicemailBox: row.voicemail_ext,
  phoneExtension: row.phone,
  serverIp: row.server_ip,
  agentUser: row.user,
  inGroup: row.group_id,
  menuId: row.menu_id,
});

const toRow = (row: TargetColumns): DidRow => ({
  didId: Number(row.did_id),
  pattern: row.did_pattern,
  description: row.did_description,
  active: isYes(row.did_active),
  route: row.did_route,
  target: didTarget(routeFields(row)),
  recordCall: row.record_call,
  userGroup: row.user_group,
});

/** MariaDB answers BIGINT as a number or, beyond 2^53, a string. */
const wholeNumber = (value: number | string | null): number | null => (value === null ? null : Number(value));

/**
 * A DID with its version: a hash of every field the dashboard shows. Not modify_stamp, which moves
 * only when a value does and only to the second (docs/decisions/0006-record-versions.md). Whether
 * the target exists is not the DID's own state, so not part of its version.
 */
const withVersion = (fields: Omit<DidDetail, 'version' | 'targetMissing'>, targetMissing: boolean): DidDetail => ({
  ...fields,
  targetMissing,
  version: rowVersion(fields),
});

type DidsEb = ExpressionBuilder<VicidialReadModel, 'vicidial_inbound_dids'>;

/**
 * True when the DID's route names a phone, in-group or call menu VICIdial does not have: one lookup
 * on each table's key, compared as the database compares them (as VICIdial's own checks do).
 */
const targetMissing = (eb: DidsEb) => {
  const found = sql.lit(1).as('found');
  return eb
    .or([
      eb.and([
        eb('did_route', '=', 'PHONE'),
        eb.not(
          eb.exists(
            eb
              .selectFrom('phones')
              .select(found)
              .whereRef('phones.extension', '=', 'vicidial_inbound_dids.phone')
              .whereRef('phones.server_ip', '=', 'vicidial_inbound_dids.server_ip'),
          ),
        ),
      ]),
      eb.and([
        eb('did_route', '=', 'IN_GROUP'),
        eb.not(eb.exists(eb.selectFrom('vicidial_inbound_groups').select(found).whereRef('vicidial_inbound_groups.group_id', '=', 'vicidial_inbound_dids.group_id'))),
      ]),
      eb.and([
        eb('did_route', '=', 'CALLMENU'),
        eb.not(eb.exists(eb.selectFrom('vicidial_call_menu').select(found).whereRef('vicidial_call_menu.menu_id', '=', 'vicidial_inbound_dids.menu_id'))),
      ]),
    ])
    .as('target_missing');
};

/** A DID's detail columns and whether its target is missing. */
const selectDetails = (db: Kysely<VicidialReadModel>) => db.selectFrom('vicidial_inbound_dids').select(DETAIL_COLUMNS).select(targetMissing);

type DetailColumns = Pick<Selectable<Dids>, (typeof DETAIL_COLUMNS)[number]> & { target_missing: unknown };

/** A DID's own fields, as the detail shows them (without its version and whether its target is missing). */
export type DidFields = Omit<DidDetail, 'version' | 'targetMissing'>;

type FieldColumns = Omit<DetailColumns, 'target_missing'>;

const fieldsOf = (row: FieldColumns): DidFields => ({
  didId: Number(row.did_id),
  pattern: row.did_pattern,
  description: row.did_description,
  active: isYes(row.did_active),
  recordCall: row.record_call,
  filterCleanCidNumber: row.filter_clean_cid_number,
  userGroup: row.user_group,
  ...routeFields(row),
  callHandleMethod: row.call_handle_method,
  agentSearchMethod: row.agent_search_method,
  listId: wholeNumber(row.list_id),
  entryListId: wholeNumber(row.entry_list_id),
  campaignId: row.campaign_id,
  phoneCode: row.phone_code,
});

// 0 or 1 from either database (NULL for a DID without a route).
const toDetail = (row: DetailColumns): DidDetail => withVersion(fieldsOf(row), Number(row.target_missing) === 1);

/** What an update (or one DID of a bulk update) changes: its fields and its routing block, whole. */
export type DidChangeFields = Pick<UpdateDidRequest, 'description' | 'active' | 'recordCall' | 'filterCleanCidNumber' | 'routing'>;

/**
 * The DID as VICIdial holds it once it has applied `change`, without reading it again: update_did
 * writes exactly the fields it is sent and nothing else (an AGENT route keeps its agent), and stores
 * every value the contracts accept unchanged (the validation-parity test, packages/contracts). A
 * test checks this against the database after every kind of change (dids-changes.test.ts).
 * A routing block is only ever sent once its target was found (requireRouteTarget).
 */
export function didAfterChange(before: DidDetail, { routing, ...fields }: DidChangeFields): DidDetail {
  const { version: _version, targetMissing: missingBefore, ...current } = before;
  const changed = Object.fromEntries(Object.entries({ ...fields, ...routing }).filter(([, value]) => value !== undefined));
  return withVersion({ ...current, ...changed }, routing ? false : missingBefore);
}

/** A search of digits, optionally after +: a phone number or part of one. */
const NUMBER = /^\+?[0-9*#]+$/;

/**
 * Searches this short are the end of a number (agents look a caller up by the last four digits),
 * never a number written with its country code.
 */
const TAIL_DIGITS = 4;

/**
 * What a number search finds in did_pattern: the digits anywhere in it (a `+` typed before them
 * changes nothing, a pattern holds + only at its start) and, for a longer search starting with 1
 * (the North American country code), the national number at the start of a pattern written without it.
 * `held`: what every pattern it finds holds (the list's substring index looks it up).
 */
function numberMatch(c: Collation, search: string): { held: string; matches: (pattern: string) => boolean } {
  const digits = c.like(search.replace(/^\+/, ''));
  if (digits.length <= TAIL_DIGITS || !digits.startsWith('1')) return { held: digits, matches: (pattern) => pattern.includes(digits) };
  const national = digits.slice(1);
  const plusNational = `+${national}`;
  return { held: national, matches: (pattern) => pattern.includes(digits) || pattern.startsWith(national) || pattern.startsWith(plusNational) };
}

/** A DID as the list holds it: its row, every field (an export or import reads them), and what the filters and sorts compare. */
interface DidEntry {
  row: DidRow;
  fields: DidFields;
  id: number;
  /** As LIKE sees them. */
  pattern: string;
  description: string | null;
  /** As = sees them. */
  route: string | null;
  active: boolean;
  recordCall: string | null;
  group: string | null;
  /** The route's target column, when the route is known. */
  target: string | null;
}

function entryOf(c: Collation, routes: ReadonlyMap<string | null, DidRoute>, row: FieldColumns): DidEntry {
  const route = c.equal(row.did_route);
  const known = routes.get(route);
  return {
    row: toRow(row),
    fields: fieldsOf(row),
    id: Number(row.did_id),
    pattern: c.like(row.did_pattern),
    description: c.like(row.did_description),
    route,
    active: flagOn(c, row.did_active),
    recordCall: c.equal(row.record_call),
    group: c.equal(row.group_id),
    target: known ? c.equal(row[TARGET_COLUMN[known]]) : null,
  };
}

function searchFilter(c: Collation, search: string): (d: DidEntry) => boolean {
  if (NUMBER.test(search)) {
    const { matches } = numberMatch(c, search);
    return (d) => matches(d.pattern);
  }
  const text = c.like(search);
  return (d) => d.pattern.startsWith(text) || (d.description?.includes(text) ?? false);
}

function filterOf(c: Collation, query: DidListQuery): ((d: DidEntry) => boolean) | undefined {
  const tests: ((d: DidEntry) => boolean)[] = [];
  if (query.search) tests.push(searchFilter(c, query.search));
  if (query.route) {
    const route = c.equal(query.route);
    tests.push((d) => d.route === route);
  }
  if (query.active !== undefined) tests.push((d) => d.active === query.active);
  if (query.recordCall) {
    const recordCall = c.equal(query.recordCall);
    tests.push((d) => d.recordCall === recordCall);
  }
  if (query.inGroup) {
    const inGroup = c.equal('IN_GROUP');
    const group = c.equal(query.inGroup);
    tests.push((d) => d.route === inGroup && d.group === group);
  }
  if (query.target) {
    const target = c.equal(query.target);
    tests.push((d) => d.target === target);
  }
  return allOf(tests);
}

// Every field, not only the list's: an export and an import read them from here, not from the table.
const listColumns = (db: Kysely<VicidialReadModel>) => db.selectFrom('vicidial_inbound_dids').select(DETAIL_COLUMNS);

/**
 * The DID list's rows, search, filters and sorts; only the ranges of did_id that changed are read
 * again (not by modify_stamp: a script or a restore may change a DID and leave its stamp as it was).
 */
export function didListSource(db: Kysely<VicidialReadModel>): ListSource<DidEntry, DidListQuery> {
  const c = collationOf(dialectOf(db));
  const routes = new Map(DID_ROUTES.map((route) => [c.equal(route), route]));
  const entries = (rows: FieldColumns[]) => rows.map((row) => entryOf(c, routes, row));
  const byPattern: SortKey<DidEntry> = (d) => c.order(d.row.pattern);
  const byId: SortKey<DidEntry> = (d) => d.id;
  return {
    table: 'vicidial_inbound_dids',
    loadAll: async (db) => entries(await listColumns(db).execute()),
    sorts: {
      pattern: [byPattern],
      description: [(d) => c.order(d.row.description), byId],
      route: [(d) => c.order(d.row.route), byPattern],
      didId: [byId],
    },
    filter: (query) => filterOf(c, query),
    // A number is found anywhere in the pattern: an index of the patterns' pieces keeps that fast at 50,000 DIDs.
    substring: {
      text: (d) => d.pattern,
      sought: ({ search }) => (search !== undefined && NUMBER.test(search) ? numberMatch(c, search).held : undefined),
    },
    columns: DETAIL_COLUMNS,
    keyed: {
      key: 'did_id',
      id: (d) => d.id,
      inRanges: async (db, ranges) => entries(await listColumns(db).where(inRanges('did_id', ranges)).execute()),
    },
  };
}

export type DidList = ListModel<DidEntry, DidListQuery>;

export async function getDid(db: Kysely<VicidialReadModel>, didId: number): Promise<DidDetail | undefined> {
  const row = await selectDetails(db).where('did_id', '=', didId).executeTakeFirst();
  return row && toDetail(row);
}

/** By pattern, ignoring case as VICIdial's unique key on did_pattern does. */
export async function getDidByPattern(db: Kysely<VicidialReadModel>, pattern: string): Promise<DidDetail | undefined> {
  const row = await selectDetails(db).where('did_pattern', '=', pattern).executeTakeFirst();
  return row && toDetail(row);
}

/** Many DIDs in one query, by DID ID or by pattern (a bulk change reads them all before, and after). */
export async function getDids(db: Kysely<VicidialReadModel>, keys: { ids: readonly number[]; patterns: readonly string[] }): Promise<DidDetail[]> {
  if (keys.ids.length === 0 && keys.patterns.length === 0) return [];
  const rows = await selectDetails(db)
    .where((eb) =>
      eb.or([...(keys.ids.length > 0 ? [eb('did_id', 'in', keys.ids)] : []), ...(keys.patterns.length > 0 ? [eb('did_pattern', 'in', keys.patterns)] : [])]),
    )
    .execute();
  return rows.map(toDetail);
}

const withFieldsVersion = (row: Omit<DetailColumns, 'target_missing'>) => {
  const fields = fieldsOf(row);
  return { ...fields, version: rowVersion(fields) };
};

/** The same, of the DIDs with these patterns (compared ignoring case, as VICIdial's key), a thousand per query. */
export async function didsByPatterns(db: Kysely<VicidialReadModel>, patterns: readonly string[]): Promise<(DidFields & { version: string })[]> {
  const found = [];
  for (let at = 0; at < patterns.length; at += 1000) {
    const part = patterns.slice(at, at + 1000);
    found.push(...(await db.selectFrom('vicidial_inbound_dids').select(DETAIL_COLUMNS).where('did_pattern', 'in', part).execute()));
  }
  return found.map(withFieldsVersion);
}

export type RouteTarget = { inGroup: string } | { callMenu: string };

/** Where an in-group or a call menu is used: the DIDs routed to it, a page at a time. */
export function didsRoutedTo(
  list: DidList,
  target: RouteTarget,
  paging: Pick<DidListQuery, 'search' | 'sort' | 'order' | 'page' | 'pageSize'> = { sort: 'pattern', order: 'asc', page: 1, pageSize: 50 },
): Promise<Page<DidRow>> {
  const query: DidListQuery = 'inGroup' in target ? { ...paging, inGroup: target.inGroup } : { ...paging, route: 'CALLMENU', target: target.callMenu };
  return list.page(query);
}
