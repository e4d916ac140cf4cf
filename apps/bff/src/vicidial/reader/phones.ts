import { createHmac } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { PhoneDetail, PhoneKey, PhoneListQuery, PhoneRow, PhoneSecrets } from '@vicidash/contracts/phone';
import type { VicidialReadModel } from '../tables.js';
import { rowVersion } from '../version.js';
import { aliasesListingLogin } from './aliases.js';
import { type Collation, collationOf, flagOn } from './collation.js';
import { dialectOf } from './dialect.js';
import { allOf, type ListModel, type ListSource, type SortKey } from './list-model.js';
import { isYes } from './match.js';

type Phones = VicidialReadModel['phones'];

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

/** Every column the detail shows (never the secrets: pass, conf_secret). */
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

type ListColumns = Pick<Selectable<Phones>, (typeof ROW_COLUMNS)[number]>;

const toRow = (row: ListColumns): PhoneRow => ({
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

/** A phone as the list holds it: its row, and what the filters and sorts compare. */
interface PhoneEntry {
  row: PhoneRow;
  /** As LIKE sees them. */
  extension: string | null;
  login: string | null;
  fullName: string | null;
  dialplanNumber: string | null;
  /** As = sees them. */
  serverIp: string | null;
  protocol: string | null;
  active: boolean;
}

const entryOf = (c: Collation, row: ListColumns): PhoneEntry => ({
  row: toRow(row),
  extension: c.like(row.extension),
  login: c.like(row.login),
  fullName: c.like(row.fullname),
  dialplanNumber: c.like(row.dialplan_number),
  serverIp: c.equal(row.server_ip),
  protocol: c.equal(row.protocol),
  active: flagOn(c, row.active),
});

function searchFilter(c: Collation, search: string): (p: PhoneEntry) => boolean {
  const text = c.like(search);
  const starts = (value: string | null) => value?.startsWith(text) ?? false;
  if (NUMBER.test(search)) return (p) => starts(p.extension) || starts(p.dialplanNumber);
  return (p) => starts(p.extension) || starts(p.login) || (p.fullName?.includes(text) ?? false);
}

function filterOf(c: Collation, query: PhoneListQuery): ((p: PhoneEntry) => boolean) | undefined {
  const tests: ((p: PhoneEntry) => boolean)[] = [];
  if (query.search) tests.push(searchFilter(c, query.search));
  if (query.serverIp) {
    const serverIp = c.equal(query.serverIp);
    tests.push((p) => p.serverIp === serverIp);
  }
  if (query.protocol) {
    const protocol = c.equal(query.protocol);
    tests.push((p) => p.protocol === protocol);
  }
  if (query.active !== undefined) tests.push((p) => p.active === query.active);
  return allOf(tests);
}

/** The phone list's rows, search, filters and sorts (phones carry no change stamp: a changed table is read again whole). */
export function phoneListSource(db: Kysely<VicidialReadModel>): ListSource<PhoneEntry, PhoneListQuery> {
  const c = collationOf(dialectOf(db));
  const by =
    (column: keyof PhoneRow): SortKey<PhoneEntry> =>
    (p) =>
      c.order(p.row[column] as string | null);
  const byExtension = by('extension');
  const byServerIp = by('serverIp');
  /** After the sort column, extension and server (VICIdial's unique key) keep the order total. */
  const byKey = (...first: SortKey<PhoneEntry>[]) => [...first, byExtension, byServerIp];
  return {
    table: 'phones',
    loadAll: async (db) => (await db.selectFrom('phones').select(ROW_COLUMNS).execute()).map((row) => entryOf(c, row)),
    sorts: {
      extension: byKey(),
      serverIp: [byServerIp, byExtension],
      login: byKey(by('login')),
      fullName: byKey(by('fullName')),
      dialplanNumber: byKey(by('dialplanNumber')),
      protocol: byKey(by('protocol')),
      userGroup: byKey(by('userGroup')),
    },
    filter: (query) => filterOf(c, query),
    columns: ROW_COLUMNS,
  };
}

export type PhoneList = ListModel<PhoneEntry, PhoneListQuery>;

const onePhone = (db: Kysely<VicidialReadModel>, { serverIp, extension }: PhoneKey) =>
  db.selectFrom('phones').where('extension', '=', extension).where('server_ip', '=', serverIp);

/**
/**
 * VICIdial's database matches an extension in any case: a phone is reached only under its stored
 * spelling, the one its audit rows and its history know.
 */
const asStored = <R extends { extension: string | null; server_ip: string | null }>(row: R | undefined, key: PhoneKey): R | undefined =>
  row?.extension === key.extension && row.server_ip === key.serverIp ? row : undefined;

type DetailRow = Pick<Selectable<Phones>, (typeof DETAIL_COLUMNS)[number]>;

/** A phone's own fields, as the detail shows them (no secrets, no version, no aliases). */
export type PhoneFields = Omit<PhoneDetail, 'listedInAliases' | 'version'>;

const fieldsOf = (row: DetailRow): PhoneFields => ({
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
});

/**
 * A phone's version: its columns and, through an HMAC under `versionKey`, its secrets (someone
 * else's new password makes a stale save 409; a version is no help to guess a password with).
 */
function versionOf(row: DetailRow & { pass: string | null; conf_secret: string | null }, versionKey: string): string {
  const { pass, conf_secret: confSecret, ...columns } = row;
  const secrets = createHmac('sha256', versionKey).update(`${pass ?? ''}\u0000${confSecret ?? ''}`).digest('base64url');
  return rowVersion({ ...columns, secrets });
}

/** One phone with the aliases listing its login, and its version; no secrets. */
export async function getPhone(db: Kysely<VicidialReadModel>, key: PhoneKey, versionKey: string): Promise<PhoneDetail | undefined> {
  const found = asStored(await onePhone(db, key).select([...DETAIL_COLUMNS, 'pass', 'conf_secret']).executeTakeFirst(), key);
  if (!found) return undefined;
  return {
    ...fieldsOf(found),
    listedInAliases: found.login ? await aliasesListingLogin(db, found.login) : [],
    version: versionOf(found, versionKey),
  };
}

/** Every phone with its secrets and version: what an import compares its rows with (never sent out). */
export async function phonesToImportOver(db: Kysely<VicidialReadModel>, versionKey: string): Promise<(PhoneFields & PhoneSecrets & { version: string })[]> {
  const rows = await db.selectFrom('phones').select([...DETAIL_COLUMNS, 'pass', 'conf_secret']).execute();
  return rows.map((row) => ({ ...fieldsOf(row), password: row.pass, registrationPassword: row.conf_secret, version: versionOf(row, versionKey) }));
}

/** Phones by key, without secrets (an export reads them a page at a time, in its own order). */
export async function phonesByKeys(db: Kysely<VicidialReadModel>, keys: readonly PhoneKey[]): Promise<PhoneFields[]> {
  if (keys.length === 0) return [];
  const rows = await db
    .selectFrom('phones')
    .select(DETAIL_COLUMNS)
    .where('extension', 'in', [...new Set(keys.map((key) => key.extension))])
    .execute();
  const wanted = new Set(keys.map((key) => `${key.extension}\u0000${key.serverIp}`));
  return rows.filter((row) => wanted.has(`${row.extension}\u0000${row.server_ip}`)).map(fieldsOf);
}

/** The SIP secrets: only for the audited reveal. */
export async function getPhoneSecrets(db: Kysely<VicidialReadModel>, key: PhoneKey): Promise<PhoneSecrets | undefined> {
  const row = asStored(await onePhone(db, key).select(['extension', 'server_ip', 'pass', 'conf_secret']).executeTakeFirst(), key);
  return row && { password: row.pass, registrationPassword: row.conf_secret };
}

/** A phone's aliases (by its login) are asked of phones too; the query is the aliases'. */
export { aliasesListingLogin };
