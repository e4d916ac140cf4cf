import type { Kysely } from 'kysely';
import { fitRow } from '../db/fit.js';
import type { VicidialDatabase } from '../db/schema.js';
import { vicidial_admin_log } from '../db/tables.js';
import { localDateTime } from './clock.js';
import type { AdminLogEntry } from './context.js';

/** Writes the vicidial_admin_log row of a successful write, under the API user, as VICIdial does. */
export async function writeAdminLog(
  db: Kysely<VicidialDatabase>,
  who: { user: string; ip: string; now: Date },
  entry: AdminLogEntry,
): Promise<void> {
  const row = fitRow(vicidial_admin_log, {
    event_date: localDateTime(who.now),
    user: who.user,
    ip_address: who.ip,
    event_section: entry.section,
    event_type: entry.type,
    record_id: entry.recordId,
    event_code: entry.code,
    event_sql: `${entry.sql}|`,
    event_notes: entry.notes,
    user_group: '---ALL---',
  });
  await db.insertInto('vicidial_admin_log').values(row as never).execute();
}
