import {
  copyDidRequestSchema,
  copyDidResponseSchema,
  createDidRequestSchema,
  createDidResponseSchema,
  didCopyFields,
  didFields,
  didKeySchema,
  didTarget,
  missableTargetKind,
  updateDidRequestSchema,
  type CopyDidResponse,
  type CreateDidRequest,
  type DidDetail,
  type UpdateDidRequest,
  updateDidResponseSchema,
} from '@vicidash/contracts/did';
import type { AddDidParams, CopyDidParams } from '@vicidash/vicidial-client';
import type { AppServices } from '../app.js';
import { type WriteAttempt, auditTargets } from '../audit/write-audit.js';
import { type RawInput, textOf, writeRoute } from '../audit/write-route.js';
import { AppError } from '../errors.js';
import type { RouteSpec } from '../http/route.js';
import { recordLockKey } from '../store/record-locks.js';
import { vicidialParams } from '../vicidial/params.js';
import { didAfterChange } from '../vicidial/reader/dids.js';
import { readBack, requireVersion, type VicidialRecords, vicidialRecords } from '../vicidial/records.js';
import type { DidChange, VicidialWriter } from '../vicidial/writer.js';
import { didBatchUpdates, didBulkChangeRoute } from './dids-bulk-changes.js';

const PATH = '/api/dids/:didId';
const pathTarget = ({ params }: RawInput) => auditTargets.did(textOf(params.didId));

/** A copy's audit result: how many new DIDs it added; partly done where some of the patterns existed already. */
function copyOutcome({ added, alreadyExisting }: CopyDidResponse): Pick<WriteAttempt, 'result' | 'partial'> {
  const counts = { added: added.length, alreadyExisting: alreadyExisting.length };
  if (alreadyExisting.length === 0) return { result: counts };
  const message = `Added ${added.length} of ${added.length + alreadyExisting.length} new DIDs; not added, as they exist already: ${alreadyExisting.join(', ')}`;
  return { result: { ...counts, message }, partial: true };
}

/** Which of a copy's new patterns exist now (read again when its answer was lost), in request order. */
async function patternsNow(records: VicidialRecords, patterns: readonly string[]) {
  const byPattern = new Map((await records.dids({ ids: [], patterns })).map((did) => [did.pattern.toLowerCase(), did]));
  const now = patterns.map((pattern) => byPattern.get(pattern.toLowerCase()));
  return {
    existingNow: now.flatMap((did) => (did ? [{ pattern: did.pattern, didId: did.didId }] : [])),
    missing: patterns.filter((_, i) => now[i] === undefined),
  };
}

/**
 * The DID writes behind the routes, for the routes and for reverts (routes/revert.ts) alike: the
 * version check under the DID's lock, the target check, the call and what the audit records.
 */
export function didWrites(services: AppServices, writer: VicidialWriter) {
  const records = vicidialRecords(services);
  /** The version check and the call, with no other save of the same DID in between. */
  const locked = <T>(didId: number, run: () => Promise<T>) => services.locks.withLock(recordLockKey(auditTargets.did(didId)), 'DID', run);
  return {
    records,
    /** Many changes at once, each as safe as a single save (the bulk change, an import's changed DIDs). */
    batch: didBatchUpdates(services, writer, records),
    async create(body: CreateDidRequest, attempt: WriteAttempt): Promise<DidDetail> {
      attempt.reread = () => records.didByPattern(body.pattern);
      await records.requireRouteTarget(body.routing);
      await writer.addDid(vicidialParams<AddDidParams>(didFields, body));
      attempt.applied = true;
      const after = await readBack(() => records.didByPattern(body.pattern));
      attempt.target = auditTargets.did(after.didId);
      attempt.after = after;
      return after;
    },
    update: (didId: number, body: UpdateDidRequest, version: string | undefined, attempt: WriteAttempt): Promise<DidDetail> =>
      locked(didId, async () => {
        attempt.reread = () => records.did(didId);
        const current = requireVersion(await records.did(didId), version, 'DID');
        attempt.before = current;
        await records.requireRouteTarget(body.routing);
        await writer.updateDid({ ...vicidialParams<DidChange>(didFields, body), did_pattern: current.pattern });
        attempt.applied = true;
        const after = didAfterChange(current, body);
        attempt.after = after;
        return after;
      }),
    remove: (didId: number, version: string | undefined, attempt: WriteAttempt): Promise<void> =>
      locked(didId, async () => {
        attempt.reread = () => records.did(didId);
        const current = requireVersion(await records.did(didId), version, 'DID');
        attempt.before = current;
        await writer.updateDid({ did_pattern: current.pattern, delete_did: 'Y' });
        attempt.applied = true;
      }),
  };
}
export type DidWrites = ReturnType<typeof didWrites>;

/** Adding, changing, deleting and copying DIDs, and changing many at once. */
export function didChangeRoutes(services: AppServices, writer: VicidialWriter): RouteSpec[] {
  const { audit } = services;
  const writes = didWrites(services, writer);
  const { records } = writes;

  return [
    writeRoute(audit, {
      method: 'post',
      path: '/api/dids',
      tag: 'dids',
      summary: 'Add a DID',
      permission: 'create:dids',
      body: createDidRequestSchema,
      response: createDidResponseSchema,
      status: 201,
      target: ({ body }) => auditTargets.did(textOf(body.pattern)),
      handler: ({ body, attempt }) => writes.create(body, attempt),
    }),

    writeRoute(audit, {
      method: 'patch',
      path: PATH,
      tag: 'dids',
      summary: 'Change a DID (a routing block is sent whole: the route and its target)',
      permission: 'update:dids',
      params: didKeySchema,
      body: updateDidRequestSchema,
      response: updateDidResponseSchema,
      versioned: true,
      target: pathTarget,
      handler: ({ params: { didId }, body, version, attempt }) => writes.update(didId, body, version, attempt),
    }),

    writeRoute(audit, {
      method: 'delete',
      path: PATH,
      tag: 'dids',
      summary: 'Delete a DID',
      permission: 'delete:dids',
      params: didKeySchema,
      response: null,
      versioned: true,
      target: pathTarget,
      handler: ({ params: { didId }, version, attempt }) => writes.remove(didId, version, attempt),
    }),

    writeRoute(audit, {
      method: 'post',
      path: `${PATH}/copy`,
      tag: 'dids',
      summary: 'Copy a DID to new patterns: each new DID gets every setting of this one',
      permission: 'copy:dids',
      params: didKeySchema,
      body: copyDidRequestSchema,
      response: copyDidResponseSchema,
      status: 201,
      target: pathTarget,
      async handler({ params: { didId }, body, attempt }) {
        attempt.reread = () => patternsNow(records, body.newPatterns);
        const source = await records.did(didId);
        if (!source) throw new AppError('NOT_FOUND', 'There is no such DID to copy.');
        attempt.before = source;
        // The path names the DID; the body repeats its pattern, so a copy never starts from a DID the person did not mean.
        if (source.pattern.toLowerCase() !== body.sourcePattern.toLowerCase()) {
          throw new AppError('VALIDATION', `Source pattern: DID ${didId} has the pattern ${source.pattern}`, { field: 'sourcePattern' });
        }
        // The copies get the source's route: they would ring nothing too.
        if (source.targetMissing) {
          throw new AppError(
            'VALIDATION',
            `Source pattern: DID ${source.pattern} routes calls to ${missableTargetKind(source.route)} ${didTarget(source)}, which VICIdial no longer has: route it elsewhere before copying it`,
            { field: 'sourcePattern' },
          );
        }
        const copied = await writer.copyDid(vicidialParams<CopyDidParams>(didCopyFields, { ...body, sourcePattern: source.pattern }));
        attempt.applied = true;
        const answer = {
          added: copied.dids.flatMap((did) => (did.status === 'added' ? [{ pattern: did.did_pattern, didId: did.did_id }] : [])),
          alreadyExisting: copied.dids.flatMap((did) => (did.status === 'already_exists' ? [did.did_pattern] : [])),
        };
        attempt.after = answer;
        Object.assign(attempt, copyOutcome(answer));
        return answer;
      },
    }),

    didBulkChangeRoute(services, writes.batch),
  ];
}
