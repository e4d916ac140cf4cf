/**
 * When VICIdial or its database misbehaves: a clear 502/503/504, no crash, no write retried, the
 * failure audited. And the API password never leaves: not in an answer, a log line or the audit.
 */
import { freePort } from '@vicidash/testkit';
import { answer, closedPortUrl, selfSignedIdentity, startServer, type Behaviour, type TestServer } from '@vicidash/vicidial-client/test-server';
import { DEMO_API_PASS } from '@vicidash/vicidial-sim/seeds/demo';
import request from 'supertest';
import { afterEach, describe, expect, test } from 'vitest';
import { DEMO_PHONE, NEW_PHONE, phonePath, sentWrites, writeTestApp, type WriteTestApp } from './changes-test-support.js';

const servers: TestServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});
const misbehaving = async (behaviour: Behaviour, tls?: Parameters<typeof startServer>[1]) => {
  const server = await startServer(behaviour, tls);
  servers.push(server);
  return server;
};

/** Answers after the BFF has given up (its timeout is set to 300 ms below). */
const tooSlow: Behaviour = (_request, response) => {
  setTimeout(() => answer('SUCCESS: update_did DID HAS BEEN UPDATED - dashboard|3125550101\n')(_request, response), 1_500);
};

describe('VICIdial answers badly', () => {
  test.each([
    { what: 'is too slow', behaviour: tooSlow, status: 504, code: 'VICIDIAL_TIMEOUT' },
    { what: 'answers an HTML page', behaviour: answer('<!DOCTYPE html><html><body><h1>Service Unavailable</h1></body></html>'), status: 502, code: 'VICIDIAL_UNAVAILABLE' },
    { what: 'answers garbage', behaviour: answer('\u0000\u0001 not an API answer at all'), status: 502, code: 'VICIDIAL_UNAVAILABLE' },
    { what: 'fails with HTTP 500 and an empty body', behaviour: answer('', 500), status: 502, code: 'VICIDIAL_UNAVAILABLE' },
  ])('$what: $status $code, sent once, audited with the DID as VICIdial now holds it', async ({ behaviour, status, code }) => {
    const server = await misbehaving(behaviour);
    const t = await writeTestApp({ env: { VICIDIAL_API_URL: server.url, VICIDIAL_API_TIMEOUT_MS: '300' } });
    const did = await t.records.didByPattern('3125550101');
    const res = await t.send('patch', `/api/dids/${did?.didId}`, { recordCall: 'Y' }, { version: did?.version });
    expect(res.status).toBe(status);
    expect(res.body).toEqual({
      code,
      message: expect.stringMatching(/The change may or may not have been made: reload the record and check before trying again\.$/),
      details: { maybeApplied: true },
    });
    expect(sentWrites(server.requests)).toHaveLength(1);
    expect(await t.auditRows()).toMatchObject([
      { action: 'update:dids', outcome: 'failure', result: { code, maybeApplied: true }, before: { didId: did?.didId }, after: { didId: did?.didId } },
    ]);
    // Still serving, and a second attempt is one more request, not a retry of the first.
    expect((await request(t.app).get('/api/health')).status).toBe(200);
    await t.send('patch', `/api/dids/${did?.didId}`, { recordCall: 'Y' }, { version: did?.version });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sentWrites(server.requests)).toHaveLength(2);
  });

  test('is down (connection refused): 502 saying nothing was changed', async () => {
    const t = await writeTestApp({ env: { VICIDIAL_API_URL: await closedPortUrl() } });
    const res = await t.send('post', '/api/aliases', { aliasId: 'night', name: 'Night', logins: ['1001a'] });
    expect(res.status).toBe(502);
    expect(res.body).toEqual({
      code: 'VICIDIAL_UNAVAILABLE',
      message: 'VICIdial refused the connection. Nothing was sent, so nothing was changed.',
      details: { maybeApplied: false },
    });
    expect(await t.auditRows()).toMatchObject([{ action: 'create:aliases', outcome: 'failure', result: { code: 'VICIDIAL_UNAVAILABLE', maybeApplied: false } }]);
  });

  // The request never left: the message says why, and that nothing was changed.
  test.each([
    {
      what: 'a self-signed TLS certificate',
      url: async () => (await misbehaving(answer('SUCCESS'), selfSignedIdentity('current'))).url,
      message:
        "VICIdial's TLS certificate is not trusted (self-signed or from a private CA: give the dashboard that CA with NODE_EXTRA_CA_CERTS). Nothing was sent, so nothing was changed.",
    },
    {
      what: 'an expired TLS certificate',
      url: async () => (await misbehaving(answer('SUCCESS'), selfSignedIdentity('expired'))).url,
      message: "VICIdial's TLS certificate has expired or is not yet valid. Nothing was sent, so nothing was changed.",
    },
    {
      // .invalid never resolves (RFC 6761): only the local resolver is asked.
      what: 'a host name that does not resolve',
      url: async () => 'http://vicidial.invalid/vicidial/non_agent_api.php',
      message: "VICIdial's host name could not be resolved (check the API URL and DNS). Nothing was sent, so nothing was changed.",
    },
  ])('$what: 502 saying so and that nothing was changed; audited as not applied', async ({ url, message }) => {
    const t = await writeTestApp({ env: { VICIDIAL_API_URL: await url() } });
    const res = await t.send('post', '/api/aliases', { aliasId: 'night', name: 'Night', logins: ['1001a'] });
    expect(res.status).toBe(502);
    expect(res.body).toEqual({ code: 'VICIDIAL_UNAVAILABLE', message, details: { maybeApplied: false } });
    expect(servers.flatMap((server) => server.requests)).toEqual([]);
    expect(await t.auditRows()).toMatchObject([{ action: 'create:aliases', outcome: 'failure', result: { code: 'VICIDIAL_UNAVAILABLE', maybeApplied: false } }]);
  });

  test('a bulk change reports the failure per DID and sends each DID once', async () => {
    const server = await misbehaving(answer('', 500));
    const t = await writeTestApp({ env: { VICIDIAL_API_URL: server.url } });
    const res = await t.send('post', '/api/dids/bulk', { dids: ['3125550101', '3125550102', '3125550103'], active: false });
    expect(res.status).toBe(200);
    expect(res.body.results).toMatchObject([
      { ok: false, error: { code: 'VICIDIAL_UNAVAILABLE' } },
      { ok: false, error: { code: 'VICIDIAL_UNAVAILABLE' } },
      { ok: false, error: { code: 'VICIDIAL_UNAVAILABLE' } },
    ]);
    expect(sentWrites(server.requests).map((r) => r.form.get('did_pattern')).sort()).toEqual(['3125550101', '3125550102', '3125550103']);
  });
});

describe("VICIdial's database is down", () => {
  const databaseDown = async () => writeTestApp({ env: { VICIDIAL_DB_URL: `mysql://root@127.0.0.1:${await freePort()}/asterisk` } });

  test('a change is 503 before anything is sent; audited', async () => {
    const t = await databaseDown();
    const logged = (await t.adminLog()).length;
    const res = await t.send('patch', phonePath(DEMO_PHONE), { fullName: 'Anything' }, { version: 'v1' });
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ code: 'DATABASE_UNAVAILABLE', message: "VICIdial's database did not answer. Try again in a moment." });
    expect(await t.adminLog()).toHaveLength(logged);
    expect(await t.auditRows()).toMatchObject([{ action: 'update:phones', outcome: 'failure', result: { code: 'DATABASE_UNAVAILABLE' } }]);
  });

  test('a change VICIdial made but that cannot be read back says so, and is audited as made', async () => {
    const t = await databaseDown();
    const res = await t.send('post', '/api/phones', NEW_PHONE);
    expect(res.status).toBe(503);
    expect(res.body.message).toMatch(/^The change was made, but reading it back from VICIdial failed/);
    expect((await t.adminLog()).at(-1)).toMatchObject({ event_type: 'ADD', record_id: '6001' });
    expect(await t.auditRows()).toMatchObject([{ action: 'create:phones', outcome: 'success', result: { code: 'DATABASE_UNAVAILABLE' } }]);
  });
});

/** A representative set of changes, as the SPA would send them. */
async function exercise(t: WriteTestApp): Promise<string[]> {
  const did = await t.records.didByPattern('3125550101').catch(() => undefined);
  const phone = await t.records.phone(DEMO_PHONE).catch(() => undefined);
  const answers = await Promise.all([
    t.send('post', '/api/phones', NEW_PHONE),
    t.send('patch', phonePath(DEMO_PHONE), { password: 'New-Phone-Pass-9', fullName: 'Renamed' }, { version: phone?.version ?? 'v' }),
    t.send('post', `${phonePath(DEMO_PHONE)}/secrets`),
    t.send('post', '/api/aliases', { aliasId: 'night', name: 'Night', logins: ['1001a'] }),
    t.send('post', '/api/dids', { pattern: '3125559200', routing: { route: 'CALLMENU', menuId: 'MAIN_IVR' } }),
    t.send('post', `/api/dids/${did?.didId ?? 1}/copy`, { sourcePattern: '3125550101', newPatterns: ['3125559201'] }),
    t.send('post', '/api/dids/bulk', { dids: ['3125550102', '3125550103'], recordCall: 'Y' }),
    t.send('post', '/api/servers/refresh'),
    t.send('post', '/api/phones', { ...NEW_PHONE, extension: 'bad one' }),
  ]);
  return answers.map((res) => `${res.status} ${res.text} ${JSON.stringify(res.headers)}`);
}

describe('the API password never comes out', () => {
  test.each([
    ['the right password', DEMO_API_PASS],
    ['a wrong one, which VICIdial echoes in its bad-login line', 'Wrong-Api-Pass-Distinct-4711'],
  ])('with %s: not in answers, log lines or audit rows', async (_what, pass) => {
    const t = await writeTestApp({ env: { VICIDIAL_API_PASS: pass } });
    const answers = await exercise(t);
    // The proof the scan means something: the calls were made and logged, and a wrong password was
    // refused (and echoed) once, at the start check: after that nothing more is sent.
    expect(t.logs.lines.filter((line) => line.includes('"vicidial call"')).length).toBeGreaterThanOrEqual(pass === DEMO_API_PASS ? 8 : 1);
    if (pass !== DEMO_API_PASS) {
      expect(answers[0]).toMatch(/^503 .*VICIDIAL_DENIED/);
      expect(t.logs.lines.join('')).toContain('LOGIN_INCORRECT');
    }
    const audit = JSON.stringify(await t.auditRows());
    expect(audit.length).toBeGreaterThan(1000);
    for (const [where, text] of [['answers', answers.join('\n')], ['logs', t.logs.lines.join('')], ['audit', audit]] as const) {
      expect(text, where).not.toContain(pass);
      expect(text, where).not.toContain(encodeURIComponent(pass));
    }
  });
});

/** Every value sent under a name that holds a secret (the API password, a phone's passwords). */
const secretValues = (server: TestServer) =>
  server.requests.flatMap(({ form }) => [...form].filter(([name]) => /pass|secret/i.test(name)).map(([, value]) => value));

describe('a VICIdial page that echoes the request (LOG_LEVEL=debug)', () => {
  // An edge we do not own: a proxy's error page or a debug build answering with what it was sent,
  // raw and decoded, under VICIdial's own column names too.
  const echo: Behaviour = (request, response) => {
    const fields = [...request.form].map(([name, value]) => `${name}: ${value}`);
    const registration = request.form.get('registration_password');
    if (registration) fields.push(`conf_secret: ${registration}`);
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`Unexpected request ${request.rawBody}\n${fields.join('\n')}\n`);
  };

  test('no secret value sent reaches the log', async () => {
    const server = await misbehaving(echo);
    const t = await writeTestApp({ env: { VICIDIAL_API_URL: server.url } });
    await exercise(t);
    const secrets = secretValues(server);
    // The proof the scan means something: passwords went out, the echoes were logged.
    expect(secrets).toEqual(expect.arrayContaining([DEMO_API_PASS, NEW_PHONE.password, NEW_PHONE.registrationPassword, 'New-Phone-Pass-9']));
    const logs = t.logs.lines.join('');
    expect(logs).toContain('Unexpected request');
    for (const secret of new Set(secrets)) {
      expect(logs).not.toContain(secret);
      expect(logs).not.toContain(encodeURIComponent(secret));
    }
  });
});
