import {
  bulkUpdateDidsRequestSchema,
  bulkUpdateDidsResponseSchema,
  didFields,
  type BulkUpdateDidsResponse,
  type DidDetail,
  type DidRef,
} from '@vicidash/contracts/did';
import pLimit, { type LimitFunction } from 'p-limit';
import type { AppServices } from '../app.js';
import { type Attempter, type WriteAttempt, appendAudit, asAppError, auditRecord, auditTargets, maybeAppliedBy } from '../audit/write-audit.js';
import { writeRoute } from '../audit/write-route.js';
import { AppError } from '../errors.js';
import type { RouteSpec } from '../http/route.js';
import { type HeldLocks, lockBusy, recordLockKey } from '../store/record-locks.js';
import { BULK_CONCURRENCY } from '../vicidial/bulk.js';
import { vicidialParams } from '../vicidial/params.js';
import { type DidChangeFields, didAfterChange } from '../vicidial/reader/dids.js';
import { requireVersion, type VicidialRecords } from '../vicidial/records.js';
import type { DidChange, VicidialWriter } from '../vicidial/writer.js';

const ACTION = 'update:dids';

/** One DID's change in a batch. */
export interface DidUpdate {
  ref: DidRef;
  change: DidChangeFields;
  /**
   * The version the change was planned against (an import's preview): a DID at another version is
   * not sent (409, as a single save). None: whatever version it has (a bulk change).
   */
  version?: string;
}

/** One DID of a batch: its own attempt (and audit row), and how it ended. */
export interface DidUpdateItem extends DidUpdate {
  attempt: WriteAttempt;
  /** The DID as it was before, once found. */
  current?: DidDetail;
  error?: AppError;
  /** When the attempt ended: the time on its audit row. */
  at?: number;
}

/** The lock of a found DID: the same as a single save of it takes. */
const lockKeyOf = (item: DidUpdateItem) => recordLockKey(auditTargets.did((item.current as DidDetail).didId));

/** Patterns compare as VICIdial's unique key on did_pattern does: ignoring case (they are ASCII). */
const patternKey = (pattern: string) => pattern.toLowerCase();

/**
 * Many DID changes, each its own VICIdial call (VICIdial has no bulk update) with its own lock,
 * checks, result and audit row, as a single save; around the calls the work is batched: one query
 * reads every DID before, one check per distinct route target, one statement takes the locks, one
 * insert writes the audit rows. Used by the bulk change and by an import's changed DIDs.
 */
export function didBatchUpdates(services: AppServices, writer: VicidialWriter, records: VicidialRecords) {
  const end = (item: DidUpdateItem, error: unknown) => {
    item.error = asAppError(error);
    item.at = services.now();
  };
  const pending = (items: readonly DidUpdateItem[]) => items.filter((item) => item.current && !item.error);

  /** Finds every DID with one query; a DID not found ends there. */
  async function readBefore(items: readonly DidUpdateItem[]): Promise<void> {
    const rows = await records.dids({
      ids: items.flatMap(({ ref }) => (typeof ref === 'number' ? [ref] : [])),
      patterns: items.flatMap(({ ref }) => (typeof ref === 'string' ? [ref] : [])),
    });
    const byId = new Map(rows.map((row) => [row.didId, row]));
    const byPattern = new Map(rows.map((row) => [patternKey(row.pattern), row]));
    for (const item of items) {
      const current = typeof item.ref === 'number' ? byId.get(item.ref) : byPattern.get(patternKey(item.ref));
      if (!current) {
        end(item, new AppError('NOT_FOUND', 'There is no such DID.'));
        continue;
      }
      item.current = current;
      item.attempt.target = auditTargets.did(current.didId);
      item.attempt.before = current;
    }
  }

  /** Each distinct route target checked once; the changes to one VICIdial does not have end there, unsent. */
  async function checkTargets(items: readonly DidUpdateItem[]): Promise<void> {
    const byTarget = new Map<string, DidUpdateItem[]>();
    for (const item of pending(items)) {
      if (!item.change.routing) continue;
      const key = JSON.stringify(item.change.routing);
      byTarget.set(key, [...(byTarget.get(key) ?? []), item]);
    }
    for (const group of byTarget.values()) {
      try {
        await records.requireRouteTarget((group[0] as DidUpdateItem).change.routing);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'VALIDATION') throw error;
        for (const item of group) end(item, error);
      }
    }
  }

  /**
   * Takes the lock of every DID found (as a single save would), then reads them again: the state
   * each change starts from, and its version check, are the ones no other save can move before its
   * call. A DID whose lock another save holds beyond the wait ends there, unsent.
   */
  async function lockAll(items: DidUpdateItem[]): Promise<HeldLocks> {
    const found = pending(items);
    const held = await services.locks.acquire(found.map((item) => lockKeyOf(item)));
    for (const item of found) if (!held.keys.has(lockKeyOf(item))) end(item, lockBusy('DID'));
    await readBefore(pending(found));
    for (const item of pending(found)) {
      if (item.version === undefined) continue;
      try {
        requireVersion(item.current, item.version, 'DID');
      } catch (error) {
        end(item, error);
      }
    }
    return held;
  }

  async function send(who: Attempter, item: DidUpdateItem, held: HeldLocks): Promise<void> {
    if (!item.current || item.error) return;
    try {
      await writer.updateDid({ ...vicidialParams<DidChange>(didFields, item.change), did_pattern: item.current.pattern });
      item.attempt.applied = true;
      item.at = services.now();
    } catch (error) {
      if (!(error instanceof AppError)) who.req.log.error({ err: error, did: item.ref }, 'DID update of a batch failed');
      end(item, error);
    } finally {
      await held.release([lockKeyOf(item)]);
    }
  }

  /**
   * Each DID's state after: as its change made it where VICIdial applied it (didAfterChange); read
   * again, with one query, where a call went unanswered and may have been applied.
   */
  async function settle(who: Attempter, items: DidUpdateItem[]): Promise<void> {
    for (const item of items) if (item.current && item.attempt.applied) item.attempt.after = didAfterChange(item.current, item.change);
    const unsure = items.filter((item) => item.current && !item.attempt.applied && maybeAppliedBy(item.error) === true);
    if (unsure.length === 0) return;
    const rows = await records.dids({ ids: unsure.map((item) => (item.current as DidDetail).didId), patterns: [] }).catch((error: unknown) => {
      if (!(error instanceof AppError)) who.req.log.error({ err: error }, 'DID read-back of a batch failed');
      return [];
    });
    const byId = new Map(rows.map((row) => [row.didId, row]));
    for (const item of unsure) item.attempt.after = byId.get((item.current as DidDetail).didId);
  }

  /**
   * Applies the changes, the calls through `limit` (BULK_CONCURRENCY at a time, or a limit other
   * batches share) after the first; none is ever retried. Every change ends with its audit row.
   */
  async function run(who: Attempter, updates: readonly DidUpdate[], limit: LimitFunction = pLimit(BULK_CONCURRENCY)): Promise<DidUpdateItem[]> {
    const items: DidUpdateItem[] = updates.map((update) => ({ ...update, attempt: { target: auditTargets.did(update.ref), fields: update.change } }));
    let held: HeldLocks | undefined;
    try {
      await readBefore(items);
      await checkTargets(items);
      held = await lockAll(items);
      const locks = held;
      // The first call alone: were the API user refused, the rest are not sent (api-account.ts), so
      // a batch costs VICIdial's lock-out count one failed login, not one per call in flight.
      const [first, ...rest] = pending(items);
      if (first) await limit(() => send(who, first, locks));
      await Promise.all(rest.map((item) => limit(() => send(who, item, locks))));
    } catch (error) {
      if (!(error instanceof AppError)) who.req.log.error({ err: error }, 'DID read of a batch failed');
      for (const item of items) if (!item.attempt.applied && !item.error) end(item, error);
    } finally {
      await held?.release();
    }
    await settle(who, items);
    await appendAudit(
      who,
      items.map((item) => auditRecord(who, ACTION, item.attempt, item.error, item.at)),
    );
    return items;
  }

  return { run };
}
export type DidBatchUpdates = ReturnType<typeof didBatchUpdates>;

/**
 * POST /api/dids/bulk: one change applied to many DIDs, each its own VICIdial call with its own
 * result and audit row (didBatchUpdates).
 */
export function didBulkChangeRoute(services: AppServices, batch: DidBatchUpdates): RouteSpec {
  return writeRoute(services.audit, {
    method: 'post',
    path: '/api/dids/bulk',
    tag: 'dids',
    summary: `Apply one change (route, active, recording) to many DIDs: one result per DID, ${BULK_CONCURRENCY} sent at a time`,
    permission: ACTION,
    body: bulkUpdateDidsRequestSchema,
    response: bulkUpdateDidsResponseSchema,
    target: () => auditTargets.did('bulk'),
    auditsEachRecord: true,
    async handler({ body: { dids, ...change }, who }): Promise<BulkUpdateDidsResponse> {
      const items = await batch.run(
        who,
        dids.map((ref) => ({ ref, change })),
      );
      return {
        results: items.map(({ ref, error }) => (error ? { did: ref, ok: false as const, error: error.toBody() } : { did: ref, ok: true as const })),
      };
    },
  });
}
