import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { sql } from 'kysely';
import { type Database, openDatabase } from '@vicidash/database';
import { migrateDashboardDb } from './migrations.js';
import type { DashboardDatabase } from './schema.js';

/**
 * Opens the dashboard database (SQLite file or mysql:// URL) and migrates it.
 *
 * SQLite runs in WAL mode with synchronous=NORMAL: a commit is written to the WAL but not fsync'd,
 * which takes a write (a session touch, an audit row) from about 0.25 ms to 0.02 ms on this
 * machine's disk, and better-sqlite3 blocks the event loop for that time. What stays: every
 * committed row survives a crash or kill of the process and a restart (the WAL is in the OS's
 * cache and is replayed on open), and the file is never corrupted. What goes: after an OS crash or
 * power loss the last commits before it (at most since the last checkpoint) may be missing.
 */
export async function openDashboardDb(target: string): Promise<Database<DashboardDatabase>> {
  if (!target.includes('://') && target !== ':memory:') mkdirSync(dirname(target), { recursive: true });
  const database = openDatabase<DashboardDatabase>(target);
  if (database.dialect === 'sqlite') await sql`PRAGMA synchronous = NORMAL`.execute(database.db);
  await migrateDashboardDb(database.db as never, database.dialect);
  return database;
}
