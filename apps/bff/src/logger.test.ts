import { DEMO_API_PASS } from '@vicidash/vicidial-sim/seeds/demo';
import request from 'supertest';
import { afterEach, expect, test } from 'vitest';
import { createLogger } from './logger.js';
import { CHECK_EVERY_MS } from './vicidial/api-account.js';
import { createTestApp, LogCapture, testPasswords } from './test/app.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});
const setup = async (env?: Record<string, string>) => {
  const t = await createTestApp({ env });
  close = t.close;
  return t;
};

const parsed = (logs: LogCapture) => logs.lines.map((line) => JSON.parse(line) as Record<string, unknown>);

test('no password, session cookie, CSRF token or cookie being set reaches the log', async () => {
  const { app, logs } = await setup();
  const agent = request.agent(app);
  const login = await agent.post('/api/auth/login').send({ username: 'supervisor', password: testPasswords.supervisor });
  expect(login.status).toBe(200);
  const setCookie = ([] as string[]).concat(login.headers['set-cookie'] ?? [])[0] ?? '';
  const sessionId = setCookie.split(';')[0]?.split('=')[1] ?? '';
  const csrfToken = login.body.csrfToken as string;
  expect(sessionId.length).toBeGreaterThan(20);

  await agent.get('/api/auth/session');
  await agent.post('/api/auth/logout').set('X-CSRF-Token', csrfToken);
  await request(app).post('/api/auth/login').send({ username: 'viewer', password: 'a-wrong-password-9' });

  const text = logs.lines.join('');
  expect(logs.lines.length).toBeGreaterThan(4);
  for (const secret of [testPasswords.supervisor, 'a-wrong-password-9', decodeURIComponent(sessionId), csrfToken, DEMO_API_PASS]) {
    expect(text).not.toContain(secret);
  }
  // The request headers are there, their values are not.
  expect(text).toContain('"cookie":"[redacted]"');
  expect(text).toContain('"x-csrf-token":"[redacted]"');
});

test("the request line shows the request's headers but none of its credentials", async () => {
  const { app, logs } = await setup();
  await request(app).get('/api/auth/session').set('Authorization', 'Basic c2VjcmV0LWF1dGg=').set('Password', 'header-pass-3').set('X-Custom', 'kept-4');
  const line = parsed(logs).find((entry) => entry.msg === 'request completed' || entry.msg === 'request aborted');
  expect(line).toMatchObject({ req: { method: 'GET', url: '/api/auth/session', headers: { authorization: '[redacted]', password: '[redacted]', 'x-custom': 'kept-4' } }, res: { statusCode: 401 } });
  expect(logs.lines.join('')).not.toMatch(/c2VjcmV0LWF1dGg=|header-pass-3/);
});

test('secret keys are redacted in whatever object is logged: a request body, VICIdial parameters, error details', () => {
  const logs = new LogCapture();
  const logger = createLogger('info', logs);
  logger.info({
    password: 'top-1',
    body: { password: 'body-2', phonePass: 'body-3', registrationPassword: 'body-4' },
    req: { body: { password: 'req-5', phone_pass: 'req-6' } },
    vicidial: { params: { pass: 'api-7', registration_password: 'api-8', conf_secret: 'api-9' } },
    res: { headers: { 'set-cookie': 'vicidash.sid=cookie-11' } },
    err: { details: { current: { phonePass: 'err-10' } } },
  });
  const text = logs.lines.join('');
  for (const secret of ['top-1', 'body-2', 'body-3', 'body-4', 'req-5', 'req-6', 'api-7', 'api-8', 'api-9', 'cookie-11']) {
    expect(text).not.toContain(secret);
  }
  // Deeper than two levels is the caller's job: mask before logging (the audit's toMaskedJson does).
  expect(text).toContain('err-10');
});

test("VICIdial's echo of a wrong API password never reaches the log", async () => {
  const wrong = 'Wrong-Api-Pass-4711';
  const { services, logs } = await setup({ VICIDIAL_API_PASS: wrong });
  // The start check of the API user, refused, then one more call.
  expect(await services.vicidialAccount.state()).toMatchObject({ outcome: 'refused', code: 'LOGIN_INCORRECT' });
  const result = await services.vicidial.serverRefresh();
  expect(result).toMatchObject({ kind: 'auth', code: 'LOGIN_INCORRECT' });
  const events = parsed(logs).filter((line) => line.msg === 'vicidial call');
  expect(events).toHaveLength(2);
  expect(logs.lines.join('')).not.toContain(wrong);
});

test('every log line of a request and its answer carry the same request id', async () => {
  const { app, logs } = await setup();
  const res = await request(app).post('/api/auth/login').send({ username: 'viewer', password: 'a-wrong-password-9' });
  expect(res.status).toBe(401);
  const id = res.headers['x-request-id'];
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  const lines = parsed(logs).filter((line) => line.requestId === id);
  expect(lines.map((line) => line.msg)).toEqual(['login refused', 'request completed']);
  for (const line of logs.lines) expect(line.match(/"requestId"/g)?.length ?? 0, `written once: ${line}`).toBeLessThanOrEqual(1);
  // Every line written while serving requests names one.
  expect(parsed(logs).filter((line) => line.req || line.res || line.msg === 'login refused').every((line) => line.requestId)).toBe(true);
});

test("lines of the services' own logger during a request (VICIdial calls) carry its id too", async () => {
  const { app, logs, services, advance } = await setup();
  // The start check is done; a minute on, /api/ready checks the API user again, within the request.
  await services.vicidialAccount.state();
  logs.lines.length = 0;
  advance(CHECK_EVERY_MS);
  const res = await request(app).get('/api/ready');
  expect(res.status).toBe(200);
  const id = res.headers['x-request-id'];
  const call = logs.lines.find((line) => line.includes('"msg":"vicidial call"'));
  expect(call && JSON.parse(call)).toMatchObject({ requestId: id, vicidial: { function: 'update_did', code: 'REQUIRED_FIELDS_MISSING' } });
  // Outside a request there is none.
  logs.lines.length = 0;
  await services.vicidial.version();
  expect(logs.lines).toHaveLength(1);
  expect(JSON.parse(logs.lines[0] ?? '{}')).not.toHaveProperty('requestId');
});

test('an id from a proxy in front is kept; a malformed one is replaced', async () => {
  const { app } = await setup();
  const kept = await request(app).get('/api/nope').set('X-Request-Id', 'lb-7f3a.42');
  expect(kept.status).toBe(404);
  expect(kept.headers['x-request-id']).toBe('lb-7f3a.42');
  const replaced = await request(app).get('/api/nope').set('X-Request-Id', 'bad id <script>');
  expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
});
