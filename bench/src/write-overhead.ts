import { performance } from 'node:perf_hooks';
import { createVicidialClient } from '@vicidash/vicidial-client';
import { request } from 'undici';
import type { Session } from './session.js';
import type { Stack } from './stack.js';
import { median, report } from './stats.js';

const ROUNDS = 300;

/**
 * The BFF's cost per write: the median time of a DID update through the BFF (session, role check,
 * validation, version check, VICIdial call, re-read, audit) minus the median of the same update sent
 * straight to the embedded VICIdial, interleaved in one run so both see the same machine.
 */
export async function writeOverhead(stack: Stack, session: Session): Promise<boolean> {
  const list = (await (await request(`${stack.dashboardUrl}/api/dids?pageSize=2&sort=didId`, { headers: session.headers })).body.json()) as {
    rows: { didId: number; pattern: string }[];
  };
  const [viaBff, direct] = list.rows;
  if (!viaBff || !direct) throw new Error('no DIDs to update');
  const detail = await request(`${stack.dashboardUrl}/api/dids/${viaBff.didId}`, { headers: session.headers });
  let version = ((await detail.body.json()) as { version: string }).version;

  const vicidial = createVicidialClient({ ...stack.vicidialApi, source: 'bench' });
  const bffMs: number[] = [];
  const directMs: number[] = [];
  for (let i = 0; i < ROUNDS + 20; i++) {
    const description = `Bench round ${i % 2 ? 'odd' : 'even'}`;
    let started = performance.now();
    const res = await request(`${stack.dashboardUrl}/api/dids/${viaBff.didId}`, {
      method: 'PATCH',
      headers: { ...session.headers, 'if-match': version },
      body: JSON.stringify({ description }),
    });
    const body = (await res.body.json()) as { version?: string };
    if (res.statusCode !== 200 || !body.version) throw new Error(`BFF update failed: ${res.statusCode} ${JSON.stringify(body)}`);
    version = body.version;
    if (i >= 20) bffMs.push(performance.now() - started);

    started = performance.now();
    const result = await vicidial.updateDid({ did_pattern: direct.pattern, did_description: description });
    if (result.kind !== 'ok') throw new Error(`direct update failed: ${result.kind}`);
    if (i >= 20) directMs.push(performance.now() - started);
  }
  await vicidial.close();
  console.log(`      update through the BFF: median ${median(bffMs).toFixed(2)} ms; straight to VICIdial: median ${median(directMs).toFixed(2)} ms (${ROUNDS} each)`);
  return report('write overhead (BFF − direct, median)', median(bffMs) - median(directMs), 'ms', { op: '<=', value: 1.5 });
}
