import type { Expression, ExpressionBuilder, Kysely, Selectable, SqlBool } from 'kysely';
import { DID_ROUTES, type DidDetail, type DidListQuery, type DidListResponse, type DidRoute, type DidRow, didTarget } from '@vicidash/contracts/did';
import type { VicidialReadModel } from '../tables.js';
import { rowVersion } from '../version.js';
import { contains, flagIs, isYes, startsWith } from './match.js';
import { enumText, number, type Page, pageOf, type SortColumn, text } from './paging.js';
import { countEveryTime, type CountRows } from './totals.js';

type Dids = VicidialReadModel['vicidial_inbound_dids'];
type DidsEb = ExpressionBuilder<VicidialReadModel, 'vicidial_inbound_dids'>;

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
  'modify_stamp',
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

const SORT = {
  pattern: [text('did_pattern')],
  description: [text('did_description'), number('did_id')],
  route: [enumText('did_route'), text('did_pattern')],
  didId: [number('did_id')],
} as const satisfies Record<DidListQuery['sort'], readonly SortColumn[]>;

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

const toDetail = (row: Pick<Selectable<Dids>, (typeof DETAIL_COLUMNS)[number]>): DidDetail => ({
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
  version: rowVersion(row),
});

/** A search of digits, optionally after +: a phone number or the start of one. */
const NUMBER = /^\+?[0-9*#]+$/;

/**
 * The ways a number may be written in did_pattern: as typed, with + or +1, and (when it starts
 * with 1, the North American country code) without that 1.
 */
function numberPrefixes(search: string): string[] {
  const digits = search.replace(/^\+/, '');
  const national = digits.length > 1 && digits.startsWith('1') ? [digits.slice(1), `+${digits.slice(1)}`] : [];
  return [...new Set([digits, `+${digits}`, `+1${digits}`, ...national])];
}

function searchMatches(eb: DidsEb, search: string): Expression<SqlBool> {
  // Prefix ranges on the did_pattern key: no full read of the table.
  if (NUMBER.test(search)) return eb.or(numberPrefixes(search).map((prefix) => startsWith('did_pattern', prefix)));
  return eb.or([startsWith('did_pattern', search), contains('did_description', search)]);
}

function targetIs(eb: DidsEb, target: string, route: DidRoute | undefined): Expression<SqlBool> {
  const routes = route ? [route] : DID_ROUTES;
  return eb.or(routes.map((r) => eb.and([eb('did_route', '=', r), eb(TARGET_COLUMN[r], '=', target)])));
}

function filters(eb: DidsEb, query: DidListQuery): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (query.search) conditions.push(searchMatches(eb, query.search));
  if (query.route) conditions.push(eb('did_route', '=', query.route));
  if (query.active !== undefined) conditions.push(flagIs(eb, 'did_active', query.active));
  if (query.recordCall) conditions.push(eb('record_call', '=', query.recordCall));
  // group_id has an index: the DIDs of one in-group are found without reading the others.
  if (query.inGroup) conditions.push(eb.and([eb('did_route', '=', 'IN_GROUP'), eb('group_id', '=', query.inGroup)]));
  if (query.target) conditions.push(targetIs(eb, query.target, query.route));
  return eb.and(conditions);
}

/** A page of DIDs with their route targets: searched, filtered, sorted, with the total. */
export function listDids(db: Kysely<VicidialReadModel>, query: DidListQuery, totals: CountRows = countEveryTime): Promise<DidListResponse> {
  return pageOf(db, totals, query, {
    table: 'vicidial_inbound_dids',
    filtered: db.selectFrom('vicidial_inbound_dids').where((eb) => filters(eb, query)),
    select: (filtered) => filtered.select(ROW_COLUMNS),
    sort: SORT[query.sort],
    toRow,
  });
}

export async function getDid(db: Kysely<VicidialReadModel>, didId: number): Promise<DidDetail | undefined> {
  const row = await db.selectFrom('vicidial_inbound_dids').select(DETAIL_COLUMNS).where('did_id', '=', didId).executeTakeFirst();
  return row && toDetail(row);
}

/** By pattern, ignoring case as VICIdial's unique key on did_pattern does. */
export async function getDidByPattern(db: Kysely<VicidialReadModel>, pattern: string): Promise<DidDetail | undefined> {
  const row = await db.selectFrom('vicidial_inbound_dids').select(DETAIL_COLUMNS).where('did_pattern', '=', pattern).executeTakeFirst();
  return row && toDetail(row);
}

export type RouteTarget = { inGroup: string } | { callMenu: string };

/** Where an in-group or a call menu is used: the DIDs routed to it, a page at a time. */
export function didsRoutedTo(
  db: Kysely<VicidialReadModel>,
  target: RouteTarget,
  paging: Pick<DidListQuery, 'search' | 'sort' | 'order' | 'page' | 'pageSize'> = { sort: 'pattern', order: 'asc', page: 1, pageSize: 50 },
  totals: CountRows = countEveryTime,
): Promise<Page<DidRow>> {
  const query: DidListQuery = 'inGroup' in target ? { ...paging, inGroup: target.inGroup } : { ...paging, route: 'CALLMENU', target: target.callMenu };
  return listDids(db, query, totals);
}
