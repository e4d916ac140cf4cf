import type { ImportResource } from '@vicidash/contracts/imports';
import type { LimitFunction } from 'p-limit';
import type { z } from 'zod';
import type { AppServices } from '../app.js';
import type { Attempter, AuditTarget, WriteAttempt } from '../audit/write-audit.js';
import type { AppError } from '../errors.js';

/** How a cell's text becomes the API's value, and how the stored value is written as text. */
export type CellKind = 'text' | 'flag' | 'number' | 'list' | 'gmt';

/** One column of a resource's CSV: a field a person can set, or an id. */
export interface CsvColumn<R> {
  /** The readable name in the header row: the field's label in the form and in its messages. */
  header: string;
  /** The API-level field it sets. */
  field: string;
  kind?: CellKind;
  /** The stored value as the export writes it and as the preview compares the file's cell with. */
  value(record: R): string;
  /** Write-only (a secret): never exported; an empty cell keeps what is stored. */
  secret?: boolean;
  /** An id VICIdial gives: exported, checked on import, never sent. */
  readOnly?: boolean;
}

/** A record as an import compares with it: every column's value and its version. */
export interface Versioned {
  version: string;
}

/**
 * A resource that exports and imports as CSV: its columns, its key, how a row becomes the same
 * request the form sends, and the same write path as a single add or edit.
 */
export interface CsvResource<R extends Versioned> {
  resource: ImportResource;
  /** 'DID', 'phone', 'alias': in messages. */
  what: string;
  columns: readonly CsvColumn<R>[];
  /** The columns naming the record a row adds or changes. */
  keyHeaders: readonly string[];
  /** The key as people write it (3125550101, 1001@10.20.0.11), from the key columns' values. */
  keyOf(values: readonly string[]): string;
  recordKey(record: R): string;
  /** Other keys a spreadsheet may have turned this one into (a + or leading zero lost). */
  lookalikes?(key: string): string[];
  createSchema: z.ZodType;
  updateSchema: z.ZodType;
  /** The create request from the row's fields (API-level values). */
  toCreate(fields: Record<string, unknown>): unknown;
  /** The update request from the fields that differ (`null`: an emptied cell), the record as it is. */
  toUpdate(changed: Record<string, unknown>, current: R): unknown;
  /** Row checks beyond the field rules (a DID ID that is another DID's, a missing route target). */
  checkRow?(
    row: { values: ReadonlyMap<string, string>; current?: R; fields: Record<string, unknown>; request: unknown },
    context: unknown,
  ): Promise<string[]> | string[];
  /** What checkRow needs, read once per file. */
  loadContext?(services: AppServices): Promise<unknown>;
  /** Every record, with its version. */
  loadAll(services: AppServices): Promise<R[]>;
  /** The records of these keys (and maybe others): cheaper than every record for a short file. */
  loadNamed?(services: AppServices, keys: readonly string[]): Promise<R[]>;
}

/** The same write path as a single add or edit of the resource (lock, version check, targets, read-back). */
export interface RecordWrites<R extends Versioned> {
  /** The audit action and target of a row, as the single route names them. */
  createAction: string;
  updateAction: string;
  target(key: string, current?: R): AuditTarget;
  add(request: unknown, attempt: WriteAttempt): Promise<unknown>;
  update(current: R, request: unknown, version: string, attempt: WriteAttempt): Promise<unknown>;
  /**
   * Many changes at once, each still its own lock, version check, call and audit row, with the
   * reads, locks and audit rows around the calls batched (as a bulk change does); the calls go
   * through `limit`, which the import's other batches share. Each row's error in order; undefined
   * where it was applied.
   */
  updateMany?(who: Attempter, rows: readonly PlannedChange<R>[], limit: LimitFunction): Promise<(AppError | undefined)[]>;
}

/** A change of an import: the record as planned, the request, the version it was planned against. */
export interface PlannedChange<R> {
  current: R;
  request: unknown;
  version: string;
}

const YES = /^(y|yes)$/i;
const NO = /^(n|no)$/i;

/** The cell's text as the API value of its kind (text that fits no kind stays text: the field's rule then says why). */
export function parseCell(kind: CellKind = 'text', text: string): unknown {
  switch (kind) {
    case 'flag':
      return YES.test(text) ? true : NO.test(text) ? false : text;
    case 'number':
      return /^\d{1,15}$/.test(text) ? Number(text) : text;
    case 'list':
      return text
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');
    case 'gmt':
      return /^[+-]?\d+(\.\d+)?$/.test(text) ? Number(text).toFixed(2) : text;
    default:
      return text;
  }
}

/** The cell's text written as the export writes its kind (y → Y, -5 → -5.00, "a, b" → "a,b"), to compare with the stored value. */
export function normalCell(kind: CellKind = 'text', text: string): string {
  const value = parseCell(kind, text);
  if (typeof value === 'boolean') return value ? 'Y' : 'N';
  if (Array.isArray(value)) return value.join(',');
  return String(value);
}

/** Stored values as cells. */
export const cellOf = {
  text: (value: string | null | undefined) => value ?? '',
  flag: (value: boolean) => (value ? 'Y' : 'N'),
  number: (value: number | null) => (value === null ? '' : String(value)),
};
