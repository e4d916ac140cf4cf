/**
 * Another program holds the lock of VICIdial's SQLite file: the BFF keeps answering (health at
 * once), and a read answers 503 within a second instead of freezing every request.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import { afterEach, expect, test } from 'vitest';
import { createTestApp } from '../test/app.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * A separate process with its own SQLite connection: copies `source` into `copy` as a
 * rollback-journal file (a lock there keeps readers out), then takes and releases its exclusive
 * lock on command.
 */
const LOCK_HOLDER = `
const Database = require('better-sqlite3');
const [source, copy] = process.argv.slice(1);
new Database(source).exec("VACUUM INTO '" + copy.replaceAll("'", "''") + "'");
const db = new Database(copy);
db.pragma('journal_mode = DELETE');
console.log('copied');
require('node:readline').createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'lock') db.exec('BEGIN EXCLUSIVE');
  if (line === 'release') db.exec('ROLLBACK');
  console.log(line + 'ed');
});
`;

function lockHolder(source: string, copy: string) {
  // better-sqlite3 is the database package's dependency: resolved from there.
  const cwd = fileURLToPath(new URL('../../../../packages/database', import.meta.url));
  const child: ChildProcess = spawn(process.execPath, ['-e', LOCK_HOLDER, source, copy], { cwd, stdio: ['pipe', 'pipe', 'inherit'] });
  cleanups.push(() => {
    child.kill();
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(copy + suffix, { force: true });
  });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const said = async (expected: string) => expect((await lines.next()).value).toBe(expected);
  const command = async (line: 'lock' | 'release') => {
    child.stdin!.write(`${line}\n`);
    await said(`${line}ed`);
  };
  return { ready: () => said('copied'), command };
}

const timed = async <T>(work: PromiseLike<T>) => {
  const started = performance.now();
  const result = await work;
  return { result, ms: performance.now() - started };
};

test.each([
  { when: 'while the BFF runs', lockFirst: false },
  // The BFF starts all the same (it used to fail, after a 5 s freeze, switching the file to WAL).
  { when: 'before the BFF opens it', lockFirst: true },
])('locked $when: health answers at once, reads 503 promptly, and all is well once released', async ({ lockFirst }) => {
  const seeded = await createTestApp();
  cleanups.push(seeded.close);
  const copy = `${seeded.config.VICIDIAL_DB_URL}-copy.sqlite`;
  const holder = lockHolder(seeded.config.VICIDIAL_DB_URL, copy);
  await holder.ready();
  if (lockFirst) await holder.command('lock');
  const t = await createTestApp({ env: { VICIDIAL_DB_URL: copy } });
  cleanups.push(t.close);
  const { agent } = await t.loginAs('viewer');
  if (!lockFirst) await holder.command('lock');

  const list = timed(agent.get('/api/phones'));
  // While the list read waits for the lock, the event loop is free: health answers at once.
  await new Promise((resolve) => setTimeout(resolve, 100));
  const health = await timed(request(t.app).get('/api/health'));
  expect(health.result.status).toBe(200);
  // Bounds far from the old failure (a 5 s freeze), so a busy machine's slowness does not count.
  expect(health.ms).toBeLessThan(1_000);

  const locked = { code: 'DATABASE_UNAVAILABLE', message: "VICIdial's database is locked by another program. Try again in a moment." };
  const listed = await list;
  expect(listed.result.status).toBe(503);
  expect(listed.result.body).toEqual(locked);
  expect(listed.ms).toBeLessThan(3_000);
  const detail = await timed(agent.get('/api/phones/10.20.0.11/1001'));
  expect(detail.result.status).toBe(503);
  expect(detail.result.body).toEqual(locked);
  expect(detail.ms).toBeLessThan(3_000);

  await holder.command('release');
  expect((await agent.get('/api/phones')).status).toBe(200);
  expect((await agent.get('/api/phones/10.20.0.11/1001')).status).toBe(200);
});
