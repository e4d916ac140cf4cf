import { describe, expect, test } from 'vitest';
import { type ApiRequest, parseFormEncoded, requestParams, urlDecode } from './request.js';

const request = (over: Partial<ApiRequest>): ApiRequest => ({
  method: 'GET',
  url: '/vicidial/non_agent_api.php',
  headers: {},
  remoteIp: '127.0.0.1',
  ...over,
});
const form = { 'content-type': 'application/x-www-form-urlencoded' };

describe('urlDecode', () => {
  test('reads + as a space and %XX as a byte, as PHP does', () => {
    expect(urlDecode(Buffer.from('Phone+399%2B1%20x'))).toBe('Phone 399+1 x');
    expect(urlDecode(Buffer.from('caf%C3%A9'))).toBe('café');
  });
  test('keeps a % that does not start an escape', () => {
    expect(urlDecode(Buffer.from('100%+sure%zz%4'))).toBe('100% sure%zz%4');
  });
});

describe('parseFormEncoded', () => {
  test('later duplicates win, a bare name is empty, empty pairs are skipped', () => {
    const params = parseFormEncoded(Buffer.from('a=1&&b&a=2&=x&c=3=4'));
    expect([...params]).toEqual([
      ['a', '2'],
      ['b', ''],
      ['c', '3=4'],
    ]);
  });
  test("mangles names like PHP and leaves out array names", () => {
    const params = parseFormEncoded(Buffer.from('+phone.full name=x&user[]=y&pass[a]=z'));
    expect([...params]).toEqual([['phone_full_name', 'x']]);
  });
});

describe('requestParams', () => {
  test('reads the query string', () => {
    const params = requestParams(request({ url: '/vicidial/non_agent_api.php?function=version&user=66%2766' }));
    expect(params.get('function')).toBe('version');
    expect(params.get('user')).toBe("66'66");
    expect(params.get('pass')).toBeUndefined();
  });

  test('reads a form-encoded POST body; a GET parameter wins over the same POST field', () => {
    const params = requestParams(
      request({
        method: 'POST',
        url: '/vicidial/non_agent_api.php?phone_full_name=Get+Wins',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8' },
        body: 'phone_full_name=Post+Loses&email=post%40body.com',
      }),
    );
    expect(params.get('phone_full_name')).toBe('Get Wins');
    expect(params.get('email')).toBe('post@body.com');
  });

  test('takes the body as bytes too', () => {
    const params = requestParams(request({ method: 'POST', headers: form, body: new TextEncoder().encode('user=6666') }));
    expect(params.get('user')).toBe('6666');
  });

  test('ignores a JSON body, a body without form Content-Type, and a GET body', () => {
    const json = { method: 'POST', body: '{"function":"version"}' };
    expect(requestParams(request({ ...json, headers: { 'content-type': 'application/json' } })).get('function')).toBeUndefined();
    expect(requestParams(request({ method: 'POST', body: 'function=version' })).get('function')).toBeUndefined();
    expect(requestParams(request({ headers: form, body: 'function=version' })).get('function')).toBeUndefined();
  });

  test('reads raw UTF-8 bytes that Node hands over as latin1 characters', () => {
    const url = `/x?name=${Buffer.from('é', 'utf8').toString('latin1')}`;
    expect(requestParams(request({ url })).get('name')).toBe('é');
  });
});
