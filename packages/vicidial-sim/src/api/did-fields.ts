import { type Kysely, sql, type Updateable } from 'kysely';
import { fitRow } from '../db/fit.js';
import type { VicidialDatabase } from '../db/schema.js';
import { vicidial_inbound_dids } from '../db/tables.js';
import type { HandlerContext } from './context.js';
import { filterParam } from './filters.js';
import { error, type ApiReply } from './reply.js';

type Db = Kysely<VicidialDatabase>;
type DidColumn = keyof typeof vicidial_inbound_dids & string;

/** One column add_did / update_did writes, with the value as sent (after VICIdial's filter). */
export interface DidAssignment {
  column: DidColumn;
  value: string;
}

interface FieldRule {
  param: string;
  column: DidColumn;
  /** The error message, without VICIdial's ", THIS IS AN OPTIONAL FIELD" tail. */
  message: string;
  valid(value: string, db: Db): boolean | Promise<boolean>;
  /** VICIdial names update_did in this error even when add_did fails. */
  namesUpdateDid?: boolean;
}

const between = (min: number, max: number) => (value: string) => value.length >= min && value.length <= max;
const oneOf = (...allowed: string[]) => (value: string) => allowed.includes(value);

// Existence checks compare like MariaDB does (the DDL's collation); inactive in-groups count too.
const existsIn =
  (table: 'servers' | 'vicidial_inbound_groups' | 'vicidial_call_menu', column: string) => async (value: string, db: Db) =>
    (await db.selectFrom(table).select(sql.lit(1).as('found')).where(sql.ref(column), '=', value).executeTakeFirst()) !==
    undefined;

/**
 * The editable fields in VICIdial's order: it validates them one by one (the first failure wins) and
 * writes them in this order too. An empty value means "not sent".
 */
const RULES: readonly FieldRule[] = [
  { param: 'did_description', column: 'did_description', message: 'DID DESCRIPTION MUST BE FROM 6 TO 50 CHARACTERS', valid: between(6, 50) },
  { param: 'active', column: 'did_active', message: 'ACTIVE MUST BE Y OR N', valid: oneOf('Y', 'N') },
  {
    param: 'did_route',
    column: 'did_route',
    message: 'DID ROUTE IS NOT VALID',
    valid: oneOf('EXTEN', 'VOICEMAIL', 'AGENT', 'PHONE', 'IN_GROUP', 'CALLMENU', 'VMAIL_NO_INST'),
  },
  { param: 'record_call', column: 'record_call', message: 'RECORD CALL MUST BE Y OR N', valid: oneOf('Y', 'N', 'Y_QUEUESTOP') },
  { param: 'extension', column: 'extension', message: 'EXTENSION MUST BE FROM 1 TO 50 CHARACTERS', valid: between(1, 50) },
  { param: 'exten_context', column: 'exten_context', message: 'EXTENSION CONTEXT MUST BE FROM 1 TO 50 CHARACTERS', valid: between(1, 50) },
  { param: 'voicemail_ext', column: 'voicemail_ext', message: 'VOICEMAIL EXTENSION MUST BE FROM 1 TO 10 CHARACTERS', valid: between(1, 10) },
  { param: 'phone_extension', column: 'phone', message: 'PHONE EXTENSION MUST BE FROM 1 TO 100 CHARACTERS', valid: between(1, 100) },
  { param: 'server_ip', column: 'server_ip', message: 'SERVER IP MUST BE A VALID SERVER IN THE SYSTEM', valid: existsIn('servers', 'server_ip') },
  { param: 'group', column: 'group_id', message: 'GROUP ID MUST BE A VALID INBOUND GROUP IN THE SYSTEM', valid: existsIn('vicidial_inbound_groups', 'group_id') },
  {
    param: 'menu_id',
    column: 'menu_id',
    message: 'MENU ID MUST BE A VALID CALL MENU IN THE SYSTEM',
    valid: existsIn('vicidial_call_menu', 'menu_id'),
    namesUpdateDid: true,
  },
  { param: 'filter_clean_cid_number', column: 'filter_clean_cid_number', message: 'CLEAN CID NUMBER MUST BE FROM 1 TO 20 CHARACTERS', valid: between(1, 20) },
  // The IN_GROUP settings are checked and written whatever the route.
  { param: 'call_handle_method', column: 'call_handle_method', message: 'CALL HANDLE METHOD MUST BE FROM 3 TO 20 CHARACTERS', valid: between(3, 20) },
  // Only the length: 'XX' passes and MariaDB stores '' in the ENUM.
  { param: 'agent_search_method', column: 'agent_search_method', message: 'AGENT SEARCH METHOD MUST BE 2 CHARACTERS', valid: between(2, 2) },
  // Letters pass too (the column then stores 0).
  { param: 'list_id', column: 'list_id', message: 'LIST ID MUST BE FROM 3 TO 14 DIGITS', valid: between(3, 14) },
  { param: 'entry_list_id', column: 'entry_list_id', message: 'ENTRY LIST ID MUST BE FROM 1 TO 14 DIGITS', valid: between(1, 14) },
  // Any campaign id, existing or not.
  { param: 'campaign_id', column: 'campaign_id', message: 'CAMPAIGN MUST BE FROM 1 TO 8 CHARACTERS', valid: between(1, 8) },
  { param: 'phone_code', column: 'phone_code', message: 'PHONE CODE MUST BE FROM 1 TO 10 CHARACTERS', valid: between(1, 10) },
];

/** did_pattern (and copy_did's source_did_pattern) must have 2 to 50 characters. */
export const isDidPatternLength = between(2, 50);

/** A request parameter as VICIdial sees it: URL-decoded, then silently filtered. */
export const readParam = (ctx: HandlerContext, name: string): string => filterParam(name, ctx.param(name));

export type DidFieldsResult = { ok: true; assignments: DidAssignment[] } | { ok: false; reply: ApiReply };

/** Validates the editable DID fields of add_did / update_did; `fn` names the function in errors. */
export async function readDidFields(ctx: HandlerContext, fn: 'add_did' | 'update_did'): Promise<DidFieldsResult> {
  const assignments: DidAssignment[] = [];
  for (const rule of RULES) {
    const value = readParam(ctx, rule.param);
    if (value === '') continue;
    if (!(await rule.valid(value, ctx.db))) {
      const reportedFn = rule.namesUpdateDid ? 'update_did' : fn;
      return { ok: false, reply: error(reportedFn, `${rule.message}, THIS IS AN OPTIONAL FIELD`, ctx.user.user, value) };
    }
    assignments.push({ column: rule.column, value });
  }
  return { ok: true, assignments };
}

/** VICIdial's `col='value'` fragments, as they appear in the SQL it logs. */
export const assignmentSql = (assignments: readonly DidAssignment[]): string[] =>
  assignments.map(({ column, value }) => `${column}='${value}'`);

/** The values MariaDB (sql_mode='') actually stores for the assignments. */
export const assignmentRow = (assignments: readonly DidAssignment[]) =>
  fitRow(
    vicidial_inbound_dids,
    Object.fromEntries(assignments.map(({ column, value }) => [column, value])),
  ) as Updateable<VicidialDatabase['vicidial_inbound_dids']>;
