import { parse } from 'csv-parse/sync';
import { fieldIssues } from '@vicidash/contracts/errors';
import { IMPORT_ERROR_COLUMN, IMPORT_MAX_ROWS, type ImportChange, type ImportPreview, type ImportPreviewRow } from '@vicidash/contracts/imports';
import type { AppServices } from '../app.js';
import { AppError } from '../errors.js';
import { FORMAT_AS_TEXT, cellValue, lostLeadingCharacters, spreadsheetDamage } from './cells.js';
import { type CsvColumn, type CsvResource, type Versioned, normalCell, parseCell } from './csv-resource.js';

/** A CSV file as read: its header, its rows (with the line each ends on) and what was noticed. */
export interface CsvFile {
  header: string[];
  records: { line: number; cells: string[] }[];
  delimiter: ',' | ';';
  notes: string[];
}

const fileProblem = (message: string) => new AppError('VALIDATION', `File: ${message}`, { field: 'file' });

/** The delimiter of the header line: a comma, or the semicolon a European spreadsheet writes. */
function delimiterOf(headerLine: string): ',' | ';' {
  const count = (char: string) => headerLine.split(char).length - 1;
  if (count(',') > 0 || (count(';') === 0 && count('\t') === 0)) return ',';
  if (count(';') > 0) return ';';
  throw fileProblem('its columns are separated by tabs; save it as CSV (comma-separated values)');
}

/** Reads a CSV file; a file that cannot be read as rows of columns is refused with what to do. */
export function readCsv(text: string): CsvFile {
  const notes: string[] = [];
  let body = text;
  if (body.startsWith('\uFEFF')) {
    body = body.slice(1);
    notes.push('The file starts with a byte order mark (BOM), as spreadsheets write UTF-8: skipped.');
  }
  if (body.trim() === '') throw fileProblem('it is empty; its first line names the columns');
  const delimiter = delimiterOf(body.slice(0, body.search(/\r?\n|$/)));
  if (delimiter === ';') notes.push('Columns are separated by semicolons (as a spreadsheet set to a European language saves CSV): read as such.');
  if (body.includes('\r\n')) notes.push('Lines end in CRLF (Windows): read as such.');
  if (body.includes('"')) notes.push('Quoted fields were read (a quoted field may hold the delimiter, quotes and line breaks).');
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(body, { delimiter, info: true, relax_column_count: true, skip_empty_lines: true, bom: false, to: IMPORT_MAX_ROWS + 2 }) as unknown as typeof rows;
  } catch (error) {
    throw fileProblem(`it is not valid CSV: ${(error as Error).message}`);
  }
  const [head, ...records] = rows;
  if (records.length > IMPORT_MAX_ROWS) {
    throw fileProblem(`it has more than ${IMPORT_MAX_ROWS.toLocaleString('en-US')} rows, the most one import takes; split it into several files`);
  }
  return {
    header: (head?.record ?? []).map((name) => name.trim()),
    records: records.map(({ record, info }) => ({ line: info.lines, cells: record })),
    delimiter,
    notes,
  };
}

/** A row as planned: what the preview shows, and what the apply sends. */
export interface PlannedRow<R extends Versioned> extends ImportPreviewRow {
  cells: string[];
  current?: R;
  /** The validated create or update request (add and change rows). */
  request?: unknown;
}

export interface Plan<R extends Versioned> {
  file: ImportPreview['file'];
  header: string[];
  rows: PlannedRow<R>[];
}

const sameText = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The file's columns as the resource's: unknown ones and a missing key refuse the file. */
function columnsOf<R extends Versioned>(resource: CsvResource<R>, header: readonly string[]) {
  const seen = new Set<string>();
  for (const name of header) {
    if (name === '') throw fileProblem('a column has no name in the first line; every column needs one');
    if (seen.has(name.toLowerCase())) throw fileProblem(`the column ${name} appears twice`);
    seen.add(name.toLowerCase());
  }
  const known = [...resource.columns.map((c) => c.header), IMPORT_ERROR_COLUMN];
  const unknown = header.filter((name) => !known.some((k) => sameText(k, name)));
  if (unknown.length > 0) {
    throw fileProblem(
      `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}. The columns of a ${resource.what} file: ${resource.columns.map((c) => c.header).join(', ')}`,
    );
  }
  const missingKeys = resource.keyHeaders.filter((key) => !header.some((name) => sameText(name, key)));
  if (missingKeys.length > 0) {
    throw fileProblem(`the column ${missingKeys.join(' and ')} is missing; it names the ${resource.what} each row adds or changes`);
  }
  const positions = new Map(resource.columns.map((c) => [c, header.findIndex((name) => sameText(name, c.header))]));
  const inFile = resource.columns.filter((c) => (positions.get(c) ?? -1) >= 0);
  const left = resource.columns.filter((c) => !inFile.includes(c) && !c.secret && !c.readOnly).map((c) => c.header);
  return { positions, inFile, left };
}

/** Issues of a request against its schema, each naming its field and rule. */
function issuesOf(schema: { safeParse(input: unknown): { success: boolean; error?: unknown; data?: unknown } }, request: unknown) {
  const parsed = schema.safeParse(request);
  if (parsed.success) return { data: parsed.data, errors: [] as string[] };
  return { errors: fieldIssues(parsed.error as Parameters<typeof fieldIssues>[0]).map((issue) => issue.message) };
}

const HIDDEN = '(hidden)';

/** Up to this many rows, only the records the file names are read (where the resource can): a carrier's block, not the whole table. */
const NAMED_READ_MAX_ROWS = 5_000;

/** "active: unknown field" of a create request: a column an add cannot set, said in the column's words. */
function notOnAdd<R extends Versioned>(resource: CsvResource<R>, error: string): string {
  const field = /^(\w+): unknown field$/.exec(error)?.[1];
  const column = field && resource.columns.find((c) => c.field === field);
  if (!column) return error;
  return `${column.header}: cannot be set when adding a ${resource.what} (VICIdial sets it itself); import the file again once the ${resource.what} exists`;
}

/** A list change: which items the file adds and which it removes. */
function listChange(from: string, to: string): Pick<ImportChange, 'added' | 'removed'> {
  const items = (text: string) => text.split(',').filter((item) => item !== '');
  const before = items(from);
  const after = items(to);
  const has = (list: string[], item: string) => list.some((other) => sameText(other, item));
  return { added: after.filter((item) => !has(before, item)), removed: before.filter((item) => !has(after, item)) };
}

/**
 * Each row of the file against the records as they are: add, change (field: old → new),
 * unchanged, or invalid with every reason. Nothing is written. `preloaded`: every record, being
 * read already (a large file's records are read while it is parsed).
 */
export async function planImport<R extends Versioned>(services: AppServices, resource: CsvResource<R>, file: CsvFile, preloaded?: Promise<R[]>): Promise<Plan<R>> {
  const { positions, inFile, left } = columnsOf(resource, file.header);
  const keyColumns = resource.keyHeaders.map((key) => resource.columns.find((c) => c.header === key) as CsvColumn<R>);
  const keyOfCells = (cells: readonly string[]) => resource.keyOf(keyColumns.map((c) => cellValue(cells[positions.get(c) ?? -1] ?? '')));
  const lines = new Map<string, number[]>();
  for (const { line, cells } of file.records) {
    const key = keyOfCells(cells).toLowerCase();
    lines.set(key, [...(lines.get(key) ?? []), line]);
  }
  // The keys of the file, then what a spreadsheet may have made of the keys not found (a lost + or 0).
  const named = async () => {
    const load = resource.loadNamed as NonNullable<typeof resource.loadNamed>;
    const keys = [...lines.keys()];
    const found = await load(services, keys);
    const foundKeys = new Set(found.map((record) => resource.recordKey(record).toLowerCase()));
    const lookalikes = keys.filter((key) => !foundKeys.has(key)).flatMap((key) => resource.lookalikes?.(key) ?? []);
    return lookalikes.length === 0 ? found : [...found, ...(await load(services, lookalikes))];
  };
  const [records, context] = await Promise.all([
    preloaded ?? (resource.loadNamed && file.records.length <= NAMED_READ_MAX_ROWS ? named() : resource.loadAll(services)),
    resource.loadContext?.(services),
  ]);
  const byKey = new Map(records.map((record) => [resource.recordKey(record).toLowerCase(), record]));

  const rows: PlannedRow<R>[] = [];
  for (const { line, cells } of file.records) {
    const values = new Map(inFile.map((c) => [c.header, cellValue(cells[positions.get(c) as number] ?? '')]));
    const key = keyOfCells(cells);
    const errors: string[] = [];
    const changes: ImportChange[] = [];
    const row: PlannedRow<R> = { line, key, action: 'invalid', changes, errors, cells };
    rows.push(row);
    if (cells.length !== file.header.length) {
      errors.push(`The row has ${cells.length} cells where the first line names ${file.header.length} columns`);
    }
    const missingKey = keyColumns.filter((c) => values.get(c.header) === '');
    if (missingKey.length > 0) {
      errors.push(...missingKey.map((c) => `${c.header}: required (it names the ${resource.what})`));
      continue;
    }
    const twice = lines.get(key.toLowerCase()) ?? [];
    if (twice.length > 1) errors.push(`${resource.keyHeaders.join(' and ')}: ${key} is listed twice in the file (lines ${twice.join(', ')})`);
    for (const [header, value] of values) {
      const damage = spreadsheetDamage(header, value);
      if (damage) errors.push(damage);
    }
    const current = byKey.get(key.toLowerCase());
    row.current = current;
    const fields: Record<string, unknown> = {};
    if (current) {
      row.key = resource.recordKey(current);
      for (const column of inFile) {
        if (column.readOnly || keyColumns.includes(column)) continue;
        const cell = values.get(column.header) ?? '';
        const stored = column.value(current);
        // A secret is write-only: an empty cell keeps it, and neither value is ever shown.
        if (column.secret) {
          if (cell === '' || cell === stored) continue;
          fields[column.field] = cell;
          changes.push({ field: column.header, from: HIDDEN, to: HIDDEN });
          continue;
        }
        const normal = normalCell(column.kind, cell);
        if (normal === stored) continue;
        const lost = lostLeadingCharacters(cell, stored);
        if (lost) {
          errors.push(`${column.header}: ${cell} is ${stored} without ${lost}, as a spreadsheet writes a number; ${FORMAT_AS_TEXT}`);
          continue;
        }
        fields[column.field] = cell === '' ? null : parseCell(column.kind, cell);
        changes.push({ field: column.header, from: stored, to: normal, ...(column.kind === 'list' ? listChange(stored, normal) : {}) });
      }
    } else {
      const lookalike = resource.lookalikes?.(key).map((other) => byKey.get(other.toLowerCase())).find((record) => record !== undefined);
      if (lookalike) {
        const stored = resource.recordKey(lookalike);
        errors.push(`${resource.keyHeaders.join(' and ')}: ${key} is ${stored} without ${lostLeadingCharacters(key, stored) ?? 'its first characters'}, as a spreadsheet writes a number; ${FORMAT_AS_TEXT}`);
      }
      for (const column of inFile) {
        const cell = values.get(column.header) ?? '';
        if (column.readOnly || cell === '') continue;
        fields[column.field] = parseCell(column.kind, cell);
        changes.push({ field: column.header, from: '', to: column.secret ? HIDDEN : normalCell(column.kind, cell) });
      }
    }
    if (current && changes.length === 0) {
      if (errors.length === 0) row.action = 'unchanged';
      continue;
    }
    const { data, errors: ruleErrors } = issuesOf(
      current ? resource.updateSchema : resource.createSchema,
      current ? resource.toUpdate(fields, current) : resource.toCreate(fields),
    );
    errors.push(...ruleErrors.map((error) => notOnAdd(resource, error)));
    if (data !== undefined) errors.push(...((await resource.checkRow?.({ values, current, fields, request: data }, context)) ?? []));
    if (errors.length > 0) continue;
    row.request = data;
    row.action = current ? 'change' : 'add';
  }

  const notes = [...file.notes];
  if (left.length > 0) notes.push(`Not in the file, so left as they are: ${left.join(', ')}.`);
  if (rows.some((row) => row.errors.some((error) => error.includes('listed twice')))) {
    notes.push(`Some ${resource.keyHeaders.join(' and ')} values are listed twice: those rows are invalid until one is removed.`);
  }
  return { file: { rows: rows.length, delimiter: file.delimiter, columns: file.header, notes }, header: file.header, rows };
}

/** The preview answer: the rows without what only the apply needs. */
export function previewOf<R extends Versioned>(plan: Plan<R>, previewId: string): ImportPreview {
  const summary = { add: 0, change: 0, unchanged: 0, invalid: 0 };
  for (const row of plan.rows) summary[row.action] += 1;
  return {
    previewId,
    file: plan.file,
    summary,
    rows: plan.rows.map(({ line, key, action, changes, errors }) => ({ line, key, action, changes, errors })),
  };
}
