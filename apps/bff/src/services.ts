import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type Database, openDatabase } from '@vicidash/database';
import { createVicidialClient } from '@vicidash/vicidial-client';
import type { Logger } from 'pino';
import type { AppServices } from './app.js';
import { noPeers, type Peers } from './cluster/peers.js';
import { AuditLog } from './audit/audit-log.js';
import { Accounts } from './auth/accounts.js';
import { LoginThrottle } from './auth/login-throttle.js';
import { DashboardSessionStore } from './auth/session-store.js';
import type { Config } from './config.js';
import { openDashboardDb } from './store/open.js';
import { RecordLocks } from './store/record-locks.js';
import type { DashboardDatabase } from './store/schema.js';
import { VicidialApiAccount } from './vicidial/api-account.js';
import { checkGrants, type Grants } from './vicidial/grants.js';
import { ListReadModel } from './vicidial/reader/lists.js';
import type { VicidialReadModel } from './vicidial/tables.js';

export interface Services extends AppServices {
  dashboardDatabase: Database<DashboardDatabase>;
  vicidialDatabase: Database<VicidialReadModel>;
  close(): Promise<void>;
}

/**
 * Opens what the app needs from its configuration; `close()` releases it all. `peers` are the other
 * workers of a cluster, told what this one changes of what they keep in memory.
 */
export async function createServices(config: Config, logger: Logger, now: () => number = Date.now, peers: Peers = noPeers): Promise<Services> {
  const dashboardDatabase = await openDashboardDb(config.DASHBOARD_DB_URL);
  const idleMs = config.SESSION_IDLE_MINUTES * 60_000;
  const accounts = new Accounts(dashboardDatabase.db, now);
  const sessionStore = new DashboardSessionStore(dashboardDatabase.db, dashboardDatabase.dialect, { idleMs, now, peers });
  await bootstrapSupervisor(config, accounts, logger);
  // VICIdial's SQLite file is VICIdial's: its journal mode is left alone, and a lock answers at once
  // (readVicidialDb retries without blocking the event loop) instead of freezing every request.
  const vicidialDatabase = openDatabase<VicidialReadModel>(config.VICIDIAL_DB_URL, { connectionLimit: 20, wal: false, busyTimeoutMs: 0 });
  const vicidial = createVicidialClient({
    url: config.VICIDIAL_API_URL,
    user: config.VICIDIAL_API_USER,
    pass: config.VICIDIAL_API_PASS,
    source: config.VICIDIAL_API_SOURCE,
    timeoutMs: config.VICIDIAL_API_TIMEOUT_MS,
    connections: 16,
    onCall: (call) => logger.debug({ vicidial: call }, 'vicidial call'),
  });
  const vicidialAccount = new VicidialApiAccount(dashboardDatabase.db, vicidial, {
    credentials: createHmac('sha256', config.SESSION_SECRET).update(`vicidial api\u0000${config.VICIDIAL_API_USER}\u0000${config.VICIDIAL_API_PASS}`).digest('base64url'),
    now,
    timeoutMs: config.VICIDIAL_API_TIMEOUT_MS,
  });
  // At start, without holding the start up: does VICIdial let the API user in (unless another worker
  // checked these credentials lately)? Probes and writes of this process wait for the answer.
  void vicidialAccount.state().catch((error: unknown) => logger.warn({ err: error }, 'VICIdial API user check failed'));
  const vicidialDbGrants = await checkGrants(vicidialDatabase.db as Kysely<unknown>, vicidialDatabase.dialect).catch(
    (): Grants => ({ checked: false, readable: [], note: "not checked: VICIdial's database did not answer at start" }),
  );
  if (vicidialDbGrants.readable.length > 0) logger.warn({ grants: vicidialDbGrants }, 'VICIdial read-only database user can read tables it does not need');
  return {
    logger,
    now,
    accounts,
    loginThrottle: new LoginThrottle(dashboardDatabase.db, now),
    sessionStore,
    audit: new AuditLog(dashboardDatabase.db, now),
    dashboardDb: dashboardDatabase.db,
    vicidialDb: vicidialDatabase.db,
    vicidialDialect: vicidialDatabase.dialect,
    lists: new ListReadModel(vicidialDatabase.db, peers),
    locks: new RecordLocks(dashboardDatabase.db, { waitMs: config.RECORD_LOCK_WAIT_MS }),
    vicidial,
    vicidialAccount,
    vicidialDbGrants,
    dashboardDatabase,
    vicidialDatabase,
    settings: {
      sessionSecret: config.SESSION_SECRET,
      versionKey: createHmac('sha256', config.SESSION_SECRET).update('record versions').digest('base64url'),
      idleMs,
      absoluteMs: config.SESSION_ABSOLUTE_HOURS * 3_600_000,
      trustProxyHops: config.TRUST_PROXY_HOPS,
      writeLimit: config.WRITE_RATE_LIMIT,
      webDistDir: config.WEB_DIST_DIR,
    },
    async close() {
      sessionStore.close();
      await vicidial.close();
      await vicidialDatabase.close();
      await dashboardDatabase.close();
    },
  };
}

/**
 * The dashboard database, migrated and with its first supervisor, before a cluster's workers start
 * (so that they do not all try at once).
 */
export async function prepareDashboardDb(config: Config, logger: Logger): Promise<void> {
  const dashboardDatabase = await openDashboardDb(config.DASHBOARD_DB_URL);
  try {
    await bootstrapSupervisor(config, new Accounts(dashboardDatabase.db), logger);
  } finally {
    await dashboardDatabase.close();
  }
}

/** Production installs start with no account; this creates the first supervisor, once. */
async function bootstrapSupervisor(config: Config, accounts: Accounts, logger: Logger): Promise<void> {
  const username = config.BOOTSTRAP_SUPERVISOR_USERNAME;
  const password = config.BOOTSTRAP_SUPERVISOR_PASSWORD;
  if (!username || !password || (await accounts.count()) > 0) return;
  await accounts.create({ username, displayName: username, role: 'supervisor', password });
  logger.info({ username }, 'bootstrap supervisor created');
}
