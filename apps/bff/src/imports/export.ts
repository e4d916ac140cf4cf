import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify/sync';
import type { Response } from 'express';
import { protectCell } from './cells.js';
import type { CsvColumn } from './csv-resource.js';

/** Records are read (phones: from VICIdial's database) this many at a time, in the list's order. */
export const EXPORT_CHUNK = 1000;
/**
 * And written this many at a time: few enough that their cells are garbage before the young
 * generation is next collected. Written 1,000 at a time, they were promoted, and each export of
 * 50,000 DIDs grew the worker's heap by ~70 MB until the next full collection (200: ~2 MB, and faster).
 */
const WRITE_CHUNK = 200;

/**
 * The list's rows in chunks, each chunk read as whole records; the next chunk is read while the
 * current one is written (two chunks at most are held).
 */
export async function* inChunks<Row, R>(rows: readonly Row[], read: (chunk: readonly Row[]) => Promise<R[]>): AsyncGenerator<R[]> {
  const chunk = (at: number) => (at < rows.length ? read(rows.slice(at, at + EXPORT_CHUNK)) : undefined);
  let next = chunk(0);
  for (let at = 0; next; at += EXPORT_CHUNK) {
    const current = await next;
    next = chunk(at + EXPORT_CHUNK);
    // Awaited in turn; a failure meanwhile must not go unhandled.
    next?.catch(() => undefined);
    yield current;
  }
}

/**
 * Streams records as a CSV file: a header row of the columns' readable names, then one row per
 * record, every cell protected for spreadsheets (cells.ts). Written a chunk at a time, as the
 * client takes it: what is held at once is two chunks of records, whatever the list's length.
 */
export async function sendCsv<R>(res: Response, filename: string, columns: readonly CsvColumn<R>[], chunks: AsyncIterable<readonly R[]>): Promise<void> {
  const exported = columns.filter((column) => !column.secret);
  async function* text() {
    // The BOM makes Excel read the file as UTF-8 (the import skips it).
    yield `\uFEFF${stringify([exported.map((column) => column.header)])}`;
    for await (const records of chunks) {
      for (let at = 0; at < records.length; at += WRITE_CHUNK) {
        yield stringify(records.slice(at, at + WRITE_CHUNK).map((record) => exported.map((column) => protectCell(column.value(record)))));
      }
    }
  }
  res.status(200);
  res.type('text/csv; charset=utf-8');
  res.attachment(filename);
  await pipeline(text, res);
}

/** dids-2026-12-07.csv */
export const exportFilename = (list: string, now: number) => `${list}-${new Date(now).toISOString().slice(0, 10)}.csv`;
