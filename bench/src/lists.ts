import { load } from './load.js';
import type { Session } from './session.js';
import type { Stack } from './stack.js';
import { percentile, report } from './stats.js';

const CONNECTIONS = 50;
const SECONDS = 10;

/** Pages 1-20 of a filtered, sorted list, 50 rows each, at random. */
const somePage = (base: string) => () => `${base}&page=${1 + Math.floor(Math.random() * 20)}&pageSize=50`;

/** List pages under load: p95 latency and throughput at 50 connections, on the scale data. */
export async function listLoad(stack: Stack, session: Session): Promise<boolean> {
  const cases = [
    { name: 'DID list (route filter, sorted by description)', path: somePage('/api/dids?route=IN_GROUP&sort=description&order=asc') },
    { name: 'phone list (protocol filter, sorted by name)', path: somePage('/api/phones?protocol=SIP&sort=fullName&order=desc') },
  ];
  let met = true;
  for (const c of cases) {
    const result = await load({ origin: stack.dashboardUrl, path: c.path, headers: session.headers, connections: CONNECTIONS, seconds: SECONDS });
    if (result.errors > 0) throw new Error(`${c.name}: ${result.errors} failed requests`);
    console.log(`      ${c.name}: ${result.requests} requests in ${result.seconds.toFixed(1)} s`);
    met = report(`${c.name} p95`, percentile(result.latenciesMs, 95), 'ms', { op: '<=', value: 25 }) && met;
    met = report(`${c.name} throughput`, result.perSecond, 'req/s', { op: '>=', value: 1500 }) && met;
  }
  return met;
}
