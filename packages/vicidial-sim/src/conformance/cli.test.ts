import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createTestDatabase, freePort } from '@vicidash/testkit';
import { beforeAll, expect, test } from 'vitest';
import { openVicidialDb } from '../db/connect.js';
import { loadRecording } from './recording.js';
import { formatReport, replay } from './replay.js';
import { overHttp } from './targets.js';

// The acceptance run over real HTTP: `node dist/cli.js` in a child process, on a fresh database.
const packageDir = fileURLToPath(new URL('../../', import.meta.url));
const cli = `${packageDir}dist/cli.js`;
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

beforeAll(async () => {
  // The CLI runs from dist: build it from the current sources (incremental, a few seconds). Type
  // errors are the type check's business; tsc still emits, and a CLI that cannot start fails below.
  await promisify(execFile)(process.execPath, [tsc, '-b', packageDir]).catch(() => undefined);
}, 120_000);

/** Starts the CLI and resolves with its endpoint once it prints that it listens. */
async function startCli(db: string, extraArgs: string[]): Promise<{ baseUrl: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [cli, '--db', db, '--port', String(port), '--seed', 'conformance', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  for await (const line of lines) {
    const listening = /listening: (http:\/\/\S+)\/vicidial\/non_agent_api\.php/.exec(line);
    if (listening) return { baseUrl: listening[1] as string, child };
  }
  throw new Error(`the CLI exited without listening: ${stderr}`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function replayAgainstCli(db: string, extraArgs: string[] = []): Promise<void> {
  const { baseUrl, child } = await startCli(db, extraArgs);
  const harness = await openVicidialDb(db);
  try {
    const { calls, effects } = await loadRecording();
    const report = await replay({
      calls,
      effects,
      db: harness.db,
      send: overHttp(baseUrl),
      filter: process.env.CONFORMANCE_FILTER,
    });
    const summary = formatReport(report);
    console.log(`[CLI ${harness.dialect}] ${summary}`);
    expect(report.identical, summary).toBe(report.total);
  } finally {
    await harness.close();
    await stop(child);
  }
}

test('replays the recorded session over HTTP against the CLI on a new SQLite file', async () => {
  const file = `/tmp/vicisim-conformance-${randomBytes(6).toString('hex')}.sqlite`;
  try {
    await replayAgainstCli(file);
  } finally {
    await Promise.all(['', '-wal', '-shm'].map((suffix) => rm(`${file}${suffix}`, { force: true })));
  }
}, 180_000);

test('replays the recorded session over HTTP against the CLI on a new MariaDB database', async () => {
  // The CLI creates the database itself: only its name is taken from the test kit.
  const database = await createTestDatabase('vicisim_cli');
  await database.drop();
  try {
    await replayAgainstCli(database.url);
  } finally {
    await database.drop();
  }
}, 180_000);

test('replays the recorded session over HTTP against the CLI serving from 2 workers on a new MariaDB database', async () => {
  const database = await createTestDatabase('vicisim_cli');
  await database.drop();
  try {
    await replayAgainstCli(database.url, ['--workers', '2']);
  } finally {
    await database.drop();
  }
}, 180_000);
