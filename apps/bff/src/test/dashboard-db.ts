import type { Database } from '@vicidash/database';
import { createTestDatabase } from '@vicidash/testkit';
import { onTestFinished } from 'vitest';
import { openDashboardDb } from '../store/open.js';
import type { DashboardDatabase } from '../store/schema.js';

/** A migrated dashboard database on each dialect, for tests that must hold on both. */
export const dashboardDbTargets = {
  sqlite: async () => ({ database: await openDashboardDb(':memory:'), drop: async () => {} }),
  mariadb: async () => {
    const mariadb = await createTestDatabase('dashboard');
    return { database: await openDashboardDb(mariadb.url), drop: () => mariadb.drop() };
  },
} satisfies Record<string, () => Promise<{ database: Database<DashboardDatabase>; drop(): Promise<void> }>>;

/** Each dialect's opener for describe.each: a database for the test that opens it, closed and dropped when that test ends. */
export const dashboardDbPerTest = Object.entries(dashboardDbTargets).map(
  ([name, open]) =>
    [
      name,
      async () => {
        const { database, drop } = await open();
        onTestFinished(async () => {
          await database.close();
          await drop();
        });
        return database;
      },
    ] as const,
);
