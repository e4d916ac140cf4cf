import type { Kysely } from 'kysely';
import {
  type CallMenuLookup,
  type CampaignLookup,
  type InGroupLookup,
  type PhoneLoginLookup,
  type PhoneLoginLookupQuery,
  type TemplateLookup,
  TIME_ZONES,
  type TimeZoneLookup,
  type UserGroupLookup,
} from '@vicidash/contracts/lookups';
import type { VicidialReadModel } from '../tables.js';
import { isYes, startsWith } from './match.js';

/** What the forms' pickers offer, read from VICIdial's small setup tables, in id order (servers: servers.ts). */

type Db = Kysely<VicidialReadModel>;

const selectInGroups = (db: Db) => db.selectFrom('vicidial_inbound_groups').select(['group_id', 'group_name', 'active']).orderBy('group_id');
const toInGroup = (row: { group_id: string; group_name: string | null; active: string | null }) => ({
  groupId: row.group_id,
  name: row.group_name,
  active: isYes(row.active),
});

/** Every in-group, the inactive ones flagged: DIDs may still route to them. */
export async function inGroups(db: Db): Promise<InGroupLookup> {
  return (await selectInGroups(db).execute()).map(toInGroup);
}

export async function findInGroup(db: Db, groupId: string): Promise<InGroupLookup[number] | undefined> {
  const row = await selectInGroups(db).where('group_id', '=', groupId).executeTakeFirst();
  return row && toInGroup(row);
}

const selectCallMenus = (db: Db) => db.selectFrom('vicidial_call_menu').select(['menu_id', 'menu_name']).orderBy('menu_id');
const toCallMenu = (row: { menu_id: string; menu_name: string | null }) => ({ menuId: row.menu_id, name: row.menu_name });

export async function callMenus(db: Db): Promise<CallMenuLookup> {
  return (await selectCallMenus(db).execute()).map(toCallMenu);
}

export async function findCallMenu(db: Db, menuId: string): Promise<CallMenuLookup[number] | undefined> {
  const row = await selectCallMenus(db).where('menu_id', '=', menuId).executeTakeFirst();
  return row && toCallMenu(row);
}

export async function campaigns(db: Db): Promise<CampaignLookup> {
  const rows = await db.selectFrom('vicidial_campaigns').select(['campaign_id', 'campaign_name', 'active']).orderBy('campaign_id').execute();
  return rows.map((row) => ({ campaignId: row.campaign_id, name: row.campaign_name, active: isYes(row.active) }));
}

export async function templates(db: Db): Promise<TemplateLookup> {
  const rows = await db.selectFrom('vicidial_conf_templates').select(['template_id', 'template_name']).orderBy('template_id').execute();
  return rows.map((row) => ({ templateId: row.template_id, name: row.template_name }));
}

/** One entry per group: VICIdial has no key on user_group, and of two rows it reads the first. */
export async function userGroups(db: Db): Promise<UserGroupLookup> {
  const rows = await db.selectFrom('vicidial_user_groups').select(['user_group', 'group_name']).orderBy('user_group').execute();
  const first = new Map<string, string>();
  for (const row of rows) if (!first.has(row.user_group)) first.set(row.user_group, row.group_name);
  return [...first].map(([userGroup, name]) => ({ userGroup, name }));
}

/**
 * The alias form's login picker: phone logins starting with what was typed, alphabetically, at
 * most `limit`. (phones.login has no index in VICIdial: this reads the phones, ~10 ms for 20,000.)
 */
export async function phoneLogins(db: Db, { search, limit }: PhoneLoginLookupQuery): Promise<PhoneLoginLookup> {
  let query = db
    .selectFrom('phones')
    .select(['login', 'extension', 'server_ip', 'fullname'])
    .where('login', 'is not', null)
    .where('login', '<>', '');
  if (search) query = query.where(startsWith('login', search));
  const rows = await query.orderBy('login').orderBy('extension').orderBy('server_ip').limit(limit).execute();
  return rows.map((row) => ({ login: row.login ?? '', extension: row.extension ?? '', serverIp: row.server_ip ?? '', fullName: row.fullname }));
}

/** The GMT offsets VICIdial accepts for a phone (a fixed list, not a table). */
export const timeZones = (): TimeZoneLookup => TIME_ZONES;
