/**
 * Validation parity, the contract's acceptance bar: for every field of add_phone, update_phone,
 * add_phone_alias, update_phone_alias, add_did and update_did, the contract accepts a value exactly
 * when the embedded VICIdial (driven in process) answers SUCCESS and stores the value unchanged.
 *
 * Each generated value is sent as the only variation of an otherwise valid request. VICIdial's
 * answer falls in one of four outcomes:
 * - refused (ERROR/NOTICE, or PHP's fatal 500): the contract must refuse the value;
 * - stored unchanged: the contract must accept it, unless it is refused on purpose (REFUSED_ON_PURPOSE
 *   and each field's `refusedOnPurpose`, every one with its reason);
 * - SUCCESS but stored differently (stripped, cut, case-folded, coerced…): the contract must refuse it,
 *   and the change must be one of SILENT_CHANGES, or the test reports an undocumented one;
 * - a record that does (not) exist (server, template, in-group, call menu, login, duplicate id):
 *   not a rule of the value; the BFF checks it against the database. Skipped.
 *
 * The embedded VICIdial is a devDependency without a tsconfig project reference (it may one day import
 * the contract's GMT offsets, and references must stay acyclic): tsc reads its source through the
 * workspace link, as an external package, so this file is still type-checked with the others.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { z } from 'zod';
import { createSchema, createVicidialApi, openVicidialDb, seedDatabase, type VicidialDb } from '@vicidash/vicidial-sim';
import { aliasFields, createAliasRequestSchema, updateAliasRequestSchema } from './alias.js';
import { BLANK, firstDuplicate, toVicidialParams, type FieldMap } from './common.js';
import {
  AGENT_SEARCH_METHODS,
  createDidRequestSchema,
  DID_ROUTE_FIELDS,
  DID_ROUTES,
  didFields,
  RECORD_CALL_MODES,
  updateDidRequestSchema,
  type DidRoute,
} from './did.js';
import { GMT_OFFSETS } from './gmt.js';
import { createPhoneRequestSchema, PHONE_CLEARABLE, phoneFields, PROTOCOLS, updatePhoneRequestSchema, WEBPHONE_MODES } from './phone.js';

const RUNS = 100;

// ---------------------------------------------------------------------------------------------
// The documented differences
// ---------------------------------------------------------------------------------------------

interface OnPurpose {
  reason: string;
  when(raw: string): boolean;
}

/** VICIdial stores these unchanged; the contract refuses them on purpose, in every field. */
const REFUSED_ON_PURPOSE: readonly OnPurpose[] = [
  {
    reason: 'the text --BLANK-- is VICIdial\'s clear command: the dashboard clears with null where VICIdial can, and never sends the text as a value',
    when: (raw) => raw.toUpperCase() === BLANK,
  },
];

const shorterThan = (min: number, reason: string): OnPurpose => ({ reason, when: (raw) => raw.length < min });
const outside = (min: number, max: number, reason: string): OnPurpose => ({ reason, when: (raw) => raw.length < min || raw.length > max });
const ONE_RULE = 'update_phone refuses it: one rule for create and edit, so that what can be created can be saved again';

const gmtVariant: OnPurpose = {
  reason: 'VICIdial compares time zones as numbers (-5 equals -5.00) but stores the text as sent: the dashboard sends the spelling of its list',
  when: (raw) => /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(raw) && GMT_OFFSETS.map(Number).includes(Number(raw)) && !(GMT_OFFSETS as readonly string[]).includes(raw),
};
const notAnAddress: OnPurpose = {
  reason: 'VICIdial stores any text of 5 or more characters; the contract takes plain addresses (name@domain.tld, no +, which VICIdial turns into a space)',
  when: (raw) => !/^[A-Za-z0-9._%-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(raw) || raw.length > 100,
};
const duplicateLogins: OnPurpose = {
  reason: 'VICIdial keeps a login listed twice; the contract refuses duplicates, ignoring case as VICIdial\'s database compares logins',
  when: (raw) => firstDuplicate(raw.split(',')) !== undefined,
};

interface Observed {
  raw: string;
  stored: string | null;
  /** What the column holds when VICIdial ignores the value: the current value, or (adds) the default. */
  ignored: string | null | undefined;
  kind: Kind;
}

const isSubsequence = (small: string, big: string) => {
  let i = 0;
  for (const c of big) if (c === small[i]) i++;
  return i === small.length;
};

/** Every way VICIdial answers SUCCESS yet stores something else than it was sent. First match wins. */
const SILENT_CHANGES: readonly { name: string; reason: string; test(o: Observed): boolean }[] = [
  { name: 'cleared', reason: 'VICIdial clears the field for --BLANK-- in any case', test: (o) => o.raw.toUpperCase() === BLANK && !o.stored },
  { name: 'ignored', reason: 'VICIdial answered SUCCESS but did not write the value (filtered to nothing, or not in its list)', test: (o) => o.ignored !== undefined && o.stored === o.ignored },
  { name: 'not in the ENUM', reason: 'MariaDB stores \'\' for a value outside an ENUM column: agent_search_method=XX', test: (o) => o.kind === 'enum' && o.stored === '' },
  { name: 'case changed', reason: 'an ENUM column matches ignoring case and stores its own spelling', test: (o) => o.stored !== null && o.stored !== o.raw && o.stored.toLowerCase() === o.raw.toLowerCase() },
  { name: 'cut', reason: 'the column is narrower than VICIdial\'s own length check and MariaDB cuts the value', test: (o) => !!o.stored && o.raw.startsWith(o.stored) },
  { name: 'stripped', reason: 'VICIdial deletes the characters a field does not allow, without a word', test: (o) => isSubsequence(o.stored ?? '', o.raw) },
  { name: 'plus became space', reason: 'VICIdial turns + into a space in an email address', test: (o) => isSubsequence(o.stored ?? '', o.raw.replaceAll('+', ' ')) },
  { name: 'not a number', reason: 'a number column keeps the leading digits of the text: list_id=abc is stored as 0', test: (o) => o.kind === 'number' },
];

/** VICIdial's answer about a record's existence, not about the value's form. */
const EXISTENCE = /DOES NOT EXIST|ALREADY EXISTS|MUST BE A VALID (SERVER|INBOUND GROUP|CALL MENU)/;

// ---------------------------------------------------------------------------------------------
// Values: valid ones, boundary lengths, characters VICIdial strips, case variants, '+', spaces,
// unicode, empty.
// ---------------------------------------------------------------------------------------------

const NOISE = [' ', '+', '-', '_', '.', ',', ':', '/', '@', '*', '#', '|', '!', '%', '&', '=', '?', "'", '"', ';', '\\', '(', '~', '\t', 'é', 'ß', '€', '😀'];
const WORD = 'abcXYZ0189-_';
const ALNUM = 'abcXYZ0189';
const DIGITS = '0123456789';

const insertAt = (text: string, char: string, at: number) => text.slice(0, at % (text.length + 1)) + char + text.slice(at % (text.length + 1));

/** Text from `alphabet` (often at the given lengths), with stray characters, case variants and `extras`. */
function textValues(alphabet: string, lengths: readonly number[], extras: readonly string[] = []): fc.Arbitrary<string> {
  const unit = fc.constantFrom(...alphabet);
  const plain = fc.oneof(
    fc.constantFrom(...lengths).chain((n) => fc.string({ unit, minLength: n, maxLength: n })),
    fc.string({ unit, maxLength: Math.max(...lengths) + 2 }),
  );
  return fc.oneof(
    { weight: 4, arbitrary: plain },
    { weight: 3, arbitrary: fc.tuple(plain, fc.constantFrom(...NOISE), fc.nat()).map(([s, c, at]) => insertAt(s, c, at)) },
    { weight: 1, arbitrary: plain.map((s) => s.toUpperCase()) },
    { weight: 2, arbitrary: fc.constantFrom('', BLANK, '--blank--', 'BLANK', ...extras) },
  );
}

/** A fixed list (ENUM, flag): its values, their case variants, near misses. */
const listValues = (values: readonly string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...values) },
    { weight: 1, arbitrary: fc.constantFrom(...values.map((v) => v.toLowerCase()), ...values.map((v) => ` ${v}`), '') },
    { weight: 1, arbitrary: textValues(`${ALNUM}_`, [1, 2, 3]) },
  );

/** Records that exist in the seed, with case variants (VICIdial's database ignores case). */
const existing = (ids: readonly string[], alphabet: string, lengths: readonly number[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...ids) },
    { weight: 1, arbitrary: fc.constantFrom(...ids.map((id) => id.toLowerCase()), ...ids.map((id) => `${id} `)) },
    { weight: 2, arbitrary: textValues(alphabet, lengths) },
  );

const numberValues = (lengths: readonly number[], extras: readonly string[]) =>
  fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...extras) },
    { weight: 3, arbitrary: textValues(DIGITS, lengths) },
    { weight: 1, arbitrary: textValues(`${DIGITS}abc-`, [1, 3]) },
  );

const gmtValues = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...GMT_OFFSETS) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...GMT_OFFSETS), fc.constantFrom('trim', 'one decimal', 'plus', 'zero', 'more zeros'))
      .map(([offset, how]) =>
        how === 'trim' ? String(Number(offset))
        : how === 'one decimal' ? Number(offset).toFixed(1)
        : how === 'plus' ? `+${offset}`
        : how === 'zero' ? offset.replace(/^(-?)/, (sign) => `${sign}0`)
        : `${offset}0`,
      ),
  },
  { weight: 1, arbitrary: fc.constantFrom('13.00', '-5.25', 'EST', '5,50', ' 5.50', '-0', '-0.00', '', '--5.00') },
);

const emailValues = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(textValues('abcXY09._-', [1, 5]), textValues('abcxy09-', [1, 4]), fc.constantFrom('com', 'org', 'co.uk', 'x'))
      .map(([user, host, tld]) => `${user}@${host}.${tld}`),
  },
  { weight: 1, arbitrary: fc.constantFrom('x@y.com', 'a+b@x.com', 'x y@z.com', 'a@b', 'a@b.c', 'abcdef', "o'neil@x.com", 'é@x.com', `${'a'.repeat(95)}@x.com`, `${'a'.repeat(93)}@x.com`) },
  { weight: 1, arbitrary: textValues(`${ALNUM}@.`, [4, 5, 6]) },
);

const SEED_LOGINS = ['100a', '100b', '101a', 'lim200'];
/** 17 phones with 15-character logins, added before the alias properties: 16 of them fill 255 characters. */
const BUDGET_LOGINS = Array.from({ length: 17 }, (_, i) => `budgetlogin${String(i).padStart(4, '0')}`);

const loginListValues = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .array(
        fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...SEED_LOGINS, ...BUDGET_LOGINS) },
          { weight: 1, arbitrary: fc.constantFrom('100A', 'LIM200', ' 100b', '100a;', '', 'nosuch', '1000a', 'é100a') },
        ),
        { minLength: 1, maxLength: 6 },
      )
      .chain((logins) => fc.constantFrom(',', ', ', ',,').map((sep) => logins.join(sep))),
  },
  { weight: 1, arbitrary: fc.integer({ min: 14, max: 17 }).map((n) => BUDGET_LOGINS.slice(0, n).join(',')) },
  { weight: 1, arbitrary: fc.constantFrom('a', '100a,', ',100a', '100a,100a', '100a,100A,100b', '') },
);

// ---------------------------------------------------------------------------------------------
// The functions under test
// ---------------------------------------------------------------------------------------------

/** How a raw parameter value reads at the API level. */
type Kind = 'text' | 'enum' | 'flag' | 'number' | 'list';

interface FieldCase {
  /** The API-level field (a key of the function's field map). */
  field: string;
  values: fc.Arbitrary<string>;
  kind?: Kind;
  refusedOnPurpose?: readonly OnPurpose[];
}

type Row = Record<string, unknown>;
type Db = VicidialDb['db'];

interface FunctionSpec {
  fn: string;
  schema: z.ZodType;
  fields: FieldMap;
  /** Fields whose `null` is sent as --BLANK--. */
  clearable?: readonly string[];
  /** A valid contract input for run n, and the parameters naming the record it updates. */
  request(n: number): { input: Record<string, unknown>; identity: Record<string, string> };
  /** The row run n wrote, found without relying on the field under test. */
  row(db: Db, n: number, field: string): Promise<Row | undefined>;
  cases: readonly FieldCase[];
}

/** Each run's phone has its own login and extension (on 10.10.10.15 unless its server is under test). */
const phoneRow = (db: Db, where: { extension: string } | { login: string }) =>
  'login' in where
    ? db.selectFrom('phones').selectAll().where('login', '=', where.login).executeTakeFirst()
    : db.selectFrom('phones').selectAll().where('extension', '=', where.extension).where('server_ip', '=', '10.10.10.15').executeTakeFirst();
const aliasRow = (db: Db, where: { alias_id: string } | { alias_name: string }) =>
  'alias_id' in where
    ? db.selectFrom('phones_alias').selectAll().where('alias_id', '=', where.alias_id).executeTakeFirst()
    : db.selectFrom('phones_alias').selectAll().where('alias_name', '=', where.alias_name).executeTakeFirst();
const didRow = (db: Db, pattern: string) => db.selectFrom('vicidial_inbound_dids').selectAll().where('did_pattern', '=', pattern).executeTakeFirst();
const newestDid = (db: Db) => db.selectFrom('vicidial_inbound_dids').selectAll().orderBy('did_id', 'desc').limit(1).executeTakeFirst();

const newPhone = (n: number) => ({
  extension: `9${n}`,
  serverIp: '10.10.10.15',
  dialplanNumber: `9${String(n).padStart(3, '0')}`,
  voicemailId: `9${n}`,
  login: `pl${n}`,
  password: 'test300',
  registrationPassword: 'reg300',
  protocol: 'SIP',
  fullName: 'Parity phone',
  gmtOffset: '-5.00',
  outboundCallerId: '3125550300',
});

const serverIps = existing(['10.10.10.15', '10.10.10.16', '10.10.10.17'], `${DIGITS}.`, [7, 11, 15]);
const templates = existing(['SIP_generic', 'IAX_generic'], WORD, [1, 2, 15, 16]);

const phoneFlags = ['webphoneAutoAnswer', 'useExternalServerIp', 'onHookAgent'].map((field) => ({ field, kind: 'flag' as const, values: listValues(['Y', 'N']) }));

const addPhone: FunctionSpec = {
  fn: 'add_phone',
  schema: createPhoneRequestSchema,
  fields: phoneFields,
  request: (n) => ({ input: newPhone(n), identity: {} }),
  row: (db, n, field) => phoneRow(db, field === 'login' ? { extension: `9${n}` } : { login: `pl${n}` }),
  cases: [
    { field: 'extension', values: textValues(WORD, [1, 2, 100, 101]) },
    { field: 'serverIp', values: serverIps },
    { field: 'dialplanNumber', values: textValues(`${ALNUM}*#`, [1, 2, 3, 20, 21]), refusedOnPurpose: [shorterThan(3, ONE_RULE)] },
    { field: 'voicemailId', values: textValues(ALNUM, [1, 2, 10, 11]), refusedOnPurpose: [shorterThan(2, ONE_RULE)] },
    { field: 'login', values: textValues(WORD, [1, 2, 15, 16]) },
    { field: 'password', values: textValues(WORD, [1, 2, 30, 31, 100, 101]), refusedOnPurpose: [outside(2, 30, ONE_RULE)] },
    { field: 'registrationPassword', values: textValues(WORD, [1, 2, 30, 31, 100, 101]), refusedOnPurpose: [outside(2, 30, ONE_RULE)] },
    { field: 'protocol', kind: 'enum', values: listValues([...PROTOCOLS, 'PJSIP']) },
    { field: 'fullName', values: textValues(`${ALNUM} +._-`, [1, 2, 30, 31, 50, 51]), refusedOnPurpose: [outside(2, 30, ONE_RULE)] },
    { field: 'gmtOffset', values: gmtValues, refusedOnPurpose: [gmtVariant] },
    { field: 'outboundCallerId', values: textValues(DIGITS, [1, 5, 6, 18, 19, 20, 21]), refusedOnPurpose: [outside(6, 18, ONE_RULE)] },
    { field: 'context', values: textValues(WORD, [1, 2, 20, 21]), refusedOnPurpose: [shorterThan(2, ONE_RULE)] },
    { field: 'email', values: emailValues, refusedOnPurpose: [notAnAddress] },
    { field: 'userGroup', values: textValues(WORD, [1, 2, 20, 21], ['---ALL---', 'ADMIN']), refusedOnPurpose: [shorterThan(2, ONE_RULE)] },
    { field: 'templateId', values: templates },
    { field: 'webphone', kind: 'enum', values: listValues(WEBPHONE_MODES) },
    ...phoneFlags,
  ],
};

const updatePhone: FunctionSpec = {
  fn: 'update_phone',
  schema: updatePhoneRequestSchema,
  fields: phoneFields,
  clearable: PHONE_CLEARABLE,
  request: () => ({ input: {}, identity: { extension: '100', server_ip: '10.10.10.15' } }),
  row: (db) => phoneRow(db, { extension: '100' }),
  cases: [
    { field: 'dialplanNumber', values: textValues(`${ALNUM}*#`, [2, 3, 20, 21, 30, 31]) },
    { field: 'voicemailId', values: textValues(ALNUM, [1, 2, 10, 11, 30, 31]) },
    { field: 'login', values: existing(SEED_LOGINS, WORD, [1, 2, 15, 16]) },
    { field: 'password', values: textValues(WORD, [1, 2, 30, 31]) },
    { field: 'registrationPassword', values: textValues(WORD, [1, 2, 30, 31]) },
    { field: 'protocol', kind: 'enum', values: listValues([...PROTOCOLS, 'PJSIP']) },
    { field: 'fullName', values: textValues(`${ALNUM} +._-`, [1, 2, 30, 31]) },
    { field: 'gmtOffset', values: gmtValues, refusedOnPurpose: [gmtVariant] },
    { field: 'outboundCallerId', values: textValues(DIGITS, [5, 6, 18, 19, 21]) },
    {
      field: 'outboundAltCallerId',
      values: textValues(`${DIGITS}aZ`, [5, 6, 18, 19]),
      refusedOnPurpose: [{ reason: "VICIdial's own check says 6 to 18 digits; only its filter lets letters through (the transcript stored BLANK1)", when: (raw) => /[A-Za-z]/.test(raw) }],
    },
    { field: 'email', values: emailValues, refusedOnPurpose: [notAnAddress] },
    { field: 'context', values: textValues(WORD, [1, 2, 20, 21, 30, 31]) },
    { field: 'userGroup', values: textValues(WORD, [1, 2, 20, 21], ['---ALL---', 'ADMIN']) },
    { field: 'active', kind: 'flag', values: listValues(['Y', 'N']) },
    { field: 'ringTimeout', kind: 'number', values: numberValues([1, 2, 3, 4], ['1', '2', '60', '180', '181', '0', '-5', '060', '2.5', 'abc']) },
    { field: 'deleteVoicemailAfterEmail', kind: 'flag', values: listValues(['Y', 'N']) },
    { field: 'templateId', values: templates },
    { field: 'webphone', kind: 'enum', values: listValues(WEBPHONE_MODES) },
    ...phoneFlags,
  ],
};

const addAlias: FunctionSpec = {
  fn: 'add_phone_alias',
  schema: createAliasRequestSchema,
  fields: aliasFields,
  request: (n) => ({ input: { aliasId: `pa${n}`, name: `Parity alias ${n}`, logins: ['100a', '100b'] }, identity: {} }),
  row: (db, n, field) => aliasRow(db, field === 'aliasId' ? { alias_name: `Parity alias ${n}` } : { alias_id: `pa${n}` }),
  cases: [
    { field: 'aliasId', values: textValues(WORD, [1, 2, 20, 21], ['seedalias', 'SEEDALIAS']) },
    { field: 'name', values: textValues(`${ALNUM} +.:/@_-`, [1, 2, 50, 51]), refusedOnPurpose: [shorterThan(2, 'update_phone_alias refuses a 1-character name: one rule for create and edit')] },
    { field: 'logins', kind: 'list', values: loginListValues, refusedOnPurpose: [duplicateLogins] },
  ],
};

const updateAlias: FunctionSpec = {
  fn: 'update_phone_alias',
  schema: updateAliasRequestSchema,
  fields: aliasFields,
  request: () => ({ input: {}, identity: { alias_id: 'seedalias' } }),
  row: (db) => aliasRow(db, { alias_id: 'seedalias' }),
  cases: [
    { field: 'name', values: textValues(`${ALNUM} +.:/@_-`, [1, 2, 50, 51]) },
    { field: 'logins', kind: 'list', values: loginListValues, refusedOnPurpose: [duplicateLogins] },
  ],
};

/** A valid routing for each route, for the fields under test to vary. */
const ROUTINGS: Record<DidRoute, Record<string, unknown>> = {
  EXTEN: { route: 'EXTEN', extension: '8300', context: 'default' },
  VOICEMAIL: { route: 'VOICEMAIL', voicemailBox: '8500' },
  VMAIL_NO_INST: { route: 'VMAIL_NO_INST', voicemailBox: '8501' },
  PHONE: { route: 'PHONE', phoneExtension: '100', serverIp: '10.10.10.15' },
  IN_GROUP: { route: 'IN_GROUP', inGroup: 'TEST_IN' },
  CALLMENU: { route: 'CALLMENU', menuId: 'MAIN_IVR' },
  AGENT: { route: 'AGENT' },
};
const routeOf = (field: string) =>
  (Object.keys(DID_ROUTE_FIELDS) as DidRoute[]).find((route) => (DID_ROUTE_FIELDS[route] as readonly string[]).includes(field));

const didCases: readonly FieldCase[] = [
  { field: 'description', values: textValues(`${ALNUM} .,_-`, [5, 6, 50, 51]) },
  { field: 'active', kind: 'flag', values: listValues(['Y', 'N']) },
  { field: 'recordCall', kind: 'enum', values: listValues(RECORD_CALL_MODES) },
  { field: 'filterCleanCidNumber', values: textValues(`${ALNUM} .,_-`, [1, 20, 21]) },
  { field: 'route', kind: 'enum', values: listValues(DID_ROUTES) },
  { field: 'extension', values: textValues(`${WORD}*#`, [1, 50, 51]) },
  { field: 'context', values: textValues(WORD, [1, 50, 51]) },
  { field: 'voicemailBox', values: textValues(`${ALNUM}*#._`, [1, 10, 11]) },
  { field: 'phoneExtension', values: textValues(WORD, [1, 100, 101]) },
  { field: 'serverIp', values: serverIps },
  { field: 'inGroup', values: existing(['TEST_IN', 'SALESLINE', 'OLD_IN', 'OTHER_IN', 'AGENTDIRECT_CHAT'], `${WORD}|`, [1, 20, 21]) },
  { field: 'callHandleMethod', values: textValues(`${ALNUM}_`, [2, 3, 20, 21], ['CID', 'CIDLOOKUP', 'ANI']) },
  { field: 'agentSearchMethod', kind: 'enum', values: listValues(AGENT_SEARCH_METHODS) },
  { field: 'listId', kind: 'number', values: numberValues([2, 3, 14, 15], ['999', '100', '099', '12', 'abc', '99999999999999', '100000000000000']) },
  { field: 'entryListId', kind: 'number', values: numberValues([1, 14, 15], ['0', '998', '00', 'abc']) },
  { field: 'campaignId', values: textValues(WORD, [1, 8, 9], ['TESTCAMP', 'NOSUCH']) },
  { field: 'phoneCode', values: textValues(DIGITS, [1, 10, 11], ['+44']) },
  { field: 'menuId', values: existing(['MAIN_IVR', 'OTHER_IVR', 'defaultlog', 'default---agent', '2FA_say_auth_code'], WORD, [1, 50, 51]) },
];

const addDid: FunctionSpec = {
  fn: 'add_did',
  schema: createDidRequestSchema,
  fields: didFields,
  request: (n) => ({ input: { pattern: `77${n}`, routing: ROUTINGS.EXTEN }, identity: {} }),
  row: (db, n, field) => (field === 'pattern' ? newestDid(db) : didRow(db, `77${n}`)),
  cases: [{ field: 'pattern', values: textValues(`${ALNUM}:+*#._`, [1, 2, 50, 51], ['+13125552002', '312-555-2004', '_1NXXNXXXXXX']) }, ...didCases],
};

const updateDid: FunctionSpec = {
  fn: 'update_did',
  schema: updateDidRequestSchema,
  fields: didFields,
  request: () => ({ input: {}, identity: { did_pattern: '3125551000' } }),
  row: (db) => didRow(db, '3125551000'),
  cases: didCases,
};

// ---------------------------------------------------------------------------------------------
// The check
// ---------------------------------------------------------------------------------------------

const UNREADABLE = Symbol('not an API-level value');
/** Control records (adds) are numbered apart from the runs. */
const CONTROL = 1_000_000;

/** The API-level value a raw parameter value stands for, when there is one. */
function decode(kind: Kind, raw: string, clearable: boolean): unknown {
  if (clearable && raw === BLANK) return null;
  switch (kind) {
    case 'flag':
      return raw === 'Y' ? true : raw === 'N' ? false : UNREADABLE;
    case 'number':
      return /^-?(0|[1-9]\d*)$/.test(raw) && Number.isSafeInteger(Number(raw)) ? Number(raw) : UNREADABLE;
    case 'list':
      return raw.split(',');
    default:
      return raw;
  }
}

/**
 * The contract input with `field` set to `value` (left out when undefined). A DID's route fields go
 * into a routing of their route; `route` itself picks that route's valid routing.
 */
function place(spec: FunctionSpec, input: Record<string, unknown>, field: string, value: unknown): Record<string, unknown> {
  const set = (target: Record<string, unknown>) => {
    const { [field]: _left, ...rest } = target;
    return value === undefined ? rest : { ...rest, [field]: value };
  };
  if (spec.fields !== didFields) return set(input);
  if (field === 'route') {
    const known = typeof value === 'string' && Object.hasOwn(ROUTINGS, value);
    return { ...input, routing: value === undefined ? undefined : known ? ROUTINGS[value as DidRoute] : { route: value } };
  }
  const route = routeOf(field);
  return route ? { ...input, routing: set(ROUTINGS[route]) } : set(input);
}

const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

interface Vicidial {
  db: Db;
  call(fn: string, params: Record<string, string>): Promise<{ status: number; body: string }>;
  close(): Promise<void>;
}

async function openVicidial(): Promise<Vicidial> {
  const { db, dialect, close } = await openVicidialDb(':memory:');
  await createSchema(db, dialect);
  await seedDatabase(db, dialect, 'conformance');
  const api = createVicidialApi(db);
  return {
    db,
    close,
    // POST, form-encoded, as the dashboard sends it: '+' travels as %2B, a space as '+'.
    call: (fn, params) =>
      api({
        method: 'POST',
        url: '/vicidial/non_agent_api.php',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ function: fn, user: '6666', pass: '1234', source: 'parity', ...params }).toString(),
        remoteIp: '127.0.0.1',
      }),
  };
}

type Outcome = 'stored' | 'refused' | 'changed' | 'existence' | 'inconclusive' | 'empty';

async function checkValue(vicidial: Vicidial, spec: FunctionSpec, fieldCase: FieldCase, n: number, raw: string): Promise<Outcome> {
  const { field } = fieldCase;
  const kind = fieldCase.kind ?? 'text';
  const { param, column } = spec.fields[field] as { param: string; column: string };
  const clearable = spec.clearable?.includes(field) ?? false;
  const { input, identity } = spec.request(n);
  const value = decode(kind, raw, clearable);
  const readable = value !== UNREADABLE;
  const accepted = readable && spec.schema.safeParse(place(spec, input, field, value)).success;
  const what = `${spec.fn} ${param}=${JSON.stringify(raw)}`;

  if (raw === '') {
    expect(accepted, `${what}: VICIdial reads an empty value as "not sent"; the API leaves the field out instead`).toBe(false);
    return 'empty';
  }
  // (An exact --BLANK-- on a clearable field is the clear command, `null`: not refused.)
  const onPurpose = value === null ? undefined : [...REFUSED_ON_PURPOSE, ...(fieldCase.refusedOnPurpose ?? [])].find((rule) => rule.when(raw));
  if (onPurpose) expect(accepted, `${what} must be refused on purpose: ${onPurpose.reason}`).toBe(false);

  // The request as the contract would encode it, with the raw value (identical when it is readable).
  const params = { ...identity, ...toVicidialParams(spec.fields, place(spec, input, field, readable ? value : undefined)), [param]: raw };
  // What the column holds if VICIdial ignores the value: the current value (updates), or what the
  // same request without the field stores (adds: a control record of its own).
  let ignored: string | null | undefined;
  if (Object.keys(identity).length > 0) {
    ignored = text((await spec.row(vicidial.db, n, field))?.[column]);
  } else {
    const controlN = CONTROL + n;
    const control = spec.request(controlN);
    const reply = await vicidial.call(spec.fn, toVicidialParams(spec.fields, place(spec, control.input, field, undefined)));
    if (reply.body.startsWith('SUCCESS')) ignored = text((await spec.row(vicidial.db, controlN, field))?.[column]);
  }

  const reply = await vicidial.call(spec.fn, params);
  if (!reply.body.startsWith('SUCCESS')) {
    if (EXISTENCE.test(reply.body)) return 'existence';
    expect(accepted, `${what}: VICIdial refuses it (${reply.status} ${reply.body.trim()}), the contract must too`).toBe(false);
    return 'refused';
  }
  const row = await spec.row(vicidial.db, n, field);
  expect(row, `${what}: VICIdial answered SUCCESS, yet the record is not where it should be`).toBeDefined();
  const stored = text(row?.[column]);
  const expected = value === null ? '' : raw;
  if (stored === expected) {
    if (ignored === expected) return 'inconclusive';
    expect(accepted || onPurpose !== undefined, `${what}: VICIdial stores it unchanged, the contract must accept it`).toBe(true);
    return 'stored';
  }
  const change = SILENT_CHANGES.find((c) => c.test({ raw, stored, ignored, kind }));
  expect(change, `${what}: VICIdial answered SUCCESS and stored ${JSON.stringify(stored)}: a silent change not documented here`).toBeDefined();
  expect(accepted, `${what}: VICIdial stores ${JSON.stringify(stored)} (${change?.name}: ${change?.reason}); the contract must refuse it`).toBe(false);
  return 'changed';
}

async function addBudgetPhones(vicidial: Vicidial): Promise<void> {
  for (const [i, login] of BUDGET_LOGINS.entries()) {
    const input = { ...newPhone(50_000 + i), login };
    const reply = await vicidial.call('add_phone', toVicidialParams(phoneFields, createPhoneRequestSchema.parse(input)));
    expect(reply.body).toMatch(/^SUCCESS/);
  }
}

const SPECS = [addPhone, updatePhone, addAlias, updateAlias, addDid, updateDid];

describe.each(SPECS.map((spec) => [spec.fn, spec] as const))('%s', (_fn, spec) => {
  test.each(spec.cases.map((c) => [c.field, c] as const))('%s: the contract accepts exactly what VICIdial stores unchanged', async (_field, fieldCase) => {
    const vicidial = await openVicidial();
    try {
      if (spec.fields === aliasFields) await addBudgetPhones(vicidial);
      const outcomes: Record<Outcome, number> = { stored: 0, refused: 0, changed: 0, existence: 0, inconclusive: 0, empty: 0 };
      let n = 0;
      await fc.assert(
        fc.asyncProperty(fieldCase.values, async (raw) => {
          n += 1;
          outcomes[await checkValue(vicidial, spec, fieldCase, n, raw)] += 1;
        }),
        { numRuns: RUNS },
      );
      // The property must not be vacuous: some values stored, some refused or changed.
      expect(outcomes.stored, JSON.stringify(outcomes)).toBeGreaterThan(0);
      expect(outcomes.refused + outcomes.changed, JSON.stringify(outcomes)).toBeGreaterThan(0);
    } finally {
      await vicidial.close();
    }
  });
});

test('every editable field of every function is covered', () => {
  const covered = (spec: FunctionSpec) => spec.cases.map((c) => c.field).sort();
  const keys = (schema: { shape: object }) => Object.keys(schema.shape).sort();
  expect(covered(addPhone)).toEqual(keys(createPhoneRequestSchema));
  expect(covered(updatePhone)).toEqual(keys(updatePhoneRequestSchema));
  expect(covered(addAlias)).toEqual(keys(createAliasRequestSchema));
  expect(covered(updateAlias)).toEqual(keys(updateAliasRequestSchema));
  const routingFields = [...new Set(Object.values(DID_ROUTE_FIELDS).flat())];
  const didTop = (schema: { shape: object }) => keys(schema).filter((k) => k !== 'routing');
  expect(covered(addDid)).toEqual([...didTop(createDidRequestSchema), 'route', ...routingFields].sort());
  expect(covered(updateDid)).toEqual([...didTop(updateDidRequestSchema), 'route', ...routingFields].sort());
});
