import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  latenciesMs: number[];
}

/**
 * Keeps `connections` requests in flight against `origin` for `seconds` (after a warm-up), each
 * connection sending the next request as soon as the previous answer is read. Bounded in time and
 * count, loopback only.
 */
export async function load(options: {
  origin: string;
  path: () => string;
  headers: Record<string, string>;
  connections: number;
  seconds: number;
  warmupSeconds?: number;
  maxRequests?: number;
}): Promise<LoadResult> {
  const pool = new Pool(options.origin, { connections: options.connections, pipelining: 1 });
  const latenciesMs: number[] = [];
  let errors = 0;
  let sent = 0;
  const maxRequests = options.maxRequests ?? 1_000_000;
  const run = async (until: number, record: boolean) => {
    while (performance.now() < until && sent < maxRequests) {
      sent++;
      const started = performance.now();
      const res = await pool.request({ method: 'GET', path: options.path(), headers: options.headers });
      await res.body.dump();
      if (!record) continue;
      if (res.statusCode === 200) latenciesMs.push(performance.now() - started);
      else errors++;
    }
  };
  const loop = (record: boolean, seconds: number) => {
    const until = performance.now() + seconds * 1000;
    return Promise.all(Array.from({ length: options.connections }, () => run(until, record)));
  };
  await loop(false, options.warmupSeconds ?? 2);
  sent = 0;
  const started = performance.now();
  await loop(true, options.seconds);
  const seconds = (performance.now() - started) / 1000;
  await pool.close();
  return { requests: latenciesMs.length + errors, errors, seconds, perSecond: (latenciesMs.length + errors) / seconds, latenciesMs };
}
