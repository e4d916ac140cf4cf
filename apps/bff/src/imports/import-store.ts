import type { ErrorBody } from '@vicidash/contracts/errors';
import type { ImportResource, ImportResult, ImportStatus } from '@vicidash/contracts/imports';
import type { Kysely } from 'kysely';
import type { DashboardDatabase } from '../store/schema.js';

/** A preview is kept this long for its apply. */
const PREVIEW_KEPT_MS = 24 * 3_600_000;
/** An apply whose server gave no sign of life for this long stopped (its process ended). */
export const SILENT_FOR_MS = 60_000;
/** Rows per insert: under both databases' limits on bound values. */
const ROWS_PER_INSERT = 200;

/** What a preview planned for a row the apply may send: its key and the record's version then ('' for an add). */
export type Planned = Record<number, { key: string; version: string }>;

export interface ImportRecord {
  id: string;
  resource: ImportResource;
  actorId: number;
  fileHash: string;
  header: string[];
  planned: Planned;
}

export interface RowResult extends ImportResult {
  /** The row's cells as in the file (kept for the error report when it failed). */
  cells: string[];
}

/**
 * Imports in the dashboard database, which every worker and host shares: any of them answers for
 * the progress of an apply another one runs, and a closed page loses nothing.
 */
export class ImportStore {
  constructor(
    private readonly db: Kysely<DashboardDatabase>,
    private readonly now: () => number = Date.now,
  ) {}

  async savePreview(record: ImportRecord): Promise<void> {
    const now = this.now();
    await this.db.deleteFrom('imports').where('state', '=', 'previewed').where('created_at', '<', now - PREVIEW_KEPT_MS).execute();
    await this.insert(record, { state: 'previewed', planned: JSON.stringify(record.planned) });
  }

  async preview(id: string): Promise<ImportRecord | undefined> {
    const row = await this.db.selectFrom('imports').selectAll().where('id', '=', id).where('state', '=', 'previewed').executeTakeFirst();
    return (
      row && {
        id: row.id,
        resource: row.resource,
        actorId: row.actor_id,
        fileHash: row.file_hash,
        header: JSON.parse(row.header) as string[],
        planned: JSON.parse(row.planned) as Planned,
      }
    );
  }

  async start(record: Omit<ImportRecord, 'planned'> & { total: number; requestId: string }): Promise<void> {
    await this.insert(record, { state: 'running', planned: '{}', total: record.total, request_id: record.requestId.slice(0, 64) });
  }

  /** A new row for a preview or an apply: what every import row holds, then what this state adds. */
  private async insert(
    record: Omit<ImportRecord, 'planned'>,
    own: { state: 'previewed' | 'running'; planned: string; total?: number; request_id?: string },
  ): Promise<void> {
    const now = this.now();
    await this.db
      .insertInto('imports')
      .values({
        id: record.id,
        resource: record.resource,
        actor_id: record.actorId,
        file_hash: record.fileHash,
        header: JSON.stringify(record.header),
        created_at: now,
        heartbeat_at: now,
        ...own,
      })
      .execute();
  }

  /** Records finished rows and counts them done (one statement per batch, not per row). */
  async addResults(id: string, results: readonly RowResult[]): Promise<void> {
    for (let at = 0; at < results.length; at += ROWS_PER_INSERT) {
      const part = results.slice(at, at + ROWS_PER_INSERT);
      await this.db
        .insertInto('import_results')
        .values(
          part.map((result) => ({
            import_id: id,
            line: result.line,
            row_key: result.key.slice(0, 190),
            action: result.action,
            ok: result.ok ? 1 : 0,
            error: result.error ? JSON.stringify(result.error) : null,
            cells: result.ok ? null : JSON.stringify(result.cells),
          })),
        )
        .execute();
      await this.db
        .updateTable('imports')
        .set((eb) => ({ done: eb('done', '+', part.length), heartbeat_at: this.now() }))
        .where('id', '=', id)
        .execute();
    }
  }

  async finish(id: string): Promise<void> {
    await this.db.updateTable('imports').set({ state: 'done', heartbeat_at: this.now() }).where('id', '=', id).execute();
  }

  /** The import's owner, to check who may see it; undefined when there is no such apply. */
  async ownerOf(id: string): Promise<number | undefined> {
    const row = await this.db.selectFrom('imports').select('actor_id').where('id', '=', id).where('state', '!=', 'previewed').executeTakeFirst();
    return row?.actor_id;
  }

  async status(id: string): Promise<ImportStatus | undefined> {
    const row = await this.db.selectFrom('imports').selectAll().where('id', '=', id).where('state', '!=', 'previewed').executeTakeFirst();
    if (!row) return undefined;
    const results = await this.db.selectFrom('import_results').selectAll().where('import_id', '=', id).orderBy('line').execute();
    const silent = row.state === 'running' && row.heartbeat_at < this.now() - SILENT_FOR_MS;
    return {
      importId: row.id,
      resource: row.resource,
      state: silent ? 'interrupted' : row.state === 'running' ? 'running' : 'done',
      total: row.total,
      done: row.done,
      results: results.map((result) => ({
        line: result.line,
        key: result.row_key,
        action: result.action,
        ok: result.ok === 1,
        ...(result.error ? { error: JSON.parse(result.error) as ErrorBody } : {}),
      })),
    };
  }

  /** The failed rows as the file had them, with why, in file order: the error report. */
  async failures(id: string): Promise<{ header: string[]; rows: { cells: string[]; reason: string }[] }> {
    const row = await this.db.selectFrom('imports').select('header').where('id', '=', id).executeTakeFirstOrThrow();
    const failed = await this.db.selectFrom('import_results').select(['cells', 'error']).where('import_id', '=', id).where('ok', '=', 0).orderBy('line').execute();
    return {
      header: JSON.parse(row.header) as string[],
      rows: failed.map((result) => ({
        cells: JSON.parse(result.cells ?? '[]') as string[],
        reason: (JSON.parse(result.error ?? '{}') as Partial<ErrorBody>).message ?? '',
      })),
    };
  }
}
