import { performance } from 'node:perf_hooks';
import { createVicidialClient } from '@vicidash/vicidial-client';
import { request } from 'undici';
import type { Session } from './session.js';
import type { Stack } from './stack.js';
import { report } from './stats.js';

const COUNT = 1000;

/**
 * Re-routing 1,000 DIDs with one bulk request through the BFF, against the same 1,000 updates sent
 * to VICIdial one after another (what a script over the API, or VICIdial's own screen, does).
 */
export async function bulkReroute(stack: Stack, session: Session): Promise<boolean> {
  const dids: { didId: number; pattern: string }[] = [];
  for (let page = 1; dids.length < COUNT; page++) {
    const res = await request(`${stack.dashboardUrl}/api/dids?sort=didId&pageSize=200&page=${page}`, { headers: session.headers });
    dids.push(...((await res.body.json()) as { rows: { didId: number; pattern: string }[] }).rows);
  }
  const targets = dids.slice(0, COUNT);

  const vicidial = createVicidialClient({ url: stack.vicidialApiUrl, user: 'dashboard', pass: 'Dash-Demo-2026', source: 'bench' });
  let started = performance.now();
  for (const did of targets) {
    const result = await vicidial.updateDid({ did_pattern: did.pattern, did_route: 'IN_GROUP', group: 'SALES_EN' });
    if (result.kind !== 'ok') throw new Error(`sequential update of ${did.pattern} failed: ${result.kind}`);
  }
  const sequentialMs = performance.now() - started;
  await vicidial.close();

  started = performance.now();
  const res = await request(`${stack.dashboardUrl}/api/dids/bulk`, {
    method: 'POST',
    headers: session.headers,
    body: JSON.stringify({ dids: targets.map((d) => d.didId), routing: { route: 'IN_GROUP', inGroup: 'SUPPORT_T1' } }),
    headersTimeout: 300_000,
    bodyTimeout: 300_000,
  });
  const body = (await res.body.json()) as { results?: { ok: boolean }[] };
  const bulkMs = performance.now() - started;
  const failed = body.results?.filter((r) => !r.ok).length ?? COUNT;
  if (res.statusCode !== 200 || failed > 0) throw new Error(`bulk re-route: status ${res.statusCode}, ${failed} DIDs failed`);

  console.log(`      ${COUNT} updates one after another: ${(sequentialMs / 1000).toFixed(2)} s; one bulk request: ${(bulkMs / 1000).toFixed(2)} s`);
  return report(`bulk re-route of ${COUNT} DIDs, speed-up over sequential`, sequentialMs / bulkMs, '×', { op: '>=', value: 5 });
}
