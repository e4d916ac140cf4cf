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
  'campaign_id', 'template_id');
define(ALNUM, 'source', 'protocol', 'voicemail_id', 'outbound_alt_cid');
define('0-9', 'outbound_cid', 'phone_ring_timeout', 'entry_list_id', 'phone_code');
define(`${ALNUM}*#`, 'dialplan_number');
define(`${ALNUM}\\- +._`, 'phone_full_name');
define(`${ALNUM}\\- +.:/@_`, 'alias_name');
define(`${ALNUM}\\-,_`, 'phone_logins');
define(`${ALNUM}:+*#._`, 'did_pattern');
define(`${ALNUM}\\- .,_`, 'did_description', 'filter_clean_cid_number');
define(`${ALNUM}*#._`, 'voicemail_ext');
define(`${ALNUM}\\-|_`, 'group');

/** The value VICIdial works with for a parameter (unknown parameters pass unchanged). */
export function filterParam(name: string, value: string): string {
  const rule = rules[name];
  return rule ? value.replace(rule, '') : value;
}
