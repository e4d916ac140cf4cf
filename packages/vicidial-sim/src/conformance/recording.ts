import { readFile } from 'node:fs/promises';

/**
 * The recorded session against a real VICIdial (conformance/transcript.tsv and db_effects.md), parsed
 * for replays: what each call sent and got back, and which rows it changed.
 */

/** One recorded call; `n` is its number (its line in transcript.tsv minus 1). */
export interface RecordedCall {
  n: number;
  fn: string;
  method: 'GET' | 'POST';
  /** The query string, without '?'. */
  query: string;
  /** POST body and its Content-Type. */
  body?: string;
  contentType?: string;
  status: number;
  /** The exact answer body. */
  response: string;
}

/** Rows a call removed and added in one table: tab-joined values of `columns`, NULL as 'NULL'. */
export interface TableDiff {
  columns: string[];
  removed: string[];
  added: string[];
}

export interface CallEffects {
  n: number;
  /** false when servers.rebuild_conf_files was NOT reset to 'N' before the call. */
  resetRebuild: boolean;
  diffs: Map<string, TableDiff>;
  /** New vicidial_admin_log rows, tab-joined, in ADMIN_LOG_COLUMNS order. */
  adminLog: string[];
}

/** db_effects.md's admin log columns, as the real column names. */
export const ADMIN_LOG_COLUMNS = [
  'admin_log_id',
  'event_date',
  'user',
  'ip_address',
  'event_section',
  'event_type',
  'record_id',
  'event_code',
  'event_sql',
  'event_notes',
  'user_group',
] as const;

/** The recording's escaping of bodies and values: backslash, tab, CR and LF. */
export function escapeValue(value: string): string {
  return value.replace(/[\\\t\r\n]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\r': '\\r', '\n': '\\n' })[c] as string);
}

export function unescapeValue(value: string): string {
  return value.replace(/\\([\\trn])/g, (_, c: string) => ({ '\\': '\\', t: '\t', r: '\r', n: '\n' })[c] as string);
}

export function parseTranscript(text: string): RecordedCall[] {
  const lines = text.split('\n').slice(1).filter((line) => line !== '');
  return lines.map((line, index) => {
    const [fn = '', request = '', status = '', response = ''] = line.split('\t');
    const post = /^POST \[GET:(.*?)\] \[BODY:(.*)\]$/.exec(request);
    const call: RecordedCall = {
      n: index + 1,
      fn,
      method: post ? 'POST' : 'GET',
      query: post ? (post[1] ?? '') : request,
      status: Number(status),
      response: unescapeValue(response),
    };
    if (post) {
      call.body = post[2] ?? '';
      call.contentType = call.body.trimStart().startsWith('{') ? 'application/json' : 'application/x-www-form-urlencoded';
    }
    return call;
  });
}

/** Reads the ```-fenced block that starts after line `at`; returns its lines and the line after it. */
function fencedBlock(lines: string[], at: number): { body: string[]; next: number } {
  let start = at + 1;
  while (start < lines.length && !lines[start]?.startsWith('```')) start++;
  let end = start + 1;
  while (end < lines.length && lines[end] !== '```') end++;
  return { body: lines.slice(start + 1, end), next: end + 1 };
}

export function parseDbEffects(text: string): Map<number, CallEffects> {
  const lines = text.split('\n');
  const effects = new Map<number, CallEffects>();
  let current: CallEffects | undefined;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    const section = /^## (\d+)\. /.exec(line);
    const table = /^(\w+) \(([^)]*)\):$/.exec(line);
    if (section) {
      current = { n: Number(section[1]), resetRebuild: true, diffs: new Map(), adminLog: [] };
      effects.set(current.n, current);
    } else if (current && line.startsWith('(rebuild_conf_files NOT reset')) {
      current.resetRebuild = false;
    } else if (current && line.startsWith('vicidial_admin_log new rows')) {
      const block = fencedBlock(lines, i);
      current.adminLog = block.body;
      i = block.next;
      continue;
    } else if (current && table) {
      const block = fencedBlock(lines, i);
      current.diffs.set(table[1] as string, {
        columns: (table[2] as string).split(','),
        removed: block.body.filter((l) => l.startsWith('-')).map((l) => l.slice(1)),
        added: block.body.filter((l) => l.startsWith('+')).map((l) => l.slice(1)),
      });
      i = block.next;
      continue;
    }
    i++;
  }
  return effects;
}

const conformanceDir = new URL('../../conformance/', import.meta.url);

/** The recorded session as shipped with the package. */
export async function loadRecording(): Promise<{ calls: RecordedCall[]; effects: Map<number, CallEffects> }> {
  const [transcript, dbEffects] = await Promise.all([
    readFile(new URL('transcript.tsv', conformanceDir), 'utf8'),
    readFile(new URL('db_effects.md', conformanceDir), 'utf8'),
  ]);
  return { calls: parseTranscript(transcript), effects: parseDbEffects(dbEffects) };
}
