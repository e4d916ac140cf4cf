import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Role } from '@vicidash/contracts/permissions';
import { createTestDatabase } from '@vicidash/testkit';
import { API_PATH, createSchema, openVicidialDb, seedDatabase, startVicidialServer } from '@vicidash/vicidial-sim';
import { DEMO_API_PASS, DEMO_API_USER } from '@vicidash/vicidial-sim/seeds/demo';
import request from 'supertest';
import { createApp } from '../app.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { createServices } from '../services.js';

/** Everything the BFF logs during a test, one JSON line per entry. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void) {
    this.lines.push(chunk.toString());
    done();
  }
}

export const testPasswords: Record<Role, string> = {
  supervisor: 'supervisor-pass-1',
  helpdesk: 'helpdesk-pass-1',
  viewer: 'viewer-pass-1',
};

export interface TestAppOptions {
  /** Where the embedded VICIdial keeps its tables (default sqlite). */
  vicidialDb?: 'sqlite' | 'mariadb';
  /** Where the dashboard keeps accounts, sessions and the audit (default SQLite in memory). */
  dashboardDb?: 'sqlite' | 'mariadb';
  seed?: 'demo' | 'conformance';
  /** Extra BFF configuration, e.g. VICIDIAL_API_URL of a misbehaving server. */
  env?: Record<string, string>;
}

/**
 * The BFF exactly as deployed, on the embedded VICIdial (real HTTP API, real database) seeded with
 * demo data, and a fresh in-memory dashboard database with one account per role.
 */
export async function createTestApp(options: TestAppOptions = {}) {
  const mariadb = options.vicidialDb === 'mariadb' ? await createTestDatabase('bff_vicidial') : undefined;
  const dashboardMariadb = options.dashboardDb === 'mariadb' ? await createTestDatabase('bff_dashboard') : undefined;
  const sqliteFile = join(tmpdir(), `bff-vicidial-${randomBytes(6).toString('hex')}.sqlite`);
  const target = mariadb?.url ?? sqliteFile;
  const vicidialDb = await openVicidialDb(target);
  await createSchema(vicidialDb.db, vicidialDb.dialect);
  await seedDatabase(vicidialDb.db, vicidialDb.dialect, options.seed ?? 'demo');
  const vicidialServer = await startVicidialServer({ db: vicidialDb.db, host: '127.0.0.1', port: 0 });

  const config = loadConfig({
    VICIDIAL_API_URL: `${vicidialServer.url}${API_PATH}`,
    VICIDIAL_API_USER: DEMO_API_USER,
    VICIDIAL_API_PASS: DEMO_API_PASS,
    VICIDIAL_DB_URL: target,
    DASHBOARD_DB_URL: dashboardMariadb?.url ?? ':memory:',
    SESSION_SECRET: 'test-session-secret-0123456789abcdef',
    VICIDIAL_API_TIMEOUT_MS: '2000',
    ...options.env,
  });
  const logs = new LogCapture();
  const clock = { now: Date.now() };
  const services = await createServices(config, createLogger('debug', logs), () => clock.now);
  for (const role of Object.keys(testPasswords) as Role[]) {
    await services.accounts.create({ username: role, displayName: `Test ${role}`, role, password: testPasswords[role] });
  }
  const app = createApp(services);

  /** A cookie-keeping client logged in as `role`; `csrfToken` goes in X-CSRF-Token on writes. */
  const loginAs = async (role: Role) => {
    const agent = request.agent(app);
    const res = await agent.post('/api/auth/login').send({ username: role, password: testPasswords[role] });
    if (res.status !== 200) throw new Error(`login as ${role} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return { agent, csrfToken: res.body.csrfToken as string };
  };

  /** Moves the BFF's clock (sessions, timeouts, lockouts) forward. */
  const advance = (ms: number) => {
    clock.now += ms;
  };

  const close = async () => {
    await services.close();
    await vicidialServer.close();
    await vicidialDb.close();
    await mariadb?.drop();
    await dashboardMariadb?.drop();
    rmSync(sqliteFile, { force: true });
    for (const suffix of ['-wal', '-shm']) rmSync(sqliteFile + suffix, { force: true });
  };

  return { app, services, config, logs, loginAs, advance, close, vicidial: { db: vicidialDb.db, url: vicidialServer.url } };
}
