// The scale seed: the demo call center grown to the size VICIdial's costs were measured at
// (shared/vicidial/README.md), so list, search and alias benchmarks run against realistic volumes.
import { type Kysely, sql } from 'kysely';
import type { VicidialDatabase } from '../db/schema.js';
import { AGENTS, CALL_MENUS, CAMPAIGNS, type DemoSeedOptions, demoPhoneSpecs, IN_GROUPS, SERVERS, seedDemo } from './demo.js';
import { insertRows } from './insert.js';
import { createRandom, type Random } from './random.js';
import { type DidSpec, type DidTarget, didRow, inGroupTarget, type PhoneSpec, MAX_LOGINS_LIST, phoneRow, RECORD_CALL_CHOICES } from './rows.js';

/** Totals after seeding, demo rows included. */
export const SCALE_COUNTS = { phones: 20_000, dids: 50_000, aliases: 5_000 } as const;

const SCALE_SEED = 2026_10;
/** Generated extensions start above the demo's. */
const FIRST_EXTENSION = 10_000;

const TIME_ZONES = ['-5.00', '-5.00', '-6.00', '-6.00', '-7.00', '-8.00', '-10.00', '-3.00', '0.00', '1.00', '2.00', '5.50', '8.00', '9.50', '10.00'];
const PHONE_TYPES = ['Yealink T46U', 'Yealink T54W', 'Polycom VVX 450', 'Grandstream GXP2170', 'Cisco SPA504G', 'Zoiper 5', 'MicroSIP'];
const USER_GROUPS = ['---ALL---', '---ALL---', '---ALL---', 'SALES', 'SUPPORT'];
const AREA_CODES = ['212', '305', '312', '404', '415', '469', '503', '602', '617', '702', '713', '720', '773', '813', '919'];
const TOLL_FREE = ['800', '833', '844', '855', '866', '877', '888'];

/** Seeds the demo, then generates phones, aliases and DIDs up to SCALE_COUNTS. */
export async function seedScale(db: Kysely<VicidialDatabase>, options: DemoSeedOptions = {}): Promise<void> {
  await seedDemo(db, options);
  const random = createRandom(SCALE_SEED);
  const phones = generatePhones(SCALE_COUNTS.phones - (await countRows(db, 'phones')), random);
  await insertRows(db, 'phones', phones.map((spec) => phoneRow(spec, random)));

  const logins = [...demoPhoneSpecs(), ...phones].map((phone) => phone.login);
  const aliasCount = SCALE_COUNTS.aliases - (await countRows(db, 'phones_alias'));
  await insertRows(db, 'phones_alias', Array.from({ length: aliasCount }, (_, i) => generateAlias(i + 1, logins, random)));

  const existing = await db.selectFrom('vicidial_inbound_dids').select('did_pattern').execute();
  const dids = generateDids(SCALE_COUNTS.dids - existing.length, new Set(existing.map((d) => nationalNumber(d.did_pattern))), phones, random);
  await insertRows(db, 'vicidial_inbound_dids', dids.map(didRow));
}

async function countRows(db: Kysely<VicidialDatabase>, table: 'phones' | 'phones_alias'): Promise<number> {
  const row = await db.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Phones come in teams of consecutive extensions on one server with the same equipment. */
function generatePhones(count: number, random: Random): PhoneSpec[] {
  const phones: PhoneSpec[] = [];
  while (phones.length < count) {
    const server = random.pick([SERVERS.ast1, SERVERS.ast2]);
    const protocol = random.chance(0.12) ? 'IAX2' : 'SIP';
    const team = {
      localGmt: random.pick(TIME_ZONES),
      userGroup: random.pick(USER_GROUPS),
      phoneType: protocol === 'IAX2' ? 'Zoiper 5' : random.pick(PHONE_TYPES),
      outboundCid: usNumber(random.pick(AREA_CODES), random),
      webphone: protocol === 'SIP' && random.chance(0.1),
    };
    const size = Math.min(random.int(20, 120), count - phones.length);
    for (let i = 0; i < size; i++) {
      const extension = String(FIRST_EXTENSION + phones.length);
      // A few desks forward to a mobile instead of ringing a handset.
      const external = random.chance(0.02);
      phones.push({
        ...team,
        extension,
        serverIp: server.ip,
        login: `${extension}${server.letter}`,
        protocol: external ? 'EXTERNAL' : protocol,
        phoneType: external ? 'Mobile forward' : team.phoneType,
        webphone: !external && team.webphone,
        active: random.chance(0.95),
        ...(external ? { dialplanNumber: `9${usNumber(random.pick(AREA_CODES), random)}` } : {}),
      });
    }
  }
  return phones;
}

const ALIAS_KINDS = ['pod', 'team', 'desk', 'hunt', 'shift', 'skill', 'floor'];

/** An alias of a few logins; one in a hundred is long, filling most of the 255-character list. */
function generateAlias(n: number, logins: readonly string[], random: Random) {
  const kind = random.pick(ALIAS_KINDS);
  const wanted = random.chance(0.01) ? 60 : random.int(2, 12);
  const chosen = new Set<string>();
  let length = -1;
  while (chosen.size < wanted) {
    const login = random.pick(logins);
    if (chosen.has(login)) continue;
    if (length + 1 + login.length > MAX_LOGINS_LIST) break;
    chosen.add(login);
    length += 1 + login.length;
  }
  const number = String(n).padStart(4, '0');
  return { alias_id: `${kind}_${number}`, alias_name: `${kind[0]?.toUpperCase()}${kind.slice(1)} ${number}`, logins_list: [...chosen].join(',') };
}

const usNumber = (areaCode: string, random: Random): string =>
  // Exchange 555 is the demo's; leaving it out keeps generated numbers apart from the demo's.
  `${areaCode}${random.pick([random.int(200, 554), random.int(556, 999)])}${String(random.int(0, 9999)).padStart(4, '0')}`;

/** The number without its `+1`/`+` so the same number is not bought twice in two spellings. */
const nationalNumber = (pattern: string): string => pattern.replace(/^\+1?/, '');

function didPattern(random: Random): string {
  const kind = random.next();
  if (kind < 0.03) return `+4420${random.int(3000_0000, 8999_9999)}`;
  if (kind < 0.05) return `+5255${random.int(1000_0000, 9999_9999)}`;
  if (kind < 0.12) return usNumber(random.pick(TOLL_FREE), random);
  const number = usNumber(random.pick(AREA_CODES), random);
  return random.chance(0.15) ? `+1${number}` : number;
}

function generateDids(count: number, taken: Set<string>, phones: readonly PhoneSpec[], random: Random): DidSpec[] {
  const dids: DidSpec[] = [];
  while (dids.length < count) {
    const pattern = didPattern(random);
    if (taken.has(nationalNumber(pattern))) continue;
    taken.add(nationalNumber(pattern));
    const { target, description } = randomRoute(dids.length + 1, phones, random);
    dids.push({
      pattern,
      description,
      active: random.chance(0.93),
      record: random.pick(RECORD_CALL_CHOICES),
      userGroup: random.pick(USER_GROUPS),
      target,
    });
  }
  return dids;
}

/** A route weighted like a real center's: mostly queues and IVRs, some direct lines. */
function randomRoute(n: number, phones: readonly PhoneSpec[], random: Random): { target: DidTarget; description: string } {
  const roll = random.next();
  if (roll < 0.45) {
    const group = random.pick(IN_GROUPS);
    const campaign = random.pick(CAMPAIGNS).campaign_id;
    const target = inGroupTarget(group.group_id, campaign, random.int(10_001, 10_050))(n, random);
    return { target, description: `${group.group_name} line ${n}` };
  }
  if (roll < 0.6) {
    const menu = random.pick(CALL_MENUS);
    return { target: { route: 'CALLMENU', menuId: menu.menu_id }, description: `IVR ${menu.menu_id} number ${n}` };
  }
  if (roll < 0.75) {
    const phone = random.pick(phones);
    return { target: { route: 'PHONE', extension: phone.extension, serverIp: phone.serverIp }, description: `Direct line ext ${phone.extension}` };
  }
  if (roll < 0.83) {
    const extension = String(random.int(8300, 8399));
    return { target: { route: 'EXTEN', extension, context: 'default' }, description: `Dialplan extension ${extension} number ${n}` };
  }
  if (roll < 0.9) {
    const agent = random.pick(AGENTS);
    const unavailableAction = random.pick(['VOICEMAIL', 'IN_GROUP'] as const);
    return { target: { route: 'AGENT', user: agent.user, unavailableAction }, description: `Agent direct - ${agent.full_name} ${n}` };
  }
  const box = random.pick(phones).extension;
  return random.chance(0.6)
    ? { target: { route: 'VOICEMAIL', voicemailExt: box }, description: `Voicemail box ${box} number ${n}` }
    : { target: { route: 'VMAIL_NO_INST', voicemailExt: box }, description: `Message line ${box} number ${n}` };
}
