import { z } from 'zod';

/** 'partial': VICIdial did part of what was asked (a copy to new patterns of which some existed already). */
export const auditOutcomeSchema = z.enum(['success', 'partial', 'failure']);
export type AuditOutcome = z.infer<typeof auditOutcomeSchema>;

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
});
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
