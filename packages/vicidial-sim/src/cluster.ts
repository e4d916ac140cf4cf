import cluster, { type Worker } from 'node:cluster';
import { fileURLToPath } from 'node:url';
import { openVicidialDb } from './db/connect.js';
import { startVicidialServer } from './server.js';

/** What each worker serves: the same database and address for all of them. */
export interface ServeOptions {
  db: string;
  host: string;
  port: number;
}

export interface RunningApi {
  /** Base URL, e.g. http://127.0.0.1:8080 (one port shared by every worker). */
  url: string;
  /** Stops every worker (each closes its server and its database pool). */
  close(): Promise<void>;
}

const OPTIONS_ENV = 'VICIDIAL_SIM_WORKER';

/**
 * Serves the API from `count` processes on one port, as Apache serves VICIdial's PHP from several
 * workers: each worker has its own event loop and its own database pool; the primary hands out
 * connections in turn (node:cluster) and serves nothing itself. A worker that dies ends them all:
 * a simulator that silently lost capacity would make every figure measured on it wrong.
 */
export async function startWorkers(count: number, options: ServeOptions): Promise<RunningApi> {
  cluster.setupPrimary({ exec: fileURLToPath(import.meta.url), args: [] });
  const env = { [OPTIONS_ENV]: JSON.stringify(options) };
  const workers = Array.from({ length: count }, () => cluster.fork(env));
  let stopping = false;
  const listening = workers.map(
    (worker) =>
      new Promise<number>((resolve, reject) => {
        worker.once('listening', (address) => resolve(address.port));
        worker.once('exit', (code) => reject(new Error(`a VICIdial worker exited (${code}) before it listened`)));
      }),
  );
  const ports = await Promise.all(listening).catch(async (error: unknown) => {
    await stopAll(workers);
    throw error;
  });
  for (const worker of workers) {
    worker.on('exit', (code, signal) => {
      if (stopping) return;
      console.error(`a VICIdial worker died (${signal ?? code}): stopping`);
      void stopAll(workers).then(() => process.exit(1));
    });
  }
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${shownHost}:${ports[0]}`,
    async close() {
      stopping = true;
      await stopAll(workers);
    },
  };
}

async function stopAll(workers: readonly Worker[]): Promise<void> {
  await Promise.all(
    workers.map((worker) => {
      if (worker.isDead()) return undefined;
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.process.kill('SIGTERM');
      return exited;
    }),
  );
}

/** One worker: its own pool on the shared database, its own server on the shared port. */
async function serveAsWorker(options: ServeOptions): Promise<void> {
  const { db, close } = await openVicidialDb(options.db);
  const server = await startVicidialServer({ db, host: options.host, port: options.port });
  // Ctrl+C reaches the whole process group: the primary decides, and stops the workers with SIGTERM.
  process.on('SIGINT', () => undefined);
  process.once('SIGTERM', async () => {
    await server.close();
    await close();
    process.exit(0);
  });
}

if (cluster.isWorker && process.env[OPTIONS_ENV]) {
  serveAsWorker(JSON.parse(process.env[OPTIONS_ENV]) as ServeOptions).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
