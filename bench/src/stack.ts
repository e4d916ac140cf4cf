import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, freePort } from '@vicidash/testkit';
import { request } from 'undici';

const vicidialCli = fileURLToPath(new URL('../../packages/vicidial-sim/dist/cli.js', import.meta.url));
const bffMain = fileURLToPath(new URL('../../apps/bff/dist/main.js', import.meta.url));

/** The embedded VICIdial's PHP workers: a real VICIdial serves its API from several Apache processes. */
const VICIDIAL_WORKERS = 2;
/** The scale seed's API user (the demo seed's). */
const API_USER = 'dashboard';
const API_PASS = 'Dash-Demo-2026';
const dashboardDbFile = (dataDir: string) => join(dataDir, 'dashboard.sqlite');
/** The first supervisor, created by the BFF's bootstrap as on a production install. */
export const SUPERVISOR = { username: 'supervisor', password: 'supervisor-bench-2026' };

export interface Stack {
  /** The dashboard, e.g. http://127.0.0.1:8123 */
  dashboardUrl: string;
  /** The embedded VICIdial's Non-Agent API: endpoint and the API user the BFF uses. */
  vicidialApi: { url: string; user: string; pass: string };
  /** The embedded VICIdial's database (MariaDB). */
  vicidialDbUrl: string;
  /** The dashboard's own database (a SQLite file, as by default). */
  dashboardDbUrl: string;
  /** The BFF's process (its cluster's workers are its children). */
  bffPid: number;
  stop(): Promise<void>;
}

/**
 * The product as deployed, on MariaDB with the `scale` seed: the embedded VICIdial in its own
 * processes (its CLI, several workers, as Apache runs VICIdial's PHP), the BFF from its production
 * entry with its configuration in the environment. Neither shares an event loop with the other or
 * with the load generator here.
 * BENCH_CPU_PROF=<dir> writes a CPU profile of the BFF there when it stops.
 */
export async function startStack(): Promise<Stack> {
  const database = await createTestDatabase('bench');
  const dataDir = mkdtempSync(join(tmpdir(), 'vicidash-bench-'));
  const children: ChildProcess[] = [];
  const stop = async () => {
    for (const child of children.reverse()) await stopChild(child);
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const vicidial = spawn(
      process.execPath,
      [vicidialCli, '--db', database.url, '--seed', 'scale', '--port', '0', '--workers', String(VICIDIAL_WORKERS)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    children.push(vicidial);
    const apiUrl = (await outputMatching(vicidial, /listening: (\S+non_agent_api\.php)/))[1] as string;

    const port = await freePort();
    const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : [];
    const bff = spawn(process.execPath, [...profile, bffMain], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(port),
        LOG_LEVEL: 'info',
        VICIDIAL_API_URL: apiUrl,
        VICIDIAL_API_USER: API_USER,
        VICIDIAL_API_PASS: API_PASS,
        VICIDIAL_DB_URL: database.url,
        DASHBOARD_DB_URL: dashboardDbFile(dataDir),
        SESSION_SECRET: randomBytes(32).toString('hex'),
        BOOTSTRAP_SUPERVISOR_USERNAME: SUPERVISOR.username,
        BOOTSTRAP_SUPERVISOR_PASSWORD: SUPERVISOR.password,
        // The benchmarks write far more than a person: the limit is not what is measured.
        WRITE_RATE_LIMIT: '100000',
      },
      // Its request log (info, as in production) is written and thrown away.
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(bff);
    const dashboardUrl = `http://127.0.0.1:${port}`;
    await untilReady(`${dashboardUrl}/api/ready`, bff);
    return {
      dashboardUrl,
      vicidialApi: { url: apiUrl, user: API_USER, pass: API_PASS },
      vicidialDbUrl: database.url,
      dashboardDbUrl: dashboardDbFile(dataDir),
      bffPid: bff.pid as number,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Resolves with the first match in the child's output; rejects if it exits first. */
function outputMatching(child: ChildProcess, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = pattern.exec(out);
      if (found) resolve(found);
    });
    child.once('exit', (code) => reject(new Error(`${child.spawnfile} exited (${code}) before it was ready:\n${out}`)));
  });
}

/** Polls the readiness probe (the BFF, its databases and VICIdial's API all answer). */
async function untilReady(url: string, child: ChildProcess): Promise<void> {
  for (let tries = 0; tries < 300; tries++) {
    if (child.exitCode !== null) throw new Error(`the BFF exited (${child.exitCode}) before it was ready`);
    const status = await request(url).then(
      async (res) => {
        await res.body.dump();
        return res.statusCode;
      },
      () => undefined,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer 200 within 30 s`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
