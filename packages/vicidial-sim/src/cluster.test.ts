import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createTestDatabase, type TestDatabase } from '@vicidash/testkit';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { openVicidialDb } from './db/connect.js';
import { DEMO_API_PASS, DEMO_API_USER } from './seeds/demo.js';

// `node dist/cli.js --workers N` in a child process, as the benchmarks run it.
const packageDir = fileURLToPath(new URL('../', import.meta.url));
const cli = `${packageDir}dist/cli.js`;
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

beforeAll(async () => {
  // As in conformance/cli.test.ts: the CLI runs from dist, built from the current sources.
  await promisify(execFile)(process.execPath, [tsc, '-b', packageDir]).catch(() => undefined);
}, 120_000);

const running: ChildProcess[] = [];
const databases: TestDatabase[] = [];
afterEach(async () => {
  for (const child of running.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const database of databases.splice(0)) await database.drop();
});

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

/** Starts the CLI on a new MariaDB database and resolves once it listens. */
async function startCli(workers: number): Promise<{ child: ChildProcess; url: string; db: string }> {
  const database = await createTestDatabase('vicisim_workers');
  databases.push(database);
  const child = spawn(process.execPath, [cli, '--db', database.url, '--port', '0', '--workers', String(workers)], { stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  for await (const line of createInterface({ input: child.stdout as NodeJS.ReadableStream })) {
    const listening = /listening: (http:\/\/\S+)\/vicidial\/non_agent_api\.php \((\d+) workers\)/.exec(line);
    if (listening) {
      expect(Number(listening[2])).toBe(workers);
      return { child, url: listening[1] as string, db: database.url };
    }
  }
  throw new Error('the CLI exited without listening');
}

/** The processes started by `pid`. */
const childrenOf = (pid: number) =>
  readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        // Field 4 of /proc/<pid>/stat, after the command in parentheses, is the parent's pid.
        return readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.split(' ')[1] === String(pid);
      } catch {
        return false;
      }
    })
    .map(Number);

/** Established TCP connections on local `port` that process `pid` holds. */
function connectionsHeld(pid: number, port: number): number {
  const inodes = new Set(
    readdirSync(`/proc/${pid}/fd`).flatMap((fd) => {
      try {
        return [/^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1]];
      } catch {
        return [];
      }
    }),
  );
  const portHex = port.toString(16).toUpperCase().padStart(4, '0');
  return ['/proc/net/tcp', '/proc/net/tcp6']
    .flatMap((file) => readFileSync(file, 'utf8').trim().split('\n').slice(1))
    .map((line) => line.trim().split(/\s+/))
    .filter((f) => f[1]?.endsWith(`:${portHex}`) && f[3] === '01' && inodes.has(f[9])).length;
}

describe.skipIf(process.platform !== 'linux')('the CLI with --workers', () => {
  test('several processes serve one port, each with its own connections, and share the database', async () => {
    const { child, url, db } = await startCli(2);
    const workers = childrenOf(child.pid as number);
    expect(workers).toHaveLength(2);

    // Eight calls at once, each on its own connection: the primary hands them out in turn, so both workers hold some.
    const patterns = ['3125550101', '3125550102', '3125550103', '3125550104', '3125550105', '3125550106', '3125550107', '3125550108'];
    const answers = await Promise.all(
      patterns.map(async (pattern) => {
        const query = new URLSearchParams({ function: 'update_did', user: DEMO_API_USER, pass: DEMO_API_PASS, source: 'test', did_pattern: pattern, did_description: `Worker test ${pattern}` });
        return (await fetch(`${url}/vicidial/non_agent_api.php?${query}`)).text();
      }),
    );
    expect(answers).toEqual(patterns.map((p) => `SUCCESS: update_did DID HAS BEEN UPDATED - ${DEMO_API_USER}|${p}\n`));
    const port = Number(new URL(url).port);
    for (const worker of workers) expect(connectionsHeld(worker, port)).toBeGreaterThan(0);

    const check = await openVicidialDb(db);
    try {
      const rows = await check.db.selectFrom('vicidial_inbound_dids').select(['did_pattern', 'did_description']).where('did_pattern', 'in', patterns).execute();
      expect(rows.map((r) => r.did_description).sort()).toEqual(patterns.map((p) => `Worker test ${p}`));
    } finally {
      await check.close();
    }

    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
    expect(workers.filter((pid) => childrenOf(child.pid as number).includes(pid))).toEqual([]);
  }, 60_000);

  test('a worker that dies stops them all, with a non-zero exit: no silently smaller VICIdial', async () => {
    const { child } = await startCli(2);
    const [victim, survivor] = childrenOf(child.pid as number);
    process.kill(victim as number, 'SIGKILL');
    expect(await exited(child)).toBe(1);
    expect(() => process.kill(survivor as number, 0)).toThrow();
  }, 60_000);

  test.each([
    { workers: '0', db: '/tmp/unused.sqlite' },
    { workers: 'two', db: '/tmp/unused.sqlite' },
    { workers: '2', db: ':memory:' },
  ])('refuses --workers $workers with --db $db, showing the usage', async ({ workers, db }) => {
    const child = spawn(process.execPath, [cli, '--db', db, '--workers', workers], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk) => (stderr += String(chunk)));
    expect(await exited(child)).toBe(2);
    expect(stderr).toMatch(/^usage: vicidial/);
  });
});
