import { performance } from 'node:perf_hooks';
import { createVicidialClient } from '@vicidash/vicidial-client';
import { request } from 'undici';
import type { Session } from './session.js';
import type { Stack } from './stack.js';
import { report } from './stats.js';

const COUNT = 1000;
/** DIDs of an untimed bulk request first: the bulk path's connections and code warm, as the 1,000 sequential updates warm theirs. */
const WARM_UP = 100;

interface Did {
  didId: number;
  pattern: string;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/**
 * Re-routing 1,000 DIDs with one bulk request through the dashboard, against the same 1,000
 * updates sent one after another (docs/decisions/0011-bulk-benchmark.md):
 * - through the dashboard, one PATCH per DID with its If-Match version (the target's baseline:
 *   what a person or a script does without the bulk feature);
 * - straight to VICIdial's API (printed for information: what a script that bypasses the
 *   dashboard, its checks and its audit, takes).
 * Each run routes the DIDs to another in-group, so every update is a real change.
 */
export async function bulkReroute(stack: Stack, session: Session): Promise<boolean> {
  const listed = await firstDids(stack, session, COUNT + WARM_UP);
  const dids = listed.slice(0, COUNT);

  let started = performance.now();
  const vicidial = createVicidialClient({ ...stack.vicidialApi, source: 'bench' });
  for (const did of dids) {
    const result = await vicidial.updateDid({ did_pattern: did.pattern, did_route: 'IN_GROUP', group: 'SALES_EN' });
    if (result.kind !== 'ok') throw new Error(`direct update of ${did.pattern} failed: ${result.kind}`);
  }
  const directMs = performance.now() - started;
  await vicidial.close();

  // A script reads each DID's version to send it; that reading is not timed (the bulk needs none).
  const versions = await versionsOf(stack, session, dids);
  started = performance.now();
  for (const did of dids) {
    const res = await request(`${stack.dashboardUrl}/api/dids/${did.didId}`, {
      method: 'PATCH',
      headers: { ...session.headers, 'if-match': versions.get(did.didId) as string },
      body: JSON.stringify({ routing: { route: 'IN_GROUP', inGroup: 'RETENTION' } }),
    });
    const body = await res.body.text();
    if (res.statusCode !== 200) throw new Error(`PATCH of DID ${did.didId} failed: ${res.statusCode} ${body}`);
  }
  const dashboardMs = performance.now() - started;

  await bulk(stack, session, listed.slice(COUNT), 'SUPPORT_T1');
  started = performance.now();
  await bulk(stack, session, dids, 'SUPPORT_T1');
  const bulkMs = performance.now() - started;

  console.log(`      ${COUNT} DIDs: one bulk request ${seconds(bulkMs)}; one after another through the dashboard (PATCH + If-Match) ${seconds(dashboardMs)}`);
  console.log(
    `      for information: one after another straight to VICIdial's API ${seconds(directMs)} (bulk ${(directMs / bulkMs).toFixed(2)}× faster)`,
  );
  return report(`bulk re-route of ${COUNT} DIDs, speed-up over the same updates one after another`, dashboardMs / bulkMs, '×', { op: '>=', value: 5 });
}

async function firstDids(stack: Stack, session: Session, count: number): Promise<Did[]> {
  const dids: Did[] = [];
  for (let page = 1; dids.length < count; page++) {
    const res = await request(`${stack.dashboardUrl}/api/dids?sort=didId&pageSize=200&page=${page}`, { headers: session.headers });
    dids.push(...((await res.body.json()) as { rows: Did[] }).rows);
  }
  return dids.slice(0, count);
}

/** One bulk request routing `dids` to `inGroup`; every DID must succeed. */
async function bulk(stack: Stack, session: Session, dids: readonly Did[], inGroup: string): Promise<void> {
  const res = await request(`${stack.dashboardUrl}/api/dids/bulk`, {
    method: 'POST',
    headers: session.headers,
    body: JSON.stringify({ dids: dids.map((d) => d.didId), routing: { route: 'IN_GROUP', inGroup } }),
    headersTimeout: 300_000,
    bodyTimeout: 300_000,
  });
  const body = (await res.body.json()) as { results?: { ok: boolean }[] };
  const failed = body.results?.filter((r) => !r.ok).length ?? dids.length;
  if (res.statusCode !== 200 || failed > 0) throw new Error(`bulk re-route: status ${res.statusCode}, ${failed} DIDs failed`);
}

async function versionsOf(stack: Stack, session: Session, dids: readonly Did[]): Promise<Map<number, string>> {
  const versions = new Map<number, string>();
  for (const did of dids) {
    const res = await request(`${stack.dashboardUrl}/api/dids/${did.didId}`, { headers: session.headers });
    versions.set(did.didId, ((await res.body.json()) as { version: string }).version);
  }
  return versions;
}
