// Writes never cross: two saves of the same record from the same version, sent at the same moment
// by two sessions through two worker processes (one cluster on SQLite) or two hosts (two processes
// sharing a MariaDB dashboard database), give one success and one 409, and what is stored is the
// winner's save whole. The production entry (src/main.ts) runs from source in child processes.
import type { Agent } from 'node:http';
import { createTestDatabase } from '@vicidash/testkit';
import { afterEach, describe, expect, test } from 'vitest';
import { type Answer, type Cleanup, call, connection, logIn, proxiedVicidial, servedBy, startDashboard, twoWorkers } from '../test/dashboard-process.js';

const cleanups: Cleanup[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Many writes from one person in little time: the write limit is not what these tests are about. */
const MANY_WRITES = { WRITE_RATE_LIMIT: '100000' };

interface Side {
  url: string;
  agent: Agent;
  headers: Record<string, string>;
}

/** Two sessions, each on its own connection to its own process. */
type Sides = [Side, Side];

const get = (side: Side, path: string) => call(`${side.url}${path}`, side.agent, { headers: side.headers });
const send = (side: Side, method: string, path: string, version: string, body: unknown) =>
  call(`${side.url}${path}`, side.agent, { method, headers: { ...side.headers, 'if-match': version }, body });

/** One 2xx and one 409 of two answers: the index of the winner. */
function oneWinner(answers: Answer[], round: number): number {
  const statuses = answers.map((answer) => answer.status).sort();
  expect(statuses, `round ${round}: ${JSON.stringify(answers.map((a) => a.body))}`).toEqual([200, 409]);
  return answers.findIndex((answer) => answer.status === 200);
}

/** Rounds of one alias: each side toggles a login of its own in the list both loaded; the winner's list is stored whole. */
async function raceAlias(sides: Sides, rounds: number) {
  const path = '/api/aliases/sales_pod1';
  const spare = ((await get(sides[0], '/api/aliases/sales_pod2')).body as { logins: string[] }).logins;
  const own = [spare[0], spare[1]] as [string, string];
  let stored = (await get(sides[0], path)).body as { version: string; logins: string[] };
  for (let round = 0; round < rounds; round++) {
    const { version, logins } = stored;
    const wanted = own.map((login) => (logins.includes(login) ? logins.filter((l) => l !== login) : [...logins, login]));
    const answers = await Promise.all(sides.map((side, i) => send(side, 'PUT', path, version, { logins: wanted[i] })));
    const winner = oneWinner(answers, round);
    stored = (await get(sides[0], path)).body as typeof stored;
    expect(stored.logins, `round ${round}`).toEqual(wanted[winner]);
  }
}

/** Rounds of one DID: each side sets its own description; the winner's is stored and both are told the truth. */
async function raceDid(sides: Sides, rounds: number) {
  const [did] = ((await get(sides[0], '/api/dids?search=3125550101')).body as { rows: { didId: number }[] }).rows;
  const path = `/api/dids/${did?.didId}`;
  let stored = (await get(sides[0], path)).body as { version: string; description: string };
  for (let round = 0; round < rounds; round++) {
    const descriptions = sides.map((_, i) => `Round ${round} side ${i}`);
    const answers = await Promise.all(sides.map((side, i) => send(side, 'PATCH', path, stored.version, { description: descriptions[i] })));
    const winner = oneWinner(answers, round);
    stored = (await get(sides[1], path)).body as typeof stored;
    expect(stored.description).toBe(descriptions[winner]);
    // The winner was told what is stored, not only what it sent.
    expect((answers[winner]?.body as { version: string }).version).toBe(stored.version);
  }
}

/** Rounds of one phone: each side renames it. */
async function racePhone(sides: Sides, rounds: number) {
  const path = '/api/phones/10.20.0.11/5001';
  let stored = (await get(sides[0], path)).body as { version: string; fullName: string };
  for (let round = 0; round < rounds; round++) {
    const names = sides.map((_, i) => `Desk ${round}-${i}`);
    const answers = await Promise.all(sides.map((side, i) => send(side, 'PATCH', path, stored.version, { fullName: names[i] })));
    const winner = oneWinner(answers, round);
    stored = (await get(sides[1], path)).body as typeof stored;
    expect(stored.fullName).toBe(names[winner]);
  }
}

describe('one cluster of two workers (SQLite dashboard database)', () => {
  test('1,000 same-version races of an alias, and DIDs and phones: exactly one save wins each', { timeout: 300_000 }, async () => {
    const dashboard = await startDashboard(cleanups, await proxiedVicidial(cleanups), { WORKERS: '2', ...MANY_WRITES });
    const { first, second, pids } = await twoWorkers(cleanups, dashboard);
    const sides: Sides = [
      { url: dashboard.url, agent: first, headers: await logIn(dashboard, first) },
      { url: dashboard.url, agent: second, headers: await logIn(dashboard, second) },
    ];
    // Each session stays on its own worker.
    expect(await servedBy(dashboard, await get(sides[1], '/api/auth/session'))).toBe(pids[1]);
    await raceAlias(sides, 1_000);
    await raceDid(sides, 200);
    await racePhone(sides, 100);
  });

  test('a worker that dies holding a lock does not leave the record locked', { timeout: 60_000 }, async () => {
    // Every VICIdial call takes 2 s: long enough to kill the worker in the middle of a save.
    const vicidial = await proxiedVicidial(cleanups, 2_000);
    const dashboard = await startDashboard(cleanups, vicidial, { WORKERS: '2', ...MANY_WRITES });
    const { first, second, pids } = await twoWorkers(cleanups, dashboard);
    const [doomed, survivor] = [
      { url: dashboard.url, agent: first, headers: await logIn(dashboard, first) },
      { url: dashboard.url, agent: second, headers: await logIn(dashboard, second) },
    ];
    const path = '/api/aliases/on_call';
    const { version, logins } = (await get(doomed, path)).body as { version: string; logins: string[] };
    const lost = send(doomed, 'PUT', path, version, { logins: logins.slice(1) }).catch((error: unknown) => error);
    await vicidial.callArrived;
    process.kill(pids[0] as number, 'SIGKILL');
    expect(await lost).toBeInstanceOf(Error);
    // The lock's lease has 10 s to run and the wait is 5 s: only seeing that its holder is gone frees it in time.
    const saved = await send(survivor, 'PUT', path, version, { logins: logins.slice(0, 1) });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  });
});

describe('two hosts sharing a MariaDB dashboard database', () => {
  test('same-version races through two processes: exactly one save wins each', { timeout: 300_000 }, async () => {
    const shared = await createTestDatabase('dashboard_races');
    cleanups.push(() => shared.drop());
    const vicidial = await proxiedVicidial(cleanups);
    const onHost = async () => {
      const host = await startDashboard(cleanups, vicidial, { WORKERS: '1', DASHBOARD_DB_URL: shared.url, ...MANY_WRITES });
      const agent = connection(cleanups);
      return { url: host.url, agent, headers: await logIn(host, agent) };
    };
    const sides: Sides = [await onHost(), await onHost()];
    await raceAlias(sides, 300);
    await raceDid(sides, 100);
    await racePhone(sides, 100);
  });
});
