import { expect, test } from 'vitest';
import { writeTestApp } from './changes-test-support.js';

test('a refresh flags every server to rebuild and says which now wait; audited', async () => {
  const t = await writeTestApp();
  const res = await t.send('post', '/api/servers/refresh');
  expect(res.status).toBe(200);
  expect(res.body.serversUpdated).toBe(3);
  expect(res.body.serversAwaitingRebuild.map((s: { serverIp: string }) => s.serverIp).sort()).toEqual(['10.20.0.11', '10.20.0.12']);
  // Nothing left to flag: VICIdial counts the servers whose flag changed.
  expect((await t.send('post', '/api/servers/refresh')).body.serversUpdated).toBe(0);
  expect(await t.auditRows()).toMatchObject([
    { action: 'refresh:servers', target: { type: 'server', id: 'all' }, outcome: 'success', result: { code: 'OK', serversUpdated: 3 } },
    { action: 'refresh:servers', outcome: 'success', result: { code: 'OK', serversUpdated: 0 } },
  ]);
});

test('only supervisors may refresh', async () => {
  const t = await writeTestApp();
  for (const role of ['viewer', 'helpdesk'] as const) {
    const res = await t.send('post', '/api/servers/refresh', undefined, { as: role });
    expect(res.status).toBe(403);
    expect(res.body.message).toBe(`Your role (${role}) may not ask servers to rebuild their configuration.`);
  }
  expect(await t.auditRows()).toEqual([]);
});

test('inactive servers never rebuild, so none is said to be waiting', async () => {
  const t = await writeTestApp();
  await t.vicidial.db.updateTable('servers').set({ active: 'N' }).where('server_ip', '=', '10.20.0.12').execute();
  await t.vicidial.db.updateTable('servers').set({ active_asterisk_server: 'N' }).where('server_ip', '=', '10.20.0.11').execute();
  const res = await t.send('post', '/api/servers/refresh');
  expect(res.status).toBe(200);
  expect(res.body.serversAwaitingRebuild).toEqual([]);
  // Active again: it waits, as VICIdial's flag says.
  await t.vicidial.db.updateTable('servers').set({ active: 'Y' }).where('server_ip', '=', '10.20.0.12').execute();
  expect((await t.records.serversAwaitingRebuild()).map((s) => s.serverIp)).toEqual(['10.20.0.12']);
});
