import { isDeepStrictEqual } from 'node:util';
import type { Request } from 'express';
import type { Account } from '../auth/accounts.js';
import { AppError } from '../errors.js';
import type { AuditLog, AuditRecord } from './audit-log.js';
import { toMaskedJson } from './mask.js';

export interface AuditTarget {
  type: 'phone' | 'alias' | 'did' | 'server' | 'user';
  id: string;
}

/** The audit's target ids; the history of a record finds its rows by them. */
export const auditTargets = {
  /** A phone is identified by extension and server together. */
  phone: (key: { serverIp: string; extension: string }): AuditTarget => target('phone', `${key.extension}@${key.serverIp}`),
  alias: (aliasId: string): AuditTarget => target('alias', aliasId),
  /** By DID ID, as VICIdial's own admin log; by pattern only where no DID has it (a failed add, an unknown DID of a bulk change). */
  did: (didIdOrPattern: number | string): AuditTarget => target('did', String(didIdOrPattern)),
  servers: (): AuditTarget => target('server', 'all'),
  /** A dashboard account, by username. */
  user: (username: string): AuditTarget => target('user', username),
};

/** The column holds 120 characters; a refused request may carry anything in its path. */
const target = (type: AuditTarget['type'], id: string): AuditTarget => ({ type, id: id.slice(0, 120) });

/** What one write attempt did, filled in by its handler as it goes and appended whatever the outcome. */
export interface WriteAttempt {
  target: AuditTarget;
  /** The fields sent to VICIdial (API-level names): the request until the handler narrows it. */
  fields: unknown;
  before?: unknown;
  after?: unknown;
  /** Set once VICIdial has made the change: a later failure (reading it back) does not undo it. */
  applied?: boolean;
  /** Extra facts for the audit's result on success (e.g. how many DIDs a copy added). */
  result?: Record<string, unknown>;
  /** Set when VICIdial did only part of what was asked (`result` says what): the outcome is 'partial'. */
  partial?: boolean;
  /** Reads the record again: used after a failure that may have changed it all the same. */
  reread?: () => Promise<unknown>;
  /** A revert: the audit entry it reverts (the row links to it). */
  revertOf?: number;
}

/** The person and request behind attempts. */
export interface Attempter {
  audit: AuditLog;
  actor: Account;
  req: Request;
}

/** Whether a failed VICIdial call may have made the change all the same (undefined: not a transport failure). */
export const maybeAppliedBy = (error: AppError | undefined) => (error?.options.details as { maybeApplied?: boolean } | undefined)?.maybeApplied;

/** The translated answer as the audit keeps it: code, field, message (not `details`: the current record is in `before`). */
const answerOf = (error: AppError) => {
  const { code, field, message } = error.toBody();
  const maybeApplied = maybeAppliedBy(error);
  return { code, ...(field ? { field } : {}), message, ...(maybeApplied === undefined ? {} : { maybeApplied }) };
};

/** An unexpected error still gets its row; the person sees the generic 500 message. */
export const asAppError = (error: unknown) =>
  error instanceof AppError ? error : new AppError('INTERNAL', 'Something went wrong on the server; it has been logged.');

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The fields of an update that differ from the record before: a form sends fields it did not
 * change (a DID's routing block goes whole, route and target), and "Route: IN_GROUP → IN_GROUP"
 * is no change. A group keeps only its changed members (the record holds them at its top level).
 */
export function changedFields(fields: unknown, before: unknown): unknown {
  if (!isPlainObject(fields) || !isPlainObject(before)) return fields;
  const differs = ([name, value]: [string, unknown]) => value !== undefined && !(name in before && isDeepStrictEqual(value, before[name]));
  const changed: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (isPlainObject(value)) {
      const group = Object.entries(value).filter(differs);
      if (group.length > 0) changed[name] = Object.fromEntries(group);
    } else if (differs([name, value])) {
      changed[name] = value;
    }
  }
  return changed;
}

/**
 * The audit row of a finished attempt: a success, or the error it ended with. A change VICIdial
 * made counts as made even when what came after it (reading it back) failed. An update records
 * only the fields that differ from the record before.
 */
export function auditRecord(who: Attempter, action: string, attempt: WriteAttempt, error?: AppError, at?: number): AuditRecord {
  return {
    ...(at === undefined ? {} : { at }),
    actor: who.actor,
    action,
    target: attempt.target,
    outcome: error === undefined || attempt.applied ? (attempt.partial ? 'partial' : 'success') : 'failure',
    fields: action.startsWith('update:') ? changedFields(attempt.fields, attempt.before) : attempt.fields,
    result: error === undefined ? { code: 'OK', ...attempt.result } : answerOf(error),
    before: attempt.before,
    after: attempt.after,
    requestId: String(who.req.id ?? ''),
    ...(attempt.revertOf === undefined ? {} : { revertOf: attempt.revertOf }),
  };
}

/** Appends rows; a failing audit store is logged loudly but does not hide what VICIdial did. */
export async function appendAudit(who: Attempter, records: readonly AuditRecord[]): Promise<void> {
  try {
    await who.audit.appendAll(records);
  } catch (error) {
    who.req.log.error({ err: error, actions: [...new Set(records.map((r) => r.action))], targets: records.map((r) => r.target) }, 'audit append failed');
  }
}

/**
 * Runs one write attempt and appends its audit row, successful or not: who, action, target, the
 * fields sent, the translated answer, the record before and after. Errors are rethrown unchanged.
 */
export async function audited<T>(who: Attempter, action: string, attempt: WriteAttempt, run: (attempt: WriteAttempt) => Promise<T>): Promise<T> {
  try {
    const value = await run(attempt);
    await appendAudit(who, [auditRecord(who, action, attempt)]);
    return value;
  } catch (error) {
    const appError = asAppError(error);
    // A change that may have been made is read back, so the row shows what VICIdial holds now.
    if (maybeAppliedBy(appError) === true && attempt.reread && attempt.after === undefined) {
      attempt.after = await attempt.reread().catch(() => undefined);
    }
    await appendAudit(who, [auditRecord(who, action, attempt, appError)]);
    throw error;
  }
}

/**
 * Of a refused body the audit keeps this many characters of its JSON: such a body may be anything
 * up to the body limit, and 20 of them must not cost the database megabytes.
 */
const REFUSED_BODY_KEPT = 4096;

/** A refused body as the audit keeps it: whole when short, else the start of its (masked) JSON, marked truncated. */
function refusedBody(body: unknown): unknown {
  const json = toMaskedJson(body);
  return json.length <= REFUSED_BODY_KEPT ? body : { truncated: true, characters: json.length, kept: json.slice(0, REFUSED_BODY_KEPT) };
}

/** The audit row of a request refused before its handler ran (invalid input, missing If-Match). */
export async function auditRefusal(who: Attempter, action: string, target: AuditTarget, error: AppError): Promise<void> {
  await appendAudit(who, [auditRecord(who, action, { target, fields: refusedBody(who.req.body ?? {}) }, error)]);
}
