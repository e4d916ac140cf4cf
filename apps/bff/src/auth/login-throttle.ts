import { createHash } from 'node:crypto';
import type { Request } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import type { Kysely } from 'kysely';
import type { DashboardDatabase } from '../store/schema.js';

/** The rules (docs/decisions/0014-login-throttling.md). */
export const LOGIN_THROTTLE = {
  /** Wrong passwords for one username from one address before any wait. */
  freeFailures: 5,
  /** The wait after the last free failure; each further failure doubles it... */
  firstDelayMs: 30_000,
  /** ...up to this. */
  maxDelayMs: 15 * 60_000,
  /** Failed logins from one address, whatever the usernames, within sourceWindowMs, before it must wait. */
  sourceFailures: 20,
  sourceWindowMs: 15 * 60_000,
  /** A failure older than this no longer counts (its row is deleted by the next attempt). */
  forgetAfterMs: 24 * 3_600_000,
} as const;

export interface LoginAttempt {
  /** As typed (any case); whether such an account exists plays no part. */
  username: string;
  /** The client's address (loginSource). */
  source: string;
}

/**
 * The address a login comes from: req.ip (the proxy's word when TRUST_PROXY_HOPS trusts one), an
 * IPv6 address as its /56 (one customer's block: the next address costs an attacker nothing).
 */
export const loginSource = (req: Request): string => ipKeyGenerator(req.ip ?? 'unknown').slice(0, 64);

/**
 * Usernames as typed are stored hashed: any length or alphabet fits one column, and a password
 * typed into the username field is not kept in clear.
 */
const usernameKey = (username: string) => createHash('sha256').update(username.toLowerCase()).digest('hex');

const delayAfter = (failures: number) =>
  Math.min(LOGIN_THROTTLE.firstDelayMs * 2 ** (failures - LOGIN_THROTTLE.freeFailures), LOGIN_THROTTLE.maxDelayMs);

/**
 * Slows password guessing without letting anyone lock someone else out: wrong passwords for a
 * username from an address make that username wait, from that address only, longer after each
 * one; failures from one address across usernames are capped too. One row per attempt in the
 * dashboard database, so every worker and host counts together; unknown usernames are counted
 * exactly like accounts, so the answers never tell them apart.
 */
export class LoginThrottle {
  constructor(
    private readonly db: Kysely<DashboardDatabase>,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Counts an attempt as a failure before its password is checked (until it succeeds), so that
   * attempts sent all at once are counted one after the other, in the order of their rows. Answers
   * how long it must wait first, judged by the attempts before it: 0 when it may go on. An attempt
   * told to wait is not counted.
   */
  async start({ username, source }: LoginAttempt): Promise<number> {
    const now = this.now();
    await this.db.deleteFrom('login_failures').where('at', '<', now - LOGIN_THROTTLE.forgetAfterMs).execute();
    const { insertId } = await this.db.insertInto('login_failures').values({ username_key: usernameKey(username), source, at: now }).executeTakeFirstOrThrow();
    const id = Number(insertId);
    const [mine, sourceLimit] = await Promise.all([
      this.db
        .selectFrom('login_failures')
        .select((eb) => [eb.fn.countAll<number>().as('failures'), eb.fn.max('at').as('last')])
        .where('username_key', '=', usernameKey(username))
        .where('source', '=', source)
        .where('id', '<', id)
        .executeTakeFirstOrThrow(),
      // The failure whose leaving the window brings the address back under its cap.
      this.db
        .selectFrom('login_failures')
        .select('at')
        .where('source', '=', source)
        .where('at', '>', now - LOGIN_THROTTLE.sourceWindowMs)
        .where('id', '<', id)
        .orderBy('at', 'desc')
        .limit(1)
        .offset(LOGIN_THROTTLE.sourceFailures - 1)
        .executeTakeFirst(),
    ]);
    const failures = Number(mine.failures);
    const mineUntil = failures >= LOGIN_THROTTLE.freeFailures ? Number(mine.last) + delayAfter(failures) : 0;
    const sourceUntil = sourceLimit ? Number(sourceLimit.at) + LOGIN_THROTTLE.sourceWindowMs : 0;
    const waitMs = Math.max(0, mineUntil - now, sourceUntil - now);
    if (waitMs > 0) await this.db.deleteFrom('login_failures').where('id', '=', id).execute();
    return waitMs;
  }

  /** A login that worked: it, and that username's failures from that address, no longer count. */
  async succeeded({ username, source }: LoginAttempt): Promise<void> {
    await this.db.deleteFrom('login_failures').where('username_key', '=', usernameKey(username)).where('source', '=', source).execute();
  }

  /** A new password: the username's failures from every address no longer count. */
  async forget(username: string): Promise<void> {
    await this.db.deleteFrom('login_failures').where('username_key', '=', usernameKey(username)).execute();
  }
}
