import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { AuditEntry } from '@vicidash/contracts/audit';
import type { HistoryEntry, HistoryType } from '@vicidash/contracts/history';
import type { AuditLog } from '../../audit/audit-log.js';
import type { VicidialReadModel } from '../tables.js';
import { dialectOf } from './dialect.js';
import { endsWith } from './match.js';

/** A record as the dashboard's audit names it: a phone is `extension@serverIp`, a DID its DID ID. */
export interface HistoryTarget {
  type: HistoryType;
  id: string;
}

/** Which of the dashboard's audit entries to include: all, one person's, or none. */
export type AuditScope = { kind: 'all' } | { kind: 'own'; actor: string } | { kind: 'none' };

/** At most this many entries, newest first. */
export const HISTORY_LIMIT = 100;

const SECTION: Record<HistoryType, string> = { phone: 'PHONES', alias: 'PHONEALIASES', did: 'DIDS' };

/** 'extension@serverIp' → its parts (an extension holds no '@'). */
export function phoneOfHistoryId(id: string): { extension: string; serverIp: string } | undefined {
  const at = id.lastIndexOf('@');
  return at > 0 && at < id.length - 1 ? { extension: id.slice(0, at), serverIp: id.slice(at + 1) } : undefined;
}

/**
 * VICIdial writes event_date in its server's local time: converted to epoch seconds by the database
 * itself, which knows that time zone (and its daylight saving rules).
 */
const epochSeconds = (db: Kysely<VicidialReadModel>): RawBuilder<number> =>
  dialectOf(db) === 'mysql' ? sql<number>`UNIX_TIMESTAMP(event_date)` : sql<number>`CAST(strftime('%s', event_date, 'utc') AS INTEGER)`;

async function vicidialEntries(db: Kysely<VicidialReadModel>, target: HistoryTarget): Promise<HistoryEntry[]> {
  const phone = target.type === 'phone' ? phoneOfHistoryId(target.id) : undefined;
  if (target.type === 'phone' && !phone) return [];
  // VICIdial indexes vicidial_admin_log on record_id (and event_section, user): this reads only the
  // rows of records with this id, however many years of log there are.
  let query = db
    .selectFrom('vicidial_admin_log')
    .select(['admin_log_id', 'user', 'event_type', 'event_code', 'event_notes', epochSeconds(db).as('epoch')])
    .where('event_section', '=', SECTION[target.type]);
  // A phone is logged under its extension; the notes name its server ("phone: 1001|10.20.0.11").
  query = phone
    ? query.where('record_id', '=', phone.extension).where(endsWith('event_notes', `|${phone.serverIp}`))
    : query.where('record_id', '=', target.id);
  const rows = await query.orderBy('admin_log_id', 'desc').limit(HISTORY_LIMIT).execute();
  return rows.map((row) => ({
    id: `vicidial:${row.admin_log_id}`,
    source: 'vicidial',
    at: new Date(Number(row.epoch) * 1000).toISOString(),
    actor: row.user,
    actorName: null,
    role: null,
    action: row.event_type ?? 'OTHER',
    outcome: 'success',
    // Never event_sql: VICIdial logs the statement with the SIP passwords in it.
    summary: row.event_notes ? `${row.event_code}: ${row.event_notes}` : row.event_code,
    fields: null,
    before: null,
    after: null,
  }));
}

const answerMessage = (result: unknown): string | undefined => {
  const message = (result as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : undefined;
};

const fromAudit = (entry: AuditEntry): HistoryEntry => ({
  id: `dashboard:${entry.id}`,
  source: 'dashboard',
  at: entry.at,
  actor: entry.actor.username,
  actorName: entry.actor.displayName,
  role: entry.actor.role,
  action: entry.action,
  outcome: entry.outcome,
  summary: answerMessage(entry.result) ?? (entry.outcome === 'success' ? 'Done' : 'Refused'),
  fields: entry.fields ?? null,
  before: entry.before,
  after: entry.after,
  ...(entry.revertOf === undefined ? {} : { revertOf: entry.revertOf }),
});

async function dashboardEntries(audit: AuditLog, target: HistoryTarget, scope: AuditScope): Promise<HistoryEntry[]> {
  if (scope.kind === 'none') return [];
  const { rows } = await audit.list({
    targetType: target.type,
    targetId: target.id,
    ...(scope.kind === 'own' ? { actor: scope.actor } : {}),
    page: 1,
    pageSize: HISTORY_LIMIT,
  });
  return rows.map(fromAudit);
}

/**
 * The history of a phone, alias or DID: VICIdial's admin log rows for it merged with the
 * dashboard's audit entries (as far as `scope` allows), newest first, at most HISTORY_LIMIT.
 */
export async function recordHistory(
  db: Kysely<VicidialReadModel>,
  audit: AuditLog,
  target: HistoryTarget,
  scope: AuditScope,
): Promise<HistoryEntry[]> {
  const [vicidial, dashboard] = await Promise.all([vicidialEntries(db, target), dashboardEntries(audit, target, scope)]);
  return [...vicidial, ...dashboard].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, HISTORY_LIMIT);
}
