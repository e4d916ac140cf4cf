import type { Kysely } from 'kysely';
import { isValidLocalGmt } from '../api/phone-timezones.js';
import type { VicidialDatabase } from '../db/schema.js';
import { MAX_LOGINS_LIST } from './rows.js';

/** Protocols add_phone / update_phone accept (PJSIP fits the column but the API refuses it). */
const API_PROTOCOLS = new Set(['SIP', 'IAX2', 'Zap', 'EXTERNAL']);
/** Characters VICIdial keeps in logins, extensions and passwords; anything else would be stripped on save. */
const LOGIN_CHARS = /^[A-Za-z0-9_-]+$/;
const DID_PATTERN_CHARS = /^[A-Za-z0-9:+*#._]{2,50}$/;
const DID_DESCRIPTION_CHARS = /^[A-Za-z0-9 .,_-]{6,50}$/;

/**
 * Everything in a seeded database that breaks VICIdial's own rules or points at nothing, one line per
 * problem. VICIdial never cleans up aliases, so a login without a phone is reported, not prevented.
 */
export async function findProblems(db: Kysely<VicidialDatabase>): Promise<string[]> {
  const problems: string[] = [];
  const [servers, templates, phones, aliases, dids, groups, menus, users, campaigns] = await Promise.all([
    db.selectFrom('servers').select('server_ip').execute(),
    db.selectFrom('vicidial_conf_templates').select('template_id').execute(),
    db.selectFrom('phones').select(['extension', 'server_ip', 'login', 'pass', 'protocol', 'local_gmt', 'template_id', 'outbound_cid']).execute(),
    db.selectFrom('phones_alias').select(['alias_id', 'logins_list']).execute(),
    db.selectFrom('vicidial_inbound_dids')
      .select(['did_pattern', 'did_description', 'did_route', 'group_id', 'campaign_id', 'menu_id', 'phone', 'server_ip', 'user', 'voicemail_ext'])
      .execute(),
    db.selectFrom('vicidial_inbound_groups').select('group_id').execute(),
    db.selectFrom('vicidial_call_menu').select('menu_id').execute(),
    db.selectFrom('vicidial_users').select('user').execute(),
    db.selectFrom('vicidial_campaigns').select('campaign_id').execute(),
  ]);
  // MariaDB compares these keys case-insensitively (utf8mb3_unicode_ci).
  const set = (values: (string | null)[]) => new Set(values.map((v) => (v ?? '').toLowerCase()));
  const has = (keys: Set<string>, value: string | null) => keys.has((value ?? '').toLowerCase());
  const serverIps = set(servers.map((s) => s.server_ip));
  const templateIds = set(templates.map((t) => t.template_id));
  const phoneKeys = set(phones.map((p) => `${p.extension}@${p.server_ip}`));
  const groupIds = set(groups.map((g) => g.group_id));
  const menuIds = set(menus.map((m) => m.menu_id));
  const userIds = set(users.map((u) => u.user));
  const campaignIds = set(campaigns.map((c) => c.campaign_id));

  const logins = new Set<string>();
  for (const p of phones) {
    const name = `phone ${p.extension}@${p.server_ip}`;
    if (!API_PROTOCOLS.has(p.protocol ?? '')) problems.push(`${name}: protocol ${p.protocol}`);
    if (!isValidLocalGmt(p.local_gmt ?? '')) problems.push(`${name}: local_gmt ${p.local_gmt}`);
    if (!has(serverIps, p.server_ip)) problems.push(`${name}: no such server`);
    if (p.template_id !== '' && !has(templateIds, p.template_id)) problems.push(`${name}: no template ${p.template_id}`);
    for (const [field, value] of [['extension', p.extension], ['login', p.login], ['pass', p.pass]] as const) {
      if (!LOGIN_CHARS.test(value ?? '')) problems.push(`${name}: ${field} ${value}`);
    }
    if (!/^\d+$/.test(p.outbound_cid ?? '')) problems.push(`${name}: outbound_cid ${p.outbound_cid}`);
    const login = (p.login ?? '').toLowerCase();
    if (logins.has(login)) problems.push(`${name}: login ${p.login} used twice`);
    logins.add(login);
  }

  for (const a of aliases) {
    const list = a.logins_list ?? '';
    if (list.length > MAX_LOGINS_LIST) problems.push(`alias ${a.alias_id}: logins_list longer than ${MAX_LOGINS_LIST}`);
    for (const login of list.split(',')) {
      if (!logins.has(login.toLowerCase())) problems.push(`alias ${a.alias_id}: login ${login} has no phone`);
    }
  }

  for (const d of dids) {
    const name = `did ${d.did_pattern}`;
    if (!DID_PATTERN_CHARS.test(d.did_pattern)) problems.push(`${name}: pattern`);
    if (!DID_DESCRIPTION_CHARS.test(d.did_description ?? '')) problems.push(`${name}: description ${d.did_description}`);
    const missing = didTargetMissing(d);
    if (missing) problems.push(`${name}: ${missing}`);
  }
  return problems;

  function didTargetMissing(d: (typeof dids)[number]): string | undefined {
    switch (d.did_route) {
      case 'IN_GROUP':
        if (!has(groupIds, d.group_id)) return `no in-group ${d.group_id}`;
        return d.campaign_id && !has(campaignIds, d.campaign_id) ? `no campaign ${d.campaign_id}` : undefined;
      case 'CALLMENU':
        return has(menuIds, d.menu_id) ? undefined : `no call menu ${d.menu_id}`;
      case 'PHONE':
        return has(phoneKeys, `${d.phone}@${d.server_ip}`) ? undefined : `no phone ${d.phone}@${d.server_ip}`;
      case 'AGENT':
        return has(userIds, d.user) ? undefined : `no user ${d.user}`;
      case 'VOICEMAIL':
      case 'VMAIL_NO_INST':
        return /^[0-9*#._]{1,10}$/.test(d.voicemail_ext ?? '') ? undefined : `voicemail_ext ${d.voicemail_ext}`;
      default:
        return undefined;
    }
  }
}
