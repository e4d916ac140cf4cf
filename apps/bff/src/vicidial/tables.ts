/**
 * The columns of VICIdial's tables that the dashboard reads, and nothing else: this is everything
 * the dashboard relies on in a customer's database (read through a read-only user). Names are
 * VICIdial's own. The integration tests read them from the embedded VICIdial on SQLite and MariaDB.
 */
type Text = string | null;

export interface VicidialReadModel {
  phones: {
    extension: Text;
    server_ip: Text;
    login: Text;
    pass: Text;
    conf_secret: Text;
    dialplan_number: Text;
    voicemail_id: Text;
    protocol: Text;
    fullname: Text;
    local_gmt: Text;
    outbound_cid: Text;
    outbound_alt_cid: Text;
    email: Text;
    phone_context: Text;
    user_group: Text;
    active: Text;
    status: Text;
    phone_ring_timeout: number | null;
    delete_vm_after_email: Text;
    is_webphone: Text;
    webphone_auto_answer: Text;
    use_external_server_ip: Text;
    on_hook_agent: Text;
    template_id: string;
  };
  phones_alias: {
    alias_id: string;
    alias_name: Text;
    logins_list: Text;
    user_group: Text;
  };
  vicidial_inbound_dids: {
    did_id: number;
    did_pattern: string;
    did_description: Text;
    did_active: Text;
    did_route: Text;
    extension: Text;
    exten_context: Text;
    voicemail_ext: Text;
    phone: Text;
    server_ip: Text;
    user: Text;
    group_id: Text;
    call_handle_method: Text;
    agent_search_method: Text;
    list_id: number | string | null;
    entry_list_id: number | string | null;
    campaign_id: Text;
    phone_code: Text;
    menu_id: Text;
    record_call: Text;
    filter_clean_cid_number: Text;
    user_group: Text;
    modify_stamp: string;
  };
  vicidial_inbound_groups: { group_id: string; group_name: Text; active: Text; user_group: Text };
  vicidial_call_menu: { menu_id: string; menu_name: Text; user_group: Text };
  vicidial_campaigns: { campaign_id: string; campaign_name: Text; active: Text };
  vicidial_conf_templates: { template_id: string; template_name: string };
  vicidial_user_groups: { user_group: string; group_name: string };
  servers: {
    server_id: string;
    server_description: Text;
    server_ip: string;
    active: Text;
    active_asterisk_server: Text;
    generate_vicidial_conf: Text;
    rebuild_conf_files: Text;
    local_gmt: Text;
  };
  vicidial_admin_log: {
    admin_log_id: number;
    event_date: string;
    user: string;
    ip_address: string;
    event_section: string;
    event_type: Text;
    record_id: string;
    event_code: string;
    event_sql: Text;
    event_notes: Text;
  };
}

/** The columns above, at run time: the readiness check reads each table with them. */
export const READ_COLUMNS: { readonly [T in keyof VicidialReadModel]: readonly (keyof VicidialReadModel[T] & string)[] } = {
  phones: ['extension', 'server_ip', 'login', 'pass', 'conf_secret', 'dialplan_number', 'voicemail_id', 'protocol', 'fullname', 'local_gmt', 'outbound_cid',
    'outbound_alt_cid', 'email', 'phone_context', 'user_group', 'active', 'status', 'phone_ring_timeout', 'delete_vm_after_email', 'is_webphone',
    'webphone_auto_answer', 'use_external_server_ip', 'on_hook_agent', 'template_id'],
  phones_alias: ['alias_id', 'alias_name', 'logins_list', 'user_group'],
  vicidial_inbound_dids: ['did_id', 'did_pattern', 'did_description', 'did_active', 'did_route', 'extension', 'exten_context', 'voicemail_ext', 'phone',
    'server_ip', 'user', 'group_id', 'call_handle_method', 'agent_search_method', 'list_id', 'entry_list_id', 'campaign_id', 'phone_code', 'menu_id',
    'record_call', 'filter_clean_cid_number', 'user_group', 'modify_stamp'],
  vicidial_inbound_groups: ['group_id', 'group_name', 'active', 'user_group'],
  vicidial_call_menu: ['menu_id', 'menu_name', 'user_group'],
  vicidial_campaigns: ['campaign_id', 'campaign_name', 'active'],
  vicidial_conf_templates: ['template_id', 'template_name'],
  vicidial_user_groups: ['user_group', 'group_name'],
  servers: ['server_id', 'server_description', 'server_ip', 'active', 'active_asterisk_server', 'generate_vicidial_conf', 'rebuild_conf_files', 'local_gmt'],
  vicidial_admin_log: ['admin_log_id', 'event_date', 'user', 'ip_address', 'event_section', 'event_type', 'record_id', 'event_code', 'event_sql', 'event_notes'],
};

/** The tables the dashboard reads, for the read-only user's grants (one GRANT SELECT each). */
export const READ_TABLES = Object.keys(READ_COLUMNS) as (keyof VicidialReadModel)[];
