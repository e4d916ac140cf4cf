import session from 'express-session';
import type { Kysely } from 'kysely';
import type { Dialect } from '@vicidash/database';
import type { DashboardDatabase } from '../store/schema.js';

type Callback<T = void> = (error?: unknown, value?: T) => void;

/**
 * express-session's store in the dashboard database, so every BFF instance behind a load balancer
 * sees the same sessions. Expired rows are ignored on read and pruned periodically.
 */
export class DashboardSessionStore extends session.Store {
  private readonly pruner: NodeJS.Timeout;

  constructor(
    private readonly db: Kysely<DashboardDatabase>,
    private readonly dialect: Dialect,
    private readonly options: { idleMs: number; pruneEveryMs?: number; now?: () => number },
  ) {
    super();
    this.pruner = setInterval(() => void this.prune().catch(() => {}), options.pruneEveryMs ?? 10 * 60 * 1000);
    this.pruner.unref();
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** Every save and touch (sessions are rolling) pushes the end out to one idle period from now. */
  private expiry(): number {
    return this.now() + this.options.idleMs;
  }

  override get(sid: string, done: Callback<session.SessionData | null>): void {
    this.db
      .selectFrom('sessions')
      .select('data')
      .where('sid', '=', sid)
      .where('expires_at', '>', this.now())
      .executeTakeFirst()
      .then((row) => done(undefined, row ? (JSON.parse(row.data) as session.SessionData) : null), done);
  }

  override set(sid: string, data: session.SessionData, done?: Callback): void {
    const row = { sid, data: JSON.stringify(data), expires_at: this.expiry() };
    const insert = this.db.insertInto('sessions').values(row);
    const upsert =
      this.dialect === 'mysql'
        ? insert.onDuplicateKeyUpdate({ data: row.data, expires_at: row.expires_at })
        : insert.onConflict((c) => c.column('sid').doUpdateSet({ data: row.data, expires_at: row.expires_at }));
    upsert.execute().then(() => done?.(), (error) => done?.(error));
  }

  override touch(sid: string, _data: session.SessionData, done?: Callback): void {
    this.db
      .updateTable('sessions')
      .set({ expires_at: this.expiry() })
      .where('sid', '=', sid)
      .execute()
      .then(() => done?.(), (error) => done?.(error));
  }

  override destroy(sid: string, done?: Callback): void {
    this.db
      .deleteFrom('sessions')
      .where('sid', '=', sid)
      .execute()
      .then(() => done?.(), (error) => done?.(error));
  }

  /** Removes every session of one person (disabled account, password reset). */
  async destroyForUser(userId: number): Promise<void> {
    const rows = await this.db.selectFrom('sessions').select(['sid', 'data']).execute();
    const sids = rows.filter((r) => (JSON.parse(r.data) as session.SessionData).userId === userId).map((r) => r.sid);
    if (sids.length > 0) await this.db.deleteFrom('sessions').where('sid', 'in', sids).execute();
  }

  async prune(): Promise<void> {
    await this.db.deleteFrom('sessions').where('expires_at', '<=', this.now()).execute();
  }

  close(): void {
    clearInterval(this.pruner);
  }
}

declare module 'express-session' {
  interface SessionData {
    userId: number;
    /** Epoch ms of the login: the absolute timeout counts from here, whatever the activity. */
    loggedInAt: number;
    csrfToken: string;
  }
}
