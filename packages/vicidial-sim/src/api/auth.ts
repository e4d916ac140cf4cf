import type { Kysely } from 'kysely';
import { fitValue } from '../db/fit.js';
import type { VicidialDatabase } from '../db/schema.js';
import { vicidial_users } from '../db/tables.js';
import { localDateTime } from './clock.js';
import type { ApiUser } from './context.js';

/** VICIdial locks an account after 10 failures until 15 minutes have passed since its last login. */
const LOCK_ATTEMPTS = 10;
const LOCK_SECONDS = 900;

export type AuthResult = 'GOOD' | 'BAD' | 'LOCK';

export interface Credentials {
  /** Already filtered (letters, digits, '-', '_'), as VICIdial compares them. */
  user: string;
  pass: string;
  ip: string;
  now: Date;
}

/**
 * VICIdial's login check for the Non-Agent API (its "REPORTS" level: user_level > 6). Comparisons run
 * in SQL so they follow the database's case-insensitive collation, as VICIdial's do. A success stamps
 * last_login_date/last_ip and clears the failure count; a failure counts up to the lock, and once the
 * lock has expired starts counting again from 1; an attempt while locked is only counted for the day.
 */
export async function authenticate(db: Kysely<VicidialDatabase>, credentials: Credentials): Promise<AuthResult> {
  const { user, pass, now } = credentials;
  // Each column keeps what fits of the address: last_ip 15 characters, failed_last_ip_today 50.
  const lastIp = fitValue(vicidial_users.last_ip, credentials.ip) as string;
  const failedIp = fitValue(vicidial_users.failed_last_ip_today, credentials.ip) as string;
  const nowText = localDateTime(now);
  const lockOver = localDateTime(new Date(now.getTime() - LOCK_SECONDS * 1000));

  const match = await db
    .selectFrom('vicidial_users')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('user', '=', user)
    .where('pass', '=', pass)
    .where('user_level', '>', 6)
    .where('active', '=', 'Y')
    .where((eb) => eb.or([eb('failed_login_count', '<', LOCK_ATTEMPTS), eb('last_login_date', '<', lockOver)]))
    .executeTakeFirst();

  if (Number(match?.count ?? 0) > 0) {
    await db
      .updateTable('vicidial_users')
      .set({ last_login_date: nowText, last_ip: lastIp, failed_login_count: 0 })
      .where('user', '=', user)
      .execute();
    return 'GOOD';
  }

  const known = await db
    .selectFrom('vicidial_users')
    .select(['failed_login_count', 'last_login_date'])
    .where('user', '=', user)
    .executeTakeFirst();
  if (!known) return 'BAD';

  // A failure never touches last_ip; it is counted and marked 'aBAD' (or, while locked, 'aLOCK').
  const recordFailure = (restart: boolean) =>
    db
      .updateTable('vicidial_users')
      .set((eb) => ({
        ...(restart
          ? { failed_login_count: 1, last_login_date: nowText }
          : { failed_login_count: eb('failed_login_count', '+', 1) }),
        failed_login_attempts_today: eb('failed_login_attempts_today', '+', 1),
        failed_login_count_today: eb('failed_login_count_today', '+', 1),
        failed_last_ip_today: failedIp,
        failed_last_type_today: 'aBAD',
      }))
      .where('user', '=', user)
      .execute();

  if (Number(known.failed_login_count ?? 0) < LOCK_ATTEMPTS) {
    await recordFailure(false);
    return 'BAD';
  }
  // The lock has expired: counting starts again. (A NULL last login never expires, as in VICIdial's SQL.)
  if (known.last_login_date !== null && known.last_login_date < lockOver) {
    await recordFailure(true);
    return 'BAD';
  }
  await db
    .updateTable('vicidial_users')
    .set((eb) => ({ failed_login_attempts_today: eb('failed_login_attempts_today', '+', 1), failed_last_type_today: 'aLOCK' }))
    .where('user', '=', user)
    .execute();
  return 'LOCK';
}

/** The authenticated user's flags and its group's admin_viewable_groups. `user` is the name as sent. */
export async function loadApiUser(db: Kysely<VicidialDatabase>, user: string): Promise<ApiUser> {
  const row = await db
    .selectFrom('vicidial_users')
    .selectAll()
    .where('user', '=', user)
    .where('active', '=', 'Y')
    .executeTakeFirstOrThrow();
  const group = await db
    .selectFrom('vicidial_user_groups')
    .select('admin_viewable_groups')
    .where('user_group', '=', row.user_group ?? '')
    .executeTakeFirst();
  return {
    user,
    userLevel: Number(row.user_level ?? 0),
    userGroup: row.user_group ?? '',
    vdcAgentApiAccess: row.vdc_agent_api_access === '1',
    astAdminAccess: row.ast_admin_access === '1',
    astDeletePhones: row.ast_delete_phones === '1',
    modifyInboundDids: row.modify_inbound_dids === '1',
    deleteInboundDids: row.delete_inbound_dids === '1',
    adminViewableGroups: group ? (group.admin_viewable_groups ?? '') : null,
  };
}

/** The user's api_allowed_functions grants `fn` (VICIdial matches ` fn ` or ALL_FUNCTIONS). */
export async function functionAllowed(db: Kysely<VicidialDatabase>, user: string, fn: string): Promise<boolean> {
  const row = await db
    .selectFrom('vicidial_users')
    .select('api_allowed_functions')
    .where('user', '=', user)
    .where('active', '=', 'Y')
    .executeTakeFirst();
  const allowed = row?.api_allowed_functions ?? '';
  return allowed.includes(` ${fn} `) || allowed.includes('ALL_FUNCTIONS');
}
