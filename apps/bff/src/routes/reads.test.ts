import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { freePort } from '@vicidash/testkit';
import { afterAll, describe, expect, test } from 'vitest';
import { createTestApp } from '../test/app.js';
import { readRoutes } from './reads.js';
import { DIALECTS, readTestApp } from './reads-test-support.js';

/** Demo records for every path parameter of the read routes. */
const DEMO_PARAMS: Record<string, string> = {
  serverIp: '10.20.0.12',
  extension: '2014',
  aliasId: 'support_legacy',
  groupId: 'SALES_EN',
  menuId: 'MAIN_IVR',
  type: 'phone',
  id: '2014@10.20.0.12',
};
const fill = (path: string, params: Record<string, string>) => path.replace(/:(\w+)/g, (_all, name: string) => encodeURIComponent(params[name] ?? ''));

describe.each(DIALECTS)('no read answer holds a SIP secret, on %s', (dialect) => {
  const { t, get, vicidialDb, callVicidial } = readTestApp(dialect);

  test('every read route, every phone', async () => {
    // A phone change with its secrets, so that VICIdial's admin log holds them too.
    await callVicidial({ function: 'update_phone', extension: '2014', server_ip: '10.20.0.12', phone_pass: 'Fresh-Pass-2014', registration_password: 'Fresh-Reg-2014' });
    const phones = await vicidialDb().selectFrom('phones').select(['extension', 'server_ip', 'pass', 'conf_secret']).execute();
    // Random tokens only: a short or default value ('test') could appear anywhere by chance.
    const secrets = phones.flatMap((p) => [p.pass ?? '', p.conf_secret ?? '']).filter((s) => s.length >= 8);
    expect(secrets).toContain('Fresh-Pass-2014');
    expect(secrets.length).toBeGreaterThan(phones.length);
    const [did] = await vicidialDb().selectFrom('vicidial_inbound_dids').select('did_id').limit(1).execute();

    const paths = readRoutes(t().services)
      .filter((spec) => spec.method === 'get')
      .map((spec) => fill(spec.path, { ...DEMO_PARAMS, didId: String(did?.did_id) }));
    paths.push('/api/phones?pageSize=200', ...phones.map((p) => `/api/phones/${p.server_ip}/${p.extension}`));
    for (const path of paths) {
      const res = await get(path, 'supervisor');
      expect(res.status, path).toBe(200);
      const body = JSON.stringify(res.body);
      for (const secret of secrets) expect(body.includes(secret), `${path} holds a secret`).toBe(false);
    }
  });
});

describe('the OpenAPI document', () => {
  const { t, get } = readTestApp('sqlite');

  test('describes every read route: its parameters, its permission, its answer', async () => {
    const res = await get('/api/openapi.json');
    expect(res.status).toBe(200);
    for (const spec of readRoutes(t().services)) {
      const operation = res.body.paths[spec.path.replace(/:(\w+)/g, '{$1}')]?.[spec.method];
      expect(operation, spec.path).toBeDefined();
      expect(operation.description).toContain(`\`${spec.permission}\``);
      expect(operation.responses['200'].content['application/json'].schema, spec.path).toBeDefined();
    }
    const history = res.body.paths['/api/history/{type}/{id}'].get;
    expect(history.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toEqual(['path:type', 'path:id']);
    const dids = res.body.paths['/api/dids'].get.parameters.map((p: { name: string }) => p.name);
    expect(dids).toEqual(expect.arrayContaining(['search', 'route', 'active', 'recordCall', 'inGroup', 'target', 'sort', 'order', 'page', 'pageSize']));
  });
});

describe("VICIdial's database unreachable: 503 DATABASE_UNAVAILABLE on every read, no crash", () => {
  const missingFile = join(tmpdir(), `bff-no-vicidial-${randomBytes(6).toString('hex')}.sqlite`);
  afterAll(() => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(missingFile + suffix, { force: true });
  });

  const targets = [
    { name: 'a MariaDB port nobody listens on', url: async () => `mysql://root@127.0.0.1:${await freePort()}/asterisk` },
    { name: 'a SQLite file that does not exist', url: async () => missingFile },
  ];

  test.each(targets)('$name', async ({ url }) => {
    const t = await createTestApp({ env: { VICIDIAL_DB_URL: await url() } });
    try {
      const { agent } = await t.loginAs('supervisor');
      const vicidialReads = readRoutes(t.services).filter(
        // The audit is the dashboard's own database; the time zones are a fixed list.
        (spec) => spec.method === 'get' && !['/api/audit', '/api/audit/people', '/api/lookups/time-zones'].includes(spec.path),
      );
      expect(vicidialReads.length).toBeGreaterThan(15);
      for (const spec of vicidialReads) {
        const path = fill(spec.path, { ...DEMO_PARAMS, didId: '1' });
        const res = await agent.get(path);
        expect(res.status, path).toBe(503);
        expect(res.body, path).toEqual({ code: 'DATABASE_UNAVAILABLE', message: "VICIdial's database did not answer. Try again in a moment." });
      }
      // The dashboard's own reads still answer.
      expect((await agent.get('/api/audit')).status).toBe(200);
      expect((await agent.get('/api/audit/people')).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});
