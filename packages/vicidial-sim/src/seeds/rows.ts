// Row builders shared by the demo and scale seeds: each turns a short description of a phone or DID
// into a full row in VICIdial's columns, always naming the same columns (see insertRows).
import type { Insertable } from 'kysely';
import type { VicidialDatabase } from '../db/schema.js';
import type { Random } from './random.js';

export type PhoneRow = Insertable<VicidialDatabase['phones']>;
export type DidRow = Insertable<VicidialDatabase['vicidial_inbound_dids']>;

/** phones_alias.logins_list is VARCHAR(255): VICIdial cuts a longer list, possibly mid-login. */
export const MAX_LOGINS_LIST = 255;

export type PhoneProtocol = 'SIP' | 'IAX2' | 'EXTERNAL';

export interface PhoneSpec {
  extension: string;
  serverIp: string;
  login: string;
  protocol: PhoneProtocol;
  /** One of VICIdial's offsets, written as its admin screen writes them ('-5.00', '5.50'). */
  localGmt: string;
  userGroup: string;
  phoneType: string;
  outboundCid: string;
  active: boolean;
  webphone?: boolean;
  /** What VICIdial dials to reach the phone; the outside number for EXTERNAL phones. */
  dialplanNumber?: string;
  /** Shared phones (front desk, meeting rooms) carry a place, not a person. */
  fullname?: string;
}

const FIRST_NAMES = [
  'Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Mateo', 'Sophia', 'Lucas', 'Isabella', 'Ethan',
  'Mia', 'Aiden', 'Amara', 'Jamal', 'Priya', 'Arjun', 'Mei', 'Wei', 'Fatima', 'Omar',
  'Chloe', 'Diego', 'Grace', 'Kenji', 'Hannah', 'Samuel', 'Zoe', 'Malik', 'Nora', 'Luis',
  'Ingrid', 'Tomas', 'Aisha', 'Daniel', 'Leah', 'Rafael', 'Yuki', 'Carmen', 'Owen', 'Elena',
];
const LAST_NAMES = [
  'Johnson', 'Garcia', 'Nguyen', 'Patel', 'Kim', 'Okafor', 'Rossi', 'Schmidt', 'Silva', 'Cohen',
  'Williams', 'Brown', 'Martinez', 'Lopez', 'Anderson', 'Thomas', 'Moore', 'Jackson', 'Lee', 'Walker',
  'Hernandez', 'Young', 'Allen', 'Wright', 'Scott', 'Green', 'Baker', 'Adams', 'Nelson', 'Hill',
  'Campbell', 'Mitchell', 'Roberts', 'Carter', 'Phillips', 'Evans', 'Turner', 'Torres', 'Parker', 'Collins',
];

const TEMPLATES: Record<PhoneProtocol, string> = { SIP: 'SIP_generic', IAX2: 'IAX_generic', EXTERNAL: '' };
/** A template the demo adds for browser phones (VICIphone); see demo.ts. */
export const WEBRTC_TEMPLATE = 'SIP_webrtc';
const RING_TIMEOUTS = [60, 60, 60, 45, 30];

export function phoneRow(spec: PhoneSpec, random: Random): PhoneRow {
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  const hasEmail = spec.fullname === undefined && random.chance(0.75);
  return {
    extension: spec.extension,
    dialplan_number: spec.dialplanNumber ?? spec.extension,
    voicemail_id: spec.extension,
    server_ip: spec.serverIp,
    login: spec.login,
    pass: random.token(10),
    conf_secret: spec.protocol === 'EXTERNAL' ? 'test' : random.token(16),
    status: spec.active ? 'ACTIVE' : 'SUSPENDED',
    active: spec.active ? 'Y' : 'N',
    phone_type: spec.phoneType,
    fullname: spec.fullname ?? `${first} ${last}`,
    protocol: spec.protocol,
    local_gmt: spec.localGmt,
    outbound_cid: spec.outboundCid,
    email: hasEmail ? `${first}.${last}@example.com`.toLowerCase() : '',
    template_id: spec.webphone ? WEBRTC_TEMPLATE : TEMPLATES[spec.protocol],
    user_group: spec.userGroup,
    phone_context: 'default',
    is_webphone: spec.webphone ? 'Y' : 'N',
    phone_ring_timeout: random.pick(RING_TIMEOUTS),
  };
}

export type DidTarget =
  | { route: 'EXTEN'; extension: string; context: string }
  | { route: 'VOICEMAIL' | 'VMAIL_NO_INST'; voicemailExt: string }
  | { route: 'AGENT'; user: string; unavailableAction: 'VOICEMAIL' | 'IN_GROUP' }
  | { route: 'PHONE'; extension: string; serverIp: string }
  | { route: 'CALLMENU'; menuId: string }
  | {
      route: 'IN_GROUP';
      groupId: string;
      callHandleMethod: string;
      agentSearchMethod: 'LO' | 'LB' | 'SO';
      listId: number;
      entryListId: number;
      campaignId: string;
      phoneCode: string;
    };

export type DidRoute = DidTarget['route'];

/**
 * An IN_GROUP route as supervisors set them up: mostly plain caller-id handling, some lookups that
 * add or match leads in `listId`, a few with an entry list.
 */
export const inGroupTarget =
  (groupId: string, campaignId: string, listId: number, phoneCode = '1') =>
  (_: number, random: Random): DidTarget => ({
    route: 'IN_GROUP',
    groupId,
    callHandleMethod: random.pick(['CID', 'CID', 'CIDLOOKUP', 'CIDLOOKUPRL', 'ANI', 'CLOSER']),
    agentSearchMethod: random.pick(['LB', 'LB', 'LO', 'SO'] as const),
    listId,
    entryListId: random.chance(0.3) ? listId + 1000 : 0,
    campaignId,
    phoneCode,
  });
export const DID_ROUTES: readonly DidRoute[] = ['EXTEN', 'VOICEMAIL', 'AGENT', 'PHONE', 'IN_GROUP', 'CALLMENU', 'VMAIL_NO_INST'];

/** How often calls are recorded: mostly not, some always, a few only until queued. */
export const RECORD_CALL_CHOICES = ['N', 'N', 'N', 'Y', 'Y', 'Y_QUEUESTOP'] as const;

export interface DidSpec {
  pattern: string;
  description: string;
  active: boolean;
  record: (typeof RECORD_CALL_CHOICES)[number];
  userGroup: string;
  target: DidTarget;
}

/** The route columns as add_did leaves them when no route field is given. */
const UNROUTED = {
  extension: '9998811112',
  exten_context: 'default',
  voicemail_ext: null,
  phone: null,
  server_ip: null,
  user: null,
  user_unavailable_action: 'VOICEMAIL',
  group_id: null,
  call_handle_method: 'CID',
  agent_search_method: 'LB',
  list_id: 999,
  entry_list_id: 0,
  campaign_id: null,
  phone_code: '1',
  menu_id: '',
} satisfies Partial<DidRow>;

export function didRow(spec: DidSpec): DidRow {
  return {
    did_pattern: spec.pattern,
    did_description: spec.description,
    did_active: spec.active ? 'Y' : 'N',
    did_route: spec.target.route,
    record_call: spec.record,
    user_group: spec.userGroup,
    ...UNROUTED,
    ...routeColumns(spec.target),
  };
}

function routeColumns(target: DidTarget): Partial<DidRow> {
  switch (target.route) {
    case 'EXTEN':
      return { extension: target.extension, exten_context: target.context };
    case 'VOICEMAIL':
    case 'VMAIL_NO_INST':
      return { voicemail_ext: target.voicemailExt };
    case 'AGENT':
      return { user: target.user, user_unavailable_action: target.unavailableAction };
    case 'PHONE':
      return { phone: target.extension, server_ip: target.serverIp };
    case 'CALLMENU':
      return { menu_id: target.menuId };
    case 'IN_GROUP':
      return {
        group_id: target.groupId,
        call_handle_method: target.callHandleMethod,
        agent_search_method: target.agentSearchMethod,
        list_id: target.listId,
        entry_list_id: target.entryListId,
        campaign_id: target.campaignId,
        phone_code: target.phoneCode,
      };
  }
}
