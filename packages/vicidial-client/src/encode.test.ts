import { afterEach, describe, expect, it } from 'vitest';
import { createVicidialClient, type VicidialClient } from './client.js';
import { encodeForm } from './encode.js';
import { answer, startServer, type TestServer } from './test-server.js';

const tricky = {
  plus: '+13125552002',
  spaces: 'Sales  line two ',
  reserved: 'a&b=c%d?e#f/g',
  unicode: 'Zoë – 東京 😀',
  percentLike: '%2B%20+',
};

let server: TestServer | undefined;
let client: VicidialClient | undefined;
afterEach(async () => {
  await client?.close();
  await server?.close();
});

describe('request encoding', () => {
  it('gives a URLSearchParams (PHP-style) parser the exact values, never a raw + for a plus', async () => {
    server = await startServer(answer('SUCCESS: update_did DID HAS BEEN UPDATED - api|x\n'));
    client = createVicidialClient({ url: server.url, user: 'api', pass: 'p+ss w&rd=%', source: 'dash' });
    await client.updateDid({
      did_pattern: tricky.plus,
      did_description: tricky.spaces,
      extension: tricky.reserved,
      exten_context: tricky.unicode,
      filter_clean_cid_number: tricky.percentLike,
    });
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.contentType).toBe('application/x-www-form-urlencoded');
    expect(request?.rawBody).not.toContain('+');
    expect(request?.rawBody).toContain('did_pattern=%2B13125552002');
    const form = request!.form;
    expect(form.get('pass')).toBe('p+ss w&rd=%');
    expect(form.get('did_pattern')).toBe(tricky.plus);
    expect(form.get('did_description')).toBe(tricky.spaces);
    expect(form.get('extension')).toBe(tricky.reserved);
    expect(form.get('exten_context')).toBe(tricky.unicode);
    expect(form.get('filter_clean_cid_number')).toBe(tricky.percentLike);
  });

  it('joins lists with commas and sends numbers as digits', async () => {
    server = await startServer(answer('SUCCESS: update_phone_alias PHONE ALIAS HAS BEEN UPDATED - api|a1|\n'));
    client = createVicidialClient({ url: server.url, user: 'api', pass: 'pw', source: 'dash' });
    await client.updatePhoneAlias({ alias_id: 'a1', alias_name: 'Team + 1', phone_logins: ['100a', '100b'] });
    await client.updatePhone({ extension: '300', server_ip: '10.10.10.15', phone_ring_timeout: 45 });
    expect(server.requests[0]?.form.get('phone_logins')).toBe('100a,100b');
    expect(server.requests[0]?.form.get('alias_name')).toBe('Team + 1');
    expect(server.requests[1]?.form.get('phone_ring_timeout')).toBe('45');
  });

  it('leaves out absent fields', () => {
    expect(encodeForm([['a', 'x'], ['b', undefined], ['c', '']])).toBe('a=x&c=');
  });

  it('refuses a lone surrogate instead of sending a mangled value', () => {
    expect(() => encodeForm([['a', '\ud800']])).toThrow(URIError);
  });
});
