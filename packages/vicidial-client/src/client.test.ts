import { afterEach, describe, expect, it } from 'vitest';
import { createVicidialClient, type VicidialCallEvent, type VicidialClient, type VicidialClientConfig } from './client.js';
import type { AddPhoneParams } from './params.js';
import { answer, closedPortUrl, startServer, type Behaviour, type TestServer } from './test-server.js';

const PHONE: AddPhoneParams = {
  extension: '300',
  dialplan_number: '300',
  voicemail_id: '300',
  phone_login: '300a',
  phone_pass: 'test300',
  server_ip: '10.10.10.15',
  protocol: 'SIP',
  registration_password: 'reg300',
  phone_full_name: 'Phone 300',
  local_gmt: '-5.00',
  outbound_cid: '3125550300',
};

let servers: TestServer[] = [];
let clients: VicidialClient[] = [];
afterEach(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
  clients = [];
});

async function serve(behaviour: Behaviour): Promise<TestServer> {
  const server = await startServer(behaviour);
  servers.push(server);
  return server;
}

function connect(url: string, extra: Partial<VicidialClientConfig> = {}): { client: VicidialClient; events: VicidialCallEvent[] } {
  const events: VicidialCallEvent[] = [];
  const client = createVicidialClient({
    url,
    user: 'apiuser',
    pass: 'apipass',
    source: 'dash',
    timeoutMs: 300,
    onCall: (event) => void events.push(event),
    ...extra,
  });
  clients.push(client);
  return { client, events };
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('requests', () => {
  it('posts function, credentials, source and the parameters, and parses the answer', async () => {
    const server = await serve(answer('SUCCESS: add_phone PHONE HAS BEEN ADDED - apiuser|300|10.10.10.15|SIP|300\n'));
    const { client } = connect(server.url);
    const result = await client.addPhone(PHONE);
    expect(result).toEqual({
      kind: 'ok',
      data: { extension: '300', server_ip: '10.10.10.15', protocol: 'SIP', dialplan_number: '300' },
    });
    const form = server.requests[0]!.form;
    expect(Object.fromEntries(form)).toEqual({ function: 'add_phone', user: 'apiuser', pass: 'apipass', source: 'dash', ...PHONE });
  });

  it('sends only the parameters the function knows, whatever slipped into the object', async () => {
    const server = await serve(answer('SUCCESS: update_phone PHONE HAS BEEN UPDATED - apiuser|300|10.10.10.15|\n'));
    const { client } = connect(server.url);
    const sneaky = { extension: '300', server_ip: '10.10.10.15', email: 'a@b.co', pass: 'x', user: 'root', alias_id: 'z' };
    await client.updatePhone(sneaky);
    const form = server.requests[0]!.form;
    expect(form.getAll('pass')).toEqual(['apipass']);
    expect(form.getAll('user')).toEqual(['apiuser']);
    expect(form.has('alias_id')).toBe(false);
    expect(form.get('email')).toBe('a@b.co');
  });

  it('sends server_refresh with stage=REFRESH and version without credentials', async () => {
    const server = await serve((request, response) =>
      response.end(
        request.form.get('function') === 'version'
          ? 'VERSION: 2.14-202|BUILD: 250720-1841|DATE: 2026-11-22 05:59:47|EPOCH: 1795327187|DST: 0|TZ: -5.00|TZNOW: -5.00|\n'
          : 'SUCCESS: server_refresh SERVER REFRESH HAS BEEN TRIGGERED - apiuser|3\n',
      ),
    );
    const { client } = connect(server.url);
    expect(await client.serverRefresh()).toEqual({ kind: 'ok', data: { servers_updated: 3 } });
    expect(await client.version()).toMatchObject({ kind: 'ok', data: { version: '2.14-202', build: '250720-1841', epoch: 1795327187 } });
    expect(server.requests[0]!.form.get('stage')).toBe('REFRESH');
    expect(Object.fromEntries(server.requests[1]!.form)).toEqual({ function: 'version' });
  });

  it('reuses keep-alive connections and never opens more than configured', async () => {
    let inFlight = 0;
    let peak = 0;
    const server = await serve((_request, response) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      setTimeout(() => {
        inFlight -= 1;
        response.end('SUCCESS: update_did DID HAS BEEN UPDATED - apiuser|3125552000\n');
      }, 20);
    });
    const { client } = connect(server.url, { connections: 2, timeoutMs: 5_000 });
    const results = await Promise.all(Array.from({ length: 8 }, () => client.updateDid({ did_pattern: '3125552000', active: 'N' })));
    expect(results.every((result) => result.kind === 'ok')).toBe(true);
    expect(peak).toBe(2);
    expect(server.connections()).toBe(2);
    expect(server.requests).toHaveLength(8);
  });
});

describe('transport faults: typed result, and a write is sent exactly once', () => {
  const did = { did_pattern: '3125552000', active: 'N' } as const;

  it('times out on a server that never answers', async () => {
    const server = await serve(() => undefined);
    const { client } = connect(server.url);
    const started = Date.now();
    const result = await client.updateDid(did);
    expect(result).toMatchObject({ kind: 'transport', code: 'TIMEOUT', maybeApplied: true });
    expect(Date.now() - started).toBeLessThan(2_000);
    await delay(100);
    expect(server.requests).toHaveLength(1);
  });

  it('times out on a body that trickles past the limit', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200);
      response.write('SUCCESS: update_did ');
      setTimeout(() => response.end('DID HAS BEEN UPDATED - apiuser|3125552000\n'), 1_000).unref();
    });
    const { client } = connect(server.url);
    expect(await client.updateDid(did)).toMatchObject({ kind: 'transport', code: 'TIMEOUT' });
    expect(server.requests).toHaveLength(1);
  });

  it('honours a per-call timeout', async () => {
    const server = await serve((_request, response) => setTimeout(() => response.end('x'), 200).unref());
    const { client } = connect(server.url, { timeoutMs: 5_000 });
    expect(await client.updateDid(did, { timeoutMs: 50 })).toMatchObject({ code: 'TIMEOUT' });
  });

  it('reports a caller cancellation as ABORTED', async () => {
    const server = await serve(() => undefined);
    const { client } = connect(server.url, { timeoutMs: 5_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    expect(await client.updateDid(did, { signal: controller.signal })).toMatchObject({ kind: 'transport', code: 'ABORTED' });
  });

  it('reports a refused connection as not applied', async () => {
    const { client, events } = connect(await closedPortUrl());
    expect(await client.updateDid(did)).toMatchObject({ kind: 'transport', code: 'CONNECTION_REFUSED', maybeApplied: false });
    expect(events[0]).toMatchObject({ attempts: 1, code: 'CONNECTION_REFUSED' });
  });

  it('maps HTTP 500 with an empty body to SERVER_ERROR', async () => {
    const server = await serve(answer('', 500));
    const { client } = connect(server.url);
    expect(await client.addPhone(PHONE)).toMatchObject({ kind: 'transport', code: 'SERVER_ERROR', status: 500, maybeApplied: true });
    expect(server.requests).toHaveLength(1);
  });

  it('maps an HTML page to HTML_RESPONSE', async () => {
    const server = await serve(answer('<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>'));
    const { client } = connect(server.url);
    expect(await client.addPhone(PHONE)).toMatchObject({ kind: 'transport', code: 'HTML_RESPONSE', status: 200 });
    expect(server.requests).toHaveLength(1);
  });

  it('maps garbage bytes to UNRECOGNISED_RESPONSE', async () => {
    const server = await serve((_request, response) => response.end(Buffer.from([0x00, 0xff, 0xfe, 0x80, 0x0a, 0x1b, 0x5b])));
    const { client } = connect(server.url);
    expect(await client.addPhone(PHONE)).toMatchObject({ kind: 'transport', code: 'UNRECOGNISED_RESPONSE' });
    expect(server.requests).toHaveLength(1);
  });

  it('maps an unexpected status to UNEXPECTED_STATUS', async () => {
    const server = await serve(answer('moved', 302));
    const { client } = connect(server.url);
    expect(await client.addPhone(PHONE)).toMatchObject({ kind: 'transport', code: 'UNEXPECTED_STATUS', status: 302 });
  });

  it('maps a connection reset mid-response to CONNECTION_RESET', async () => {
    const server = await serve((request, response) => {
      response.writeHead(200, { 'content-length': '200' });
      response.write('SUCCESS: add_phone PHONE HAS');
      setTimeout(() => request.socket.destroy(), 20);
    });
    const { client } = connect(server.url);
    expect(await client.addPhone(PHONE)).toMatchObject({ kind: 'transport', code: 'CONNECTION_RESET', maybeApplied: true });
    await delay(50);
    expect(server.requests).toHaveLength(1);
  });

  it('maps a connection closed before any answer to CONNECTION_RESET, without resending', async () => {
    const server = await serve((request) => request.socket.destroy());
    const { client, events } = connect(server.url);
    expect(await client.updatePhone({ extension: '300', server_ip: '10.10.10.15', delete_phone: 'Y' })).toMatchObject({
      code: 'CONNECTION_RESET',
    });
    await delay(50);
    expect(server.requests).toHaveLength(1);
    expect(events[0]?.attempts).toBe(1);
  });

  it('refuses an answer far larger than any API answer', async () => {
    const server = await serve(answer('x'.repeat(64 * 1024)));
    const { client } = connect(server.url, { maxResponseBytes: 1024 });
    expect(await client.addPhone(PHONE)).toMatchObject({ kind: 'transport', code: 'RESPONSE_TOO_LARGE' });
  });

  it('does not send a value that cannot be encoded', async () => {
    const server = await serve(answer('x'));
    const { client } = connect(server.url);
    expect(await client.addDid({ did_pattern: '\udc00' })).toMatchObject({ code: 'ENCODING_FAILED', maybeApplied: false });
    expect(server.requests).toHaveLength(0);
  });
});

describe('version retry', () => {
  const VERSION = 'VERSION: 2.14-202|BUILD: 250720-1841|\n';

  it('retries version once after a broken connection', async () => {
    const server = await serve((request, response) => (server.requests.length === 1 ? request.socket.destroy() : response.end(VERSION)));
    const { client, events } = connect(server.url);
    expect(await client.version()).toMatchObject({ kind: 'ok', data: { version: '2.14-202' } });
    expect(server.requests).toHaveLength(2);
    expect(events).toMatchObject([{ function: 'version', attempts: 2, code: 'OK' }]);
  });

  it('gives up after the second broken connection', async () => {
    const server = await serve((request) => request.socket.destroy());
    const { client } = connect(server.url);
    expect(await client.version()).toMatchObject({ code: 'CONNECTION_RESET' });
    await delay(50);
    expect(server.requests).toHaveLength(2);
  });

  it('does not retry after a timeout', async () => {
    const server = await serve(() => undefined);
    const { client } = connect(server.url, { timeoutMs: 100 });
    expect(await client.version()).toMatchObject({ code: 'TIMEOUT' });
    await delay(50);
    expect(server.requests).toHaveLength(1);
  });
});

describe('hook and lifecycle', () => {
  it('reports each call once with function, duration and outcome code', async () => {
    const server = await serve(answer('ERROR: update_did DID DOES NOT EXIST: |apiuser|9999\n'));
    const { client, events } = connect(server.url);
    await client.updateDid({ did_pattern: '9999', did_route: 'EXTEN' });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      function: 'update_did',
      attempts: 1,
      kind: 'vicidial_error',
      code: 'DID_DOES_NOT_EXIST',
      field: 'did_pattern',
    });
    expect(events[0]!.durationMs).toBeGreaterThan(0);
  });

  it('survives a hook that throws or rejects', async () => {
    const server = await serve(answer('SUCCESS: add_did DID HAS BEEN ADDED - apiuser|3125\n'));
    const throwing = connect(server.url, { onCall: () => { throw new Error('hook broke'); } }).client;
    const rejecting = connect(server.url, { onCall: () => Promise.reject(new Error('hook broke')) }).client;
    expect(await throwing.addDid({ did_pattern: '3125' })).toMatchObject({ kind: 'ok' });
    expect(await rejecting.addDid({ did_pattern: '3125' })).toMatchObject({ kind: 'ok' });
  });

  it('answers CLIENT_CLOSED after close(), without sending', async () => {
    const server = await serve(answer('SUCCESS: add_did DID HAS BEEN ADDED - apiuser|3125\n'));
    const { client } = connect(server.url);
    await client.close();
    await client.close();
    expect(await client.addDid({ did_pattern: '3125' })).toMatchObject({ kind: 'transport', code: 'CLIENT_CLOSED', maybeApplied: false });
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a configuration without an http(s) URL', () => {
    expect(() => createVicidialClient({ url: 'dialer.example.com', user: 'u', pass: 'p', source: 'dash' })).toThrow(/absolute http/);
  });
});
