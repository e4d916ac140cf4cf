// `npm start`: the dashboard on the embedded VICIdial with demo data, in one process.
// The BFF gets exactly the configuration a real deployment would (API URL, API user, database);
// nothing in it knows that VICIdial is embedded.
// DEMO_VICIDIAL_DB (a fresh mysql:// database, or a SQLite path) and DEMO_SEED (demo | scale) let the
// benchmarks run the same stack on MariaDB with the scale data. VICIDIAL_API_USER names the API user
// (seeded under that name) as a real VICIdial's would, so the browser suite can prove it hard-codes none.
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createLogger, loadConfig, startServer } from '@vicidash/bff';
import { createSchema, openVicidialDb, SEED_NAMES, type SeedName, seedDatabase, startVicidialServer } from '@vicidash/vicidial-sim';
import { DEMO_API_PASS, DEMO_API_USER } from '@vicidash/vicidial-sim/seeds/demo';

const dataDir = resolve(process.env.DEMO_DATA_DIR ?? '.data/demo');
const vicidialTarget = process.env.DEMO_VICIDIAL_DB ?? join(dataDir, 'vicidial.sqlite');
const seed = (process.env.DEMO_SEED ?? 'demo') as SeedName;
const apiUser = process.env.VICIDIAL_API_USER ?? DEMO_API_USER;
if (!SEED_NAMES.includes(seed) || seed === 'conformance') throw new Error(`DEMO_SEED must be demo or scale, not ${seed}`);

// A fresh demo on every start: yesterday's experiments do not leak into today's walkthrough.
rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });

const vicidial = await openVicidialDb(vicidialTarget);
await createSchema(vicidial.db, vicidial.dialect);
await seedDatabase(vicidial.db, vicidial.dialect, seed, { apiUser });
const sim = await startVicidialServer({
  db: vicidial.db,
  host: '127.0.0.1',
  port: Number(process.env.VICIDIAL_PORT ?? 0),
});

const config = loadConfig({
  ...process.env,
  NODE_ENV: process.env.NODE_ENV ?? 'development',
  VICIDIAL_API_URL: `${sim.url}/vicidial/non_agent_api.php`,
  VICIDIAL_API_USER: apiUser,
  VICIDIAL_API_PASS: DEMO_API_PASS,
  VICIDIAL_DB_URL: vicidialTarget,
  DASHBOARD_DB_URL: join(dataDir, 'dashboard.sqlite'),
  SESSION_SECRET: process.env.SESSION_SECRET ?? randomBytes(32).toString('hex'),
  WEB_DIST_DIR: process.env.WEB_DIST_DIR ?? resolve(import.meta.dirname, '../../web/dist'),
});
const logger = createLogger(config.LOG_LEVEL);
const dashboard = await startServer(config, logger);

// Demo accounts, one per role. A production start (apps/bff/dist/main.js) creates none.
const demoAccounts = [
  { username: 'supervisor', displayName: 'Sam Supervisor', role: 'supervisor', password: 'supervisor-demo' },
  { username: 'helpdesk', displayName: 'Hana Helpdesk', role: 'helpdesk', password: 'helpdesk-demo' },
  { username: 'viewer', displayName: 'Vic Viewer', role: 'viewer', password: 'viewer-demo' },
] as const;
for (const account of demoAccounts) await dashboard.services.accounts.create(account);

console.log(`
  VICIdial dashboard (demo data)
  Dashboard:          ${dashboard.url}/
  Health:             ${dashboard.url}/api/health
  Embedded VICIdial:  ${sim.url}/vicidial/non_agent_api.php
  Data:               ${dataDir} (reset on every start)

  Demo accounts (username / password):
${demoAccounts.map((a) => `    ${a.role.padEnd(11)} ${a.username} / ${a.password}`).join('\n')}

  Stop with Ctrl+C.
`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await dashboard.close();
  await sim.close();
  await vicidial.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
