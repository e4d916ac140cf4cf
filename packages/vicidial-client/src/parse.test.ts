import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from './catalogue.js';
import { parseAnswer } from './parse.js';
import type { VicidialResult } from './results.js';

/** One call of the recorded session (call N is line N+1 of the TSV). */
interface Call {
  number: number;
  fn: string;
  status: number;
  body: string;
}

function loadTranscript(): Call[] {
  const url = new URL('../../vicidial-sim/conformance/transcript.tsv', import.meta.url);
  const [, ...rows] = readFileSync(url, 'utf8').split('\n');
  return rows
    .filter((row) => row !== '')
    .map((row, index) => {
      const [fn = '', , status = '', raw = ''] = row.split('\t');
      const body = raw.replace(/\\([\\trn])/g, (_, c: string) => ({ '\\': '\\', t: '\t', r: '\r', n: '\n' })[c] ?? c);
      return { number: index + 1, fn, status: Number(status), body };
    });
}

type Expected =
  | { kind: 'ok'; data: unknown }
  | { kind: 'vicidial_error' | 'vicidial_notice'; code: string; field?: string; value?: string }
  | { kind: 'auth'; code: string }
  | { kind: 'transport'; code: string; status?: number };

const ok = (data: unknown): Expected => ({ kind: 'ok', data });
const error = (code: string, field?: string, value?: string): Expected => ({
  kind: 'vicidial_error',
  code,
  ...(field === undefined ? {} : { field }),
  ...(value === undefined ? {} : { value }),
});
const notice = (code: string): Expected => ({ kind: 'vicidial_notice', code });
const auth = (code: string): Expected => ({ kind: 'auth', code });
const transport = (code: string, status?: number): Expected => ({ kind: 'transport', code, ...(status ? { status } : {}) });

const REQUIRED = error('REQUIRED_FIELDS_MISSING');
const LOGIN = auth('LOGIN_INCORRECT');
const version = ok({
  version: '2.14-202',
  build: '250720-1841',
  date: '2026-11-22 05:59:47',
  epoch: 1795327187,
  dst: false,
  tz: '-5.00',
  tz_now: '-5.00',
});
const phone = (extension: string, protocol = 'SIP', dialplan_number = extension) =>
  ok({ extension, server_ip: '10.10.10.15', protocol, dialplan_number });
const phoneUpdated = (extension = '300', server_ip = '10.10.10.15') => ok({ action: 'updated', extension, server_ip });
const alias = (alias_id: string, alias_name: string, phone_logins: string[]) => ok({ alias_id, alias_name, phone_logins });
const aliasDone = (action: 'updated' | 'deleted', alias_id = 'alias300') => ok({ action, alias_id });
const didAdded = (did_pattern: string) => ok({ did_pattern });
const didUpdated = (did_pattern = '3125552000') => ok({ action: 'updated', did_pattern });
const copied = (did_pattern: string, did_id: number) => ({ status: 'added', did_pattern, did_id });
const copy = (added: number, already_existing: number, dids: unknown[], source_did_pattern = '3125551000') =>
  ok({ source_did_pattern, added, already_existing, dids });

/**
 * What every recorded answer must parse to, by call number. Written from the transcript and
 * db_effects.md, not from the parser's output. The client never calls ingroup_list, callmenu_list
 * or coffee: their HTML pages (21, 265-269) come out as HTML_RESPONSE and coffee's 418 (3) as
 * UNEXPECTED_STATUS — the only generic codes allowed below.
 */
const EXPECTED: Record<number, Expected> = {
  1: version, 2: version,
  3: transport('UNEXPECTED_STATUS', 418),
  4: LOGIN,
  5: error('NO_FUNCTION_SPECIFIED'), 6: error('NO_FUNCTION_SPECIFIED'),
  7: LOGIN, 8: LOGIN, 9: LOGIN, 10: LOGIN,
  11: REQUIRED, 12: REQUIRED,
  13: auth('NO_PERMISSION_ADD_PHONES'), 14: auth('NO_PERMISSION_ADD_PHONES'), 15: auth('NO_PERMISSION_ADD_PHONES'),
  16: auth('FUNCTION_NOT_ALLOWED'),
  17: auth('INVALID_SOURCE'),
  18: REQUIRED,
  19: auth('INVALID_SOURCE'), 20: auth('INVALID_SOURCE'),
  21: transport('HTML_RESPONSE', 200),
  22: auth('FUNCTION_NOT_ALLOWED'),
  23: didAdded('3125557000'),
  24: auth('NO_PERMISSION_ADD_DIDS'),
  25: auth('NO_PERMISSION_UPDATE_DIDS'),
  26: ok({ action: 'deleted', did_pattern: '3125557000', did_id: 5 }),
  27: auth('NO_PERMISSION_REFRESH_SERVERS'),
  28: auth('NO_PERMISSION_ADD_PHONE_ALIASES'),
  29: auth('NO_PERMISSION_UPDATE_PHONE_ALIASES'),
  30: auth('NO_PERMISSION_UPDATE_PHONES'),
  31: auth('NO_PERMISSION_ADD_DIDS'),
  32: phone('300'),
  33: error('PHONE_ALREADY_EXISTS', 'extension'),
  34: error('PHONE_LOGIN_ALREADY_EXISTS', 'phone_login', '300a'),
  35: ok({ extension: '300', server_ip: '10.10.10.16', protocol: 'SIP', dialplan_number: '300' }),
  36: REQUIRED, 37: REQUIRED, 38: REQUIRED, 39: REQUIRED,
  40: error('SERVER_DOES_NOT_EXIST', 'server_ip', '10.9.9.9'),
  41: error('INVALID_TIMEZONE', 'local_gmt', '13.00'),
  42: error('INVALID_TIMEZONE', 'local_gmt', '-5.25'),
  43: REQUIRED,
  44: error('SERVER_DOES_NOT_EXIST', 'server_ip', '10.9.9.9'),
  45: error('PHONE_ALREADY_EXISTS', 'extension'),
  46: error('PHONE_LOGIN_ALREADY_EXISTS', 'phone_login', '300a'),
  47: phone('302'), 48: phone('312'), 49: phone('303'),
  50: error('TEMPLATE_DOES_NOT_EXIST', 'template_id'),
  51: phone('304'), 52: phone('305', 'SIP', '*305#'), 53: phone('306'),
  54: REQUIRED, 55: REQUIRED,
  56: phone('309'), 57: phone('310', 'EXTERNAL'), 58: phone('311'),
  59: phoneUpdated(), 60: phoneUpdated(),
  61: error('INVALID_DIALPLAN_NUMBER', 'dialplan_number'), 62: error('INVALID_DIALPLAN_NUMBER', 'dialplan_number'),
  63: phoneUpdated(),
  64: error('INVALID_VOICEMAIL_ID', 'voicemail_id'),
  65: phoneUpdated(),
  // The phone password is echoed by VICIdial but never returned as a value.
  66: error('INVALID_PHONE_PASSWORD', 'phone_pass'), 67: error('INVALID_PHONE_PASSWORD', 'phone_pass'),
  68: error('INVALID_REGISTRATION_PASSWORD', 'registration_password'),
  69: phoneUpdated(),
  70: error('INVALID_PROTOCOL', 'protocol', 'PJSIP'), 71: error('INVALID_PROTOCOL', 'protocol', 'sip'),
  72: phoneUpdated(),
  73: error('INVALID_PHONE_NAME', 'phone_full_name'), 74: error('INVALID_PHONE_NAME', 'phone_full_name'),
  75: phoneUpdated(), 76: phoneUpdated(), 77: phoneUpdated(),
  78: error('INVALID_OUTBOUND_CID', 'outbound_cid'), 79: error('INVALID_OUTBOUND_CID', 'outbound_cid'),
  80: phoneUpdated(),
  81: error('INVALID_OUTBOUND_ALT_CID', 'outbound_alt_cid'), 82: error('INVALID_OUTBOUND_ALT_CID', 'outbound_alt_cid'),
  83: phoneUpdated(), 84: phoneUpdated(), 85: phoneUpdated(), 86: phoneUpdated(),
  87: error('INVALID_EMAIL', 'email'),
  88: phoneUpdated(),
  89: error('INVALID_TIMEZONE', 'local_gmt', '13.00'),
  90: phoneUpdated(), 91: phoneUpdated(),
  92: error('INVALID_PHONE_RING_TIMEOUT', 'phone_ring_timeout'), 93: error('INVALID_PHONE_RING_TIMEOUT', 'phone_ring_timeout'),
  94: phoneUpdated(), 95: phoneUpdated(),
  96: error('INVALID_ACTIVE', 'active'),
  97: phoneUpdated(), 98: phoneUpdated(),
  99: error('INVALID_USER_GROUP', 'admin_user_group'),
  100: phoneUpdated(),
  101: error('INVALID_PHONE_CONTEXT', 'phone_context'),
  102: phoneUpdated(),
  103: error('INVALID_DELETE_VM_AFTER_EMAIL', 'delete_vm_after_email'),
  104: error('TEMPLATE_DOES_NOT_EXIST', 'template_id'),
  105: phoneUpdated(), 106: phoneUpdated(), 107: phoneUpdated(), 108: phoneUpdated(),
  109: error('LOGIN_ALREADY_EXISTS', 'phone_login', '101a'),
  110: phoneUpdated(),
  111: error('INVALID_PROTOCOL', 'protocol', 'XXX'),
  112: error('INVALID_EMAIL', 'email'),
  113: error('INVALID_TIMEZONE', 'local_gmt', '13.00'),
  114: error('INVALID_ACTIVE', 'active'),
  115: error('INVALID_VOICEMAIL_ID', 'voicemail_id'),
  116: error('INVALID_DIALPLAN_NUMBER', 'dialplan_number'),
  117: auth('NO_PERMISSION_DELETE_PHONES'),
  118: error('PHONE_DOES_NOT_EXIST_ON_SERVER', 'extension'),
  119: error('SERVER_DOES_NOT_EXIST', 'server_ip', '10.9.9.9'),
  120: REQUIRED, 121: REQUIRED,
  122: error('PHONE_DOES_NOT_EXIST_ON_SERVER', 'extension'),
  123: phoneUpdated('100'), 124: phoneUpdated('200'),
  125: auth('NO_PERMISSION_DELETE_PHONES'),
  126: phoneUpdated('300', '10.10.10.16'), 127: phoneUpdated('300', '10.10.10.16'),
  128: ok({ action: 'deleted', extension: '300', server_ip: '10.10.10.16' }),
  129: error('PHONE_DOES_NOT_EXIST_ON_SERVER', 'extension'),
  130: phoneUpdated(), 131: phoneUpdated(), 132: phoneUpdated(),
  133: alias('alias300', 'Alias 300', ['100a', '100b']),
  134: error('PHONE_ALIAS_ALREADY_EXISTS', 'alias_id', 'alias300'),
  135: error('PHONE_DOES_NOT_EXIST', 'phone_logins', 'nosuch'),
  136: REQUIRED, 137: REQUIRED, 138: REQUIRED,
  139: alias('alias302', 'a', ['100a']),
  140: REQUIRED,
  141: alias('aliassp1', 'Spaces', ['100a', '100b']),
  142: alias('aliassp2', 'Spaces2', ['100a', '100b']),
  // An empty item (stray comma) is reported as a missing phone with an empty login.
  143: error('PHONE_DOES_NOT_EXIST', 'phone_logins', ''),
  144: error('PHONE_DOES_NOT_EXIST', 'phone_logins', ''),
  145: error('PHONE_DOES_NOT_EXIST', 'phone_logins', ''),
  146: alias('aliasdup', 'Dup', ['100a', '100a', '100b']),
  147: alias('aliaslong', 'N'.repeat(60), ['100a']),
  148: alias('I'.repeat(25), 'LongId', ['100a']),
  149: error('PHONE_DOES_NOT_EXIST', 'phone_logins', '100a100b'),
  150: alias('aliasup', 'Upper', ['100A']),
  151: alias('alias260', 'Long list', Array<string>(60).fill('100a')),
  152: aliasDone('updated'),
  153: error('INVALID_ALIAS_NAME', 'alias_name'), 154: error('INVALID_ALIAS_NAME', 'alias_name'),
  155: error('PHONE_ALIAS_DOES_NOT_EXIST', 'alias_id', 'nosuchalias'),
  156: error('PHONE_DOES_NOT_EXIST', 'phone_logins', 'nosuch'),
  157: REQUIRED, 158: REQUIRED,
  159: aliasDone('updated'), 160: aliasDone('updated'),
  161: error('PHONE_DOES_NOT_EXIST', 'phone_logins', ''),
  162: aliasDone('updated'),
  163: error('INVALID_ALIAS_NAME', 'alias_name'),
  164: aliasDone('updated'), 165: aliasDone('updated'),
  166: notice('NO_UPDATES_DEFINED'),
  167: REQUIRED,
  168: auth('NO_PERMISSION_DELETE_PHONE_ALIASES'),
  169: aliasDone('deleted', 'aliassp2'), 170: aliasDone('deleted'),
  171: error('PHONE_ALIAS_DOES_NOT_EXIST', 'alias_id', 'alias300'),
  172: REQUIRED,
  173: didAdded('3125552000'), 174: didAdded('3125552001'),
  175: error('DID_ALREADY_EXISTS', 'did_pattern', '3125552000'),
  176: REQUIRED, 177: REQUIRED, 178: REQUIRED,
  179: didAdded('+13125552002'), 180: didAdded('13125552003'), 181: didAdded('3125552004'),
  182: didAdded('_1NXXNXXXXXX'), 183: didAdded('*9#9.:1'),
  184: error('INVALID_DID_ROUTE', 'did_route', 'FOO'),
  185: error('INVALID_DID_DESCRIPTION', 'did_description'),
  186: error('INGROUP_DOES_NOT_EXIST', 'group', 'NOSUCH'),
  // add_did prints "update_did" in this message: matching is on the message text.
  187: error('CALL_MENU_DOES_NOT_EXIST', 'menu_id', 'NOSUCH'),
  188: error('INVALID_SERVER_IP', 'server_ip', '10.9.9.9'),
  189: error('INVALID_ACTIVE', 'active'),
  190: error('INVALID_RECORD_CALL', 'record_call'),
  191: error('INVALID_AGENT_SEARCH_METHOD', 'agent_search_method'),
  192: error('INVALID_LIST_ID', 'list_id'),
  193: error('INVALID_CAMPAIGN_ID', 'campaign_id'),
  194: error('INVALID_PHONE_CODE', 'phone_code'),
  195: error('INVALID_DID_DESCRIPTION', 'did_description'), 196: error('INVALID_DID_DESCRIPTION', 'did_description'),
  197: didAdded('3125552006'), 198: didAdded('3125552007'), 199: didAdded('3125552008'),
  200: copy(2, 0, [copied('3125553000', 16), copied('3125553001', 17)]),
  201: copy(1, 1, [{ status: 'already_exists', did_pattern: '3125553000' }, copied('3125553002', 18)]),
  202: error('NO_DIDS_ADDED', 'new_dids'),
  203: error('SOURCE_DID_DOES_NOT_EXIST', 'source_did_pattern', '9999999999'),
  204: copy(1, 0, [copied('3125553003', 19)]),
  205: error('INVALID_COPY_DID_DESCRIPTION', 'did_description'),
  206: REQUIRED, 207: REQUIRED,
  208: copy(1, 0, [copied('+13125553005', 20)], '+13125552002'),
  209: copy(2, 0, [copied('3125553006', 21), copied('', 22)]),
  210: copy(2, 0, [copied('3125553007', 23), copied('3125553008', 24)]),
  211: error('SOURCE_DID_DOES_NOT_EXIST', 'source_did_pattern', '7775550000'),
  212: didUpdated(), 213: didUpdated(), 214: didUpdated(), 215: didUpdated(),
  216: didUpdated(), 217: didUpdated(), 218: didUpdated(),
  219: error('INVALID_DID_ROUTE', 'did_route', 'FOO'), 220: error('INVALID_DID_ROUTE', 'did_route', 'exten'),
  221: error('INVALID_ACTIVE', 'active'),
  222: notice('NO_UPDATES_DEFINED'),
  223: didUpdated(),
  224: error('INVALID_DID_DESCRIPTION', 'did_description'), 225: error('INVALID_DID_DESCRIPTION', 'did_description'),
  226: didUpdated(),
  227: didUpdated('+13125552002'),
  228: error('DID_DOES_NOT_EXIST', 'did_pattern', '13125552002'),
  229: didUpdated('13125552003'),
  230: auth('NO_PERMISSION_DELETE_DIDS'),
  231: ok({ action: 'deleted', did_pattern: '3125553001', did_id: 17 }),
  232: error('DID_DOES_NOT_EXIST', 'did_pattern', '3125553001'),
  233: error('DID_DOES_NOT_EXIST', 'did_pattern', '9999999999'),
  234: notice('NO_UPDATES_DEFINED'), 235: notice('NO_UPDATES_DEFINED'), 236: notice('NO_UPDATES_DEFINED'),
  237: error('INVALID_CALL_HANDLE_METHOD', 'call_handle_method'),
  238: didUpdated(), 239: didUpdated(), 240: didUpdated(), 241: didUpdated(),
  242: error('INVALID_LIST_ID', 'list_id'), 243: error('INVALID_LIST_ID', 'list_id'),
  244: error('INVALID_ENTRY_LIST_ID', 'entry_list_id'),
  245: notice('NO_UPDATES_DEFINED'),
  246: didUpdated(),
  247: error('INVALID_CAMPAIGN_ID', 'campaign_id'),
  248: error('INVALID_PHONE_CODE', 'phone_code'),
  249: error('INGROUP_DOES_NOT_EXIST', 'group', 'NOSUCH'),
  250: didUpdated(),
  251: error('CALL_MENU_DOES_NOT_EXIST', 'menu_id', 'NOSUCH'),
  252: error('INVALID_SERVER_IP', 'server_ip', '10.9.9.9'),
  253: didUpdated(),
  254: error('INVALID_VOICEMAIL_EXT', 'voicemail_ext'),
  255: error('INVALID_PHONE_EXTENSION', 'phone_extension'),
  256: didUpdated(),
  257: error('INVALID_FILTER_CLEAN_CID_NUMBER', 'filter_clean_cid_number'),
  258: error('INVALID_DID_DESCRIPTION', 'did_description'),
  259: error('INVALID_DID_ROUTE', 'did_route', 'FOO'),
  260: error('DID_DOES_NOT_EXIST', 'did_pattern', '7775550000'),
  261: didUpdated('3125551000'),
  262: error('DID_DOES_NOT_EXIST', 'did_pattern', '7775550000'),
  263: didUpdated('3125551000'),
  264: didUpdated(),
  265: transport('HTML_RESPONSE', 200), 266: transport('HTML_RESPONSE', 200), 267: transport('HTML_RESPONSE', 200),
  268: transport('HTML_RESPONSE', 200), 269: transport('HTML_RESPONSE', 200),
  270: REQUIRED, 271: REQUIRED,
  272: ok({ servers_updated: 3 }), 273: ok({ servers_updated: 3 }), 274: ok({ servers_updated: 0 }),
  275: auth('INVALID_SOURCE'),
  276: LOGIN,
  277: REQUIRED,
  278: LOGIN, 279: LOGIN, 280: LOGIN, 281: LOGIN, 282: LOGIN,
  283: LOGIN, 284: LOGIN, 285: LOGIN, 286: LOGIN, 287: LOGIN,
  288: auth('ACCOUNT_LOCKED'), 289: auth('ACCOUNT_LOCKED'),
  // STRICT sql_mode: PHP dies, HTTP 500 with an empty body.
  290: transport('SERVER_ERROR', 500), 291: transport('SERVER_ERROR', 500), 292: transport('SERVER_ERROR', 500),
};

/** The calls the client never makes, whose pages may come out as a generic code. */
const NOT_CALLED_BY_CLIENT = new Set([3, 21, 265, 266, 267, 268, 269]);
const GENERIC_CODES = new Set(['UNKNOWN_ERROR', 'UNKNOWN_NOTICE', 'UNRECOGNISED_RESPONSE', 'HTML_RESPONSE', 'UNEXPECTED_STATUS']);

/** The parts of a result an expectation speaks about. */
function summary(result: VicidialResult<unknown>): Expected {
  switch (result.kind) {
    case 'ok':
      return { kind: 'ok', data: result.data };
    case 'auth':
      return { kind: 'auth', code: result.code };
    case 'transport':
      return { kind: 'transport', code: result.code, ...(result.status ? { status: result.status } : {}) };
    default: {
      const { kind, code, field, value } = result;
      return { kind, code, ...(field === undefined ? {} : { field }), ...(value === undefined ? {} : { value }) };
    }
  }
}

const calls = loadTranscript();

describe('parseAnswer on every recorded VICIdial answer', () => {
  it('has an expectation for each of the 292 calls', () => {
    expect(calls).toHaveLength(292);
    expect(Object.keys(EXPECTED).map(Number).sort((a, b) => a - b)).toEqual(calls.map((call) => call.number));
  });

  it.each(calls)('call $number ($fn)', (call) => {
    const result = parseAnswer(call.fn, { status: call.status, body: call.body });
    expect(summary(result)).toEqual(EXPECTED[call.number]);
    if (result.kind !== 'ok') expect(result.message).toMatch(/^[A-Z].+\.$/);
    if (!NOT_CALLED_BY_CLIENT.has(call.number) && result.kind !== 'ok') expect(GENERIC_CODES.has(result.code)).toBe(false);
  });

  it('uses every catalogue entry on some recorded answer', () => {
    const seen = new Set(Object.values(EXPECTED).map((expected) => ('code' in expected ? expected.code : 'OK')));
    expect(CATALOGUE.map((entry) => entry.code).filter((code) => !seen.has(code))).toEqual([]);
  });
});

describe('catalogue', () => {
  it('has one entry per message and one message per code', () => {
    const texts = CATALOGUE.map((entry) => entry.text);
    const codes = CATALOGUE.map((entry) => entry.code);
    expect(new Set(texts).size).toBe(texts.length);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('parseAnswer on answers outside the transcript', () => {
  it('maps an unknown ERROR message to UNKNOWN_ERROR, raw text only in the diagnostic', () => {
    const result = parseAnswer('update_did', { status: 200, body: 'ERROR: update_did EXTEN CONTEXT IS ODD: |6666|x\n' });
    expect(result).toMatchObject({ kind: 'vicidial_error', code: 'UNKNOWN_ERROR' });
    if (result.kind !== 'vicidial_error') throw new Error('unreachable');
    expect(result.message).not.toContain('EXTEN CONTEXT');
    expect(result.field).toBeUndefined();
    expect(result.diagnostic).toContain('EXTEN CONTEXT IS ODD');
  });

  it('maps an unknown NOTICE message to UNKNOWN_NOTICE', () => {
    const result = parseAnswer('update_did', { status: 200, body: 'NOTICE: update_did SOMETHING NEW: |6666|\n' });
    expect(result).toMatchObject({ kind: 'vicidial_notice', code: 'UNKNOWN_NOTICE' });
  });

  it('does not accept a SUCCESS line of another function or with missing values', () => {
    expect(parseAnswer('update_did', { status: 200, body: 'SUCCESS: add_did DID HAS BEEN ADDED - 6666|31255\n' })).toMatchObject({
      kind: 'transport',
      code: 'UNRECOGNISED_RESPONSE',
    });
    expect(parseAnswer('add_phone', { status: 200, body: 'SUCCESS: add_phone PHONE HAS BEEN ADDED - 6666|300\n' })).toMatchObject({
      kind: 'transport',
      code: 'UNRECOGNISED_RESPONSE',
    });
    expect(parseAnswer('update_did', { status: 200, body: 'SUCCESS: update_did DID HAS BEEN DELETED - 6666|3125|x\n' })).toMatchObject({
      kind: 'transport',
      code: 'UNRECOGNISED_RESPONSE',
    });
  });

  it('refuses a known line preceded by garbage, and copy_did notices outside copy_did', () => {
    expect(parseAnswer('add_did', { status: 200, body: 'Warning: something\nSUCCESS: add_did DID HAS BEEN ADDED - 6666|3125\n' })).toMatchObject({
      code: 'UNRECOGNISED_RESPONSE',
    });
    const body = 'NOTICE: copy_did DID ALREADY EXISTS - 6666|3125\nSUCCESS: add_did DID HAS BEEN ADDED - 6666|3125\n';
    expect(parseAnswer('add_did', { status: 200, body })).toMatchObject({ code: 'UNRECOGNISED_RESPONSE' });
  });

  it('accepts CRLF line ends', () => {
    expect(parseAnswer('add_did', { status: 200, body: 'SUCCESS: add_did DID HAS BEEN ADDED - 6666|3125552000\r\n' })).toEqual({
      kind: 'ok',
      data: { did_pattern: '3125552000' },
    });
  });

  it('tells empty, HTML and garbage bodies apart', () => {
    expect(parseAnswer('add_did', { status: 200, body: '' })).toMatchObject({ kind: 'transport', code: 'EMPTY_RESPONSE' });
    expect(parseAnswer('add_did', { status: 200, body: '<!DOCTYPE html><p>x</p>' })).toMatchObject({ code: 'HTML_RESPONSE' });
    expect(parseAnswer('add_did', { status: 200, body: '\u0000\u00ff\ufffd' })).toMatchObject({ code: 'UNRECOGNISED_RESPONSE' });
    expect(parseAnswer('add_did', { status: 404, body: 'Not Found' })).toMatchObject({ code: 'UNEXPECTED_STATUS', status: 404 });
  });

  it('reads a version line only for version', () => {
    const body = 'VERSION: 2.14-202|BUILD: 250720-1841|DST: 1|\n';
    expect(parseAnswer('version', { status: 200, body })).toMatchObject({ kind: 'ok', data: { version: '2.14-202', dst: true } });
    expect(parseAnswer('add_did', { status: 200, body })).toMatchObject({ code: 'UNRECOGNISED_RESPONSE' });
  });
});
