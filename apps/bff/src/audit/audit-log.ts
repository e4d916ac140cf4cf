import type { Kysely, Selectable } from 'kysely';
import type { AuditEntry, AuditListResponse, AuditOutcome, AuditPeopleResponse, AuditQuery } from '@vicidash/contracts/audit';
import type { Account } from '../auth/accounts.js';
import type { AuditLogTable, DashboardDatabase } from '../store/schema.js';
import { toMaskedJson } from './mask.js';

export interface AuditRecord {
  /** When the attempt ended (epoch ms); default: when the row is appended. */
  at?: number;
  actor: Account;
  action: string;
  target: { type: string; id: string };
  outcome: AuditOutcome;
  fields: unknown;
  result: unknown;
  before?: unknown;
  after?: unknown;
  requestId: string;
  /** A revert's row: the entry it reverts. */
  revertOf?: number;
}

/** An entry with what identifies its group: the request it was written under, and by whom. */
export interface StoredAuditEntry extends AuditEntry {
  requestId: string;
  actorId: number;
}

/** A successful revert of an entry: which row did it, when and by whom. */
export interface RevertDone {
  id: number;
  revertOf: number;
  target: { type: string; id: string };
  at: string;
  actor: { username: string; displayName: string };
}

/** When, and by whom (the audit's own record of a person). */
export interface AuditActorAt {
  at: string;
  actor: { username: string; displayName: string };
}

/** The audited actions that make a phone's server wait for a configuration rebuild. */
const PHONE_CHANGES = ['create:phones', 'update:phones', 'delete:phones'] as const;

const toJson = (value: unknown) => (value === undefined || value === null ? null : toMaskedJson(value));

/** Rows per INSERT: 14 values each stays well under SQLite's and MariaDB's limits on bound values. */
const ROWS_PER_INSERT = 500;

/**
 * The dashboard's audit: one row per write attempt, successful or not, under the real person's
 * name (VICIdial's own log only knows the shared API user). Append-only: this class is the only
 * writer and it has no update or delete.
 */
export class AuditLog {
  constructor(
    private readonly db: Kysely<DashboardDatabase>,
    private readonly now: () => number = Date.now,
  ) {}

  append(record: AuditRecord): Promise<void> {
    return this.appendAll([record]);
  }

  /** Many rows (a bulk change: one per record) in as few statements as the database allows. */
  async appendAll(records: readonly AuditRecord[]): Promise<void> {
    for (let start = 0; start < records.length; start += ROWS_PER_INSERT) {
      await this.db
        .insertInto('audit_log')
        .values(records.slice(start, start + ROWS_PER_INSERT).map((record) => this.row(record)))
        .execute();
    }
  }

  private row(record: AuditRecord) {
    return {
      at: new Date(record.at ?? this.now()).toISOString(),
      actor_id: record.actor.id,
      actor_username: record.actor.username,
      actor_name: record.actor.displayName,
      actor_role: record.actor.role,
      action: record.action,
      target_type: record.target.type,
      target_id: record.target.id,
      outcome: record.outcome,
      fields: toJson(record.fields) ?? '{}',
      result: toJson(record.result) ?? '{}',
      before: toJson(record.before),
      after: toJson(record.after),
      request_id: record.requestId,
      revert_of: record.revertOf ?? null,
    };
  }

  /**
   * The last successful server refresh, and every successful phone change since (oldest first):
   * what the servers' rebuild may still be waiting for.
   */
  async phoneChangesSinceRefresh(): Promise<{ refresh: AuditActorAt | null; changes: (AuditActorAt & { action: (typeof PHONE_CHANGES)[number]; targetId: string })[] }> {
    const refresh = await this.db
      .selectFrom('audit_log')
      .select(['at', 'actor_username', 'actor_name'])
      .where('action', '=', 'refresh:servers')
      .where('outcome', '=', 'success')
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    let changes = this.db
      .selectFrom('audit_log')
      .select(['at', 'actor_username', 'actor_name', 'action', 'target_id'])
      .where('target_type', '=', 'phone')
      .where('action', 'in', PHONE_CHANGES)
      .where('outcome', '=', 'success');
    if (refresh) changes = changes.where('at', '>', refresh.at);
    const rows = await changes.orderBy('at').orderBy('id').execute();
    const actorAt = (row: { at: string; actor_username: string; actor_name: string }): AuditActorAt => ({
      at: row.at,
      actor: { username: row.actor_username, displayName: row.actor_name },
    });
    return {
      refresh: refresh ? actorAt(refresh) : null,
      // The query kept only these actions.
      changes: rows.map((row) => ({ ...actorAt(row), action: row.action as (typeof PHONE_CHANGES)[number], targetId: row.target_id })),
    };
  }

  /** The people the audit names, by name, each once under their latest name (one person's only, when given). */
  async people(only?: string): Promise<AuditPeopleResponse> {
    let select = this.db.selectFrom('audit_log').select((eb) => ['actor_username', eb.fn.max('id').as('latest')]);
    if (only !== undefined) select = select.where('actor_username', '=', only);
    const latest = await select.groupBy('actor_username').execute();
    if (latest.length === 0) return [];
    const rows = await this.db
      .selectFrom('audit_log')
      .select(['actor_username', 'actor_name'])
      .where('id', 'in', latest.map((row) => Number(row.latest)))
      .execute();
    return rows
      .map((row) => ({ username: row.actor_username, displayName: row.actor_name }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName) || a.username.localeCompare(b.username));
  }

  async list(query: AuditQuery): Promise<AuditListResponse> {
    let select = this.db.selectFrom('audit_log');
    if (query.actor) select = select.where('actor_username', '=', query.actor);
    if (query.targetType) select = select.where('target_type', '=', query.targetType);
    if (query.targetId) select = select.where('target_id', '=', query.targetId);
    if (query.action) select = select.where('action', '=', query.action);
    if (query.outcome) select = select.where('outcome', '=', query.outcome);
    if (query.from) select = select.where('at', '>=', new Date(query.from).toISOString());
    if (query.to) select = select.where('at', '<=', new Date(query.to).toISOString());
    const [{ total }, rows] = await Promise.all([
      select.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
      select
        .selectAll()
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize)
        .execute(),
    ]);
    return { total: Number(total), rows: rows.map(toEntry) };
  }

  /** One entry, with its group's identity. */
  async entry(id: number): Promise<StoredAuditEntry | undefined> {
    const row = await this.db.selectFrom('audit_log').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toStoredEntry(row);
  }

  /**
   * The group of an entry, oldest first: every entry written under its request by the same
   * person (a bulk change writes one per DID, an import one per row). An entry without a request
   * id is a group of its own.
   */
  async group(entry: StoredAuditEntry): Promise<StoredAuditEntry[]> {
    if (entry.requestId === '') return [entry];
    const rows = await this.db
      .selectFrom('audit_log')
      .selectAll()
      .where('request_id', '=', entry.requestId)
      .where('actor_id', '=', entry.actorId)
      .orderBy('id')
      .execute();
    return rows.map(toStoredEntry);
  }

  /** The successful reverts of these entries. */
  async revertsOf(ids: readonly number[]): Promise<RevertDone[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('audit_log')
      .select(['id', 'revert_of', 'target_type', 'target_id', 'at', 'actor_username', 'actor_name'])
      .where('revert_of', 'in', ids)
      .where('outcome', '!=', 'failure')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      revertOf: Number(r.revert_of),
      target: { type: r.target_type, id: r.target_id },
      at: r.at,
      actor: { username: r.actor_username, displayName: r.actor_name },
    }));
  }
}

type AuditRow = Selectable<AuditLogTable>;

const toEntry = (r: AuditRow): AuditEntry => ({
  id: r.id,
  at: r.at,
  actor: { username: r.actor_username, displayName: r.actor_name, role: r.actor_role },
  action: r.action,
  target: { type: r.target_type, id: r.target_id },
  outcome: r.outcome,
  fields: JSON.parse(r.fields),
  result: JSON.parse(r.result),
  before: r.before === null ? null : JSON.parse(r.before),
  after: r.after === null ? null : JSON.parse(r.after),
  ...(r.revert_of === null ? {} : { revertOf: Number(r.revert_of) }),
});

const toStoredEntry = (r: AuditRow): StoredAuditEntry => ({ ...toEntry(r), requestId: r.request_id, actorId: Number(r.actor_id) });
