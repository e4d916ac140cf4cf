import type { Kysely } from 'kysely';
import type { VicidialDatabase } from '../db/schema.js';
import { ADMIN_LOG_COLUMNS, type CallEffects, escapeValue, type RecordedCall, type TableDiff } from './recording.js';

/**
 * Replays the recorded session against an embedded VICIdial and compares, call by call, the answer
 * (byte for byte, the clock values of `version` aside) and the row changes with the recording.
 */

/** What a target answered. `contentType` is checked when given (HTTP targets). */
export interface Answer {
  status: number;
  body: string;
  contentType?: string;
}

export interface CallResult {
  call: RecordedCall;
  problems: string[];
}

export interface ReplayReport {
  results: CallResult[];
  identical: number;
  total: number;
  /** The calls CONFORMANCE_FILTER asked to see. */
  filter?: string;
}

export interface ReplayOptions {
  calls: RecordedCall[];
  effects: Map<number, CallEffects>;
  /** The database the target writes to (read here to compare rows, and to reset the rebuild flags). */
  db: Kysely<VicidialDatabase>;
  send(call: RecordedCall): Promise<Answer>;
  /** Calls to report one by one (see `matchesFilter`); the whole sequence runs regardless. */
  filter?: string;
}

/** Calls 290-292 ran under a STRICT sql_mode, which the embedded VICIdial does not model. */
export const LAST_NON_STRICT_CALL = 289;

/** The tables whose row changes are compared (servers only by its rebuild flag). */
const COMPARED_TABLES = ['phones', 'phones_alias', 'vicidial_inbound_dids', 'servers'] as const;
type ComparedTable = (typeof COMPARED_TABLES)[number];

const EXPECTED_CONTENT_TYPE = 'text/html; charset=utf-8';

/** `version` prints the clock and the time zone: those values are masked on both sides. */
const maskClock = (body: string) =>
  body.replace(/\|DATE: [^|]*\|EPOCH: [^|]*\|DST: [^|]*\|TZ: [^|]*\|TZNOW: [^|]*\|/, '|DATE: *|EPOCH: *|DST: *|TZ: *|TZNOW: *|');

const cell = (value: unknown) => (value === null || value === undefined ? 'NULL' : escapeValue(String(value)));

async function tableRows(db: Kysely<VicidialDatabase>, table: ComparedTable, columns: string[]): Promise<string[]> {
  const rows = await db.selectFrom(table).select(columns as never[]).execute();
  return rows.map((row) => columns.map((c) => cell((row as Record<string, unknown>)[c])).join('\t'));
}

/** Multiset difference a − b. */
function minus(a: string[], b: string[]): string[] {
  const left = [...b];
  return a.filter((row) => {
    const at = left.indexOf(row);
    if (at < 0) return true;
    left.splice(at, 1);
    return false;
  });
}

async function maxAdminLogId(db: Kysely<VicidialDatabase>): Promise<number> {
  const row = await db
    .selectFrom('vicidial_admin_log')
    .select((eb) => eb.fn.max('admin_log_id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

async function adminLogSince(db: Kysely<VicidialDatabase>, id: number): Promise<string[]> {
  const rows = await db
    .selectFrom('vicidial_admin_log')
    .select([...ADMIN_LOG_COLUMNS])
    .where('admin_log_id', '>', id)
    .orderBy('admin_log_id')
    .execute();
  return rows.map((row) => ADMIN_LOG_COLUMNS.map((c) => cell(row[c])).join('\t'));
}

/** event_date is the moment of the call: compared by neither side. */
const withoutEventDate = (row: string) => row.split('\t').filter((_, i) => i !== 1).join('\t');

const sorted = (rows: string[]) => [...rows].sort();
const sameRows = (a: string[], b: string[]) => JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
const listRows = (rows: string[]) => (rows.length ? rows.map((r) => `      ${r}`).join('\n') : '      (none)');

/** The columns each compared table is recorded with (the same in every section of db_effects.md). */
function recordedColumns(effects: Map<number, CallEffects>): Map<ComparedTable, string[]> {
  const columns = new Map<ComparedTable, string[]>();
  for (const effect of effects.values()) {
    for (const table of COMPARED_TABLES) {
      const diff = effect.diffs.get(table);
      if (diff && !columns.has(table)) columns.set(table, diff.columns);
    }
  }
  return columns;
}

function compareAnswer(call: RecordedCall, answer: Answer): string[] {
  const problems: string[] = [];
  if (answer.status !== call.status) problems.push(`HTTP status: expected ${call.status}, got ${answer.status}`);
  if (maskClock(answer.body) !== maskClock(call.response)) {
    problems.push(`body:\n    expected: ${escapeValue(call.response)}\n    actual:   ${escapeValue(answer.body)}`);
  }
  if (answer.contentType !== undefined && answer.contentType !== EXPECTED_CONTENT_TYPE) {
    problems.push(`Content-Type: expected ${EXPECTED_CONTENT_TYPE}, got ${answer.contentType}`);
  }
  return problems;
}

function compareDiff(table: string, expected: TableDiff | undefined, removed: string[], added: string[]): string[] {
  const wantRemoved = expected?.removed ?? [];
  const wantAdded = expected?.added ?? [];
  if (sameRows(wantRemoved, removed) && sameRows(wantAdded, added)) return [];
  return [
    `${table} rows:\n    expected removed:\n${listRows(wantRemoved)}\n    actual removed:\n${listRows(removed)}` +
      `\n    expected added:\n${listRows(wantAdded)}\n    actual added:\n${listRows(added)}`,
  ];
}

/** CONFORMANCE_FILTER syntax: comma-separated function names, call numbers or ranges (`update_did,12,40-45`). */
export function matchesFilter(filter: string | undefined, call: RecordedCall): boolean {
  if (!filter) return false;
  return filter.split(',').some((token) => {
    const t = token.trim();
    const range = /^(\d+)(?:-(\d+))?$/.exec(t);
    if (!range) return t === call.fn;
    const from = Number(range[1]);
    return call.n >= from && call.n <= Number(range[2] ?? from);
  });
}

export async function replay(options: ReplayOptions): Promise<ReplayReport> {
  const { db, effects } = options;
  const columns = recordedColumns(effects);
  const calls = options.calls.filter((c) => c.n <= LAST_NON_STRICT_CALL);
  const results: CallResult[] = [];

  for (const call of calls) {
    const effect = effects.get(call.n);
    if (effect?.resetRebuild !== false) await db.updateTable('servers').set({ rebuild_conf_files: 'N' }).execute();
    const before = new Map<ComparedTable, string[]>();
    for (const [table, cols] of columns) before.set(table, await tableRows(db, table, cols));
    const lastLogId = await maxAdminLogId(db);

    const answer = await options.send(call);

    const problems = compareAnswer(call, answer);
    for (const [table, cols] of columns) {
      const after = await tableRows(db, table, cols);
      const old = before.get(table) ?? [];
      problems.push(...compareDiff(table, effect?.diffs.get(table), minus(old, after), minus(after, old)));
    }
    const logRows = (await adminLogSince(db, lastLogId)).map(withoutEventDate);
    const wantLog = (effect?.adminLog ?? []).map(withoutEventDate);
    if (JSON.stringify(logRows) !== JSON.stringify(wantLog)) {
      problems.push(`vicidial_admin_log new rows:\n    expected:\n${listRows(wantLog)}\n    actual:\n${listRows(logRows)}`);
    }

    results.push({ call, problems });
  }
  const identical = results.filter((r) => r.problems.length === 0).length;
  return { results, identical, total: calls.length, filter: options.filter };
}

export function formatResult({ call, problems }: CallResult): string {
  const head = `${problems.length ? 'DIFF' : 'ok  '} #${call.n} ${call.fn} ${call.method} ${call.query}${call.body ? ` body ${call.body}` : ''}`;
  return problems.length ? `${head}\n  ${problems.join('\n  ')}` : head;
}

/** The filtered calls one by one, the count, then the first differing calls in detail. */
export function formatReport(report: ReplayReport, firstFailures = 5): string {
  const failures = report.results.filter((r) => r.problems.length > 0);
  const shown = report.results.filter((r) => matchesFilter(report.filter, r.call));
  const lines = [...shown.map(formatResult), `conformance: ${report.identical}/${report.total} identical`];
  if (failures.length) {
    lines.push(`differing calls: ${failures.map((f) => f.call.n).join(', ')}`);
    lines.push(...failures.slice(0, firstFailures).map(formatResult));
  }
  return lines.join('\n');
}
