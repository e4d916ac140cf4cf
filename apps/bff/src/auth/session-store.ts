import { performance } from 'node:perf_hooks';
import session from 'express-session';
import type { Kysely } from 'kysely';
import type { Dialect } from '@vicidash/database';
import { noPeers, type Peers } from '../cluster/peers.js';
import type { DashboardDatabase } from '../store/schema.js';

type Callback<T = void> = (error?: unknown, value?: T) => void;

/**
 * How long a session read from the database is used again without reading it: every request needs
 * it. A logout or a session ended through this process or one of its cluster workers applies at
 * once; one ended elsewhere (another BFF host, the accounts CLI) within this long.
 */
export const SESSION_REUSE_MS = 1_000;

/** A session as last read or written here. */
interface Remembered {
  data: string;
  userId: number | undefined;
  expiresAt: number;
  /** When it was read (monotonic ms). */
  readAt: number;
}

/**
 * express-session's store in the dashboard database, so every BFF instance behind a load balancer
 * sees the same sessions. Expired rows are ignored on read and pruned periodically.
 *
 * The idle timeout is counted here, not by the cookie (which lasts as long as the browser): every
 * answer pushes the session's end out by one idle period (touch). The database is
 * written only when that moves the end by more than a tenth of the idle period (at most a minute):
 * a session may then end that much before its idle period is up, never after.
 */
export class DashboardSessionStore extends session.Store {
  private readonly pruner: NodeJS.Timeout;
  private readonly recent = new Map<string, Remembered>();
  /** The other workers of a cluster: told when a session ends here. */
  private readonly peers: Peers;
  /** Bumped whenever sessions are written or ended: a read that started before is not remembered. */
  private changes = 0;

  constructor(
    private readonly db: Kysely<DashboardDatabase>,
    private readonly dialect: Dialect,
    private readonly options: { idleMs: number; pruneEveryMs?: number; now?: () => number; peers?: Peers },
  ) {
    super();
    this.peers = options.peers ?? noPeers;
    this.peers.listen((news) => {
      if (news.kind === 'session-ended') this.forgetHere(news.sid);
    });
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

  /** Touches closer together than this leave the database as it is. */
  private get touchStepMs(): number {
    return Math.min(60_000, this.options.idleMs / 10);
  }

  private remember(sid: string, data: string, expiresAt: number): void {
    const { userId } = JSON.parse(data) as session.SessionData;
    this.recent.set(sid, { data, userId, expiresAt, readAt: performance.now() });
  }

  /**
   * The session was changed or ended here: no worker uses what it remembers of it again. Resolves
   * once every other worker has forgotten it (an ended session must not be let in a moment longer).
   */
  private forget(sid: string): Promise<void> {
    this.forgetHere(sid);
    return this.peers.tell({ kind: 'session-ended', sid });
  }

  private forgetHere(sid: string): void {
    this.changes += 1;
    this.recent.delete(sid);
  }

  override get(sid: string, done: Callback<session.SessionData | null>): void {
    const remembered = this.recent.get(sid);
    // A fresh copy each time: express-session changes the object it is given.
    if (remembered && performance.now() - remembered.readAt < SESSION_REUSE_MS && remembered.expiresAt > this.now()) {
      done(undefined, JSON.parse(remembered.data) as session.SessionData);
      return;
    }
    this.recent.delete(sid);
    const changes = this.changes;
    this.db
      .selectFrom('sessions')
      .select(['data', 'expires_at'])
      .where('sid', '=', sid)
      .where('expires_at', '>', this.now())
      .executeTakeFirst()
      .then((row) => {
        if (row && changes === this.changes) this.remember(sid, row.data, Number(row.expires_at));
        done(undefined, row ? (JSON.parse(row.data) as session.SessionData) : null);
      }, done);
  }

  override set(sid: string, data: session.SessionData, done?: Callback): void {
    const row = { sid, data: JSON.stringify(data), expires_at: this.expiry() };
    const insert = this.db.insertInto('sessions').values(row);
    const upsert =
      this.dialect === 'mysql'
        ? insert.onDuplicateKeyUpdate({ data: row.data, expires_at: row.expires_at })
        : insert.onConflict((c) => c.column('sid').doUpdateSet({ data: row.data, expires_at: row.expires_at }));
    void this.forget(sid);
    upsert.execute().then(
      () => {
        this.remember(sid, row.data, row.expires_at);
        done?.();
      },
      (error) => done?.(error),
    );
  }

  override touch(sid: string, _data: session.SessionData, done?: Callback): void {
    const expiresAt = this.expiry();
    const remembered = this.recent.get(sid);
    if (remembered && expiresAt - remembered.expiresAt < this.touchStepMs) {
      done?.();
      return;
    }
    this.db
      .updateTable('sessions')
      .set({ expires_at: expiresAt })
      .where('sid', '=', sid)
      .execute()
      .then(
        () => {
          if (remembered) remembered.expiresAt = expiresAt;
          done?.();
        },
        (error) => done?.(error),
      );
  }

  /** Ends a session: gone from the database first, then from every worker's memory, then done. */
  override destroy(sid: string, done?: Callback): void {
    this.db
      .deleteFrom('sessions')
      .where('sid', '=', sid)
      .execute()
      .then(() => this.forget(sid))
      .then(() => done?.(), (error) => done?.(error));
  }

  /**
   * Ends every session of one person but `exceptSid` (disabled, demoted, password changed or reset):
   * gone from the database first, then from every worker's memory.
   */
  async destroyForUser(userId: number, exceptSid?: string): Promise<void> {
    const rows = await this.db.selectFrom('sessions').select(['sid', 'data']).execute();
    const sids = rows.filter((r) => r.sid !== exceptSid && (JSON.parse(r.data) as session.SessionData).userId === userId).map((r) => r.sid);
    if (sids.length > 0) await this.db.deleteFrom('sessions').where('sid', 'in', sids).execute();
    for (const [sid, remembered] of this.recent) if (remembered.userId === userId && sid !== exceptSid) sids.push(sid);
    await Promise.all([...new Set(sids)].map((sid) => this.forget(sid)));
  }

  async prune(): Promise<void> {
    for (const [sid, remembered] of this.recent) if (remembered.expiresAt <= this.now()) this.recent.delete(sid);
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
