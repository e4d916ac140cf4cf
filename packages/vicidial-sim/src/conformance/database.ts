import { createSchema, openVicidialDb, type VicidialDb } from '../db/connect.js';
import { seedConformance } from '../seeds/conformance.js';

/** A new database (SQLite ':memory:' by default, or a mysql:// URL) holding the recorded session's seed. */
export async function openConformanceDb(target = ':memory:'): Promise<VicidialDb> {
  const conn = await openVicidialDb(target);
  await createSchema(conn.db, conn.dialect);
  await seedConformance(conn.db, conn.dialect);
  return conn;
}
