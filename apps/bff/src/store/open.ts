import { type Database, openDatabase } from '@vicidash/database';
import { migrateDashboardDb } from './migrations.js';
import type { DashboardDatabase } from './schema.js';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** Opens the dashboard database (SQLite file or mysql:// URL) and migrates it. */
export async function openDashboardDb(target: string): Promise<Database<DashboardDatabase>> {
  if (!target.includes('://') && target !== ':memory:') mkdirSync(dirname(target), { recursive: true });
  const database = openDatabase<DashboardDatabase>(target);
  await migrateDashboardDb(database.db as never, database.dialect);
  return database;
}
