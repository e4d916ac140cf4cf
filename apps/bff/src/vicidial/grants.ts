import { type Kysely, sql } from 'kysely';
import type { Dialect } from '@vicidash/database';
import { z } from 'zod';
import { READ_TABLES } from './tables.js';

/**
 * Tables the dashboard never reads that hold secrets: vicidial_api_urls keeps every API call's URL
 * with the API password (VICIdial logs the POST fields too), vicidial_users every user's password.
 */
export const SECRET_TABLES = ['vicidial_api_urls', 'vicidial_users'] as const;

export const grantsSchema = z.object({
  /** False where there are no grants to check (SQLite) or the check could not run. */
  checked: z.boolean(),
  /** The secret tables the read-only user can read: it should not. */
  readable: z.array(z.string()),
  /** What to do, or why nothing was checked. */
  note: z.string().optional(),
});
export type Grants = z.infer<typeof grantsSchema>;

/** One GRANT per table the dashboard reads; `user` as CURRENT_USER() gives it (`name@host`). */
export function grantStatements(database: string, user: string): string[] {
  const at = user.lastIndexOf('@');
  const grantee = `'${user.slice(0, at)}'@'${user.slice(at + 1)}'`;
  return READ_TABLES.map((table) => `GRANT SELECT ON \`${database}\`.\`${table}\` TO ${grantee};`);
}

/**
 * Whether VICIdial's read-only database user can read tables it does not need (checked once, at
 * start): a `SELECT … LIMIT 0` reads no row, and is refused when the user has no grant on the table.
 */
export async function checkGrants(db: Kysely<unknown>, dialect: Dialect): Promise<Grants> {
  if (dialect === 'sqlite') {
    return { checked: false, readable: [], note: 'SQLite (embedded VICIdial): a file has no users or grants, nothing to check' };
  }
  const readable: string[] = [];
  for (const table of SECRET_TABLES) {
    try {
      await sql`select 1 from ${sql.table(table)} limit 0`.execute(db);
      readable.push(table);
    } catch (error) {
      // Refused (no grant) or absent: either way it cannot read it. Anything else: unknown.
      const code = (error as { code?: unknown }).code;
      if (code !== 'ER_TABLEACCESS_DENIED_ERROR' && code !== 'ER_NO_SUCH_TABLE') throw error;
    }
  }
  if (readable.length === 0) return { checked: true, readable };
  const { rows } = await sql<{ db: string; user: string }>`select database() as db, current_user() as user`.execute(db);
  const { db: database, user } = rows[0] as { db: string; user: string };
  return {
    checked: true,
    readable,
    note:
      `The read-only database user can read ${readable.join(' and ')}, which hold VICIdial's passwords (the API password among them) and which the dashboard never reads. ` +
      `Revoke its broader grants and give it only the tables it reads: ${grantStatements(database, user).join(' ')}`,
  };
}
