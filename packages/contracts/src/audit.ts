import { z } from 'zod';
import { type Permission, permissionDescriptions } from './permissions.js';

/** 'partial': VICIdial did part of what was asked (a copy to new patterns of which some existed already). */
export const auditOutcomeSchema = z.enum(['success', 'partial', 'failure']);
export type AuditOutcome = z.infer<typeof auditOutcomeSchema>;

const performedWith = <P extends Permission>(permission: P) => ({ permission, description: permissionDescriptions[permission] });

/**
 * Every action the audit records (the BFF refuses to declare a write route with another), with
 * the permission it takes and what it does, in the words of a refusal ("may not add DIDs").
 */
export const AUDIT_ACTIONS = {
  'create:dids': performedWith('create:dids'),
  'copy:dids': performedWith('copy:dids'),
  'update:dids': performedWith('update:dids'),
  'delete:dids': performedWith('delete:dids'),
  'create:phones': performedWith('create:phones'),
  'update:phones': performedWith('update:phones'),
  'delete:phones': performedWith('delete:phones'),
  'reveal:secrets': performedWith('reveal:secrets'),
  'create:aliases': performedWith('create:aliases'),
  'update:aliases': performedWith('update:aliases'),
  'delete:aliases': performedWith('delete:aliases'),
  'refresh:servers': performedWith('refresh:servers'),
  'create:users': { permission: 'manage:users', description: 'add dashboard users' },
  'update:users': { permission: 'manage:users', description: 'change dashboard users' },
  'reset:user-password': { permission: 'manage:users', description: "reset dashboard users' passwords" },
  'change:own-password': performedWith('change:own-password'),
} as const satisfies Record<string, { permission: Permission; description: string }>;
export type AuditAction = keyof typeof AUDIT_ACTIONS;
export const isAuditAction = (action: string): action is AuditAction => Object.hasOwn(AUDIT_ACTIONS, action);

const FROM_AFTER_TO = 'From: a time before To (From is after To, so nothing could match)';

/** Filters of the audit page (all optional; times are ISO 8601). */
export const auditQuerySchema = z.object({
  actor: z.string().max(64).optional(),
  targetType: z.enum(['phone', 'alias', 'did', 'server', 'user']).optional(),
  targetId: z.string().max(120).optional(),
  action: z.string().max(40).optional(),
  outcome: auditOutcomeSchema.optional(),
  from: z.iso.datetime({ offset: true, error: 'From: a date and time' }).optional(),
  to: z.iso.datetime({ offset: true, error: 'To: a date and time' }).optional(),
  page: z.coerce.number().int().min(1, 'Page: 1 or more').default(1),
  pageSize: z.coerce.number().int().min(1).max(200, 'Page size: 1 to 200').default(50),
}).refine(({ from, to }) => from === undefined || to === undefined || Date.parse(from) <= Date.parse(to), { path: ['from'], message: FROM_AFTER_TO });
export type AuditQuery = z.infer<typeof auditQuerySchema>;

const json = z.unknown();

/** One write attempt: who, when, what, on which record, with which answer, before and after. */
export const auditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.object({ username: z.string(), displayName: z.string(), role: z.string() }),
  action: z.string(),
  target: z.object({ type: z.string(), id: z.string() }),
  outcome: auditOutcomeSchema,
  /** The fields sent, secrets masked. */
  fields: json,
  /** The translated answer: `{ code, field?, message }`. */
  result: json,
  before: json.nullable(),
  after: json.nullable(),
  /** A revert: the entry it reverts. */
  revertOf: z.number().optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditListResponseSchema = z.object({ rows: z.array(auditEntrySchema), total: z.number() });
export type AuditListResponse = z.infer<typeof auditListResponseSchema>;

/** GET /api/audit/people: the people the audit names (all of them with read:audit; oneself otherwise), for the person filter. */
export const auditPeopleResponseSchema = z.array(z.object({ username: z.string(), displayName: z.string() }));
export type AuditPeopleResponse = z.infer<typeof auditPeopleResponseSchema>;
