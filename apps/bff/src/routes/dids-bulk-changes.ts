import {
  bulkUpdateDidsRequestSchema,
  bulkUpdateDidsResponseSchema,
  didFields,
  type BulkUpdateDidsResponse,
  type DidDetail,
  type DidRef,
} from '@vicidash/contracts/did';
import type { AppServices } from '../app.js';
import { type Attempter, type WriteAttempt, appendAudit, asAppError, auditRecord, auditTargets, maybeAppliedBy } from '../audit/write-audit.js';
import { writeRoute } from '../audit/write-route.js';
import { AppError } from '../errors.js';
import type { RouteSpec } from '../http/route.js';
import { type HeldLocks, lockBusy, recordLockKey } from '../store/record-locks.js';
import { BULK_CONCURRENCY, mapBounded } from '../vicidial/bulk.js';
import { vicidialParams } from '../vicidial/params.js';
import { type DidChangeFields, didAfterChange } from '../vicidial/reader/dids.js';
import type { VicidialRecords } from '../vicidial/records.js';
import type { DidChange, VicidialWriter } from '../vicidial/writer.js';

const ACTION = 'update:dids';

/** One DID of a bulk change: its own attempt (and audit row), and how it ended. */
interface Item {
  ref: DidRef;
  attempt: WriteAttempt;
  /** The DID as it was before, once found. */
  current?: DidDetail;
  error?: AppError;
  /** When the attempt ended: the time on its audit row. */
  at?: number;
}

/** The lock of a found DID: the same as a single save of it takes. */
const lockKeyOf = (item: Item) => recordLockKey(auditTargets.did((item.current as DidDetail).didId));

/** Patterns compare as VICIdial's unique key on did_pattern does: ignoring case (they are ASCII). */
const patternKey = (pattern: string) => pattern.toLowerCase();

/**
 * POST /api/dids/bulk: one change applied to many DIDs, each its own VICIdial call (VICIdial has no
 * bulk update) with its own result and audit row. Around the calls the work is batched: one query
 * reads every DID before, one insert writes the audit rows.
 * Calls run BULK_CONCURRENCY at a time after the first; none is ever retried.
 */
export function didBulkChangeRoute(services: AppServices, writer: VicidialWriter, records: VicidialRecords): RouteSpec {
  const end = (item: Item, error: unknown) => {
    item.error = asAppError(error);
    item.at = services.now();
  };

  /** Finds every DID with one query; a DID not found ends there. */
  async function readBefore(items: readonly Item[]): Promise<void> {
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

  /**
   * Takes the lock of every DID found (as a single save would), then reads them again: the state
   * each change starts from is the one no other save can move before its call. A DID whose lock
   * another save holds beyond the wait ends there, unsent.
   */
  async function lockAll(items: Item[]): Promise<HeldLocks> {
    const found = items.filter((item) => item.current && !item.error);
    const held = await services.locks.acquire(found.map((item) => lockKeyOf(item)));
    for (const item of found) if (!held.keys.has(lockKeyOf(item))) end(item, lockBusy('DID'));
    await readBefore(found.filter((item) => !item.error));
    return held;
  }

  async function send(who: Attempter, item: Item, change: DidChange, held: HeldLocks): Promise<void> {
    if (!item.current || item.error) return;
    try {
      await writer.updateDid({ ...change, did_pattern: item.current.pattern });
      item.attempt.applied = true;
      item.at = services.now();
    } catch (error) {
      if (!(error instanceof AppError)) who.req.log.error({ err: error, did: item.ref }, 'bulk DID update failed');
      end(item, error);
    } finally {
      await held.release([lockKeyOf(item)]);
    }
  }

  /**
   * Each DID's state after: as the change made it where VICIdial applied it (didAfterChange); read
   * again, with one query, where a call went unanswered and may have been applied.
   */
  async function settle(who: Attempter, items: Item[], fields: DidChangeFields): Promise<void> {
    for (const item of items) if (item.current && item.attempt.applied) item.attempt.after = didAfterChange(item.current, fields);
    const unsure = items.filter((item) => item.current && !item.attempt.applied && maybeAppliedBy(item.error) === true);
    if (unsure.length === 0) return;
    const rows = await records.dids({ ids: unsure.map((item) => (item.current as DidDetail).didId), patterns: [] }).catch((error: unknown) => {
      if (!(error instanceof AppError)) who.req.log.error({ err: error }, 'bulk DID read-back failed');
      return [];
    });
    const byId = new Map(rows.map((row) => [row.didId, row]));
    for (const item of unsure) item.attempt.after = byId.get((item.current as DidDetail).didId);
  }

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
    async handler({ body: { dids, ...fields }, who }): Promise<BulkUpdateDidsResponse> {
      const change = vicidialParams<DidChange>(didFields, fields);
      const items: Item[] = dids.map((ref) => ({ ref, attempt: { target: auditTargets.did(ref), fields } }));
      let held: HeldLocks | undefined;
      try {
        await readBefore(items);
        // One target for every DID: checked once, and if missing refused for each.
        await records.requireRouteTarget(fields.routing);
        held = await lockAll(items);
        const locks = held;
        // The first call alone: were the API user refused, the rest are not sent (api-account.ts), so
        // a bulk costs VICIdial's lock-out count one failed login, not one per call in flight.
        const [first, ...rest] = items.filter((item) => item.current && !item.error);
        if (first) await send(who, first, change, locks);
        await mapBounded(rest, BULK_CONCURRENCY, (item) => send(who, item, change, locks));
      } catch (error) {
        if (!(error instanceof AppError)) who.req.log.error({ err: error }, 'bulk DID read failed');
        for (const item of items) if (!item.attempt.applied && !item.error) end(item, error);
      } finally {
        await held?.release();
      }
      await settle(who, items, fields);
      await appendAudit(
        who,
        items.map((item) => auditRecord(who, ACTION, item.attempt, item.error, item.at)),
      );
      return {
        results: items.map(({ ref, error }) => (error ? { did: ref, ok: false as const, error: error.toBody() } : { did: ref, ok: true as const })),
      };
    },
  });
}
