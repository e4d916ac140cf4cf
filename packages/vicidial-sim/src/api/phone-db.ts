import type { Kysely } from 'kysely';
import type { VicidialDatabase } from '../db/schema.js';

// Lookups and side effects shared by the phone and alias functions. Comparisons are plain '=', which
// both databases make case-insensitive (MariaDB's utf8_unicode_ci, SQLite's NOCASE columns), so
// login '100A' finds phone login '100a' as on the real VICIdial.

type Db = Kysely<VicidialDatabase>;

export async function serverExists(db: Db, serverIp: string): Promise<boolean> {
  const row = await db.selectFrom('servers').select('server_ip').where('server_ip', '=', serverIp).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Whether any phone, on any server, has this login. */
export async function phoneLoginExists(db: Db, login: string): Promise<boolean> {
  const row = await db.selectFrom('phones').select('login').where('login', '=', login).limit(1).executeTakeFirst();
  return row !== undefined;
}

export async function templateExists(db: Db, templateId: string): Promise<boolean> {
  const row = await db
    .selectFrom('vicidial_conf_templates')
    .select('template_id')
    .where('template_id', '=', templateId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Phone changes reach a telephony server only once it rebuilds its configuration. */
export async function flagConfRebuild(db: Db, serverIp: string): Promise<void> {
  await db
    .updateTable('servers')
    .set({ rebuild_conf_files: 'Y' })
    .where('generate_vicidial_conf', '=', 'Y')
    .where('active_asterisk_server', '=', 'Y')
    .where('server_ip', '=', serverIp)
    .execute();
}

/**
 * VICIdial puts the values between quotes in its SQL without escaping them: one holding an apostrophe
 * (only the email filter keeps it) breaks the statement, PHP dies and the caller gets HTTP 500. Call
 * it with the values as sent, after every check, where VICIdial runs its statement.
 */
export function failLikeVicidialSql(values: Record<string, unknown>): void {
  const broken = Object.entries(values).find(([, value]) => typeof value === 'string' && value.includes("'"));
  if (broken) throw new Error(`VICIdial's statement breaks on the apostrophe in ${broken[0]}`);
}
