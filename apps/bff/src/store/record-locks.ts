import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import { AppError } from '../errors.js';
import type { DashboardDatabase } from './schema.js';

/**
 * Per-record locks in the dashboard database, where every worker of every host meets: "check the
 * version, call VICIdial, record the result" runs as one step per record
 * (docs/decisions/0016-per-record-locks.md).
 *
 * A lock is a row (record key → owner, lease end). Taking one is an insert that succeeds only where
 * no row exists or the lease has ended; releasing it deletes the row. While held, the lease is
 * renewed, so a crashed holder's lock frees itself when its lease ends; a holder on this host whose
 * process is gone is replaced at once.
 */
export interface LockSettings {
  /** How long to wait for a lock another save holds before giving up. */
  waitMs: number;
  /** How long a lock outlives its holder's last sign of life. */
  leaseMs?: number;
}

/** The locks taken by one call: released together or one record at a time. */
export interface HeldLocks {
  /** The keys actually held (a bulk may get only some of what it asked for). */
  readonly keys: ReadonlySet<string>;
  release(keys?: Iterable<string>): Promise<void>;
}

const DEFAULT_LEASE_MS = 10_000;
/** Polls for a held lock start this often and back off up to the cap. */
const FIRST_POLL_MS = 2;
const MAX_POLL_MS = 50;
/** Keys per statement: well under both databases' limits on bound values. */
const KEYS_PER_STATEMENT = 500;

const HOST = hostname();

/** `host/pid/random`: unique per taking, and telling which process on which host holds it. */
const newOwner = () => `${HOST}/${process.pid}/${randomBytes(6).toString('base64url')}`;

/** Whether an owner is a process of this host that no longer runs. */
function ownerIsGone(owner: string): boolean {
  const [host, pid] = owner.split('/');
  if (host !== HOST || !pid) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class RecordLocks {
  private readonly leaseMs: number;

  constructor(
    private readonly db: Kysely<DashboardDatabase>,
    private readonly settings: LockSettings,
  ) {
    this.leaseMs = settings.leaseMs ?? DEFAULT_LEASE_MS;
  }

  /**
   * Runs `run` holding the lock of one record; if another save holds it for longer than the wait,
   * refuses with 409 and a reason a person can act on (nothing was sent).
   */
  async withLock<T>(key: string, what: string, run: () => Promise<T>): Promise<T> {
    const held = await this.acquire([key]);
    try {
      if (!held.keys.has(key)) throw lockBusy(what);
      return await run();
    } finally {
      await held.release();
    }
  }

  /**
   * Takes as many of `keys` as it can within the wait: every key free now or freed in time. Keys
   * taken are kept while waiting for the rest, so a bulk never loses what it has.
   */
  async acquire(keys: Iterable<string>): Promise<HeldLocks> {
    const owner = newOwner();
    const wanted = [...new Set(keys)];
    const held = new Set<string>();
    const deadline = Date.now() + this.settings.waitMs;
    let pollMs = FIRST_POLL_MS;
    for (;;) {
      const missing = wanted.filter((key) => !held.has(key));
      for (const key of await this.take(owner, missing)) held.add(key);
      if (held.size === wanted.length || Date.now() >= deadline) break;
      await this.replaceGoneOwners(owner, wanted.filter((key) => !held.has(key)), held);
      if (held.size === wanted.length) break;
      await sleep(Math.min(pollMs, Math.max(0, deadline - Date.now())) * (0.5 + Math.random()));
      pollMs = Math.min(pollMs * 2, MAX_POLL_MS);
    }
    return this.holding(owner, held);
  }

  /**
   * Inserts a row for each key (ignored where one exists), then takes over rows whose lease has
   * ended; answers the keys now ours. A free record, the usual case, costs one statement.
   */
  private async take(owner: string, keys: readonly string[]): Promise<string[]> {
    const taken: string[] = [];
    for (const part of chunks(keys, KEYS_PER_STATEMENT)) {
      const now = Date.now();
      const rows = part.map((record_key) => ({ record_key, owner, expires_at: now + this.leaseMs }));
      const [inserted] = await this.db.insertInto('record_locks').ignore().values(rows).execute();
      if (Number(inserted?.numInsertedOrUpdatedRows ?? 0) === part.length) {
        taken.push(...part);
        continue;
      }
      await this.db
        .updateTable('record_locks')
        .set({ owner, expires_at: now + this.leaseMs })
        .where('record_key', 'in', part)
        .where('expires_at', '<', now)
        .execute();
      const mine = await this.db.selectFrom('record_locks').select('record_key').where('owner', '=', owner).where('record_key', 'in', part).execute();
      taken.push(...mine.map((row) => row.record_key));
    }
    return taken;
  }

  /** A lock whose holder was a process on this host that has since ended is taken over at once. */
  private async replaceGoneOwners(owner: string, keys: readonly string[], held: Set<string>): Promise<void> {
    if (keys.length === 0) return;
    const holders = await this.db.selectFrom('record_locks').select(['record_key', 'owner']).where('record_key', 'in', keys.slice(0, KEYS_PER_STATEMENT)).execute();
    for (const holder of holders) {
      if (!ownerIsGone(holder.owner)) continue;
      const { numUpdatedRows } = await this.db
        .updateTable('record_locks')
        .set({ owner, expires_at: Date.now() + this.leaseMs })
        .where('record_key', '=', holder.record_key)
        .where('owner', '=', holder.owner)
        .executeTakeFirst();
      if (numUpdatedRows > 0n) held.add(holder.record_key);
    }
  }

  /** The held locks, their lease renewed until every one is released. */
  private holding(owner: string, held: Set<string>): HeldLocks {
    const keys: ReadonlySet<string> = new Set(held);
    const renewal =
      held.size === 0
        ? undefined
        : setInterval(() => {
            this.db
              .updateTable('record_locks')
              .set({ expires_at: Date.now() + this.leaseMs })
              .where('owner', '=', owner)
              .execute()
              .catch(() => undefined);
          }, this.leaseMs / 4);
    renewal?.unref();
    return {
      keys,
      release: async (which: Iterable<string> = [...held]) => {
        const releasing = [...which].filter((key) => held.has(key));
        for (const key of releasing) held.delete(key);
        if (held.size === 0) clearInterval(renewal);
        for (const part of chunks(releasing, KEYS_PER_STATEMENT)) {
          await this.db.deleteFrom('record_locks').where('owner', '=', owner).where('record_key', 'in', part).execute();
        }
      },
    };
  }
}

/** The lock key of a record: its audit identity, compared as VICIdial compares keys (case-insensitively). */
export const recordLockKey = (target: { type: string; id: string }) => `${target.type}:${target.id.toLowerCase()}`;

export const lockBusy = (what: string) =>
  new AppError('CONFLICT', `Someone else is saving this ${what} at this moment, and it did not finish in time. Nothing was sent: try again in a few seconds.`);
