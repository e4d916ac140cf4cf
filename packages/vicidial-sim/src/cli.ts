#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { createDatabaseIfMissing, createSchema, openVicidialDb, schemaExists, type VicidialDb } from './db/connect.js';
import { isSeedName, SEED_NAMES, seedDatabase } from './seeds/index.js';
import { type ServeOptions, type RunningApi, startWorkers } from './cluster.js';
import { API_PATH, startVicidialServer } from './server.js';

const USAGE = `usage: vicidial --db <sqlite file | :memory: | mysql://user:pass@host:port/db> [--port 8080] [--host 127.0.0.1] [--seed ${SEED_NAMES.join('|')}] [--workers 1]

Runs the embedded VICIdial's Non-Agent API. A database without VICIdial's tables gets them and the
chosen seed (default demo); a database that has them is served as it is. --workers N serves it from
N processes on one port, as Apache runs VICIdial's PHP in several workers (not with :memory:).`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      port: { type: 'string', default: '8080' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string', default: 'demo' },
      workers: { type: 'string', default: '1' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const port = Number(values.port);
  const workers = Number(values.workers);
  const workersFit = Number.isInteger(workers) && workers >= 1 && (workers === 1 || values.db !== ':memory:');
  if (values.help || !values.db || !Number.isInteger(port) || port < 0 || !isSeedName(values.seed) || !workersFit) {
    console.error(USAGE);
    process.exit(values.help ? 0 : 2);
  }

  await createDatabaseIfMissing(values.db);
  const { db, dialect, close } = await openVicidialDb(values.db);
  if (await schemaExists(db)) {
    console.log(`using the existing VICIdial tables (no seed)`);
  } else {
    await createSchema(db, dialect);
    await seedDatabase(db, dialect, values.seed);
    console.log(`created VICIdial's tables, seeded: ${values.seed}`);
  }
  const server = await serve(workers, { db: values.db, port, host: values.host }, { db, close });
  console.log(`embedded VICIdial listening: ${server.url}${API_PATH}${workers > 1 ? ` (${workers} workers)` : ''}`);

  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** In this process on the database already open, or from workers that each open their own. */
async function serve(workers: number, options: ServeOptions, opened: Pick<VicidialDb, 'db' | 'close'>): Promise<RunningApi> {
  if (workers > 1) {
    await opened.close();
    return startWorkers(workers, options);
  }
  const server = await startVicidialServer({ db: opened.db, port: options.port, host: options.host });
  return {
    url: server.url,
    async close() {
      await server.close();
      await opened.close();
    },
  };
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
