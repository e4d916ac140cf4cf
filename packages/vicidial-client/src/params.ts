/**
 * Parameters of the Non-Agent API functions this client calls, under the API's own names.
 * `user`, `pass`, `source` and `function` are not here: the client adds them from its configuration.
 */

export type YesNo = 'Y' | 'N';

/** The only protocols the API accepts (exact case); `PJSIP` is refused although the table allows it. */
export type PhoneProtocol = 'SIP' | 'IAX2' | 'Zap' | 'EXTERNAL';

export type WebphoneMode = 'Y' | 'N' | 'Y_API_LAUNCH';

export type DidRoute = 'EXTEN' | 'VOICEMAIL' | 'AGENT' | 'PHONE' | 'IN_GROUP' | 'CALLMENU' | 'VMAIL_NO_INST';

export type RecordCall = 'Y' | 'N' | 'Y_QUEUESTOP';

export type AgentSearchMethod = 'LO' | 'LB' | 'SO';

/** The value that clears a field, where VICIdial supports it (email, registration_password, ...). */
export const BLANK = '--BLANK--';

interface PhoneOptionalFields {
  phone_context?: string;
  email?: string;
  admin_user_group?: string;
  template_id?: string;
  is_webphone?: WebphoneMode;
  webphone_auto_answer?: YesNo;
  use_external_server_ip?: YesNo;
  on_hook_agent?: YesNo;
}

export interface AddPhoneParams extends PhoneOptionalFields {
  extension: string;
  dialplan_number: string;
  voicemail_id: string;
  phone_login: string;
  phone_pass: string;
  server_ip: string;
  protocol: PhoneProtocol;
  registration_password: string;
  phone_full_name: string;
  local_gmt: string;
  outbound_cid: string;
}

/** Partial update: only the fields present are changed. extension + server_ip identify the phone. */
export interface UpdatePhoneParams extends PhoneOptionalFields {
  extension: string;
  server_ip: string;
  dialplan_number?: string;
  voicemail_id?: string;
  phone_login?: string;
  phone_pass?: string;
  protocol?: PhoneProtocol;
  registration_password?: string;
  phone_full_name?: string;
  local_gmt?: string;
  outbound_cid?: string;
  outbound_alt_cid?: string;
  active?: YesNo;
  phone_ring_timeout?: number;
  delete_vm_after_email?: YesNo;
  /** `Y` deletes the phone (needs ast_delete_phones); other fields are then ignored. */
  delete_phone?: YesNo;
}

export interface AddPhoneAliasParams {
  alias_id: string;
  alias_name: string;
  /** Sent comma-joined. */
  phone_logins: readonly string[];
}

/** `phone_logins` replaces the whole list (no merge). */
export interface UpdatePhoneAliasParams {
  alias_id: string;
  alias_name?: string;
  phone_logins?: readonly string[];
  /** `Y` deletes the alias (needs ast_delete_phones). */
  delete_alias?: YesNo;
}

interface DidFields {
  did_description?: string;
  active?: YesNo;
  did_route?: DidRoute;
  record_call?: RecordCall;
  extension?: string;
  exten_context?: string;
  voicemail_ext?: string;
  phone_extension?: string;
  server_ip?: string;
  /** The in-group (IN_GROUP route). */
  group?: string;
  menu_id?: string;
  filter_clean_cid_number?: string;
  call_handle_method?: string;
  agent_search_method?: AgentSearchMethod;
  list_id?: string;
  entry_list_id?: string;
  campaign_id?: string;
  phone_code?: string;
}

export interface AddDidParams extends DidFields {
  did_pattern: string;
}

export interface UpdateDidParams extends DidFields {
  did_pattern: string;
  /** `Y` deletes the DID (needs delete_inbound_dids), even when other fields are bad. */
  delete_did?: YesNo;
}

export interface CopyDidParams {
  source_did_pattern: string;
  /** Sent comma-joined. */
  new_dids: readonly string[];
  /** Taken from the source DID when absent. */
  did_description?: string;
}

/** The client always sends stage=REFRESH; the type exists so every function has a parameter table. */
export interface ServerRefreshParams {
  stage: 'REFRESH';
}

export type VersionParams = Record<string, never>;

export interface FunctionParams {
  add_phone: AddPhoneParams;
  update_phone: UpdatePhoneParams;
  add_phone_alias: AddPhoneAliasParams;
  update_phone_alias: UpdatePhoneAliasParams;
  add_did: AddDidParams;
  copy_did: CopyDidParams;
  update_did: UpdateDidParams;
  server_refresh: ServerRefreshParams;
  version: VersionParams;
}

export type FunctionName = keyof FunctionParams;

type KeyTable<T> = { readonly [K in keyof Required<T>]: true };

const phoneOptional = {
  phone_context: true,
  email: true,
  admin_user_group: true,
  template_id: true,
  is_webphone: true,
  webphone_auto_answer: true,
  use_external_server_ip: true,
  on_hook_agent: true,
} as const satisfies KeyTable<PhoneOptionalFields>;

const didFields = {
  did_description: true,
  active: true,
  did_route: true,
  record_call: true,
  extension: true,
  exten_context: true,
  voicemail_ext: true,
  phone_extension: true,
  server_ip: true,
  group: true,
  menu_id: true,
  filter_clean_cid_number: true,
  call_handle_method: true,
  agent_search_method: true,
  list_id: true,
  entry_list_id: true,
  campaign_id: true,
  phone_code: true,
} as const satisfies KeyTable<DidFields>;

/**
 * The parameter names each function may send, checked against the types above by the compiler.
 * Only these leave the client: an extra key that slipped into a parameter object at run time
 * (say `delete_phone` from a spread request body, or `pass`) is never sent.
 */
export const PARAMETER_NAMES: { readonly [F in FunctionName]: KeyTable<FunctionParams[F]> } = {
  add_phone: {
    extension: true,
    dialplan_number: true,
    voicemail_id: true,
    phone_login: true,
    phone_pass: true,
    server_ip: true,
    protocol: true,
    registration_password: true,
    phone_full_name: true,
    local_gmt: true,
    outbound_cid: true,
    ...phoneOptional,
  },
  update_phone: {
    extension: true,
    server_ip: true,
    dialplan_number: true,
    voicemail_id: true,
    phone_login: true,
    phone_pass: true,
    protocol: true,
    registration_password: true,
    phone_full_name: true,
    local_gmt: true,
    outbound_cid: true,
    outbound_alt_cid: true,
    active: true,
    phone_ring_timeout: true,
    delete_vm_after_email: true,
    delete_phone: true,
    ...phoneOptional,
  },
  add_phone_alias: { alias_id: true, alias_name: true, phone_logins: true },
  update_phone_alias: { alias_id: true, alias_name: true, phone_logins: true, delete_alias: true },
  add_did: { did_pattern: true, ...didFields },
  update_did: { did_pattern: true, ...didFields, delete_did: true },
  copy_did: { source_did_pattern: true, new_dids: true, did_description: true },
  server_refresh: { stage: true },
  version: {},
};

/**
 * Parameters that carry a secret (besides the API password): an answer echoing one has it blanked
 * out before anything is read from it, as the API password has.
 */
export const SECRET_PARAMETERS = ['phone_pass', 'registration_password'] as const satisfies readonly (keyof AddPhoneParams)[];

/** Functions that change nothing on the server: the only ones the client may retry. */
export const READ_ONLY_FUNCTIONS: ReadonlySet<FunctionName> = new Set<FunctionName>(['version']);

/** Functions VICIdial answers without a login; the client sends them no credentials. */
export const ANONYMOUS_FUNCTIONS: ReadonlySet<FunctionName> = new Set<FunctionName>(['version']);
