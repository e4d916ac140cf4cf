import type { ServerListResponse } from '@vicidash/contracts/lookups';
import type { Role } from '@vicidash/contracts/permissions';
import { expect, test } from 'vitest';
import { DEMO_PHONE, phonePath, type WriteTestApp, writeTestApp } from './changes-test-support.js';

// GET /api/servers: VICIdial's rebuild flag per server, with since when and which dashboard changes
// put it there (from the audit); refreshing is the supervisors'.

const serversAs = async (t: WriteTestApp, role: Role): Promise<ServerListResponse> => {
  const res = await (await t.loginAs(role)).agent.get('/api/servers');
  expect(res.status).toBe(200);
  return res.body as ServerListResponse;
};
const byIp = (list: ServerListResponse, ip: string) => list.servers.find((server) => server.serverIp === ip);
const CHICAGO = DEMO_PHONE.serverIp;
const ATLANTA = '10.20.0.12';

test('every role sees every server with its rebuild state; none waits on fresh demo data', async () => {
  const t = await writeTestApp();
  for (const role of ['viewer', 'helpdesk', 'supervisor'] as const) {
    const list = await serversAs(t, role);
    expect(list.lastRefresh).toBeNull();
    expect(list.servers.map((server) => server.serverId)).toEqual(['ast1', 'ast2', 'web1']);
    expect(byIp(list, CHICAGO)).toEqual({
      serverId: 'ast1',
      serverIp: CHICAGO,
      description: 'Telephony 1 - Chicago',
      active: true,
      rebuilds: true,
      awaitingRebuild: false,
      waitingSince: null,
      changes: [],
    });
    // The database/web server generates no telephony configuration: it never rebuilds.
    expect(byIp(list, '10.20.0.10')).toMatchObject({ rebuilds: false, awaitingRebuild: false });
  }
});

test("a phone change makes its server wait, since that change, naming it; a refresh hands it over", async () => {
  const t = await writeTestApp();
  const stored = await t.records.phone(DEMO_PHONE);
  expect((await t.send('patch', phonePath(DEMO_PHONE), { fullName: 'Desk 1001 moved' }, { version: stored?.version })).status).toBe(200);
  const [change] = (await t.auditRows()).filter((row) => row.action === 'update:phones');

  const waiting = await serversAs(t, 'viewer');
  expect(byIp(waiting, CHICAGO)).toMatchObject({
    awaitingRebuild: true,
    waitingSince: change?.at,
    changes: [{ at: change?.at, action: 'update:phones', extension: '1001', actor: { username: 'supervisor', displayName: 'Test supervisor' } }],
  });
  expect(byIp(waiting, ATLANTA)).toMatchObject({ awaitingRebuild: false, waitingSince: null, changes: [] });

  t.advance(1000);
  expect((await t.send('post', '/api/servers/refresh')).status).toBe(200);
  const refresh = (await t.auditRows()).find((row) => row.action === 'refresh:servers');
  const refreshed = await serversAs(t, 'viewer');
  expect(refreshed.lastRefresh).toEqual({ at: refresh?.at, actor: { username: 'supervisor', displayName: 'Test supervisor' } });
  // Every rebuilding server now waits because of the refresh; the change before it is no longer listed.
  for (const ip of [CHICAGO, ATLANTA]) expect(byIp(refreshed, ip)).toMatchObject({ awaitingRebuild: true, waitingSince: refresh?.at, changes: [] });
  expect(byIp(refreshed, '10.20.0.10')).toMatchObject({ awaitingRebuild: false, waitingSince: null });
});

test('an inactive server does not rebuild, whatever its flag says', async () => {
  const t = await writeTestApp();
  await t.vicidial.db.updateTable('servers').set({ active: 'N', rebuild_conf_files: 'Y' }).where('server_ip', '=', ATLANTA).execute();
  expect(byIp(await serversAs(t, 'viewer'), ATLANTA)).toMatchObject({ active: false, rebuilds: false, awaitingRebuild: false, changes: [] });
});
