// The demo call center: what `npm start` shows. A small company with a sales floor in Chicago, a
// support floor in Atlanta, remote and international agents, two telephony servers and one DB/web
// server. Every value follows VICIdial's own rules, so anything the dashboard shows can be edited
// and saved back through the API unchanged.
import type { Insertable, Kysely } from 'kysely';
import type { VicidialDatabase } from '../db/schema.js';
import { insertRows } from './insert.js';
import { createRandom, type Random } from './random.js';
import {
  type DidSpec,
  type DidTarget,
  didRow,
  inGroupTarget,
  type PhoneSpec,
  phoneRow,
  RECORD_CALL_CHOICES,
  WEBRTC_TEMPLATE,
} from './rows.js';
import { seedSchemaFileRows } from './schema-file.js';

/** The dashboard's API account (a dedicated VICIdial user, as the dashboard expects in production). */
export const DEMO_API_USER = 'dashboard';
export const DEMO_API_PASS = 'Dash-Demo-2026';

/** An alias that still lists a login whose phone was deleted (VICIdial never cleans aliases up). */
export const STALE_ALIAS_ID = 'support_legacy';
export const STALE_LOGIN = '2017b';

/** The telephony servers, each in the office whose phones it serves. */
export const SERVERS = {
  ast1: { id: 'ast1', ip: '10.20.0.11', letter: 'a', localGmt: '-6.00', mainNumber: '3125550100' },
  ast2: { id: 'ast2', ip: '10.20.0.12', letter: 'b', localGmt: '-5.00', mainNumber: '4045550100' },
} as const;
type TelephonyServer = keyof typeof SERVERS;

const SERVER_ROWS: Insertable<VicidialDatabase['servers']>[] = [
  server('ast1', 'Telephony 1 - Chicago', SERVERS.ast1.ip, SERVERS.ast1.localGmt, true),
  server('ast2', 'Telephony 2 - Atlanta', SERVERS.ast2.ip, SERVERS.ast2.localGmt, true),
  // The database and web server: no Asterisk, so it never rebuilds phone configuration.
  server('web1', 'Database and web server', '10.20.0.10', '-5.00', false),
];

function server(id: string, description: string, ip: string, localGmt: string, telephony: boolean): Insertable<VicidialDatabase['servers']> {
  const yn = telephony ? 'Y' : 'N';
  return {
    server_id: id,
    server_description: description,
    server_ip: ip,
    active: 'Y',
    asterisk_version: '18.21.0-vici',
    active_asterisk_server: yn,
    generate_vicidial_conf: yn,
    rebuild_conf_files: 'N',
    local_gmt: localGmt,
  };
}

const USER_GROUPS = ['SALES', 'SUPPORT'].map((group) => ({
  user_group: group,
  group_name: group === 'SALES' ? 'Sales floor' : 'Support floor',
  allowed_campaigns: ' -ALL-CAMPAIGNS- - -',
  admin_viewable_groups: ` ${group} `,
  admin_viewable_call_times: ' ---ALL--- ',
  agent_status_viewable_groups: ' --ALL-GROUPS-- ',
}));

/** Agents that DIDs of the AGENT route ring directly. */
export const AGENTS = [
  { user: 'mlopez', full_name: 'Maria Lopez', user_group: 'SALES' },
  { user: 'jnguyen', full_name: 'James Nguyen', user_group: 'SALES' },
  { user: 'apatel', full_name: 'Anika Patel', user_group: 'SALES' },
  { user: 'skim', full_name: 'Sung Kim', user_group: 'SUPPORT' },
  { user: 'dokafor', full_name: 'David Okafor', user_group: 'SUPPORT' },
  { user: 'erossi', full_name: 'Elena Rossi', user_group: 'SUPPORT' },
] as const;

const API_USER: Omit<Insertable<VicidialDatabase['vicidial_users']>, 'user'> = {
  pass: DEMO_API_PASS,
  full_name: 'Admin dashboard API account',
  user_level: 9,
  user_group: 'ADMIN',
  active: 'Y',
  vdc_agent_api_access: '1',
  ast_admin_access: '1',
  ast_delete_phones: '1',
  modify_phones: '1',
  modify_inbound_dids: '1',
  delete_inbound_dids: '1',
  api_allowed_functions: ' ALL_FUNCTIONS ',
  api_only_user: '1',
};

export const IN_GROUPS: Insertable<VicidialDatabase['vicidial_inbound_groups']>[] = [
  inGroup('SALES_EN', 'Sales - English', '#66CC66', 'SALES', { next_agent_call: 'longest_wait_time', call_time_id: '9am-9pm' }),
  inGroup('SALES_ES', 'Ventas - Espanol', '#99CCFF', 'SALES', { next_agent_call: 'longest_wait_time', call_time_id: '9am-9pm' }),
  inGroup('SUPPORT_T1', 'Support tier 1', '#FFCC66', 'SUPPORT', { next_agent_call: 'fewest_calls', queue_priority: 1 }),
  inGroup('SUPPORT_T2', 'Support tier 2', '#FF9933', 'SUPPORT', { next_agent_call: 'ring_all', queue_priority: 5 }),
  inGroup('BILLING', 'Billing questions', '#CC99FF', '---ALL---', { call_time_id: '9am-5pm', drop_action: 'VOICEMAIL', voicemail_ext: '5003' }),
  inGroup('RETENTION', 'Retention - save desk', '#FF6666', '---ALL---', { next_agent_call: 'oldest_call_finish', queue_priority: 9 }),
  inGroup('AFTERHOURS', 'After-hours overflow', '#CCCCCC', '---ALL---', { drop_action: 'VOICEMAIL', voicemail_ext: '5001' }),
  inGroup('PROMO_2023', 'Spring promo 2023 - retired', 'white', '---ALL---', { active: 'N' }),
];

function inGroup(
  group_id: string,
  group_name: string,
  group_color: string,
  user_group: string,
  extra: Partial<Insertable<VicidialDatabase['vicidial_inbound_groups']>>,
): Insertable<VicidialDatabase['vicidial_inbound_groups']> {
  return { group_id, group_name, group_color, active: 'Y', user_group, ...extra };
}

export const CALL_MENUS: Insertable<VicidialDatabase['vicidial_call_menu']>[] = [
  callMenu('MAIN_IVR', 'Main menu - 1 sales, 2 support, 3 billing', 'acme-welcome|acme-main-options', 10, '---ALL---'),
  callMenu('SALES_IVR', 'Sales - 1 new order, 2 existing order', 'acme-sales-options', 8, 'SALES'),
  callMenu('SUPPORT_IVR', 'Support - 1 outage, 2 account, 3 other', 'acme-support-options', 10, 'SUPPORT'),
  callMenu('SPANISH_IVR', 'Menu en espanol', 'acme-bienvenida|acme-opciones', 10, '---ALL---'),
  callMenu('AFTERHOURS_IVR', 'After hours - leave a message or hold', 'acme-closed|acme-after-hours-options', 15, '---ALL---'),
];

function callMenu(
  menu_id: string,
  menu_name: string,
  prompts: string,
  menu_timeout: number,
  user_group: string,
): Insertable<VicidialDatabase['vicidial_call_menu']> {
  return { menu_id, menu_name, menu_prompt: `sip-silence|${prompts}`, menu_timeout, user_group };
}

export const CAMPAIGNS: Insertable<VicidialDatabase['vicidial_campaigns']>[] = [
  { campaign_id: 'OUTSALES', campaign_name: 'Outbound sales', active: 'Y', user_group: 'SALES' },
  { campaign_id: 'WINBACK', campaign_name: 'Customer win-back', active: 'Y', user_group: 'SALES' },
  { campaign_id: 'BLENDED', campaign_name: 'Blended inbound support', active: 'Y', user_group: 'SUPPORT' },
  { campaign_id: 'SURVEY', campaign_name: 'Post-call survey', active: 'N', user_group: '---ALL---' },
];

/** A floor or desk: consecutive extensions with the same equipment and settings. */
interface Team {
  server: TelephonyServer;
  first: number;
  count: number;
  protocol: PhoneSpec['protocol'];
  timeZones: readonly string[];
  userGroup: string;
  phoneType: string;
  outboundCid: string;
  webphone?: boolean;
  /** Extensions whose phone is switched off (agent left, desk unused). */
  inactive?: readonly number[];
}

const TEAMS: readonly Team[] = [
  {
    server: 'ast1', first: 1001, count: 20, protocol: 'SIP', timeZones: ['-6.00'], userGroup: 'SALES',
    phoneType: 'Yealink T46U', outboundCid: SERVERS.ast1.mainNumber, inactive: [1019, 1020],
  },
  {
    server: 'ast2', first: 2001, count: 16, protocol: 'SIP', timeZones: ['-5.00'], userGroup: 'SUPPORT',
    phoneType: 'Polycom VVX 450', outboundCid: SERVERS.ast2.mainNumber, inactive: [2016],
  },
  {
    server: 'ast1', first: 3001, count: 8, protocol: 'SIP', timeZones: ['-7.00', '-8.00'], userGroup: '---ALL---',
    phoneType: 'VICIphone WebRTC', outboundCid: '4155550100', webphone: true, inactive: [3008],
  },
  // London, London, Paris, Pune, Manila, Sydney.
  {
    server: 'ast2', first: 4001, count: 6, protocol: 'IAX2', timeZones: ['0.00', '0.00', '1.00', '5.50', '8.00', '10.00'],
    userGroup: '---ALL---', phoneType: 'Zoiper 5', outboundCid: '2125550100',
  },
  {
    server: 'ast1', first: 5001, count: 4, protocol: 'SIP', timeZones: ['-6.00'], userGroup: '---ALL---',
    phoneType: 'Yealink T54W', outboundCid: SERVERS.ast1.mainNumber,
  },
];

/** A phone of a place rather than a person; `dialplanNumber` makes it a forward to a mobile. */
function placePhone(server: TelephonyServer, extension: string, fullname: string, phoneType: string, dialplanNumber?: string): PhoneSpec {
  return {
    extension,
    serverIp: SERVERS[server].ip,
    login: loginOf(extension, server),
    protocol: dialplanNumber ? 'EXTERNAL' : 'SIP',
    localGmt: SERVERS[server].localGmt,
    userGroup: '---ALL---',
    phoneType,
    outboundCid: SERVERS[server].mainNumber,
    active: true,
    fullname,
    ...(dialplanNumber ? { dialplanNumber } : {}),
  };
}

/** VICIdial's usual login scheme here: the extension plus a letter for its server. */
const loginOf = (extension: number | string, server: TelephonyServer): string => `${extension}${SERVERS[server].letter}`;

export function demoPhoneSpecs(): PhoneSpec[] {
  const fromTeams = TEAMS.flatMap((team) =>
    Array.from({ length: team.count }, (_, i): PhoneSpec => {
      const extension = team.first + i;
      return {
        extension: String(extension),
        serverIp: SERVERS[team.server].ip,
        login: loginOf(extension, team.server),
        protocol: team.protocol,
        localGmt: team.timeZones[i % team.timeZones.length] as string,
        userGroup: team.userGroup,
        phoneType: team.phoneType,
        outboundCid: team.outboundCid,
        active: !team.inactive?.includes(extension),
        webphone: team.webphone ?? false,
      };
    }),
  );
  return [
    ...fromTeams,
    placePhone('ast2', '7001', 'Conference room A', 'Polycom Trio 8800'),
    placePhone('ast2', '7002', 'Conference room B', 'Polycom Trio 8800'),
    // The same extension on both servers: a phone is identified by extension and server together.
    placePhone('ast1', '8000', 'Front desk Chicago', 'Yealink T46U'),
    placePhone('ast2', '8000', 'Front desk Atlanta', 'Yealink T46U'),
    placePhone('ast1', '9001', 'On-call mobile Chicago', 'Mobile forward', '913125550190'),
    placePhone('ast2', '9002', 'On-call mobile Atlanta', 'Mobile forward', '914045550190'),
  ];
}

const range = (first: number, last: number, server: TelephonyServer): string[] =>
  Array.from({ length: last - first + 1 }, (_, i) => loginOf(first + i, server));

const ALIASES: Insertable<VicidialDatabase['phones_alias']>[] = [
  alias('sales_pod1', 'Sales pod 1', range(1001, 1006, 'ast1')),
  alias('sales_pod2', 'Sales pod 2', range(1007, 1012, 'ast1')),
  alias('sales_pod3', 'Sales pod 3', range(1013, 1020, 'ast1')),
  alias('support_t1', 'Support tier 1 desks', range(2001, 2008, 'ast2')),
  alias('support_t2', 'Support tier 2 desks', range(2009, 2015, 'ast2')),
  alias(STALE_ALIAS_ID, 'Support desks - before the 2025 move', ['2014b', '2015b', STALE_LOGIN]),
  alias('remote_agents', 'Remote agents - WebRTC', range(3001, 3008, 'ast1')),
  alias('intl_desks', 'International desks: London/Pune/Manila', range(4001, 4006, 'ast2')),
  alias('supervisors', 'Supervisors', range(5001, 5004, 'ast1')),
  alias('meeting_rooms', 'Meeting rooms', range(7001, 7002, 'ast2')),
  alias('front_desk', 'Front desks', ['8000a', '8000b']),
  alias('on_call', 'On-call mobiles', ['9001a', '9002b']),
];

function alias(alias_id: string, alias_name: string, logins: string[]): Insertable<VicidialDatabase['phones_alias']> {
  return { alias_id, alias_name, logins_list: logins.join(',') };
}

/** Consecutive numbers of a block: `numbers('312555', 101, 3)` gives 3125550101, 3125550102, 3125550103. */
const numbers = (prefix: string, first: number, count: number, width = 4): string[] =>
  Array.from({ length: count }, (_, i) => prefix + String(first + i).padStart(width, '0'));

/** A block of DIDs bought together and routed the same way. */
interface DidBlock {
  patterns: string[];
  describe: (i: number) => string;
  userGroup: string;
  target: (i: number, random: Random) => DidTarget;
  /** All numbers of the block are switched off (a retired campaign). */
  retired?: boolean;
}

const EXTEN_TARGETS = [
  { extension: '8368', what: 'Fax to email' },
  { extension: '8600051', what: 'Conference bridge' },
  { extension: '8300', what: 'Hold music line' },
  { extension: '43', what: 'Echo test line' },
  { extension: '8500', what: 'Voicemail main menu' },
  { extension: '9998811112', what: 'Unassigned number' },
];
const VOICEMAIL_BOXES = ['5001', '5002', '5003', '5004', '2001', '1001', '8000', '7001'];

/** The i-th item of a list taken round and round. */
const cycle = <T>(items: readonly T[], i: number): T => items[i % items.length] as T;

function demoDidBlocks(phones: readonly PhoneSpec[]): DidBlock[] {
  // Direct lines ring people's desks; spread them over the floors (7 is prime to the count).
  const desks = phones.filter((p) => p.active && p.protocol !== 'EXTERNAL' && p.fullname === undefined);
  const desk = (i: number): PhoneSpec => cycle(desks, i * 7);
  const exten = (i: number) => cycle(EXTEN_TARGETS, i);
  const agent = (i: number) => cycle(AGENTS, i);
  const block = (patterns: string[], userGroup: string, describe: DidBlock['describe'], target: DidBlock['target']): DidBlock => ({
    patterns,
    userGroup,
    describe,
    target,
  });
  return [
    block(numbers('312555', 101, 18), 'SALES', (i) => `Sales line ${i + 1}`, inGroupTarget('SALES_EN', 'OUTSALES', 10001)),
    block(numbers('+1312555', 120, 6), 'SALES', (i) => `Spanish sales line ${i + 1}`, inGroupTarget('SALES_ES', 'OUTSALES', 10002)),
    block(numbers('404555', 101, 10), 'SUPPORT', (i) => `Support line ${i + 1}`, inGroupTarget('SUPPORT_T1', 'BLENDED', 20001)),
    block(numbers('404555', 111, 5), 'SUPPORT', (i) => `Support escalations ${i + 1}`, inGroupTarget('SUPPORT_T2', 'BLENDED', 20001)),
    block(numbers('404555', 120, 3), '---ALL---', (i) => `Billing line ${i + 1}`, inGroupTarget('BILLING', 'WINBACK', 30001)),
    block(numbers('404555', 123, 3), '---ALL---', (i) => `Retention line ${i + 1}`, inGroupTarget('RETENTION', 'WINBACK', 30001)),
    block(numbers('+44207946', 101, 4), 'SUPPORT', (i) => `UK support line ${i + 1}`, inGroupTarget('SUPPORT_T1', 'BLENDED', 20002, '44')),
    {
      ...block(numbers('877555', 123, 2), '---ALL---', (i) => `Spring promo 2023 number ${i + 1}`, inGroupTarget('PROMO_2023', 'OUTSALES', 10003)),
      retired: true,
    },
    block(['3125550199'], '---ALL---', () => 'Agent direct queue', inGroupTarget('AGENTDIRECT', 'BLENDED', 999)),
    block(numbers('800555', 101, 10), '---ALL---', (i) => `Toll-free main ${i + 1}`, (i) => ({ route: 'CALLMENU', menuId: i < 6 ? 'MAIN_IVR' : 'SALES_IVR' })),
    block(numbers('888555', 101, 6), '---ALL---', (i) => `Toll-free support ${i + 1}`, (i) => ({ route: 'CALLMENU', menuId: i < 4 ? 'SUPPORT_IVR' : 'SPANISH_IVR' })),
    block(numbers('+1800555', 150, 4), '---ALL---', (i) => `After-hours toll-free ${i + 1}`, () => ({ route: 'CALLMENU', menuId: 'AFTERHOURS_IVR' })),
    block(
      numbers('212555', 101, 12),
      '---ALL---',
      (i) => `${exten(i).what} ${Math.floor(i / EXTEN_TARGETS.length) + 1}`,
      (i) => ({ route: 'EXTEN', extension: exten(i).extension, context: 'default' }),
    ),
    block(
      numbers('415555', 101, 14),
      '---ALL---',
      (i) => `Direct line ext ${desk(i).extension}`,
      (i) => ({ route: 'PHONE', extension: desk(i).extension, serverIp: desk(i).serverIp }),
    ),
    block(
      numbers('415555', 120, 8),
      '---ALL---',
      (i) => `Agent direct - ${agent(i).full_name}`,
      (i) => ({ route: 'AGENT', user: agent(i).user, unavailableAction: i % 2 === 0 ? 'VOICEMAIL' : 'IN_GROUP' }),
    ),
    block(numbers('212555', 120, 8), '---ALL---', (i) => `Voicemail box ${cycle(VOICEMAIL_BOXES, i)}`, (i) => ({ route: 'VOICEMAIL', voicemailExt: cycle(VOICEMAIL_BOXES, i) })),
    block(numbers('212555', 130, 6), '---ALL---', (i) => `Message line, no greeting ${i + 1}`, (i) => ({ route: 'VMAIL_NO_INST', voicemailExt: cycle(VOICEMAIL_BOXES, i) })),
  ];
}

/** Every DID of the blocks, with some numbers switched off and some recorded. */
function demoDids(phones: readonly PhoneSpec[], random: Random): DidSpec[] {
  return demoDidBlocks(phones).flatMap((block) =>
    block.patterns.map((pattern, i): DidSpec => ({
      pattern,
      description: block.describe(i),
      active: !block.retired && !random.chance(0.08),
      record: random.pick(RECORD_CALL_CHOICES),
      userGroup: block.userGroup,
      target: block.target(i, random),
    })),
  );
}

/** Seeds for the generator streams: each part of the data has its own, so they vary independently. */
const PHONE_SEED = 2026_01;
const DID_SEED = 2026_02;
const USER_SEED = 2026_03;

export interface DemoSeedOptions {
  /** The name of the dashboard's API user (what VICIDIAL_API_USER says); DEMO_API_USER by default. */
  apiUser?: string;
}

/** Seeds the demo call center into an empty VICIdial schema. */
export async function seedDemo(db: Kysely<VicidialDatabase>, { apiUser = DEMO_API_USER }: DemoSeedOptions = {}): Promise<void> {
  await seedSchemaFileRows(db);
  await insertRows(db, 'servers', SERVER_ROWS);
  await insertRows(db, 'vicidial_user_groups', USER_GROUPS);
  const users = createRandom(USER_SEED);
  await insertRows(db, 'vicidial_users', [
    { ...API_USER, user: apiUser },
    ...AGENTS.map((agent) => ({ ...agent, pass: users.token(10), user_level: 1, active: 'Y' })),
  ]);
  await insertRows(db, 'vicidial_conf_templates', [
    { template_id: WEBRTC_TEMPLATE, template_name: 'SIP WebRTC phone (VICIphone)' },
  ]);
  const phones = demoPhoneSpecs();
  const phoneRandom = createRandom(PHONE_SEED);
  await insertRows(db, 'phones', phones.map((spec) => phoneRow(spec, phoneRandom)));
  await insertRows(db, 'phones_alias', ALIASES);
  await insertRows(db, 'vicidial_inbound_groups', IN_GROUPS);
  await insertRows(db, 'vicidial_call_menu', CALL_MENUS);
  await insertRows(db, 'vicidial_campaigns', CAMPAIGNS);
  await insertRows(db, 'vicidial_inbound_dids', demoDids(phones, createRandom(DID_SEED)).map(didRow));
}
