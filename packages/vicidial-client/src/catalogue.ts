/**
 * VICIdial's ERROR / NOTICE message texts, as observed on a real system (see
 * packages/vicidial-sim/conformance/transcript.tsv), each mapped to a stable code, the API parameter
 * it concerns and a sentence for people. One entry per distinct message; the same text from several
 * functions (e.g. "ACTIVE MUST BE Y OR N") is one entry. Matching is on the text alone because
 * VICIdial sometimes prints another function's name (add_did reports "update_did MENU ID ...").
 */
export interface CatalogueEntry {
  /** The message exactly as VICIdial prints it, between the function name and `: |` or ` - `. */
  readonly text: string;
  /** `auth`: login, source, allowed-function or permission refusal; `vicidial`: anything else. */
  readonly kind: 'auth' | 'vicidial';
  readonly code: string;
  readonly field?: string;
  readonly message: string;
  /** The first value after the user is the offending value and safe to show (never set for secrets). */
  readonly echo?: true;
}

export const CATALOGUE = [
  // Authentication and authorisation (checked in this order by VICIdial).
  { text: 'Login incorrect, please try again', kind: 'auth', code: 'LOGIN_INCORRECT',
    message: 'VICIdial refused the API login (wrong user or password, user inactive or user level too low).' },
  { text: 'Too many login attempts, try again in 15 minutes', kind: 'auth', code: 'ACCOUNT_LOCKED',
    message: 'The VICIdial API user is locked after too many failed logins; try again in 15 minutes.' },
  { text: 'Invalid Source', kind: 'auth', code: 'INVALID_SOURCE',
    message: 'VICIdial refused the configured API source (it must be at least 2 letters or digits).' },
  { text: 'USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION', kind: 'auth', code: 'FUNCTION_NOT_ALLOWED',
    message: 'The VICIdial API user is not allowed to use this API function.' },
  { text: 'USER DOES NOT HAVE PERMISSION TO ADD PHONES', kind: 'auth', code: 'NO_PERMISSION_ADD_PHONES',
    message: 'The VICIdial API user may not add phones.' },
  { text: 'USER DOES NOT HAVE PERMISSION TO UPDATE PHONES', kind: 'auth', code: 'NO_PERMISSION_UPDATE_PHONES',
    message: 'The VICIdial API user may not change phones.' },
  { text: 'USER DOES NOT HAVE PERMISSION TO DELETE PHONES', kind: 'auth', code: 'NO_PERMISSION_DELETE_PHONES',
    message: 'The VICIdial API user may not delete phones; nothing was deleted.' },
  { text: 'USER DOES NOT HAVE PERMISSION TO ADD PHONE ALIASES', kind: 'auth', code: 'NO_PERMISSION_ADD_PHONE_ALIASES',
    message: 'The VICIdial API user may not add phone aliases.' },
  { text: 'USER DOES NOT HAVE PERMISSION TO UPDATE PHONE ALIASES', kind: 'auth', code: 'NO_PERMISSION_UPDATE_PHONE_ALIASES',
    message: 'The VICIdial API user may not change phone aliases.' },
  { text: 'USER DOES NOT HAVE PERMISSION TO DELETE PHONE ALIASES', kind: 'auth', code: 'NO_PERMISSION_DELETE_PHONE_ALIASES',
    message: 'The VICIdial API user may not delete phone aliases; nothing was deleted.' },
  { text: 'USER DOES NOT HAVE PERMISSION TO ADD DIDS', kind: 'auth', code: 'NO_PERMISSION_ADD_DIDS',
    message: 'The VICIdial API user may not add DIDs.' },
  { text: 'USER DOES NOT HAVE PERMISSION TO UPDATE DIDS', kind: 'auth', code: 'NO_PERMISSION_UPDATE_DIDS',
    message: 'The VICIdial API user may not change DIDs.' },
  { text: 'USER DOES NOT HAVE PERMISSION TO DELETE DIDS', kind: 'auth', code: 'NO_PERMISSION_DELETE_DIDS',
    message: 'The VICIdial API user may not delete DIDs; nothing was deleted.' },
  { text: 'USER DOES NOT HAVE PERMISSION TO REFRESH SERVERS', kind: 'auth', code: 'NO_PERMISSION_REFRESH_SERVERS',
    message: 'The VICIdial API user may not trigger a server refresh.' },

  // Requests VICIdial cannot handle at all.
  { text: 'NO FUNCTION SPECIFIED', kind: 'vicidial', code: 'NO_FUNCTION_SPECIFIED',
    message: 'VICIdial did not recognise the API function; this VICIdial version may not support it.' },
  { text: 'YOU MUST USE ALL REQUIRED FIELDS', kind: 'vicidial', code: 'REQUIRED_FIELDS_MISSING',
    message: 'A required field is missing, too short or was emptied by VICIdial\'s character filter.' },
  { text: 'NO UPDATES DEFINED', kind: 'vicidial', code: 'NO_UPDATES_DEFINED',
    message: 'Nothing to change: the request contained no field to update.' },

  // Phones.
  { text: 'PHONE ALREADY EXISTS ON THIS SERVER', kind: 'vicidial', code: 'PHONE_ALREADY_EXISTS', field: 'extension',
    message: 'A phone with this extension already exists on this server.' },
  { text: 'PHONE DOES NOT EXIST ON THIS SERVER', kind: 'vicidial', code: 'PHONE_DOES_NOT_EXIST_ON_SERVER', field: 'extension',
    message: 'There is no phone with this extension on this server (or it is hidden from the API user).' },
  { text: 'PHONE LOGIN ALREADY EXISTS', kind: 'vicidial', code: 'PHONE_LOGIN_ALREADY_EXISTS', field: 'phone_login', echo: true,
    message: 'This phone login is already used by another phone.' },
  { text: 'LOGIN ALREADY EXISTS', kind: 'vicidial', code: 'LOGIN_ALREADY_EXISTS', field: 'phone_login', echo: true,
    message: 'This phone login is already used by a phone on another server.' },
  { text: 'SERVER DOES NOT EXIST', kind: 'vicidial', code: 'SERVER_DOES_NOT_EXIST', field: 'server_ip', echo: true,
    message: 'No VICIdial server has this IP address.' },
  { text: 'YOU MUST USE A VALID TIMEZONE', kind: 'vicidial', code: 'INVALID_TIMEZONE', field: 'local_gmt', echo: true,
    message: 'The GMT offset is not one VICIdial knows (for example -5.00, 0.00, 5.50).' },
  { text: 'YOU MUST USE A VALID PROTOCOL', kind: 'vicidial', code: 'INVALID_PROTOCOL', field: 'protocol', echo: true,
    message: 'The protocol must be exactly SIP, IAX2, Zap or EXTERNAL.' },
  { text: 'YOU MUST USE A VALID DIALPLAN NUMBER', kind: 'vicidial', code: 'INVALID_DIALPLAN_NUMBER', field: 'dialplan_number',
    message: 'The dial plan number must be 3 to 30 characters.' },
  { text: 'YOU MUST USE A VALID VOICEMAIL NUMBER', kind: 'vicidial', code: 'INVALID_VOICEMAIL_ID', field: 'voicemail_id',
    message: 'The voicemail box must be 2 to 30 letters or digits.' },
  { text: 'YOU MUST USE A VALID PHONE PASSWORD', kind: 'vicidial', code: 'INVALID_PHONE_PASSWORD', field: 'phone_pass',
    message: 'The phone password must be 2 to 30 characters.' },
  { text: 'YOU MUST USE A VALID REGISTRATION PASSWORD', kind: 'vicidial', code: 'INVALID_REGISTRATION_PASSWORD', field: 'registration_password',
    message: 'The registration password must be at least 2 characters.' },
  { text: 'YOU MUST USE A VALID PHONE NAME', kind: 'vicidial', code: 'INVALID_PHONE_NAME', field: 'phone_full_name',
    message: 'The phone name must be 2 to 30 characters.' },
  { text: 'YOU MUST USE A VALID EMAIL', kind: 'vicidial', code: 'INVALID_EMAIL', field: 'email',
    message: 'The email address is not valid.' },
  { text: 'YOU MUST USE A VALID PHONE CONTEXT', kind: 'vicidial', code: 'INVALID_PHONE_CONTEXT', field: 'phone_context',
    message: 'The phone context must be at least 2 characters.' },
  { text: 'OUTBOUND CID MUST BE FROM 6 TO 18 DIGITS, THIS IS AN OPTIONAL FIELD', kind: 'vicidial', code: 'INVALID_OUTBOUND_CID', field: 'outbound_cid',
    message: 'The outbound caller ID must be 6 to 18 digits.' },
  { text: 'OUTBOUND ALT CID MUST BE FROM 6 TO 18 DIGITS, THIS IS AN OPTIONAL FIELD', kind: 'vicidial', code: 'INVALID_OUTBOUND_ALT_CID', field: 'outbound_alt_cid',
    message: 'The alternate outbound caller ID must be 6 to 18 digits; it cannot be cleared.' },
  { text: 'PHONE RING TIMEOUT MUST BE FROM 2 TO 180 SECONDS, THIS IS AN OPTIONAL FIELD', kind: 'vicidial', code: 'INVALID_PHONE_RING_TIMEOUT', field: 'phone_ring_timeout',
    message: 'The ring timeout must be 2 to 180 seconds.' },
  { text: 'ACTIVE MUST BE Y OR N, THIS IS AN OPTIONAL FIELD', kind: 'vicidial', code: 'INVALID_ACTIVE', field: 'active',
    message: 'Active must be Y or N.' },
  { text: 'USER GROUP MUST BE FROM 2 TO 20 CHARACTERS, THIS IS AN OPTIONAL FIELD', kind: 'vicidial', code: 'INVALID_USER_GROUP', field: 'admin_user_group',
    message: 'The admin user group must be 2 to 20 characters.' },
  { text: 'DELETE VOICEMAIL AFTER EMAIL MUST BE Y OR N, THIS IS AN OPTIONAL FIELD', kind: 'vicidial', code: 'INVALID_DELETE_VM_AFTER_EMAIL', field: 'delete_vm_after_email',
    message: 'Delete voicemail after email must be Y or N.' },
  { text: 'TEMPLATE ID DOES NOT EXIST, THIS IS AN OPTIONAL FIELD', kind: 'vicidial', code: 'TEMPLATE_DOES_NOT_EXIST', field: 'template_id',
    message: 'There is no phone template with this ID.' },

  // Phone aliases.
  { text: 'PHONE ALIAS ALREADY EXISTS', kind: 'vicidial', code: 'PHONE_ALIAS_ALREADY_EXISTS', field: 'alias_id', echo: true,
    message: 'A phone alias with this ID already exists.' },
  { text: 'PHONE ALIAS DOES NOT EXIST', kind: 'vicidial', code: 'PHONE_ALIAS_DOES_NOT_EXIST', field: 'alias_id', echo: true,
    message: 'There is no phone alias with this ID.' },
  { text: 'PHONE DOES NOT EXIST', kind: 'vicidial', code: 'PHONE_DOES_NOT_EXIST', field: 'phone_logins', echo: true,
    message: 'A phone login in the list does not exist (an empty item, from a stray comma, counts as missing).' },
  { text: 'YOU MUST USE A VALID ALIAS NAME', kind: 'vicidial', code: 'INVALID_ALIAS_NAME', field: 'alias_name',
    message: 'The alias name must be 2 to 50 characters.' },

  // DIDs.
  { text: 'DID ALREADY EXISTS', kind: 'vicidial', code: 'DID_ALREADY_EXISTS', field: 'did_pattern', echo: true,
    message: 'A DID with this pattern already exists.' },
  { text: 'DID DOES NOT EXIST', kind: 'vicidial', code: 'DID_DOES_NOT_EXIST', field: 'did_pattern', echo: true,
    message: 'There is no DID with this pattern (or it is hidden from the API user).' },
  { text: 'SOURCE DID DOES NOT EXIST', kind: 'vicidial', code: 'SOURCE_DID_DOES_NOT_EXIST', field: 'source_did_pattern', echo: true,
    message: 'There is no DID to copy with this pattern (or it is hidden from the API user).' },
  { text: 'NO DIDS ADDED', kind: 'vicidial', code: 'NO_DIDS_ADDED', field: 'new_dids',
    message: 'No DID was added: every new pattern already exists.' },
  { text: 'DID DESCRIPTION MUST BE FROM 6 TO 50 CHARACTERS, THIS IS AN OPTIONAL FIELD', kind: 'vicidial', code: 'INVALID_DID_DESCRIPTION', field: 'did_description',
    message: 'The DID description must be 6 to 50 characters.' },
  { text: 'DID DESCRIPTION MUST BE EITHER BLANK OR FROM 6 TO 50 CHARACTERS, THIS IS AN OPTIONAL FIELD', kind: 'vicidial', code: 'INVALID_COPY_DID_DESCRIPTION', field: 'did_description',
    message: 'The DID description must be empty (keep the source description) or 6 to 50 characters.' },
  { text: 'DID ROUTE IS NOT VALID, THIS IS AN OPTIONAL FIELD', kind: 'vicidial', code: 'INVALID_DID_ROUTE', field: 'did_route', echo: true,
    message: 'The route must be EXTEN, VOICEMAIL, AGENT, PHONE, IN_GROUP, CALLMENU or VMAIL_NO_INST.' },
  { text: 'RECORD CALL MUST BE Y OR N, THIS IS AN OPTIONAL FIELD', kind: 'vicidial', code: 'INVALID_RECORD_CALL', field: 'record_call',
    message: 'Record call must be Y, N or Y_QUEUESTOP.' },
  { text: 'GROUP ID MUST BE A VALID INBOUND GROUP IN THE SYSTEM, THIS IS AN OPTIONAL FIELD', kind: 'vicidial', code: 'INGROUP_DOES_NOT_EXIST', field: 'group', echo: true,
    message: 'There is no in-group with this ID.' },
  { text: 'MENU ID MUST BE A VALID CALL MENU IN THE SYSTEM, THIS IS AN OPTIONAL FIELD', kind: 'vicidial', code: 'CALL_MENU_DOES_NOT_EXIST', field: 'menu_id', echo: true,
    message: 'There is no call menu with this ID.' },
  { text: 'SERVER IP MUST BE A VALID SERVER IN THE SYSTEM, THIS IS AN OPTIONAL FIELD', kind: 'vicidial', code: 'INVALID_SERVER_IP', field: 'server_ip', echo: true,
    message: 'No VICIdial server has this IP address.' },
  { text: 'VOICEMAIL EXTENSION MUST BE FROM 1 TO 10 CHARACTERS, THIS IS AN OPTIONAL FIELD', kind: 'vicidial', code: 'INVALID_VOICEMAIL_EXT', field: 'voicemail_ext',
    message: 'The voicemail box must be 1 to 10 characters.' },
  { text: 'PHONE EXTENSION MUST BE FROM 1 TO 100 CHARACTERS, THIS IS AN OPTIONAL FIELD', kind: 'vicidial', code: 'INVALID_PHONE_EXTENSION', field: 'phone_extension',
    message: 'The phone extension must be 1 to 100 characters.' },
  { text: 'CLEAN CID NUMBER MUST BE FROM 1 TO 20 CHARACTERS, THIS IS AN OPTIONAL FIELD', kind: 'vicidial', code: 'INVALID_FILTER_CLEAN_CID_NUMBER', field: 'filter_clean_cid_number',
    message: 'The caller ID cleaning rule must be 1 to 20 characters.' },
  { text: 'CALL HANDLE METHOD MUST BE FROM 3 TO 20 CHARACTERS, THIS IS AN OPTIONAL FIELD', kind: 'vicidial', code: 'INVALID_CALL_HANDLE_METHOD', field: 'call_handle_method',
    message: 'The call handle method must be 3 to 20 characters.' },
  { text: 'AGENT SEARCH METHOD MUST BE 2 CHARACTERS, THIS IS AN OPTIONAL FIELD', kind: 'vicidial', code: 'INVALID_AGENT_SEARCH_METHOD', field: 'agent_search_method',
    message: 'The agent search method must be LO, LB or SO.' },
  { text: 'LIST ID MUST BE FROM 3 TO 14 DIGITS, THIS IS AN OPTIONAL FIELD', kind: 'vicidial', code: 'INVALID_LIST_ID', field: 'list_id',
    message: 'The list ID must be 3 to 14 digits.' },
  { text: 'ENTRY LIST ID MUST BE FROM 1 TO 14 DIGITS, THIS IS AN OPTIONAL FIELD', kind: 'vicidial', code: 'INVALID_ENTRY_LIST_ID', field: 'entry_list_id',
    message: 'The entry list ID must be 1 to 14 digits.' },
  { text: 'CAMPAIGN MUST BE FROM 1 TO 8 CHARACTERS, THIS IS AN OPTIONAL FIELD', kind: 'vicidial', code: 'INVALID_CAMPAIGN_ID', field: 'campaign_id',
    message: 'The campaign ID must be 1 to 8 characters.' },
  { text: 'PHONE CODE MUST BE FROM 1 TO 10 CHARACTERS, THIS IS AN OPTIONAL FIELD', kind: 'vicidial', code: 'INVALID_PHONE_CODE', field: 'phone_code',
    message: 'The phone code must be 1 to 10 digits.' },
] as const satisfies readonly CatalogueEntry[];

type Entry = (typeof CATALOGUE)[number];

/** For an ERROR / NOTICE line whose message is not in the catalogue. */
export const UNKNOWN_MESSAGES = {
  ERROR: { code: 'UNKNOWN_ERROR', message: 'VICIdial refused the request with a message this dashboard does not know.' },
  NOTICE: { code: 'UNKNOWN_NOTICE', message: 'VICIdial made no change, with a notice this dashboard does not know.' },
} as const;

export type VicidialCode =
  | Extract<Entry, { kind: 'vicidial' }>['code']
  | (typeof UNKNOWN_MESSAGES)[keyof typeof UNKNOWN_MESSAGES]['code'];

export type AuthCode = Extract<Entry, { kind: 'auth' }>['code'];

/** A catalogue entry with its code typed by kind. */
export type KnownMessage = CatalogueEntry &
  ({ readonly kind: 'auth'; readonly code: AuthCode } | { readonly kind: 'vicidial'; readonly code: VicidialCode });

const byText: ReadonlyMap<string, KnownMessage> = new Map(
  CATALOGUE.map((entry): [string, KnownMessage] => [entry.text, entry]),
);

/** The catalogue entry for a message text, if VICIdial's message is known. */
export function lookupMessage(text: string): KnownMessage | undefined {
  return byText.get(text);
}
