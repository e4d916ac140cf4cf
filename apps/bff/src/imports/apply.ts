import type { ErrorBody } from '@vicidash/contracts/errors';
import pLimit from 'p-limit';
import { type Attempter, type WriteAttempt, asAppError, audited } from '../audit/write-audit.js';
import { AppError } from '../errors.js';
import { BULK_CONCURRENCY } from '../vicidial/bulk.js';
import type { CsvResource, RecordWrites, Versioned } from './csv-resource.js';
import type { ImportStore, Planned, RowResult } from './import-store.js';
import type { PlannedRow } from './preview.js';

/** Progress is written when this many rows finished, or this long after the last write. */
const FLUSH_ROWS = 50;
const FLUSH_MS = 250;
/**
 * Changed rows go to updateMany in batches, two in flight, their calls through one limit of
 * BULK_CONCURRENCY (as one bulk change): the next batch's reads and locks are done while this one's
 * calls run, and its calls start as this one's end. The first batches are small, so that the
 * progress moves at once; then they double, up to BATCH_ROWS.
 */
const FIRST_BATCH_ROWS = 25;
const BATCH_ROWS = 250;
const BATCHES_IN_FLIGHT = 2;

/** The rows cut into batches of FIRST_BATCH_ROWS, twice that, and so on up to BATCH_ROWS. */
function inBatches<T>(rows: readonly T[]): T[][] {
  const batches: T[][] = [];
  for (let at = 0, size = FIRST_BATCH_ROWS; at < rows.length; at += size, size = Math.min(BATCH_ROWS, size * 2)) batches.push(rows.slice(at, at + size));
  return batches;
}

export interface ApplyJob<R extends Versioned> {
  importId: string;
  resource: CsvResource<R>;
  writes: RecordWrites<R>;
  /** The rows to apply, as planned now (against the records as they are). */
  rows: PlannedRow<R>[];
  /** What the preview planned for each of them: the record's version then. */
  planned: Planned;
  /** The person and the apply request: every audit row of the import carries its id. */
  who: Attempter;
  store: ImportStore;
  now: () => number;
}

/** The error body as a result keeps it: no details (a 409's current record stays in the audit). */
const resultError = (error: unknown): ErrorBody => {
  const { details: _details, ...body } = asAppError(error).toBody();
  return body;
};

/**
 * Why a row is not applied although it is valid: its record moved since the preview (changed,
 * added or deleted by someone else). Undefined when it is as the preview saw it.
 */
function movedSincePreview<R extends Versioned>(what: string, row: PlannedRow<R>, planned: Planned[number] | undefined): AppError | undefined {
  if (!planned) return undefined;
  const now = row.current?.version ?? '';
  if (now === planned.version) return undefined;
  const how = planned.version === '' ? 'added' : now === '' ? 'deleted' : 'changed';
  return new AppError('CONFLICT', `This ${what} was ${how} by someone else since the preview. Preview the file again to see it as it is now.`);
}

/** A row's result: done, or the error it ended with. */
const resultOf = <R extends Versioned>(row: PlannedRow<R>, error?: unknown): RowResult => {
  const base = { line: row.line, key: row.key, cells: row.cells, action: row.current ? ('change' as const) : ('add' as const) };
  return error === undefined ? { ...base, ok: true } : { ...base, ok: false, error: resultError(error) };
};

/** The version a row's change is checked against: the one its preview saw. */
const plannedVersion = <R extends Versioned>(job: ApplyJob<R>, row: PlannedRow<R>) => job.planned[row.line]?.version ?? (row.current as R).version;

/** One row through the same path as a single add or edit (lock, version check, targets, audit). */
async function applyRow<R extends Versioned>(job: ApplyJob<R>, row: PlannedRow<R>): Promise<RowResult> {
  const { resource, writes, who } = job;
  const moved = movedSincePreview(resource.what, row, job.planned[row.line]);
  if (!moved && (row.action === 'invalid' || row.action === 'unchanged')) {
    const error = { code: 'VALIDATION' as const, message: row.errors.join('; ') || 'Nothing to change.' };
    return { line: row.line, key: row.key, cells: row.cells, action: 'invalid', ok: false, error };
  }
  const { current } = row;
  const attempt: WriteAttempt = { target: writes.target(row.key, current), fields: row.request ?? {} };
  try {
    await audited(who, current ? writes.updateAction : writes.createAction, attempt, async (made) => {
      if (moved) throw moved;
      return current ? writes.update(current, row.request, plannedVersion(job, row), made) : writes.add(row.request, made);
    });
    return resultOf(row);
  } catch (error) {
    if (!(error instanceof AppError)) who.req.log.error({ err: error, line: row.line }, 'import row failed');
    return resultOf(row, error);
  }
}

/** Changed rows through updateMany, a batch at a time; each row's result once its batch's audit rows are written. */
async function applyBatched<R extends Versioned>(job: ApplyJob<R>, rows: PlannedRow<R>[], progress: Progress): Promise<void> {
  const updateMany = job.writes.updateMany as NonNullable<RecordWrites<R>['updateMany']>;
  const limit = pLimit(BULK_CONCURRENCY);
  await pLimit(BATCHES_IN_FLIGHT).map(inBatches(rows), async (batch) => {
    const changes = batch.map((row) => ({ current: row.current as R, request: row.request, version: plannedVersion(job, row) }));
    const errors = await updateMany(job.who, changes, limit);
    batch.forEach((row, i) => progress.add(resultOf(row, errors[i])));
  });
}

/** Finished rows, written to the import a batch at a time (one write in flight). */
class Progress {
  private pending: RowResult[] = [];
  private writing: Promise<void> = Promise.resolve();
  private writtenAt: number;

  constructor(
    private readonly job: Pick<ApplyJob<Versioned>, 'importId' | 'store' | 'now' | 'who'>,
  ) {
    this.writtenAt = job.now();
  }

  add(result: RowResult): void {
    this.pending.push(result);
    if (this.pending.length >= FLUSH_ROWS || this.job.now() - this.writtenAt >= FLUSH_MS) void this.flush();
  }

  flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    this.writtenAt = this.job.now();
    this.writing = this.writing.then(() =>
      batch.length === 0
        ? undefined
        : this.job.store.addResults(this.job.importId, batch).catch((error: unknown) => this.job.who.req.log.error({ err: error }, 'import progress not saved')),
    );
    return this.writing;
  }
}

/**
 * Applies the rows, BULK_CONCURRENCY at a time, each its own write with its own audit row: changes
 * of records as the preview saw them through updateMany where the resource has it, the rest one
 * by one. The progress and every row's result go to the dashboard database as they come. Runs after
 * the apply request was answered: it never throws.
 */
export async function runImport<R extends Versioned>(job: ApplyJob<R>): Promise<void> {
  const progress = new Progress(job);
  const batched = (row: PlannedRow<R>) =>
    job.writes.updateMany !== undefined && row.action === 'change' && !movedSincePreview(job.resource.what, row, job.planned[row.line]);
  try {
    await pLimit(BULK_CONCURRENCY).map(
      job.rows.filter((row) => !batched(row)),
      async (row) => progress.add(await applyRow(job, row)),
    );
    await applyBatched(job, job.rows.filter(batched), progress);
    await progress.flush();
    await job.store.finish(job.importId);
  } catch (error) {
    job.who.req.log.error({ err: error, importId: job.importId }, 'import stopped');
  }
}
