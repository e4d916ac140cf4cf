import { can, type Permission, permissionDescriptions, refusalReason } from '@vicidash/contracts/permissions';
import { isRevertable, revertPreviewSchema, revertRequestSchema, revertResponseSchema, type RevertResponse } from '@vicidash/contracts/revert';
import pLimit from 'p-limit';
import { z } from 'zod';
import type { AppServices } from '../app.js';
import type { StoredAuditEntry } from '../audit/audit-log.js';
import { type Attempter, type WriteAttempt, asAppError, audited } from '../audit/write-audit.js';
import type { Account } from '../auth/accounts.js';
import { AppError } from '../errors.js';
import { type RouteSpec, route } from '../http/route.js';
import { BULK_CONCURRENCY } from '../vicidial/bulk.js';
import type { VicidialWriter } from '../vicidial/writer.js';
import { aliasWrites } from './aliases-changes.js';
import { didWrites } from './dids-changes.js';
import { phoneWrites } from './phones-changes.js';
import { type PlanInput, planEntry, type RevertPlan, type RevertWrites } from './revert-plans.js';

const PATH = '/api/audit/:entryId/revert';
const ENTRY_ID = 'Entry: an audit entry ID, a whole number from 1';
const entryParamsSchema = z.object({ entryId: z.string({ error: ENTRY_ID }).regex(/^[1-9]\d{0,9}$/, ENTRY_ID).transform(Number) });

type Result = RevertResponse['results'][number];

/**
 * Reverting a change of the audit (docs/decisions/0019-revert.md): the entry with the rest of its
 * group (every entry its request wrote under the same person: a bulk change, an import), each
 * record put back through its normal write path and audited with a link to the entry it reverts.
 */
export function revertRoutes(services: AppServices, writer: VicidialWriter): RouteSpec[] {
  const { audit, locks } = services;
  const writes: RevertWrites = { dids: didWrites(services, writer), aliases: aliasWrites(services, writer), phones: phoneWrites(services, writer) };

  /** The entry, if it exists, was made, can be reverted, and the person may revert its group. */
  async function revertableGroup(user: Account, entryId: number): Promise<{ entry: StoredAuditEntry; group: StoredAuditEntry[] }> {
    const entry = await audit.entry(entryId);
    if (!entry) throw new AppError('NOT_FOUND', `There is no audit entry ${entryId}.`);
    if (entry.outcome === 'failure') throw new AppError('VALIDATION', 'This attempt was not done: there is nothing to revert.');
    if (!isRevertable(entry.action)) {
      const what = entry.action in permissionDescriptions ? ` (${permissionDescriptions[entry.action as Permission]})` : '';
      throw new AppError('VALIDATION', `This kind of entry${what} has no revert.`);
    }
    const group = (await audit.group(entry)).filter((member) => member.outcome !== 'failure' && isRevertable(member.action));
    const own = (member: StoredAuditEntry) => member.actorId === user.id && member.target.type === 'did';
    if (!can(user.role, 'revert:any-change') && !group.every(own)) throw new AppError('FORBIDDEN', refusalReason(user.role, 'revert:any-change'));
    return { entry, group };
  }

  /** Each record of the group: planned, or why not (already reverted, changed since, impossible, not the role's). */
  async function plan(user: Account, group: StoredAuditEntry[], input: PlanInput): Promise<RevertPlan[]> {
    const done = await audit.revertsOf(group.map((member) => member.id));
    const plans = await pLimit(BULK_CONCURRENCY).map(group, (member) => planEntry(member, writes, input, done.filter((r) => r.revertOf === member.id)));
    return plans.flat().map((p) => (p.blocked || can(user.role, p.action) ? p : { ...p, blocked: new AppError('FORBIDDEN', refusalReason(user.role, p.action)), apply: undefined }));
  }

  /** One record put back through its write path, audited as a revert of its entry (a refusal of who asks is not audited, as at the guard). */
  async function apply(who: Attempter, p: RevertPlan): Promise<Result & { failure?: AppError }> {
    const attempt: WriteAttempt = { target: p.target, fields: p.fields, revertOf: p.entryId };
    const { entryId, target } = p;
    try {
      if (p.blocked?.code === 'FORBIDDEN') throw p.blocked;
      await audited(who, p.action, attempt, async () => {
        if (!p.apply) throw p.blocked ?? new AppError('INTERNAL', 'Nothing to apply.');
        await p.apply(attempt);
      });
      return { entryId, target, ok: true };
    } catch (error) {
      if (!(error instanceof AppError)) who.req.log.error({ err: error, revertOf: entryId }, 'revert failed');
      const failure = asAppError(error);
      return { entryId, target, ok: false, error: failure.toBody(), failure };
    }
  }

  return [
    route({
      method: 'get',
      path: PATH,
      tag: 'audit',
      summary: "What reverting an audit entry would do (with the rest of its request: a bulk change, an import), record by record: field, now → back to; or why it cannot",
      permission: 'revert:own-did-changes',
      params: entryParamsSchema,
      response: revertPreviewSchema,
      async handler({ user, params: { entryId } }) {
        const { group } = await revertableGroup(user, entryId);
        const plans = await plan(user, group, { preview: true });
        return {
          entryId,
          items: plans.map(({ entryId: id, target, action, changes, notes, needsSecrets, blocked }) => ({
            entryId: id,
            target,
            action,
            changes,
            notes,
            needsSecrets,
            ...(blocked ? { blocked: blocked.toBody() } : {}),
          })),
        };
      },
    }),

    route({
      method: 'post',
      path: PATH,
      tag: 'audit',
      summary:
        'Revert an audit entry (with the rest of its request): each record put back over the state the change left (409 naming what moved since), audited with a link to the entry. One record: its answer; several: a result each.',
      permission: 'revert:own-did-changes',
      params: entryParamsSchema,
      body: revertRequestSchema,
      response: revertResponseSchema,
      async handler({ req, user, params: { entryId }, body }) {
        const { entry, group } = await revertableGroup(user, entryId);
        const who: Attempter = { audit, actor: user, req };
        // One revert of a group at a time, on every worker: the second finds the first's audit rows (already reverted).
        const lockKey = `revert:${entry.actorId}:${entry.requestId || `entry-${entry.id}`}`.toLowerCase();
        const results = await locks.withLock(lockKey, 'change', async () => {
          const [first, ...rest] = await plan(user, group, { preview: false, ...(body.secrets ? { secrets: body.secrets } : {}) });
          if (!first) return [];
          // The first alone, as a bulk change does: were the API user refused, the rest are not sent (api-account.ts).
          return [await apply(who, first), ...(await pLimit(BULK_CONCURRENCY).map(rest, (p) => apply(who, p)))];
        });
        const [only] = results;
        if (results.length === 1 && only?.failure) throw only.failure;
        return { results: results.map(({ failure: _failure, ...result }) => result) };
      },
    }),
  ];
}
