import { z } from 'zod';
import { auditOutcomeSchema } from './audit.js';

/**
 * The history of one phone, alias or DID: VICIdial's own admin log (every change, but under the
 * shared API user for those made through the dashboard) merged with the dashboard's audit (who
 * really did it, with the fields sent and the record before and after), newest first.
 */

/** GET /api/history/:type/:id — a phone's id is `extension@serverIp` (as the audit names it). */
export const HISTORY_TYPES = ['phone', 'alias', 'did'] as const;
export type HistoryType = (typeof HISTORY_TYPES)[number];

export const historyEntrySchema = z.object({
  /** Unique within the answer: 'vicidial:<admin_log_id>' or 'dashboard:<audit id>'. */
  id: z.string(),
  source: z.enum(['vicidial', 'dashboard']),
  /** When, ISO 8601 in UTC. */
  at: z.string(),
  /** The dashboard's person, or VICIdial's user (its API user for changes made through the dashboard). */
  actor: z.string(),
  /** The person's name (dashboard entries only). */
  actorName: z.string().nullable(),
  /** The person's role (dashboard entries only). */
  role: z.string().nullable(),
  /** VICIdial's event type (ADD, MODIFY, DELETE, COPY…) or the dashboard's action (update:dids…). */
  action: z.string(),
  /** VICIdial logs only what it did; the dashboard also logs refused attempts. */
  outcome: auditOutcomeSchema,
  /** In words: VICIdial's event code and notes, or the dashboard's translated answer. */
  summary: z.string(),
  /** Dashboard entries: the fields sent (secrets masked), the record before and after. */
  fields: z.unknown().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  /** A dashboard entry that reverts another: that entry's audit id. */
  revertOf: z.number().optional(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const historyResponseSchema = z.object({
  entries: z.array(historyEntrySchema),
  /**
   * Which of the dashboard's audit entries the person may see (their role's audit permission):
   * all of them, only their own, or none (VICIdial's entries are always shown).
   */
  auditScope: z.enum(['all', 'own', 'none']),
});
export type HistoryResponse = z.infer<typeof historyResponseSchema>;
