import { Writable } from 'node:stream';
import type { Role } from '@vicidash/contracts/permissions';
import request from 'supertest';
import { createApp } from '../app.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { createServices } from '../services.js';

/** Everything the BFF logs during a test, one parsed JSON object per line. */
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

/** The BFF app on a fresh in-memory dashboard database with one account per role. */
export async function createTestApp(env: Record<string, string> = {}) {
  const config = loadConfig({
    VICIDIAL_API_URL: 'http://127.0.0.1:9/vicidial/non_agent_api.php',
    VICIDIAL_API_USER: 'dashapi',
    VICIDIAL_API_PASS: 'api-secret-9f2c',
    VICIDIAL_DB_URL: ':memory:',
    DASHBOARD_DB_URL: ':memory:',
    SESSION_SECRET: 'test-session-secret-0123456789abcdef',
    ...env,
  });
  const logs = new LogCapture();
  const clock = { now: Date.now() };
  const services = await createServices(config, createLogger('info', logs), () => clock.now);
  for (const role of Object.keys(testPasswords) as Role[]) {
    await services.accounts.create({ username: role, displayName: `Test ${role}`, role, password: testPasswords[role] });
  }
  const app = createApp(services);

  /** A cookie-keeping client logged in as `role`, sending the CSRF token on writes. */
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
  return { app, services, config, logs, loginAs, advance };
}
