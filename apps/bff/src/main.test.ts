// The production entry point in a real child process: start, serve, and stop on a signal, as one
// process and as a cluster (the primary stops its workers).
import { Agent } from 'node:http';
import { afterEach, describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { type Cleanup, call, logEntries, logIn, proxiedVicidial, spawnDashboard, startDashboard } from './test/dashboard-process.js';

const cleanups: Cleanup[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe.each(['1', '2'])('WORKERS=%s', (workers) => {
  test('SIGTERM lets a request in flight finish, closes keep-alive connections, and exits 0', { timeout: 60_000 }, async () => {
    const vicidial = await proxiedVicidial(cleanups, 1_500);
    const dashboard = await startDashboard(cleanups, vicidial, { WORKERS: workers });
    const agent = new Agent({ keepAlive: true, maxSockets: 2 });
    cleanups.push(() => agent.destroy());

    // An idle keep-alive connection, which must not hold the shutdown up until it times out.
    expect((await call(`${dashboard.url}/api/health`, agent)).headers.connection).toBe('keep-alive');
    // A change: its VICIdial call is held 1.5 s by the proxy.
    const headers = await logIn(dashboard, agent);
    const slow = call(`${dashboard.url}/api/servers/refresh`, agent, { method: 'POST', headers });
    await vicidial.callArrived;
    const signalledAt = Date.now();
    dashboard.child.kill('SIGTERM');

    const answer = await slow;
    expect(answer.status).toBe(200);
    expect(answer.headers.connection).toBe('close');
    expect(await dashboard.exited).toBe(0);
    // Well under Node's 5 s keep-alive timeout: idle connections were closed, not waited for.
    expect(Date.now() - signalledAt).toBeLessThan(4_000);
    const messages = logEntries(dashboard).map((entry) => entry.msg);
    expect(messages).toEqual(expect.arrayContaining(['shutting down: finishing open requests', 'stopped']));
  });

  test('a second signal exits at once, without waiting for open requests', { timeout: 60_000 }, async () => {
    const vicidial = await proxiedVicidial(cleanups, 30_000);
    const dashboard = await startDashboard(cleanups, vicidial, { WORKERS: workers });
    const agent = new Agent({ keepAlive: false });
    const headers = await logIn(dashboard, agent);
    const slow = call(`${dashboard.url}/api/servers/refresh`, agent, { method: 'POST', headers }).catch((error: Error) => error);
    await vicidial.callArrived;
    dashboard.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(dashboard.child.exitCode).toBeNull();
    const signalledAt = Date.now();
    dashboard.child.kill('SIGTERM');
    expect(await dashboard.exited).toBe(1);
    // Not the 30 s the held call would take.
    expect(Date.now() - signalledAt).toBeLessThan(10_000);
    expect(await slow).toBeInstanceOf(Error);
  });
});

/** The processes whose parent is `pid` (Linux). */
const childrenOf = (pid: number) =>
  readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        return Number(readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]) === pid;
      } catch {
        return false;
      }
    });

test('a signal while the workers are still starting stops them all, without waiting for them to listen', { timeout: 60_000 }, async () => {
  const dashboard = await spawnDashboard(cleanups, await proxiedVicidial(cleanups), { WORKERS: '2' });
  const pid = dashboard.child.pid as number;
  while (childrenOf(pid).length < 2) {
    expect(dashboard.child.exitCode).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(dashboard.logs.some((line) => line.includes('dashboard listening'))).toBe(false);
  dashboard.child.kill('SIGTERM');
  expect(await dashboard.exited).toBe(0);
  expect(childrenOf(pid)).toEqual([]);
});
