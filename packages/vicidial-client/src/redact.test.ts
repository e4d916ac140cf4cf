import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVicidialClient, type VicidialCallEvent } from './client.js';
import { maskLoginEcho, redact, REDACTED, secretForms } from './redact.js';
import { answer, closedPortUrl, startServer, type Behaviour, type TestServer } from './test-server.js';

/** Distinctive, with characters VICIdial filters out and characters that need percent-encoding. */
const PASSWORD = 'Kq7+Vault pw&Zeta=9%_Unique-42';
/** What VICIdial echoes after filtering (letters, digits, - and _ kept). */
const FILTERED = 'Kq7VaultpwZeta9_Unique-42';
const ENCODED = encodeURIComponent(PASSWORD);
const FORMS_THAT_MUST_NOT_LEAK = [
  PASSWORD,
  FILTERED,
  ENCODED,
  ENCODED.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
  new URLSearchParams({ pass: PASSWORD }).toString().slice('pass='.length),
];

/** Each way a body can carry the password back, with the result it must come out as. */
const SCENARIOS: Array<[name: string, behaviour: Behaviour, code: string]> = [
  ['bad login, filtered echo', answer(`ERROR: Login incorrect, please try again: |apiuser|${FILTERED}|BAD|\n`), 'LOGIN_INCORRECT'],
  ['bad login, raw echo', answer(`ERROR: Login incorrect, please try again: |apiuser|${PASSWORD}|BAD|\n`), 'LOGIN_INCORRECT'],
  ['bad login inside garbage, truncated echo', answer('PHP Warning: oops\nERROR: Login incorrect, please try again: |apiuser|Kq7Vau|BAD|\n'), 'UNRECOGNISED_RESPONSE'],
  ['garbage echoing the request body', (request, response) => response.end(`debug ${request.rawBody}`), 'UNRECOGNISED_RESPONSE'],
  ['garbage echoing lower-case escapes', (request, response) => response.end(`debug ${request.rawBody.toLowerCase()} ${FORMS_THAT_MUST_NOT_LEAK[3]}`), 'UNRECOGNISED_RESPONSE'],
  ['HTML page echoing the request', (request, response) => response.end(`<html><body>${request.rawBody} ${PASSWORD}</body></html>`), 'HTML_RESPONSE'],
  ['HTTP 500 echoing the password', answer(`Fatal error: pass ${PASSWORD} ${FILTERED}`, 500), 'SERVER_ERROR'],
  ['HTTP 403 echoing the request', (request, response) => { response.writeHead(403); response.end(request.rawBody); }, 'UNEXPECTED_STATUS'],
  ['unknown error message quoting it', answer(`ERROR: update_did SOMETHING ODD: |apiuser|${PASSWORD}|${FILTERED}\n`), 'UNKNOWN_ERROR'],
  ['known error echoing it as the value', answer(`ERROR: update_did DID DOES NOT EXIST: |apiuser|${FILTERED}\n`), 'DID_DOES_NOT_EXIST'],
  ['success data containing it', answer(`SUCCESS: update_did DID HAS BEEN UPDATED - apiuser|${FILTERED}\n`), 'OK'],
  ['timeout', () => undefined, 'TIMEOUT'],
];

function expectNoLeak(text: string): void {
  for (const form of FORMS_THAT_MUST_NOT_LEAK) expect(text).not.toContain(form);
  expect(text).not.toContain('Kq7Vau');
}

describe('the API password never comes out of the client', () => {
  let server: TestServer;
  let current: Behaviour = () => undefined;
  beforeAll(async () => {
    server = await startServer((request, response) => current(request, response));
  });
  afterAll(() => server.close());

  it.each(SCENARIOS)('%s', async (_name, behaviour, code) => {
    current = behaviour;
    const events: VicidialCallEvent[] = [];
    const client = createVicidialClient({
      url: server.url,
      user: 'apiuser',
      pass: PASSWORD,
      source: 'dash',
      timeoutMs: 150,
      onCall: (event) => void events.push(event),
    });
    const sent = server.requests.length;
    const result = await client.updateDid({ did_pattern: '3125552000', active: 'N' });
    await client.close();

    expect(server.requests[sent]?.form.get('pass')).toBe(PASSWORD); // the password was really in play
    expect(result.kind === 'ok' ? 'OK' : result.code).toBe(code);
    expect(events).toHaveLength(1);
    expectNoLeak(JSON.stringify(result));
    expectNoLeak(JSON.stringify(events));
  });

  it('keeps the password out of refused-connection results and configuration errors', async () => {
    const events: VicidialCallEvent[] = [];
    const client = createVicidialClient({ url: await closedPortUrl(), user: 'apiuser', pass: PASSWORD, source: 'dash', onCall: (e) => void events.push(e) });
    expectNoLeak(JSON.stringify(await client.addDid({ did_pattern: '3125' })));
    expectNoLeak(JSON.stringify(events));
    await client.close();
    let message = '';
    try {
      createVicidialClient({ url: `ftp://apiuser:${PASSWORD}@dialer`, user: 'apiuser', pass: PASSWORD, source: 'dash' });
    } catch (error) {
      message = String(error);
    }
    expect(message).toMatch(/absolute http/);
    expectNoLeak(message);
  });
});

describe("a phone's passwords never come out of the client either", () => {
  const PHONE_PASS = 'Desk+Phone pw&71';
  const REGISTRATION = 'Sip_Reg=Secret 72';
  let server: TestServer;
  beforeAll(async () => {
    // Echoes the request raw and decoded, and under VICIdial's column name for the registration password.
    server = await startServer((request, response) =>
      response.end(`debug ${request.rawBody} ${[...request.form].join(' ')} conf_secret=${request.form.get('registration_password')}`),
    );
  });
  afterAll(() => server.close());

  it('blanks every form of phone_pass and registration_password the answer echoes', async () => {
    const events: VicidialCallEvent[] = [];
    const client = createVicidialClient({ url: server.url, user: 'apiuser', pass: PASSWORD, source: 'dash', onCall: (e) => void events.push(e) });
    const result = await client.updatePhone({ extension: '500', server_ip: '10.0.0.1', phone_pass: PHONE_PASS, registration_password: REGISTRATION });
    await client.close();
    expect(result).toMatchObject({ kind: 'transport', code: 'UNRECOGNISED_RESPONSE' });
    const text = JSON.stringify([result, events]);
    expect(text).toContain('debug function=update_phone');
    for (const secret of [PHONE_PASS, REGISTRATION, PASSWORD]) {
      for (const form of [secret, encodeURIComponent(secret), new URLSearchParams({ x: secret }).toString().slice(2)]) expect(text).not.toContain(form);
    }
  });
});

describe('redaction helpers', () => {
  it('lists the raw, filtered and percent-encoded forms, longest first', () => {
    const forms = secretForms(PASSWORD);
    for (const form of FORMS_THAT_MUST_NOT_LEAK) expect(forms).toContain(form);
    expect(forms.map((form) => form.length)).toEqual([...forms].map((form) => form.length).sort((a, b) => b - a));
    expect(secretForms('')).toEqual([]);
  });

  it('replaces every occurrence', () => {
    expect(redact(`a ${FILTERED} b ${PASSWORD}`, secretForms(PASSWORD))).toBe(`a ${REDACTED} b ${REDACTED}`);
  });

  it('masks the echoed field of a bad-login line whatever it holds', () => {
    expect(maskLoginEcho('ERROR: Login incorrect, please try again: |u|anything|BAD|')).toBe(
      `ERROR: Login incorrect, please try again: |u|${REDACTED}|BAD|`,
    );
  });
});
