// The production entry point in a real child process: start, serve, and stop on a signal.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { Agent, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@vicidash/testkit';
import { API_PATH, createSchema, openVicidialDb, seedDatabase, startVicidialServer } from '@vicidash/vicidial-sim';
import { DEMO_API_PASS, DEMO_API_USER } from '@vicidash/vicidial-sim/seeds/demo';
import { afterEach, expect, test } from 'vitest';

const bffDir = fileURLToPath(new URL('..', import.meta.url));
/** Runs src/main.ts from source the way vitest does (Vite's module runner, workspace packages from src). */
const RUN_FROM_SOURCE = `
  import { runnerImport } from 'vite';
  const conditions = ['@vicidash/source'];
  await runnerImport('./src/main.ts', { configFile: false, logLevel: 'error', resolve: { conditions }, ssr: { resolve: { conditions } } });
`;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The embedded VICIdial behind a proxy that holds every API call for `delayMs`: a slow request on demand. */
async function slowVicidial(delayMs: number) {
  const dir = mkdtempSync(join(tmpdir(), 'bff-main-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const dbFile = join(dir, 'vicidial.sqlite');
  const vicidialDb = await openVicidialDb(dbFile);
  cleanups.push(() => vicidialDb.close());
  await createSchema(vicidialDb.db, vicidialDb.dialect);
  await seedDatabase(vicidialDb.db, vicidialDb.dialect, 'demo');
  const sim = await startVicidialServer({ db: vicidialDb.db, host: '127.0.0.1', port: 0 });
  cleanups.push(() => sim.close());
  let arrived = () => {};
  const callArrived = new Promise<void>((resolve) => (arrived = resolve));
  const proxy: Server = createServer(async (req, res) => {
    const body: Buffer[] = [];
    for await (const chunk of req) body.push(chunk as Buffer);
    arrived();
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    const answer = await fetch(`${sim.url}${req.url}`, { method: req.method, headers: { 'content-type': req.headers['content-type'] ?? '' }, body: Buffer.concat(body) });
    res.writeHead(answer.status, { 'content-type': 'text/html; charset=utf-8' }).end(await answer.text());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => (proxy.closeAllConnections(), proxy.close(() => resolve()))));
  return { dir, dbFile, apiUrl: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}${API_PATH}`, callArrived };
}

interface Dashboard {
  child: ChildProcess;
  url: string;
  logs: string[];
  exited: Promise<number | null>;
}

async function startDashboard(vicidial: Awaited<ReturnType<typeof slowVicidial>>): Promise<Dashboard> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--input-type=module', '-e', RUN_FROM_SOURCE], {
    cwd: bffDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'info',
      VICIDIAL_API_URL: vicidial.apiUrl,
      VICIDIAL_API_USER: DEMO_API_USER,
      VICIDIAL_API_PASS: DEMO_API_PASS,
      VICIDIAL_API_TIMEOUT_MS: '20000',
      VICIDIAL_DB_URL: vicidial.dbFile,
      DASHBOARD_DB_URL: join(vicidial.dir, 'dashboard.sqlite'),
      SESSION_SECRET: 'main-test-session-secret-0123456789',
      SHUTDOWN_GRACE_SECONDS: '20',
    },
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  });
  const logs: string[] = [];
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    let pending = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      logs.push(...lines);
      if (lines.some((line) => line.includes('dashboard listening'))) resolve();
    });
    void exited.then((code) => reject(new Error(`the dashboard exited (${code}) before listening:\n${stderr}`)));
  });
  return { child, url: `http://127.0.0.1:${port}`, logs, exited };
}

/** A GET through `agent`, resolving with the status, the Connection header and the JSON body. */
const get = (url: string, agent: Agent) =>
  new Promise<{ status: number; connection: string | undefined; body: unknown }>((resolve, reject) => {
    httpRequest(url, { agent }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body: JSON.parse(text) }));
    })
      .on('error', reject)
      .end();
  });

test('SIGTERM lets a request in flight finish, closes keep-alive connections, and exits 0', { timeout: 60_000 }, async () => {
  const vicidial = await slowVicidial(1_500);
  const dashboard = await startDashboard(vicidial);
  const agent = new Agent({ keepAlive: true, maxSockets: 2 });
  cleanups.push(() => agent.destroy());

  // An idle keep-alive connection, which must not hold the shutdown up until it times out.
  expect((await get(`${dashboard.url}/api/health`, agent)).connection).toBe('keep-alive');
  // /api/ready asks VICIdial for its version: held 1.5 s by the proxy.
  const slow = get(`${dashboard.url}/api/ready`, agent);
  await vicidial.callArrived;
  const signalledAt = Date.now();
  dashboard.child.kill('SIGTERM');

  const answer = await slow;
  expect(answer.status).toBe(200);
  expect(answer.body).toMatchObject({ status: 'ready', checks: { vicidialApi: { ok: true }, vicidialDb: { ok: true }, dashboardDb: { ok: true } } });
  expect(answer.connection).toBe('close');
  expect(await dashboard.exited).toBe(0);
  // Well under Node's 5 s keep-alive timeout: idle connections were closed, not waited for.
  expect(Date.now() - signalledAt).toBeLessThan(4_000);
  const messages = dashboard.logs.map((line) => (JSON.parse(line) as { msg: string }).msg);
  expect(messages).toEqual(expect.arrayContaining(['shutting down: finishing open requests', 'stopped']));
});

test('a second signal exits at once, without waiting for open requests', { timeout: 60_000 }, async () => {
  const vicidial = await slowVicidial(30_000);
  const dashboard = await startDashboard(vicidial);
  const agent = new Agent({ keepAlive: false });
  const slow = get(`${dashboard.url}/api/ready`, agent).catch((error: Error) => error);
  await vicidial.callArrived;
  dashboard.child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(dashboard.child.exitCode).toBeNull();
  const signalledAt = Date.now();
  dashboard.child.kill('SIGTERM');
  expect(await dashboard.exited).toBe(1);
  expect(Date.now() - signalledAt).toBeLessThan(2_000);
  expect(await slow).toBeInstanceOf(Error);
});
