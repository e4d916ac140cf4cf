import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { fakeFetch, json } from '../test/fake-fetch';
import { ApiError, api, apiUrl, configureApiClient } from './api-client';

const thing = z.object({ id: z.number(), name: z.string() });

let token: string | undefined;
const onUnauthenticated = vi.fn();
const refreshSession = vi.fn(async () => {
  token = 'fresh-token';
});

beforeEach(() => {
  token = 'first-token';
  configureApiClient({ csrfToken: () => token, refreshSession, onUnauthenticated });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.clearAllMocks();
});

const failure = async (promise: Promise<unknown>): Promise<ApiError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
};

describe('apiUrl', () => {
  it('leaves out empty query values and encodes the rest', () => {
    expect(apiUrl('/api/dids', { search: '+1312', page: 2, active: false, route: undefined, inGroup: '', x: null })).toBe(
      '/api/dids?search=%2B1312&page=2&active=false',
    );
    expect(apiUrl('/api/dids', {})).toBe('/api/dids');
  });
});

describe('api client', () => {
  it('parses a successful answer with the given schema', async () => {
    const requests = fakeFetch(() => json(200, { id: 1, name: 'one', extra: 'dropped' }));
    await expect(api.get('/api/things', { schema: thing, query: { search: 'o' } })).resolves.toEqual({ id: 1, name: 'one' });
    expect(requests[0]?.url).toBe('http://dashboard.test/api/things?search=o');
    expect(requests[0]?.credentials).toBe('same-origin');
  });

  it('sends the CSRF token and the version on writes, JSON in the body, and no token on reads', async () => {
    const requests = fakeFetch(() => new Response(null, { status: 204 }));
    await api.patch('/api/things/1', { schema: null, body: { name: 'two' }, version: 'v7' });
    await api.get('/api/things/1', { schema: null });
    const [write, read] = requests;
    expect(write?.method).toBe('PATCH');
    expect(write?.headers.get('X-CSRF-Token')).toBe('first-token');
    expect(write?.headers.get('If-Match')).toBe('"v7"');
    expect(write?.headers.get('Content-Type')).toBe('application/json');
    expect(await write?.json()).toEqual({ name: 'two' });
    expect(read?.headers.get('X-CSRF-Token')).toBeNull();
  });

  it('turns the error body into one ApiError with code, field, message and details', async () => {
    const issues = [
      { field: 'pattern', message: 'DID pattern: 2 to 50 letters' },
      { field: 'routing.inGroup', message: 'In-group: required' },
      { message: 'Nothing to change' },
    ];
    fakeFetch(() => json(400, { code: 'VALIDATION', field: 'pattern', message: 'DID pattern: 2 to 50 letters', details: { issues } }));
    const error = await failure(api.post('/api/dids', { schema: thing, body: {} }));
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION', field: 'pattern', message: 'DID pattern: 2 to 50 letters' });
    expect(error.fieldIssues).toEqual(issues.slice(0, 2));
    expect(onUnauthenticated).not.toHaveBeenCalled();
  });

  it('names the one field of a non-validation error as its field issue', async () => {
    fakeFetch(() => json(400, { code: 'VICIDIAL_REJECTED', field: 'inGroup', message: 'In-group TEST does not exist' }));
    const error = await failure(api.patch('/api/dids/3', { schema: thing, body: {} }));
    expect(error.fieldIssues).toEqual([{ field: 'inGroup', message: 'In-group TEST does not exist' }]);
  });

  it('reports a 401 as the end of the session', async () => {
    fakeFetch(() => json(401, { code: 'UNAUTHENTICATED', message: 'Your session has ended. Please log in again.' }));
    const error = await failure(api.get('/api/phones', { schema: thing }));
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
  });

  it('does not treat a wrong password (401 LOGIN_FAILED) as an ended session', async () => {
    fakeFetch(() => json(401, { code: 'LOGIN_FAILED', message: 'Wrong username or password.' }));
    expect((await failure(api.post('/api/auth/login', { schema: thing, body: {} }))).code).toBe('LOGIN_FAILED');
    expect(onUnauthenticated).not.toHaveBeenCalled();
  });

  it('renews a stale CSRF token once and repeats the write', async () => {
    const requests = fakeFetch((request) =>
      request.headers.get('X-CSRF-Token') === 'fresh-token'
        ? json(200, { id: 2, name: 'saved' })
        : json(403, { code: 'CSRF', message: 'This request is missing its security token.' }),
    );
    await expect(api.post('/api/things', { schema: thing, body: { name: 'saved' } })).resolves.toEqual({ id: 2, name: 'saved' });
    expect(refreshSession).toHaveBeenCalledTimes(1);
    expect(requests.map((r) => r.headers.get('X-CSRF-Token'))).toEqual(['first-token', 'fresh-token']);
    expect(await requests[1]?.json()).toEqual({ name: 'saved' });
  });

  it('gives up after one renewal when the token is still refused', async () => {
    const requests = fakeFetch(() => json(403, { code: 'CSRF', message: 'missing token' }));
    expect((await failure(api.delete('/api/things/1', { schema: null }))).code).toBe('CSRF');
    expect(requests).toHaveLength(2);
  });

  it('explains an answer that is not the BFF speaking (a proxy page)', async () => {
    fakeFetch(() => new Response('<html>Bad gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }));
    const error = await failure(api.get('/api/dids', { schema: thing }));
    expect(error).toMatchObject({ status: 502, code: 'INTERNAL' });
    expect(error.message).toContain('HTTP 502');
  });

  it('reports no answer at all as NETWORK', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const error = await failure(api.get('/api/dids', { schema: thing }));
    expect(error).toMatchObject({ status: 0, code: 'NETWORK' });
  });

  it('lets a cancelled request stay a cancellation', async () => {
    const controller = new AbortController();
    vi.stubGlobal('fetch', async () => {
      controller.abort();
      throw new DOMException('aborted', 'AbortError');
    });
    await expect(api.get('/api/dids', { schema: thing, signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('refuses an answer that does not match the contract', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    fakeFetch(() => json(200, { id: 'not a number' }));
    expect((await failure(api.get('/api/things/1', { schema: thing }))).code).toBe('INTERNAL');
  });
});
