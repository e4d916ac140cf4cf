/**
 * Test support for the read routes' HTTP tests: the real BFF on the embedded VICIdial (SQLite or
 * MariaDB), sessions per role, and VICIdial's own tables to compute what the answers must hold.
 */
import type { Role } from '@vicidash/contracts/permissions';
import { API_PATH } from '@vicidash/vicidial-sim';
import { DEMO_API_PASS, DEMO_API_USER } from '@vicidash/vicidial-sim/seeds/demo';
import { afterAll, beforeAll } from 'vitest';
import { createTestApp } from '../test/app.js';

export const DIALECTS = ['sqlite', 'mariadb'] as const;
export type TestDialect = (typeof DIALECTS)[number];

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** A test app for the whole describe block (created before its tests, closed after). */
export function readTestApp(dialect: TestDialect) {
  let app: TestApp | undefined;
  const sessions = new Map<Role, Awaited<ReturnType<TestApp['loginAs']>>>();
  beforeAll(async () => {
    app = await createTestApp({ vicidialDb: dialect });
  });
  afterAll(async () => app?.close());

  const t = () => {
    if (!app) throw new Error('the test app is not started yet');
    return app;
  };
  const session = async (role: Role) => {
    const existing = sessions.get(role);
    if (existing) return existing;
    const created = await t().loginAs(role);
    sessions.set(role, created);
    return created;
  };

  return {
    t,
    /** GET as `role` (viewer by default: every read is for everyone). */
    get: async (path: string, role: Role = 'viewer') => (await session(role)).agent.get(path),
    /** VICIdial's own tables, as the embedded VICIdial holds them. */
    vicidialDb: () => t().vicidial.db,
    /** A call straight to the embedded VICIdial's Non-Agent API as the demo API user (not through the BFF). */
    callVicidial: async (params: Record<string, string>) => {
      const body = new URLSearchParams({ user: DEMO_API_USER, pass: DEMO_API_PASS, source: 'test', ...params });
      const res = await fetch(`${t().vicidial.url}${API_PATH}`, { method: 'POST', body });
      const text = await res.text();
      if (!text.startsWith('SUCCESS')) throw new Error(`VICIdial refused ${params.function}: ${text}`);
      return text;
    },
  };
}

/** Text order as both databases sort letters, digits and spaces: ignoring case. */
export const byText = (a: string | null, b: string | null): number => {
  const x = (a ?? '').toLowerCase();
  const y = (b ?? '').toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
};
