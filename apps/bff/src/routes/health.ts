import { type Kysely, sql } from 'kysely';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { AppServices } from '../app.js';
import { AppError } from '../errors.js';
import { route } from '../http/route.js';
import type { VicidialApiAccount } from '../vicidial/api-account.js';
import { grantsSchema } from '../vicidial/grants.js';
import { READ_COLUMNS, type VicidialReadModel } from '../vicidial/tables.js';

/** A probe must answer fast: a dependency slower than this counts as down. */
export const READY_TIMEOUT_MS = 3_000;

const checkSchema = z.object({
  ok: z.boolean(),
  ms: z.number(),
  /** Why it failed, in plain words (never a host's credentials or raw driver message). */
  reason: z.string().optional(),
  /** When the outcome reported was found (VICIdial's API is asked at most once a minute, not on every probe). */
  checkedAt: z.string().optional(),
});
type Check = z.infer<typeof checkSchema>;

const CHECK_NAMES = ['vicidialApi', 'vicidialDb', 'dashboardDb'] as const;
type CheckName = (typeof CHECK_NAMES)[number];
const checksSchema = z.object(Object.fromEntries(CHECK_NAMES.map((name) => [name, checkSchema])) as Record<CheckName, typeof checkSchema>);

export const readyResponseSchema = z.object({
  status: z.literal('ready'),
  checks: checksSchema,
  /** VICIdial's read-only database user: whether it can read tables holding passwords (a warning, not a failure). */
  vicidialDbGrants: grantsSchema,
});

const checkLabels: Record<CheckName, string> = {
  vicidialApi: "VICIdial's API",
  vicidialDb: "VICIdial's database",
  dashboardDb: "the dashboard's database",
};

/** Driver error codes, in words an operator can act on. */
const reasons: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EHOSTUNREACH: 'host unreachable',
  ETIMEDOUT: 'connection timed out',
  PROTOCOL_CONNECTION_LOST: 'connection lost',
  ER_ACCESS_DENIED_ERROR: 'access denied: check the user and password',
  ER_DBACCESS_DENIED_ERROR: 'access to the database denied',
  ER_BAD_DB_ERROR: 'no such database',
  SQLITE_CANTOPEN: 'cannot open the database file',
  SQLITE_BUSY: 'the database file is locked',
  SQLITE_CORRUPT: 'the database file is damaged',
  SQLITE_NOTADB: 'the file is not a database',
};

class TimedOut extends Error {}

const withTimeout = <T>(work: Promise<T>, ms: number): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new TimedOut()), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
};

const reasonOf = (error: unknown): string => {
  if (error instanceof TimedOut) return `no answer within ${READY_TIMEOUT_MS / 1000} s`;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return reasons[code] ?? `failed (${code})`;
  return 'failed';
};

/** What a check found: nothing wrong, or why it failed; and when, if not now. */
type Finding = { failure?: string; checkedAt?: string } | undefined;

/** Runs one check; a failure becomes its reason, the full error goes to the server log only. */
async function run(name: CheckName, check: () => Promise<Finding>, log: Logger): Promise<Check> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  try {
    const { failure, checkedAt } = (await withTimeout(check(), READY_TIMEOUT_MS)) ?? {};
    return { ok: failure === undefined, ms: ms(), ...(failure === undefined ? {} : { reason: failure }), ...(checkedAt ? { checkedAt } : {}) };
  } catch (error) {
    log.warn({ err: error, check: name }, 'readiness check failed');
    return { ok: false, ms: ms(), reason: reasonOf(error) };
  }
}

const databaseAnswers = (db: Kysely<unknown>) => async () => {
  await sql`select 1`.execute(db);
  return undefined;
};

/** A missing table or column: the driver's message names it (and nothing secret). */
const SCHEMA_ERRORS = new Set(['SQLITE_ERROR', 'ER_NO_SUCH_TABLE', 'ER_BAD_FIELD_ERROR']);

/** VICIdial's database holds every table and column the dashboard reads, and they can be read. */
const vicidialTablesRead = (db: Kysely<VicidialReadModel>) => async (): Promise<Finding> => {
  for (const [table, columns] of Object.entries(READ_COLUMNS)) {
    try {
      await db.selectFrom(table as keyof VicidialReadModel).select(columns as never).limit(1).execute();
    } catch (error) {
      const { code, message } = error as { code?: unknown; message?: unknown };
      if (!SCHEMA_ERRORS.has(String(code))) throw error;
      // Without SQLite's quoting of the name and its hint after ' - ' (for a mistyped literal).
      return { failure: `table ${table}: ${String(message).split(' - ')[0]?.replaceAll('"', '')}` };
    }
  }
  return undefined;
};

/**
 * VICIdial's last answer to the API user's check (vicidial/api-account.ts), asked again only when due:
 * every authenticated call writes to VICIdial's API log, and a wrong password counts towards its lock.
 */
const apiAcceptsUser = (account: VicidialApiAccount) => async (): Promise<Finding> => {
  const state = await account.state().catch(() => undefined);
  if (!state) return { failure: "unknown: its last check is kept in the dashboard's database" };
  const checkedAt = state.outcome === 'unchecked' ? undefined : new Date(Number(state.checked_at)).toISOString();
  const failure = state.outcome === 'ok' ? undefined : (state.message ?? 'not checked yet').replace(/\.$/, '');
  return { ...(failure === undefined ? {} : { failure }), ...(checkedAt ? { checkedAt } : {}) };
};

/** Probes for load balancers and orchestrators: alive (the process answers) and ready (its dependencies answer). */
export function healthRoutes({ vicidialAccount, vicidialDb, dashboardDb, vicidialDbGrants }: AppServices) {
  const probes: Record<CheckName, () => Promise<Finding>> = {
    vicidialApi: apiAcceptsUser(vicidialAccount),
    vicidialDb: vicidialTablesRead(vicidialDb),
    dashboardDb: databaseAnswers(dashboardDb as Kysely<unknown>),
  };
  return [
    route({
      method: 'get',
      path: '/api/health',
      tag: 'health',
      summary: 'Alive: the process answers (checks nothing else)',
      permission: null,
      response: z.object({ status: z.literal('ok') }),
      handler: async () => ({ status: 'ok' as const }),
    }),
    route({
      method: 'get',
      path: '/api/ready',
      tag: 'health',
      summary: "Ready: VICIdial's API accepts the API user (its last check, at most a minute old), VICIdial's database and the dashboard's database answer (503 with the failed checks otherwise)",
      permission: null,
      response: readyResponseSchema,
      async handler({ req }) {
        const results = await Promise.all(CHECK_NAMES.map((name) => run(name, probes[name], req.log)));
        const checks = Object.fromEntries(CHECK_NAMES.map((name, i) => [name, results[i]])) as Record<CheckName, Check>;
        const failed = CHECK_NAMES.filter((name) => !checks[name].ok);
        if (failed.length === 0) return { status: 'ready' as const, checks, vicidialDbGrants };
        const message = `Not ready: ${failed.map((name) => `${checkLabels[name]} (${checks[name].reason})`).join('; ')}.`;
        const code = failed.every((name) => name === 'vicidialApi') ? 'VICIDIAL_UNAVAILABLE' : 'DATABASE_UNAVAILABLE';
        throw new AppError(code, message, {
          status: 503,
          details: { status: 'not_ready', checks, vicidialDbGrants },
        });
      },
    }),
  ];
}
