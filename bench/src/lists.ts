import { load, RANDOM_DIGITS } from './load.js';
import type { Session } from './session.js';
import type { Stack } from './stack.js';
import { report } from './stats.js';

const CONNECTIONS = 50;
const SECONDS = 10;

/** List pages under load: p95 latency and throughput at 50 connections, on the scale data. */
export async function listLoad(stack: Stack, session: Session): Promise<boolean> {
  // Pages 1-20 of a filtered, sorted list, 50 rows each, at random; a search matches fewer than 50.
  const cases = [
    { name: 'DID list (route filter, sorted by description)', path: '/api/dids?route=IN_GROUP&sort=description&order=asc&pageSize=50', pages: 20 },
    { name: 'phone list (protocol filter, sorted by name)', path: '/api/phones?protocol=SIP&sort=fullName&order=desc&pageSize=50', pages: 20 },
    // Four digits anywhere in the number (an agent's search by the last four): a new search each time,
    // answered from the list's index of three-character pieces (decision 0010).
    { name: 'DID list (4 digits anywhere, a new search each time)', path: `/api/dids?search=${RANDOM_DIGITS}&pageSize=50`, pages: 1 },
  ];
  let met = true;
  for (const c of cases) {
    const result = await load({ origin: stack.dashboardUrl, path: c.path, pages: c.pages, headers: session.headers, connections: CONNECTIONS, seconds: SECONDS });
    if (result.errors > 0) throw new Error(`${c.name}: ${result.errors} failed requests`);
    console.log(`      ${c.name}: ${result.requests} requests in ${result.seconds.toFixed(1)} s, median ${result.p50Ms.toFixed(1)} ms`);
    met = report(`${c.name} p95`, result.p95Ms, 'ms', { op: '<=', value: 25 }) && met;
    met = report(`${c.name} throughput`, result.perSecond, 'req/s', { op: '>=', value: 1500 }) && met;
  }
  return met;
}
