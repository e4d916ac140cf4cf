/**
 * VICIdial's input filters: after URL-decoding it silently deletes every character a parameter does
 * not allow (it never refuses). Each entry is the set of characters kept.
 * Owners of a function correct or add the entries of its parameters, backed by the transcript.
 */
const ALNUM = 'a-zA-Z0-9';
const keep = (chars: string) => new RegExp(`[^${chars}]`, 'g');

const rules: Record<string, RegExp> = {};
const define = (chars: string, ...names: string[]) => {
  for (const name of names) rules[name] = keep(chars);
};

define(`${ALNUM}_\\-`, 'user', 'pass', 'extension', 'phone_login', 'phone_pass', 'registration_password',
  'phone_context', 'admin_user_group', 'alias_id', 'exten_context', 'phone_extension', 'menu_id',
  'campaign_id', 'template_id', 'outbound_cid');
define(ALNUM, 'source', 'protocol', 'voicemail_id', 'outbound_alt_cid');
define('0-9', 'phone_ring_timeout', 'entry_list_id', 'phone_code');
define(`${ALNUM}*#`, 'dialplan_number');
define(`${ALNUM}\\- +._`, 'phone_full_name');
define(`${ALNUM}\\- +.:/@_`, 'alias_name');
define(`${ALNUM}\\-,_`, 'phone_logins');
define(`${ALNUM}:+*#._`, 'did_pattern');
define(`${ALNUM}\\- .,_`, 'did_description', 'filter_clean_cid_number');
define(`${ALNUM}*#._`, 'voicemail_ext');
define(`${ALNUM}\\-|_`, 'group');
// The envelope (login, dispatch) and server_refresh:
define(`${ALNUM}_\\-`, 'function', 'stage');
// DIDs: new_dids keeps its commas; extension is filtered twice (phone filter, then the DID one),
// so '*' and '#' vanish (transcript: extension=%2A8300%23 stored 8300).
define(`${ALNUM}:+*#._`, 'source_did_pattern');
define(`${ALNUM}:+,*#._`, 'new_dids');
define(`${ALNUM}_\\-`, 'did_route', 'record_call', 'list_id');
define(`${ALNUM}_`, 'call_handle_method', 'agent_search_method');
define(ALNUM, 'delete_did'); // only an exact 'Y' deletes: 'y' survives the filter and means "no"
define(`${ALNUM}\\-.:_`, 'server_ip'); // VICIdial's own filter (all its scripts); shared with phones
// Phones and aliases (backed by the transcript where it shows them):
define(`${ALNUM}_\\-`, 'is_webphone', 'webphone_auto_answer', 'use_external_server_ip', 'on_hook_agent');
define('A-Z', 'active', 'delete_phone', 'delete_alias'); // 'y' and 'n' vanish: a lowercase flag is "not sent"
define('a-zA-Z', 'delete_vm_after_email');
define('0-9.\\-', 'local_gmt'); // '+5.50' is stored as '5.50'
// The apostrophe survives, and then breaks VICIdial's own SQL (phone-db.ts, failLikeVicidialSql).
define(`${ALNUM}\\- '+.:/@%_`, 'email');

/**
 * A second filter applied after the first, except when the first left exactly one value: outbound_cid
 * is cut to digits unless it is '---ALL---' ('--- ALL ---' is too, once the first filter dropped the spaces).
 */
const second: Record<string, { rule: RegExp; except: string }> = {
  outbound_cid: { rule: keep('0-9'), except: '---ALL---' },
};

/** Parameters whose '+' VICIdial turns into a space after filtering ('a%2Bb@x.com' is stored 'a b@x.com'). */
const plusIsSpace = new Set(['email']);

/** The value VICIdial works with for a parameter (unknown parameters pass unchanged). */
export function filterParam(name: string, value: string): string {
  const rule = rules[name];
  let kept = rule ? value.replace(rule, '') : value;
  const then = second[name];
  if (then && kept !== then.except) kept = kept.replace(then.rule, '');
  return plusIsSpace.has(name) ? kept.replace(/\+/g, ' ') : kept;
}
