import type { ErrorBody } from '@vicidash/contracts/errors';
import { type Attempter, type WriteAttempt, asAppError, audited } from '../audit/write-audit.js';
import { AppError } from '../errors.js';
import { BULK_CONCURRENCY, mapBounded } from '../vicidial/bulk.js';
import type { CsvResource, RecordWrites, Versioned } from './csv-resource.js';
import type { ImportStore, Planned, RowResult } from './import-store.js';
import type { PlannedRow } from './preview.js';

/** Progress is written when this many rows finished, or this long after the last write. */
const FLUSH_ROWS = 50;
const FLUSH_MS = 250;

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

/** One row through the same path as a single add or edit (lock, version check, targets, audit). */
async function applyRow<R extends Versioned>(job: ApplyJob<R>, row: PlannedRow<R>): Promise<RowResult> {
  const { resource, writes, who } = job;
  const base = { line: row.line, key: row.key, cells: row.cells };
  const planned = job.planned[row.line];
  const moved = movedSincePreview(resource.what, row, planned);
  if (!moved && (row.action === 'invalid' || row.action === 'unchanged')) {
    return { ...base, action: 'invalid', ok: false, error: { code: 'VALIDATION', message: row.errors.join('; ') || 'Nothing to change.' } };
  }
  const { current } = row;
  const action = current ? 'change' : 'add';
  const attempt: WriteAttempt = { target: writes.target(row.key, current), fields: row.request ?? {} };
  try {
    await audited(who, current ? writes.updateAction : writes.createAction, attempt, async (made) => {
      if (moved) throw moved;
      return current ? writes.update(current, row.request, planned?.version ?? current.version, made) : writes.add(row.request, made);
    });
    return { ...base, action, ok: true };
  } catch (error) {
    if (!(error instanceof AppError)) who.req.log.error({ err: error, line: row.line }, 'import row failed');
    return { ...base, action, ok: false, error: resultError(error) };
  }
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
 * Applies the rows, BULK_CONCURRENCY at a time, each its own write with its own audit row; the
 * progress and every row's result go to the dashboard database as they come. Runs after the apply
 * request was answered: it never throws.
 */
export async function runImport<R extends Versioned>(job: ApplyJob<R>): Promise<void> {
  const progress = new Progress(job);
  try {
    await mapBounded(job.rows, BULK_CONCURRENCY, async (row) => progress.add(await applyRow(job, row)));
    await progress.flush();
    await job.store.finish(job.importId);
  } catch (error) {
    job.who.req.log.error({ err: error, importId: job.importId }, 'import stopped');
  }
}
