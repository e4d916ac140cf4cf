#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { createDatabaseIfMissing, createSchema, openVicidialDb, schemaExists } from './db/connect.js';
import { isSeedName, SEED_NAMES, seedDatabase } from './seeds/index.js';
import { API_PATH, startVicidialServer } from './server.js';

const USAGE = `usage: vicidial --db <sqlite file | :memory: | mysql://user:pass@host:port/db> [--port 8080] [--host 127.0.0.1] [--seed ${SEED_NAMES.join('|')}]

Runs the embedded VICIdial's Non-Agent API. A database without VICIdial's tables gets them and the
chosen seed (default demo); a database that has them is served as it is.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      port: { type: 'string', default: '8080' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string', default: 'demo' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const port = Number(values.port);
  if (values.help || !values.db || !Number.isInteger(port) || port < 0 || !isSeedName(values.seed)) {
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
  const server = await startVicidialServer({ db, port, host: values.host });
  console.log(`embedded VICIdial listening: ${server.url}${API_PATH}`);

  const stop = async () => {
    await server.close();
    await close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
