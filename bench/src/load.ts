import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LoadResult {
  requests: number;
  /** Answers other than 2xx/3xx, and failed connections, reads, writes and timeouts. */
  errors: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
}

/**
 * The load generator is wrk (Debian's package): written in C, it takes a few percent of a core
 * where a Node.js client took a third of one, and its latencies carry no pauses of its own (a
 * Node.js client's garbage collection showed in its p95). The machine has two cores for the
 * generator, the BFF and its databases: the generator should take as little as it can.
 */
export function ensureWrk(): void {
  if (spawnSync('wrk', ['--version']).error === undefined) return;
  if (process.getuid?.() === 0 && spawnSync('apt-get', ['--version']).error === undefined) {
    console.log('installing wrk with apt-get');
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'wrk'], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    return;
  }
  throw new Error('The list benchmark needs wrk: apt-get install -y --no-install-recommends wrk');
}

const execFileAsync = promisify(execFile);

/**
 * A page of `base` at random among the first `pages`, and one summary line at the end. Each
 * DIGITS in `base` becomes four digits at random: a search is mostly one the BFF has not answered yet.
 */
export const RANDOM_DIGITS = 'DIGITS';
const SCRIPT = `
local base = os.getenv("LOAD_PATH")
local pages = tonumber(os.getenv("LOAD_PAGES"))
request = function()
  local path = base:gsub("${RANDOM_DIGITS}", function() return string.format("%04d", math.random(0, 9999)) end)
  return wrk.format("GET", path .. "&page=" .. math.random(1, pages))
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %f %f\\n", summary.requests, e.status + e.connect + e.read + e.write + e.timeout,
    summary.duration, latency:percentile(50), latency:percentile(95)))
end
`;

/**
 * Keeps `connections` requests in flight against `origin` for `seconds` (after a warm-up of 2 s),
 * each connection sending the next request as soon as the previous answer is read; every request
 * asks a random one of the first `pages` pages of `path` (with RANDOM_DIGITS filled in). Loopback only; bounded in time.
 */
export async function load(options: { origin: string; path: string; pages: number; headers: Record<string, string>; connections: number; seconds: number }): Promise<LoadResult> {
  ensureWrk();
  const dir = mkdtempSync(join(tmpdir(), 'vicidash-load-'));
  try {
    const script = join(dir, 'pages.lua');
    writeFileSync(script, SCRIPT);
    // Not execFileSync: this process's own connections to the BFF must see it close the idle ones meanwhile.
    const run = async (seconds: number) => {
      const args = [
        '--threads=1',
        `--connections=${options.connections}`,
        `--duration=${seconds}s`,
        '--timeout=10s',
        `--script=${script}`,
        ...Object.entries(options.headers).flatMap(([name, value]) => ['--header', `${name}: ${value}`]),
        options.origin,
      ];
      const env = { ...process.env, LOAD_PATH: options.path, LOAD_PAGES: String(options.pages) };
      return (await execFileAsync('wrk', args, { env, encoding: 'utf8' })).stdout;
    };
    await run(2);
    const line = (await run(options.seconds)).split('\n').find((l) => l.startsWith('RESULT '));
    if (!line) throw new Error('wrk printed no result');
    const [requests, errors, durationUs, p50Us, p95Us] = line.split(' ').slice(1).map(Number) as [number, number, number, number, number];
    const seconds = durationUs / 1e6;
    return { requests, errors, seconds, perSecond: requests / seconds, p50Ms: p50Us / 1000, p95Ms: p95Us / 1000 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
