import { parseAnswer } from '@vicidash/vicidial-client';
import type { FunctionName } from '@vicidash/vicidial-client';
import { describe, expect, test } from 'vitest';
import { FIELD_NAMES, type FieldNames, translateFailure } from './translate.js';

const PASS = 'Api-Secret-Pass-77';

/** The BFF's answer to a VICIdial answer, parsed by the real client parser (password redacted as in production). */
function translated(fn: FunctionName, body: string, names: FieldNames, status = 200) {
  const result = parseAnswer(fn, { status, body }, { secrets: [PASS] });
  if (result.kind === 'ok') throw new Error(`expected a failure for ${body}`);
  const error = translateFailure(result, names);
  return { status: error.status, ...error.toBody() };
}

describe('VICIdial refusals name the API-level field', () => {
  test.each([
    ['update_phone', 'ERROR: update_phone YOU MUST USE A VALID PHONE NAME: |dashboard|x\n', FIELD_NAMES.phone, 'fullName'],
    ['update_phone', 'ERROR: update_phone YOU MUST USE A VALID TIMEZONE: |dashboard|-13.00\n', FIELD_NAMES.phone, 'gmtOffset'],
    ['add_phone', 'ERROR: add_phone TEMPLATE ID DOES NOT EXIST, THIS IS AN OPTIONAL FIELD: |dashboard|1001a|nope\n', FIELD_NAMES.phone, 'templateId'],
    ['add_phone_alias', 'ERROR: add_phone_alias YOU MUST USE A VALID ALIAS NAME: |dashboard|x\n', FIELD_NAMES.alias, 'name'],
    ['update_did', 'ERROR: update_did GROUP ID MUST BE A VALID INBOUND GROUP IN THE SYSTEM, THIS IS AN OPTIONAL FIELD: |dashboard|NOPE\n', FIELD_NAMES.did, 'routing.inGroup'],
    ['add_did', 'ERROR: update_did MENU ID MUST BE A VALID CALL MENU IN THE SYSTEM, THIS IS AN OPTIONAL FIELD: |dashboard|NOPE\n', FIELD_NAMES.did, 'routing.menuId'],
    ['update_did', 'ERROR: update_did DID ROUTE IS NOT VALID, THIS IS AN OPTIONAL FIELD: |dashboard|X\n', FIELD_NAMES.did, 'routing.route'],
    ['update_did', 'ERROR: update_did RECORD CALL MUST BE Y OR N, THIS IS AN OPTIONAL FIELD: |dashboard|X\n', FIELD_NAMES.did, 'recordCall'],
  ] as const)('%s: %s', (fn, body, names, field) => {
    const answer = translated(fn, body, names);
    expect(answer).toMatchObject({ status: 400, code: 'VICIDIAL_REJECTED', field });
    expect(answer.message).not.toMatch(/ERROR|\|/);
  });

  test('a refusal without a field has none', () => {
    expect(translated('add_phone', 'ERROR: add_phone YOU MUST USE ALL REQUIRED FIELDS: |dashboard|||\n', FIELD_NAMES.phone)).toEqual({
      status: 400,
      code: 'VICIDIAL_REJECTED',
      message: expect.stringMatching(/required field/),
    });
  });

  test('the missing login of an alias is named in details', () => {
    expect(translated('update_phone_alias', 'ERROR: update_phone_alias PHONE DOES NOT EXIST: |dashboard|9999z\n', FIELD_NAMES.alias)).toMatchObject({
      status: 400,
      code: 'VICIDIAL_REJECTED',
      field: 'logins',
      details: { value: '9999z' },
    });
  });
});

describe('records gone or taken', () => {
  test.each([
    ['update_phone', 'ERROR: update_phone PHONE DOES NOT EXIST ON THIS SERVER: |dashboard|10.20.0.11|1\n', FIELD_NAMES.phone, 'extension'],
    ['update_phone_alias', 'ERROR: update_phone_alias PHONE ALIAS DOES NOT EXIST: |dashboard|gone\n', FIELD_NAMES.alias, 'aliasId'],
    ['update_did', 'ERROR: update_did DID DOES NOT EXIST: |dashboard|123\n', FIELD_NAMES.did, 'pattern'],
    ['copy_did', 'ERROR: copy_did SOURCE DID DOES NOT EXIST - dashboard|123\n', FIELD_NAMES.didCopy, 'sourcePattern'],
  ] as const)('%s: not found → 404', (fn, body, names, field) => {
    expect(translated(fn, body, names)).toMatchObject({ status: 404, code: 'NOT_FOUND', field });
  });

  test.each([
    ['add_phone', 'ERROR: add_phone PHONE ALREADY EXISTS ON THIS SERVER: |dashboard|10.20.0.11|1001\n', FIELD_NAMES.phone, 'extension'],
    ['add_phone', 'ERROR: add_phone PHONE LOGIN ALREADY EXISTS: |dashboard|1001a\n', FIELD_NAMES.phone, 'login'],
    ['add_phone_alias', 'ERROR: add_phone_alias PHONE ALIAS ALREADY EXISTS: |dashboard|sales_pod1\n', FIELD_NAMES.alias, 'aliasId'],
    ['add_did', 'ERROR: add_did DID ALREADY EXISTS: |dashboard|3125550101\n', FIELD_NAMES.did, 'pattern'],
  ] as const)('%s: already exists → 409', (fn, body, names, field) => {
    expect(translated(fn, body, names)).toMatchObject({ status: 409, code: 'CONFLICT', field });
  });
});

describe('the API account', () => {
  test('a bad login is VICIDIAL_DENIED for an administrator, without the echoed password', () => {
    const answer = translated('update_did', `ERROR: Login incorrect, please try again: |dashboard|${PASS}|BAD|\n`, FIELD_NAMES.did);
    expect(answer).toMatchObject({ status: 502, code: 'VICIDIAL_DENIED', message: expect.stringMatching(/administrator/) });
    expect(JSON.stringify(answer)).not.toContain(PASS);
  });

  test('a missing right is VICIDIAL_DENIED', () => {
    expect(translated('update_did', 'ERROR: update_did USER DOES NOT HAVE PERMISSION TO DELETE DIDS: |dashboard|1\n', FIELD_NAMES.did)).toMatchObject({
      status: 502,
      code: 'VICIDIAL_DENIED',
      message: expect.stringMatching(/may not delete DIDs.*administrator/),
    });
  });
});

describe('no usable answer', () => {
  test('HTML, garbage, an empty page and HTTP 500 are 502 saying the change may have been made', () => {
    for (const [body, status] of [['<html><body>Apache</body></html>', 200], ['garbage\n', 200], ['', 200], ['', 500]] as const) {
      const answer = translated('update_did', body, FIELD_NAMES.did, status);
      expect(answer).toMatchObject({ status: 502, code: 'VICIDIAL_UNAVAILABLE', details: { maybeApplied: true } });
      expect(answer.message).toMatch(/may or may not have been made: reload/);
    }
  });

  test('a timeout is 504; a refused connection says nothing was changed', () => {
    const timeout = translateFailure({ kind: 'transport', code: 'TIMEOUT', maybeApplied: true, message: 'VICIdial did not answer in time; the change may or may not have been made.' }, FIELD_NAMES.did);
    expect(timeout.toBody()).toMatchObject({ code: 'VICIDIAL_TIMEOUT', message: 'VICIdial did not answer in time. The change may or may not have been made: reload the record and check before trying again.' });
    expect(timeout.status).toBe(504);
    const refused = translateFailure({ kind: 'transport', code: 'CONNECTION_REFUSED', maybeApplied: false, message: 'VICIdial refused the connection; nothing was sent.' }, FIELD_NAMES.did);
    expect(refused.status).toBe(502);
    expect(refused.toBody()).toMatchObject({ code: 'VICIDIAL_UNAVAILABLE', message: 'VICIdial refused the connection. Nothing was sent, so nothing was changed.', details: { maybeApplied: false } });
  });
});
