import { readFileSync, readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { openDashboardDb } from '@vicidash/bff/store/open';
import { request } from 'undici';
import type { Session } from './session.js';
import type { Stack } from './stack.js';
import { report } from './stats.js';

const APPLY_COUNT = 1000;
/** Each list's records, one of them. */
const ONE: Record<string, string> = { dids: 'DID', phones: 'phone', aliases: 'alias' };
const seconds = (ms: number) => ms / 1000;

/** Resident memory of the BFF: its process and its cluster's workers, in bytes. */
function treeRss(pid: number): number {
  const rss = (id: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${id}/status`, 'utf8'))?.[1] ?? 0) * 1024;
  const children = (id: number): number[] =>
    readdirSync(`/proc/${id}/task`).flatMap((task) =>
      readFileSync(`/proc/${id}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number),
    );
  const all = [pid];
  for (let at = 0; at < all.length; at++) all.push(...children(all[at] as number));
  return all.reduce((sum, id) => sum + rss(id), 0);
}

async function exportText(stack: Stack, session: Session, list: string): Promise<string> {
  const res = await request(`${stack.dashboardUrl}/api/${list}/export.csv`, { headers: { cookie: session.headers.cookie as string } });
  const text = await res.body.text();
  if (res.statusCode !== 200) throw new Error(`export of ${list}: ${res.statusCode} ${text.slice(0, 200)}`);
  return text;
}

async function postCsv(stack: Stack, session: Session, list: string, query: string, csv: string) {
  const res = await request(`${stack.dashboardUrl}/api/${list}/import?${query}`, {
    method: 'POST',
    headers: { ...session.headers, 'content-type': 'text/csv' },
    body: csv,
  });
  const body = (await res.body.json()) as Record<string, unknown>;
  if (res.statusCode >= 300) throw new Error(`import ${query} of ${list}: ${res.statusCode} ${JSON.stringify(body).slice(0, 300)}`);
  return body;
}

/** The file's lines without the BOM; cells split simply (the DID rows the bench edits hold no quotes). */
const linesOf = (csv: string) => csv.replace(/^\uFEFF/, '').trimEnd().split('\n');

/**
 * Issue 12: export of all 50,000 DIDs (last byte, and the BFF's memory growth while it streams);
 * preview of a 50,000-row DID file with 10 % changed and 1 % invalid rows; apply of 1,000 changed DIDs
 * against the same changes as one bulk request; and the round trip of every list at scale.
 */
export async function importBenchmarks(stack: Stack, session: Session): Promise<boolean> {
  let met = true;
  // Untimed: the list is in memory and the code warm, as for every export after the first.
  await exportText(stack, session, 'dids');
  const before = treeRss(stack.bffPid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRss(stack.bffPid))), 20);
  let started = performance.now();
  const dids = await exportText(stack, session, 'dids');
  const exportMs = performance.now() - started;
  clearInterval(sampler);
  const rows = linesOf(dids);
  console.log(`      export: ${rows.length - 1} DIDs, ${(dids.length / 1e6).toFixed(1)} MB`);
  met = report('export of every DID as CSV, last byte', seconds(exportMs), 's', { op: '<=', value: 1.5 }) && met;
  met = report('BFF memory growth during that export', (peak - before) / 1e6, 'MB', { op: '<=', value: 50 }) && met;

  // 10 % of the rows get a new description, 1 % one VICIdial refuses (rows with quoted cells are left as they are).
  const edited = rows.map((line, at) => {
    if (at === 0 || (at % 10 !== 0 && at % 100 !== 1) || line.includes('"')) return line;
    const cells = line.split(',');
    cells[2] = at % 100 === 1 ? 'Bad!' : `Bench import ${at}`;
    return cells.join(',');
  });
  started = performance.now();
  const preview = await postCsv(stack, session, 'dids', 'mode=preview', edited.join('\n'));
  const previewMs = performance.now() - started;
  console.log(`      preview: ${JSON.stringify(preview.summary)}`);
  met = report('preview of a 50,000-row DID file (10 % changed, 1 % invalid)', seconds(previewMs), 's', { op: '<=', value: 5 }) && met;

  met = (await applyAgainstBulk(stack, session, rows)) && met;

  for (const list of ['dids', 'phones', 'aliases']) {
    const csv = await exportText(stack, session, list);
    const { summary } = (await postCsv(stack, session, list, 'mode=preview', csv)) as { summary: Record<string, number> };
    met = report(`round trip of every ${ONE[list]}: rows unchanged`, (100 * (summary.unchanged ?? 0)) / (linesOf(csv).length - 1), '%', { op: '>=', value: 100 }) && met;
  }
  return met;
}

/** How often the import page asks for an apply's progress (apps/web, features/imports). */
const PROGRESS_EVERY_MS = 500;

/**
 * The import's apply, from the request to its last row recorded done (the import's last heartbeat,
 * in the dashboard database: the page's polls, made as the page makes them, would add up to their
 * interval). Its time.
 */
async function timedImport(stack: Stack, session: Session, patterns: readonly string[], inGroup: string): Promise<number> {
  const file = ['DID pattern,Route,In-group', ...patterns.map((pattern) => `${pattern},IN_GROUP,${inGroup}`)].join('\n');
  const { previewId } = (await postCsv(stack, session, 'dids', 'mode=preview', file)) as { previewId: string };
  const started = Date.now();
  const { importId } = (await postCsv(stack, session, 'dids', `mode=apply&preview=${previewId}`, file)) as { importId: string };
  let status: { state: string; results: { ok: boolean }[] };
  do {
    await new Promise((resolve) => setTimeout(resolve, PROGRESS_EVERY_MS));
    const res = await request(`${stack.dashboardUrl}/api/imports/${importId}`, { headers: session.headers });
    status = (await res.body.json()) as typeof status;
  } while (status.state === 'running');
  const failed = status.results.filter((result) => !result.ok).length;
  if (failed > 0) throw new Error(`import apply: ${failed} of ${patterns.length} rows failed`);
  const dashboard = await openDashboardDb(stack.dashboardDbUrl);
  try {
    const { heartbeat_at: finished } = await dashboard.db.selectFrom('imports').select('heartbeat_at').where('id', '=', importId).executeTakeFirstOrThrow();
    return Number(finished) - started;
  } finally {
    await dashboard.close();
  }
}

/** The same change as one bulk request: its time. */
async function timedBulk(stack: Stack, session: Session, patterns: readonly string[], inGroup: string): Promise<number> {
  const started = performance.now();
  const res = await request(`${stack.dashboardUrl}/api/dids/bulk`, {
    method: 'POST',
    headers: session.headers,
    body: JSON.stringify({ dids: patterns.map((pattern) => pattern.replace(/^'/, '')), routing: { route: 'IN_GROUP', inGroup } }),
  });
  const bulk = (await res.body.json()) as { results: { ok: boolean }[] };
  const ms = performance.now() - started;
  if (res.statusCode !== 200 || bulk.results.some((result) => !result.ok)) throw new Error(`bulk: ${res.statusCode}`);
  return ms;
}

/**
 * 1,000 DIDs re-routed by an import (preview untimed, then apply until done) and by one bulk
 * request: after an untimed bulk over the same DIDs (neither pays for the first touch of their rows),
 * each twice, each time to another in-group.
 */
async function applyAgainstBulk(stack: Stack, session: Session, rows: readonly string[]): Promise<boolean> {
  const patterns = rows.slice(1, APPLY_COUNT + 1).map((line) => line.split(',')[1] as string);
  await timedBulk(stack, session, patterns, 'SUPPORT_T2');
  const times = { import: 0, bulk: 0 };
  // Import, bulk, bulk, import: a machine that speeds up or slows down as it goes favours neither.
  times.import += await timedImport(stack, session, patterns, 'RETENTION');
  times.bulk += await timedBulk(stack, session, patterns, 'SUPPORT_T1');
  times.bulk += await timedBulk(stack, session, patterns, 'BILLING');
  times.import += await timedImport(stack, session, patterns, 'AFTERHOURS');
  console.log(`      ${APPLY_COUNT} DIDs re-routed, twice each: import apply ${(times.import / 1000).toFixed(2)} s, one bulk request ${(times.bulk / 1000).toFixed(2)} s`);
  return report(`import apply of ${APPLY_COUNT} changed DIDs, throughput against one bulk request`, (100 * times.bulk) / times.import, '%', { op: '>=', value: 90 });
}
