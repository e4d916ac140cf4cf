import type { Expression, ExpressionBuilder, Kysely, Selectable, SqlBool } from 'kysely';
import type { PhoneDetail, PhoneKey, PhoneListQuery, PhoneListResponse, PhoneRow, PhoneSecrets } from '@vicidash/contracts/phone';
import type { VicidialReadModel } from '../tables.js';
import { rowVersion } from '../version.js';
import { aliasesListingLogin } from './aliases.js';
import { contains, flagIs, isYes, startsWith } from './match.js';
import { enumText, pageOf, type SortColumn, text } from './paging.js';
import { countEveryTime, type CountRows } from './totals.js';

type Phones = VicidialReadModel['phones'];
type PhonesEb = ExpressionBuilder<VicidialReadModel, 'phones'>;

const ROW_COLUMNS = [
  'extension',
  'server_ip',
  'login',
  'fullname',
  'dialplan_number',
  'protocol',
  'local_gmt',
  'user_group',
  'active',
  'status',
] as const satisfies readonly (keyof Phones)[];

/** Every column the detail shows, and so its version: never the secrets (pass, conf_secret). */
const DETAIL_COLUMNS = [
  ...ROW_COLUMNS,
  'voicemail_id',
  'outbound_cid',
  'outbound_alt_cid',
  'email',
  'phone_context',
  'phone_ring_timeout',
  'delete_vm_after_email',
  'template_id',
  'is_webphone',
  'webphone_auto_answer',
  'use_external_server_ip',
  'on_hook_agent',
] as const satisfies readonly (keyof Phones)[];

/** After the sort column, extension and server (VICIdial's unique key) keep the order total. */
const byKey = (first?: SortColumn) => [...(first ? [first] : []), text('extension'), text('server_ip')];
const SORT = {
  extension: byKey(),
  serverIp: [text('server_ip'), text('extension')],
  login: byKey(text('login')),
  fullName: byKey(text('fullname')),
  dialplanNumber: byKey(text('dialplan_number')),
  protocol: byKey(enumText('protocol')),
  userGroup: byKey(text('user_group')),
} as const satisfies Record<PhoneListQuery['sort'], readonly SortColumn[]>;

const toRow = (row: Pick<Selectable<Phones>, (typeof ROW_COLUMNS)[number]>): PhoneRow => ({
  extension: row.extension ?? '',
  serverIp: row.server_ip ?? '',
  login: row.login,
  fullName: row.fullname,
  dialplanNumber: row.dialplan_number,
  protocol: row.protocol,
  gmtOffset: row.local_gmt,
  userGroup: row.user_group,
  active: isYes(row.active),
  status: row.status,
});

/** Digits (and the * # a dialplan number may hold): an extension or a number. */
const NUMBER = /^[0-9*#]+$/;

function searchMatches(eb: PhonesEb, search: string): Expression<SqlBool> {
  // Both columns are indexed: two prefix ranges instead of reading all phones.
  if (NUMBER.test(search)) return eb.or([startsWith('extension', search), startsWith('dialplan_number', search)]);
  return eb.or([startsWith('extension', search), startsWith('login', search), contains('fullname', search)]);
}

function filters(eb: PhonesEb, query: PhoneListQuery): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (query.search) conditions.push(searchMatches(eb, query.search));
  if (query.serverIp) conditions.push(eb('server_ip', '=', query.serverIp));
  if (query.protocol) conditions.push(eb('protocol', '=', query.protocol));
  if (query.active !== undefined) conditions.push(flagIs(eb, 'active', query.active));
  return eb.and(conditions);
}

/** A page of phones: searched, filtered, sorted, with the total. */
export function listPhones(db: Kysely<VicidialReadModel>, query: PhoneListQuery, totals: CountRows = countEveryTime): Promise<PhoneListResponse> {
  return pageOf(db, totals, query, {
    table: 'phones',
    filtered: db.selectFrom('phones').where((eb) => filters(eb, query)),
    select: (filtered) => filtered.select(ROW_COLUMNS),
    sort: SORT[query.sort],
    toRow,
  });
}

const onePhone = (db: Kysely<VicidialReadModel>, { serverIp, extension }: PhoneKey) =>
  db.selectFrom('phones').where('extension', '=', extension).where('server_ip', '=', serverIp);

/** One phone with the aliases listing its login, and its version; no secrets. */
export async function getPhone(db: Kysely<VicidialReadModel>, key: PhoneKey): Promise<PhoneDetail | undefined> {
  const row = await onePhone(db, key).select(DETAIL_COLUMNS).executeTakeFirst();
  if (!row) return undefined;
  return {
    ...toRow(row),
    voicemailId: row.voicemail_id,
    outboundCallerId: row.outbound_cid,
    outboundAltCallerId: row.outbound_alt_cid,
    email: row.email,
    context: row.phone_context,
    ringTimeout: row.phone_ring_timeout === null ? null : Number(row.phone_ring_timeout),
    deleteVoicemailAfterEmail: isYes(row.delete_vm_after_email),
    templateId: row.template_id,
    webphone: row.is_webphone,
    webphoneAutoAnswer: isYes(row.webphone_auto_answer),
    useExternalServerIp: isYes(row.use_external_server_ip),
    onHookAgent: isYes(row.on_hook_agent),
    listedInAliases: row.login ? await aliasesListingLogin(db, row.login) : [],
    version: rowVersion(row),
  };
}

/** The SIP secrets: only for the audited reveal. */
export async function getPhoneSecrets(db: Kysely<VicidialReadModel>, key: PhoneKey): Promise<PhoneSecrets | undefined> {
  const row = await onePhone(db, key).select(['pass', 'conf_secret']).executeTakeFirst();
  return row && { password: row.pass, registrationPassword: row.conf_secret };
}

/** A phone's aliases (by its login) are asked of phones too; the query is the aliases'. */
export { aliasesListingLogin };
