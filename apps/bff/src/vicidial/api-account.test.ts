import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DEMO_API_PASS, DEMO_API_USER } from '@vicidash/vicidial-sim/seeds/demo';
import { describe, expect, test } from 'vitest';
import { createApp } from '../app.js';
import { createLogger } from '../logger.js';
import { writeTestApp, type WriteTestApp } from '../routes/changes-test-support.js';
import { createServices } from '../services.js';
import { LogCapture, testPasswords } from '../test/app.js';
import { CHECK_EVERY_MS, LOGIN_RETRY_MS } from './api-account.js';

const WRONG_PASS = 'Not-The-Pass-42';

/** The API user's row in the embedded VICIdial: its failed-login count and whether it is locked. */
async function apiUser(t: WriteTestApp) {
  return t.vicidial.db
    .selectFrom('vicidial_users')
    .select(['failed_login_count', 'pass'])
    .where('user', '=', DEMO_API_USER)
    .executeTakeFirstOrThrow();
}

/** Rows VICIdial's API log holds (each authenticated call writes one, and its URL with the password). */
const apiLogRows = async (t: WriteTestApp) => (await t.vicidial.db.selectFrom('vicidial_api_log').select('api_id').execute()).length;

/** Calls the BFF made to VICIdial's API (its client logs each one at debug level). */
const vicidialCalls = (t: { logs: LogCapture }) => t.logs.lines.filter((line) => line.includes('"msg":"vicidial call"')).length;

/** The first 30 DIDs of the demo data, by pattern. */
async function thirtyDids(t: WriteTestApp) {
  const rows = await t.vicidial.db.selectFrom('vicidial_inbound_dids').select('did_pattern').orderBy('did_id').limit(31).execute();
  const patterns = rows.map((row) => row.did_pattern).filter((pattern) => pattern !== 'default').slice(0, 30);
  expect(patterns).toHaveLength(30);
  return patterns;
}

const bulk = (t: WriteTestApp, dids: string[], active: boolean) => t.send('post', '/api/dids/bulk', { dids, active });

describe('a wrong API password never takes VICIdial API user down', () => {
  test('readiness says so, naming the setting, without the password and without asking VICIdial on every probe', async () => {
    const t = await writeTestApp({ env: { VICIDIAL_API_PASS: WRONG_PASS } });
    for (let i = 0; i < 20; i++) {
      const res = await request(t.app).get('/api/ready');
      expect(res.status).toBe(503);
      expect(res.body.details.checks.vicidialApi).toMatchObject({ ok: false, reason: expect.stringContaining('VICIDIAL_API_PASS') });
      expect(res.body.details.checks.vicidialApi.checkedAt).toEqual(expect.any(String));
      expect(JSON.stringify(res.body)).not.toContain(WRONG_PASS);
    }
    // One check at start: one refused login, however often the probe asks.
    expect(Number((await apiUser(t)).failed_login_count)).toBe(1);
    expect(vicidialCalls(t)).toBe(1);
  });

  test('a bulk of 30 sends nothing once VICIdial refused the user; writes resume after a check passes', async () => {
    const t = await writeTestApp({ role: 'helpdesk', env: { VICIDIAL_API_PASS: WRONG_PASS } });
    const dids = await thirtyDids(t);

    const refused = await bulk(t, dids, false);
    expect(refused.status).toBe(200);
    for (const result of refused.body.results) {
      expect(result).toMatchObject({ ok: false, error: { code: 'VICIDIAL_DENIED', message: expect.stringMatching(/^Not sent: .*VICIDIAL_API_PASS/) } });
    }
    const single = await t.send('post', '/api/servers/refresh', {}, { as: 'supervisor' });
    expect(single.status).toBe(503);
    expect(single.body.message).toMatch(/VICIDIAL_API_USER and VICIDIAL_API_PASS/);
    expect(Number((await apiUser(t)).failed_login_count)).toBeLessThanOrEqual(1);

    // Someone gives VICIdial's user the password the dashboard has; the next check (not before the
    // retry time: each refused login counts towards the lock) lets writes through again.
    await t.vicidial.db.updateTable('vicidial_users').set({ pass: WRONG_PASS }).where('user', '=', DEMO_API_USER).execute();
    t.advance(LOGIN_RETRY_MS);
    expect((await request(t.app).get('/api/ready')).status).toBe(200);
    const resumed = await bulk(t, dids, false);
    expect(resumed.body.results.every((result: { ok: boolean }) => result.ok)).toBe(true);
    expect(Number((await apiUser(t)).failed_login_count)).toBe(0);
  });

  test('a password changed in VICIdial meanwhile: the bulk stops at the first refusal, the rest not sent', async () => {
    const t = await writeTestApp({ role: 'helpdesk' });
    const dids = await thirtyDids(t);
    await t.vicidial.db.updateTable('vicidial_users').set({ pass: 'Rotated-Pass-9' }).where('user', '=', DEMO_API_USER).execute();

    const res = await bulk(t, dids, false);
    const [first, ...rest] = res.body.results;
    expect(first).toMatchObject({ ok: false, error: { code: 'VICIDIAL_DENIED', message: expect.stringMatching(/^VICIdial refused .*VICIDIAL_API_PASS/) } });
    for (const result of rest) expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^Not sent: /) } });
    expect(Number((await apiUser(t)).failed_login_count)).toBe(1);
    // Readiness reports it at once, without asking VICIdial again.
    const calls = vicidialCalls(t);
    const ready = await request(t.app).get('/api/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.details.checks.vicidialApi.reason).toMatch(/VICIDIAL_API_PASS/);
    expect(vicidialCalls(t)).toBe(calls);
    expect((await apiUser(t)).pass).not.toBe(DEMO_API_PASS);
  });

  test('an accepted user is checked again at most once a minute, with calls that change nothing', async () => {
    const t = await writeTestApp();
    const adminLog = (await t.adminLog()).length;
    expect((await request(t.app).get('/api/ready')).status).toBe(200);
    const atStart = vicidialCalls(t);
    const logRows = await apiLogRows(t);
    expect(atStart).toBe(2);
    for (let i = 0; i < 20; i++) expect((await request(t.app).get('/api/ready')).status).toBe(200);
    expect(vicidialCalls(t)).toBe(atStart);
    expect(await apiLogRows(t)).toBe(logRows);
    t.advance(CHECK_EVERY_MS);
    for (let i = 0; i < 20; i++) expect((await request(t.app).get('/api/ready')).status).toBe(200);
    expect(vicidialCalls(t)).toBe(atStart + 2);
    expect(await apiLogRows(t)).toBe(logRows + 2);
    expect((await t.adminLog()).length).toBe(adminLog);
  });

  test('an API user without the function: readiness names VICIDIAL_API_USER and what VICIdial said', async () => {
    const t = await writeTestApp();
    await t.vicidial.db.updateTable('vicidial_users').set({ api_allowed_functions: ' version ' }).where('user', '=', DEMO_API_USER).execute();
    t.advance(CHECK_EVERY_MS);
    const res = await request(t.app).get('/api/ready');
    expect(res.status).toBe(503);
    expect(res.body.details.checks.vicidialApi.reason).toMatch(/not allowed to use this API function: give the user named in VICIDIAL_API_USER/);
  });
});

test('another worker or host sharing the dashboard database sends nothing once one of them was refused', async () => {
  const dashboardDb = join(tmpdir(), `bff-credentials-${randomBytes(6).toString('hex')}.sqlite`);
  try {
    const first = await writeTestApp({ env: { VICIDIAL_API_PASS: WRONG_PASS, DASHBOARD_DB_URL: dashboardDb } });
    expect((await request(first.app).get('/api/ready')).status).toBe(503);
    expect(Number((await apiUser(first)).failed_login_count)).toBe(1);
    // A second process, same configuration and databases: it learns the refusal from the dashboard database.
    const logs = new LogCapture();
    const second = await createServices(first.config, createLogger('debug', logs));
    try {
      const agent = request.agent(createApp(second));
      const login = await agent.post('/api/auth/login').send({ username: 'helpdesk', password: testPasswords.helpdesk });
      const res = await agent.post('/api/dids/bulk').set('X-CSRF-Token', login.body.csrfToken).send({ dids: await thirtyDids(first), active: false });
      expect(res.body.results.every((result: { ok: boolean; error?: { message: string } }) => result.error?.message.startsWith('Not sent: '))).toBe(true);
      expect(vicidialCalls({ logs })).toBe(0);
      expect(Number((await apiUser(first)).failed_login_count)).toBe(1);
    } finally {
      await second.close();
    }
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(dashboardDb + suffix, { force: true });
  }
});
