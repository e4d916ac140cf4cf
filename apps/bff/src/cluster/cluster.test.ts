// A cluster of two workers (src/main.ts from source in a real child process): each connection is
// served by one worker; a logout through one worker holds at once on the others and a change shows
// there within the check interval, failed logins count across workers, and a worker that dies is
// replaced.
import { readFileSync } from 'node:fs';
import type { Agent } from 'node:http';
import { openVicidialDb } from '@vicidash/vicidial-sim';
import { CHECK_EVERY_MS, FRESH_WITHIN_MS } from '../vicidial/reader/list-model.js';
import { afterEach, expect, test } from 'vitest';
import { type Cleanup, call, connection, logEntries, logIn, proxiedVicidial, servedBy, startDashboard, twoWorkers } from '../test/dashboard-process.js';

const cleanups: Cleanup[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

test('a logout through one worker holds at once on the other; a change shows there within the check interval', { timeout: 60_000 }, async () => {
  const dashboard = await startDashboard(cleanups, await proxiedVicidial(cleanups), { WORKERS: '2' });
  const { first, second, pids } = await twoWorkers(cleanups, dashboard);
  expect(new Set(pids).size).toBe(2);
  // Each with the smaller young generation the primary gives its workers (cluster/primary.ts).
  for (const pid of pids) expect(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')).toContain('--max-semi-space-size=4');
  const headers = await logIn(dashboard, first);
  const list = async () => (await call(`${dashboard.url}/api/dids?search=3125550101`, second, { headers })).body as { rows: { didId: number; description: string }[] };

  // The second worker has read the list (and the session) before the change.
  const [did] = (await list()).rows;
  if (!did) throw new Error('the demo has DID 3125550101');
  const { version } = (await call(`${dashboard.url}/api/dids/${did.didId}`, first, { headers })).body as { version: string };
  const changed = await call(`${dashboard.url}/api/dids/${did.didId}`, first, {
    method: 'PATCH',
    headers: { ...headers, 'if-match': version },
    body: { description: 'Changed through the other worker' },
  });
  expect(changed.status).toBe(200);
  // The other worker hears of it at once, and looks again within CHECK_EVERY_MS in any case: on a
  // busy machine the news may come after the next request.
  const changedAt = Date.now();
  while ((await list()).rows[0]?.description !== 'Changed through the other worker') {
    // Generous for a busy machine: the bound itself is checked with a clock the test moves (list-model.test.ts).
    expect(Date.now() - changedAt).toBeLessThan(CHECK_EVERY_MS + 2_000);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }

  // A logout is answered once every worker has forgotten the session.
  expect((await call(`${dashboard.url}/api/auth/logout`, first, { method: 'POST', headers })).status).toBe(204);
  expect((await call(`${dashboard.url}/api/auth/session`, second, { headers })).status).toBe(401);
});

test('a DID changed directly in the database (its stamp kept, as a restore does) shows on both workers within the bound', { timeout: 60_000 }, async () => {
  const vicidial = await proxiedVicidial(cleanups);
  const database = await openVicidialDb(vicidial.dbFile);
  cleanups.push(() => database.close());
  const modify_stamp = '2020-01-02 03:04:05';
  // A stamp long ago: a list that goes by stamps would not look at this DID again.
  await database.db.updateTable('vicidial_inbound_dids').set({ modify_stamp }).where('did_pattern', '=', '3125550101').execute();
  const dashboard = await startDashboard(cleanups, vicidial, { WORKERS: '2' });
  const { first, second } = await twoWorkers(cleanups, dashboard);
  const headers = await logIn(dashboard, first);
  const description = async (agent: Agent) =>
    ((await call(`${dashboard.url}/api/dids?search=3125550101`, agent, { headers })).body as { rows: { description: string }[] }).rows[0]?.description;
  expect(await description(first)).not.toBe('Restored by a script');
  expect(await description(second)).not.toBe('Restored by a script');

  await database.db.transaction().execute(async (tx) => {
    // The embedded VICIdial stamps a changed row (as MariaDB does): the stamp is set back after.
    await tx.updateTable('vicidial_inbound_dids').set({ did_description: 'Restored by a script' }).where('did_pattern', '=', '3125550101').execute();
    await tx.updateTable('vicidial_inbound_dids').set({ modify_stamp }).where('did_pattern', '=', '3125550101').execute();
  });
  const changedAt = Date.now();
  const seen = await Promise.all(
    [first, second].map(async (agent) => {
      while ((await description(agent)) !== 'Restored by a script') {
        // Generous for a busy machine: the bound itself is checked with a clock the test moves (list-model.test.ts).
        expect(Date.now() - changedAt).toBeLessThan(FRESH_WITHIN_MS + 2_000);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return Date.now() - changedAt;
    }),
  );
  console.log(`a change made in the database showed on the two workers after ${seen.join(' and ')} ms`);
});

test('login attempts are counted by all workers together', { timeout: 60_000 }, async () => {
  const dashboard = await startDashboard(cleanups, await proxiedVicidial(cleanups), { WORKERS: '2' });
  const { first, second } = await twoWorkers(cleanups, dashboard);
  const attempt = (agent: Agent, n: number) =>
    call(`${dashboard.url}/api/auth/login`, agent, { method: 'POST', body: { username: `nobody${n}`, password: 'wrong-password-1' } });
  // 20 failed logins per address in the window, 10 through each worker.
  for (let n = 0; n < 20; n++) expect((await attempt(n % 2 ? second : first, n)).status).toBe(401);
  expect((await attempt(first, 20)).status).toBe(429);
  expect((await attempt(second, 21)).status).toBe(429);
});

test('a worker that dies is replaced; the others go on serving', { timeout: 60_000 }, async () => {
  const dashboard = await startDashboard(cleanups, await proxiedVicidial(cleanups), { WORKERS: '2' });
  const { pids } = await twoWorkers(cleanups, dashboard);
  const [survivor, killed] = pids as [number, number];
  process.kill(killed, 'SIGKILL');
  const replaced = () => logEntries(dashboard).some((entry) => entry.msg === 'worker stopped unexpectedly: starting another' && entry.worker === killed);
  for (let tries = 0; !replaced(); tries++) {
    expect(tries).toBeLessThan(100);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  // New connections are served meanwhile, and then by the survivor and a new worker.
  for (let tries = 0; ; tries++) {
    const answers = await Promise.all(Array.from({ length: 4 }, async () => servedBy(dashboard, await call(`${dashboard.url}/api/auth/session`, connection(cleanups)))));
    const serving = new Set(answers);
    if (serving.size === 2 && serving.has(survivor) && !serving.has(killed)) break;
    expect(tries).toBeLessThan(50);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
});

test('a worker that cannot start stops the whole start, with the reason', { timeout: 60_000 }, async () => {
  const vicidial = await proxiedVicidial(cleanups);
  const started = startDashboard(cleanups, vicidial, { WORKERS: '2', VICIDIAL_DB_URL: '/nonexistent/folder/vicidial.sqlite' });
  await expect(started).rejects.toThrow(/exited \(1\) before listening/);
});
