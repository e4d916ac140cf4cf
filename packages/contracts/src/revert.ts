import { z } from 'zod';
import { errorBodySchema } from './errors.js';
import { type Permission, type Role, can } from './permissions.js';
import { phoneRules } from './phone.js';

/**
 * Reverting a change of the audit: GET /api/audit/:entryId/revert previews it (or says why not),
 * POST applies it. An entry is reverted with the entries written under the same request by the
 * same person (a bulk change, an import): a result per record.
 */

/** The write that reverts each audited action: a change is changed back, an addition deleted, a deletion added again. */
export const REVERT_ACTIONS = {
  'update:dids': 'update:dids',
  'create:dids': 'delete:dids',
  'copy:dids': 'delete:dids',
  'delete:dids': 'create:dids',
  'update:aliases': 'update:aliases',
  'create:aliases': 'delete:aliases',
  'delete:aliases': 'create:aliases',
  'update:phones': 'update:phones',
  'create:phones': 'delete:phones',
  'delete:phones': 'create:phones',
} as const satisfies Partial<Record<Permission, Permission>>;
export type RevertableAction = keyof typeof REVERT_ACTIONS;

export const isRevertable = (action: string): action is RevertableAction => action in REVERT_ACTIONS;

/** An audit entry as far as the revert rule needs it. */
export interface RevertCandidate {
  action: string;
  outcome: 'success' | 'partial' | 'failure';
  /** Who made the change (username). */
  actor: string;
  targetType: string;
}

/**
 * Whether `user` may revert the entry: a change that was made (or partly), of an action that has
 * a revert; their own DID changes with revert:own-did-changes, anything with revert:any-change;
 * and in both cases only where the role may make the write the revert makes (a helpdesk person
 * may not delete DIDs, so not undo an addition either).
 */
export function mayRevert(user: { role: Role; username: string }, entry: RevertCandidate): boolean {
  if (entry.outcome === 'failure' || !isRevertable(entry.action) || !can(user.role, REVERT_ACTIONS[entry.action])) return false;
  const own = entry.actor === user.username && entry.targetType === 'did';
  return can(user.role, 'revert:any-change') || (own && can(user.role, 'revert:own-did-changes'));
}

/** POST body: a deleted phone comes back only with new SIP passwords (the audit never keeps them). */
export const revertRequestSchema = z.strictObject({
  secrets: z.strictObject({ password: phoneRules.password, registrationPassword: phoneRules.registrationPassword }).optional(),
});
export type RevertRequest = z.infer<typeof revertRequestSchema>;

/** One field the revert puts back: what the record holds now, and what it goes back to (null: none). */
export const revertChangeSchema = z.object({
  field: z.string(),
  /** The field's name as the forms and the contract's messages spell it. */
  label: z.string(),
  now: z.unknown(),
  backTo: z.unknown(),
});
export type RevertChange = z.infer<typeof revertChangeSchema>;

const targetSchema = z.object({ type: z.string(), id: z.string() });

/** One record the revert puts back (a copy has one per new DID). */
export const revertItemSchema = z.object({
  /** The audit entry it reverts. */
  entryId: z.number(),
  /** The record, as the audit names it. */
  target: targetSchema,
  /** The write the revert makes: update:…, delete:… (an addition undone), create:… (a deletion undone). */
  action: z.string(),
  changes: z.array(revertChangeSchema),
  /** What the revert cannot put back, or does differently (a re-added DID gets a new DID ID). */
  notes: z.array(z.string()),
  /** A deleted phone: its new SIP passwords must be given (the audit never kept the old ones). */
  needsSecrets: z.boolean(),
  /** Why it cannot be reverted now: changed since (CONFLICT), already reverted (CONFLICT), impossible (VALIDATION), not allowed (FORBIDDEN). */
  blocked: errorBodySchema.optional(),
});
export type RevertItem = z.infer<typeof revertItemSchema>;

export const revertPreviewSchema = z.object({
  entryId: z.number(),
  /** The records it puts back: more than one for a bulk change, a copy or an import. */
  items: z.array(revertItemSchema),
});
export type RevertPreview = z.infer<typeof revertPreviewSchema>;

/** A result per record, in the preview's order (one entry alone answers its error as the HTTP status). */
export const revertResponseSchema = z.object({
  results: z.array(
    z.discriminatedUnion('ok', [
      z.object({ entryId: z.number(), target: targetSchema, ok: z.literal(true) }),
      z.object({ entryId: z.number(), target: targetSchema, ok: z.literal(false), error: errorBodySchema }),
    ]),
  ),
});
export type RevertResponse = z.infer<typeof revertResponseSchema>;
