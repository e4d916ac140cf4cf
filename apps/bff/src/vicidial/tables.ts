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

/** The tables of VicidialReadModel, for the read-only user's grants (one GRANT SELECT each). */
export const READ_TABLES = [
  'phones',
  'phones_alias',
  'vicidial_inbound_dids',
  'vicidial_inbound_groups',
  'vicidial_call_menu',
  'vicidial_campaigns',
  'vicidial_conf_templates',
  'vicidial_user_groups',
  'servers',
  'vicidial_admin_log',
] as const satisfies ReadonlyArray<keyof VicidialReadModel>;

// Every table of the read model is in READ_TABLES (a compile error names the one missing).
const allReadTables: Record<Exclude<keyof VicidialReadModel, (typeof READ_TABLES)[number]>, never> = {};
void allReadTables;
