import { randomBytes } from 'node:crypto';
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { openDatabase } from '@vicidash/database';
import { freePort } from '@vicidash/testkit';
import { API_PATH } from '@vicidash/vicidial-sim';
import { DEMO_API_PASS } from '@vicidash/vicidial-sim/seeds/demo';
import request from 'supertest';
import { sql } from 'kysely';
import { afterEach, describe, expect, test } from 'vitest';
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

describe("VICIdial's database readable but not what the dashboard reads: 503 naming the problem", () => {
  /** A copy of the embedded VICIdial's SQLite file, spoilt by `spoil`, as the BFF's VICIdial database. */
  const spoiltCopy = async (spoil: (file: string) => Promise<void>) => {
    const source = await createTestApp();
    const file = `${source.config.VICIDIAL_DB_URL}-spoilt.sqlite`;
    await sql`VACUUM INTO ${file}`.execute(source.vicidial.db);
    await source.close();
    await spoil(file);
    const t = await setup({ VICIDIAL_DB_URL: file });
    const closeApp = close;
    close = async () => {
      await closeApp?.();
      for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
    };
    return t;
  };
  const alter = (statement: string) => async (file: string) => {
    const { db, close: closeDb } = openDatabase(file);
    await sql.raw(statement).execute(db);
    await closeDb();
  };

  test.each([
    { what: 'a missing table', spoil: alter('DROP TABLE phones_alias'), reason: 'table phones_alias: no such table: phones_alias' },
    { what: 'a missing column', spoil: alter('ALTER TABLE servers DROP COLUMN active_asterisk_server'), reason: 'table servers: no such column: active_asterisk_server' },
    {
      // The first page of the phones table: the schema stays readable, so `select 1` would still work.
      what: 'a damaged file (a table page overwritten with garbage)',
      spoil: async (file: string) => {
        const { db, close: closeDb } = openDatabase(file);
        const { rows } = await sql<{ rootpage: number; size: number }>`select rootpage, (select page_size from pragma_page_size) as size from sqlite_schema where name = 'phones'`.execute(db);
        await closeDb();
        const [{ rootpage, size }] = rows as [{ rootpage: number; size: number }];
        const fd = openSync(file, 'r+');
        writeSync(fd, randomBytes(size), 0, size, (rootpage - 1) * size);
        closeSync(fd);
      },
      reason: 'the database file is damaged',
    },
  ])('$what', async ({ spoil, reason }) => {
    const { app } = await spoiltCopy(spoil);
    const res = await request(app).get('/api/ready');
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('DATABASE_UNAVAILABLE');
    expect(res.body.message).toBe(`Not ready: VICIdial's database (${reason}).`);
    expect(res.body.details.checks).toMatchObject({ vicidialApi: { ok: true }, vicidialDb: { ok: false, reason }, dashboardDb: { ok: true } });
  });
});
