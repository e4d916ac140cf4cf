import { freePort } from '@vicidash/testkit';
import { API_PATH } from '@vicidash/vicidial-sim';
import { DEMO_API_PASS } from '@vicidash/vicidial-sim/seeds/demo';
import request from 'supertest';
import { afterEach, expect, test } from 'vitest';
import { createTestApp } from '../test/app.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());
const setup = async (env?: Record<string, string>) => {
  const t = await createTestApp({ env });
  close = t.close;
  return t;
};

test('GET /api/health answers while the process is alive, without a session', async () => {
  const { app } = await setup();
  const res = await request(app).get('/api/health');
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ status: 'ok' });
});

test('GET /api/ready is 200 when VICIdial API, VICIdial database and dashboard database all answer', async () => {
  const { app } = await setup();
  const res = await request(app).get('/api/ready');
  expect(res.status).toBe(200);
  expect(res.body).toEqual({
    status: 'ready',
    checks: {
      vicidialApi: { ok: true, ms: expect.any(Number), checkedAt: expect.any(String) },
      vicidialDb: { ok: true, ms: expect.any(Number) },
      dashboardDb: { ok: true, ms: expect.any(Number) },
    },
    // The embedded VICIdial on SQLite: no database users, so no grants to check.
    vicidialDbGrants: { checked: false, readable: [], note: expect.stringContaining('SQLite') },
  });
});

test("VICIdial's API not answering: 503 naming it, with a reason and no credential", async () => {
  const port = await freePort();
  const { app } = await setup({ VICIDIAL_API_URL: `http://127.0.0.1:${port}${API_PATH}` });
  const res = await request(app).get('/api/ready');
  expect(res.status).toBe(503);
  expect(res.body).toMatchObject({
    code: 'VICIDIAL_UNAVAILABLE',
    message: expect.stringMatching(/^Not ready: VICIdial's API \(.+\)\.$/),
    details: {
      status: 'not_ready',
      checks: { vicidialApi: { ok: false, reason: expect.any(String) }, vicidialDb: { ok: true }, dashboardDb: { ok: true } },
    },
  });
  expect(JSON.stringify(res.body)).not.toContain(DEMO_API_PASS);
});

test("VICIdial's database not answering: 503 naming it, with a readable reason and no credential", async () => {
  const port = await freePort();
  const { app } = await setup({ VICIDIAL_DB_URL: `mysql://reader:Db-Secret-77@127.0.0.1:${port}/asterisk` });
  const res = await request(app).get('/api/ready');
  expect(res.status).toBe(503);
  expect(res.body.code).toBe('DATABASE_UNAVAILABLE');
  expect(res.body.message).toBe("Not ready: VICIdial's database (connection refused).");
  expect(res.body.details.checks).toMatchObject({ vicidialApi: { ok: true }, vicidialDb: { ok: false, reason: 'connection refused' } });
  expect(JSON.stringify(res.body)).not.toMatch(/Db-Secret-77|127\.0\.0\.1/);
});

test("the dashboard's database gone: 503 naming it", async () => {
  const { app, services } = await setup();
  await services.dashboardDatabase.close();
  const res = await request(app).get('/api/ready');
  expect(res.status).toBe(503);
  expect(res.body.code).toBe('DATABASE_UNAVAILABLE');
  expect(res.body.message).toMatch(/the dashboard's database \(.+\)\.$/);
  // The API user's last check is kept there too: unknown while it is gone.
  expect(res.body.details.checks).toMatchObject({ vicidialApi: { ok: false }, vicidialDb: { ok: true }, dashboardDb: { ok: false } });
});
