// The production entry point (src/main.ts, run from source) in a real child process, for the tests
// of starting, serving and stopping: one process or a cluster of workers.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@vicidash/testkit';
import { API_PATH, createSchema, openVicidialDb, seedDatabase, startVicidialServer } from '@vicidash/vicidial-sim';
import { DEMO_API_PASS, DEMO_API_USER } from '@vicidash/vicidial-sim/seeds/demo';
import { isAccountCheck } from './account-checks.js';

const bffDir = fileURLToPath(new URL('../..', import.meta.url));
const fromSource = fileURLToPath(new URL('./main-from-source.mjs', import.meta.url));

export type Cleanup = () => Promise<void> | void;

/**
 * The embedded VICIdial (SQLite, demo data) behind a proxy that holds every API call for
 * `delayMs`: a slow request on demand (0: no delay). The BFF's checks of its API user pass at once
 * and do not count as the call that arrived: the calls held are the writes.
 */
export async function proxiedVicidial(cleanups: Cleanup[], delayMs = 0) {
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
    const check = isAccountCheck(new URLSearchParams(Buffer.concat(body).toString()));
    if (!check) arrived();
    if (delayMs > 0 && !check) await new Promise((resolve) => setTimeout(resolve, delayMs));
    try {
      const answer = await fetch(`${sim.url}${req.url}`, { method: req.method, headers: { 'content-type': req.headers['content-type'] ?? '' }, body: Buffer.concat(body) });
      res.writeHead(answer.status, { 'content-type': 'text/html; charset=utf-8' }).end(await answer.text());
    } catch {
      // The test ended while a call was held: VICIdial is gone, as a real one can be.
      if (!res.headersSent) res.writeHead(502).end();
    }
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => (proxy.closeAllConnections(), proxy.close(() => resolve()))));
  return { dir, dbFile, apiUrl: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}${API_PATH}`, callArrived };
}

export interface DashboardProcess {
  child: ChildProcess;
  url: string;
  /** Every line written to standard output so far (JSON log lines). */
  logs: string[];
  exited: Promise<number | null>;
}

export const BOOTSTRAP = { username: 'first.supervisor', password: 'first-supervisor-pass-1' };

/** Starts src/main.ts with `env` on top of a working configuration, without waiting for it. */
export async function spawnDashboard(
  cleanups: Cleanup[],
  vicidial: Awaited<ReturnType<typeof proxiedVicidial>>,
  env: Record<string, string> = {},
): Promise<DashboardProcess & { stderr: () => string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [fromSource], {
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
      BOOTSTRAP_SUPERVISOR_USERNAME: BOOTSTRAP.username,
      BOOTSTRAP_SUPERVISOR_PASSWORD: BOOTSTRAP.password,
      ...env,
    },
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  });
  const logs: string[] = [];
  let stderr = '';
  let pending = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout?.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    logs.push(...lines);
  });
  return { child, url: `http://127.0.0.1:${port}`, logs, exited, stderr: () => stderr };
}

/** Starts src/main.ts with `env` on top of a working configuration; resolves once it listens. */
export async function startDashboard(
  cleanups: Cleanup[],
  vicidial: Awaited<ReturnType<typeof proxiedVicidial>>,
  env: Record<string, string> = {},
): Promise<DashboardProcess> {
  const dashboard = await spawnDashboard(cleanups, vicidial, env);
  for (;;) {
    if (dashboard.logs.some((line) => line.includes('dashboard listening'))) return dashboard;
    const code = await Promise.race([dashboard.exited, new Promise<'waiting'>((resolve) => setTimeout(() => resolve('waiting'), 20))]);
    if (code !== 'waiting') throw new Error(`the dashboard exited (${code}) before listening:\n${dashboard.stderr()}`);
  }
}

/** The log lines so far, parsed. */
export const logEntries = (dashboard: DashboardProcess) =>
  dashboard.logs.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown> & { msg: string; pid: number });

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/** One request through `agent` (its connections decide which worker answers), resolving with the status, headers and JSON body. */
export const call = (url: string, agent: Agent, options: { method?: string; headers?: Record<string, string>; body?: unknown } = {}) =>
  new Promise<Answer>((resolve, reject) => {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const req = httpRequest(
      url,
      { agent, method: options.method ?? 'GET', headers: { ...(payload ? { 'content-type': 'application/json' } : {}), ...options.headers } },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? JSON.parse(text) : undefined }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });

/** A client with one keep-alive connection: all its requests reach the same worker. */
export function connection(cleanups: Cleanup[]) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  cleanups.push(() => agent.destroy());
  return agent;
}

/** The worker (its pid) that answered, as its request log line says. */
export async function servedBy(dashboard: DashboardProcess, answer: Answer): Promise<number> {
  const requestId = answer.headers['x-request-id'];
  for (let tries = 0; tries < 100; tries++) {
    const line = logEntries(dashboard).find((entry) => entry.requestId === requestId && entry.msg === 'request completed');
    if (line) return line.pid;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no log line for request ${String(requestId)}`);
}

/** Two connections that reach different workers. */
export async function twoWorkers(cleanups: Cleanup[], dashboard: DashboardProcess) {
  const first = connection(cleanups);
  const firstPid = await servedBy(dashboard, await call(`${dashboard.url}/api/auth/session`, first));
  for (let tries = 0; tries < 10; tries++) {
    const second = connection(cleanups);
    const secondPid = await servedBy(dashboard, await call(`${dashboard.url}/api/auth/session`, second));
    if (secondPid !== firstPid) return { first, second, pids: [firstPid, secondPid] };
  }
  throw new Error('every connection reached the same worker');
}

/** Logs the bootstrap supervisor in through `agent`: the headers of its session (cookie, CSRF token). */
export async function logIn(dashboard: Pick<DashboardProcess, 'url'>, agent: Agent) {
  const answer = await call(`${dashboard.url}/api/auth/login`, agent, { method: 'POST', body: { username: BOOTSTRAP.username, password: BOOTSTRAP.password } });
  if (answer.status !== 200) throw new Error(`login failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  const cookie = String(([] as string[]).concat(answer.headers['set-cookie'] ?? [])[0]).split(';')[0] as string;
  return { cookie, 'x-csrf-token': (answer.body as { csrfToken: string }).csrfToken };
}
