import { type Kysely, sql } from 'kysely';
import type { Logger } from 'pino';
import type { VicidialClient } from '@vicidash/vicidial-client';
import { z } from 'zod';
import type { AppServices } from '../app.js';
import { AppError } from '../errors.js';
import { route } from '../http/route.js';
import { READ_COLUMNS, type VicidialReadModel } from '../vicidial/tables.js';

/** A probe must answer fast: a dependency slower than this counts as down. */
export const READY_TIMEOUT_MS = 3_000;

const checkSchema = z.object({
  ok: z.boolean(),
  ms: z.number(),
  /** Why it failed, in plain words (never a host's credentials or raw driver message). */
  reason: z.string().optional(),
});
type Check = z.infer<typeof checkSchema>;

const CHECK_NAMES = ['vicidialApi', 'vicidialDb', 'dashboardDb'] as const;
type CheckName = (typeof CHECK_NAMES)[number];
const checksSchema = z.object(Object.fromEntries(CHECK_NAMES.map((name) => [name, checkSchema])) as Record<CheckName, typeof checkSchema>);

export const readyResponseSchema = z.object({ status: z.literal('ready'), checks: checksSchema });

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

/** Runs one check; a failure becomes its reason, the full error goes to the server log only. */
async function run(name: CheckName, check: () => Promise<string | undefined>, log: Logger): Promise<Check> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  try {
    const failure = await withTimeout(check(), READY_TIMEOUT_MS);
    return failure === undefined ? { ok: true, ms: ms() } : { ok: false, ms: ms(), reason: failure };
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
const vicidialTablesRead = (db: Kysely<VicidialReadModel>) => async () => {
  for (const [table, columns] of Object.entries(READ_COLUMNS)) {
    try {
      await db.selectFrom(table as keyof VicidialReadModel).select(columns as never).limit(1).execute();
    } catch (error) {
      const { code, message } = error as { code?: unknown; message?: unknown };
      if (!SCHEMA_ERRORS.has(String(code))) throw error;
      // Without SQLite's quoting of the name and its hint after ' - ' (for a mistyped literal).
      return `table ${table}: ${String(message).split(' - ')[0]?.replaceAll('"', '')}`;
    }
  }
  return undefined;
};

const apiAnswers = (vicidial: VicidialClient) => async () => {
  // `version` needs no credentials and changes nothing; its message is plain English, secret-free.
  const result = await vicidial.version({ timeoutMs: READY_TIMEOUT_MS });
  return result.kind === 'ok' ? undefined : result.message.replace(/\.$/, '');
};

/** Probes for load balancers and orchestrators: alive (the process answers) and ready (its dependencies answer). */
export function healthRoutes({ vicidial, vicidialDb, dashboardDb }: AppServices) {
  const probes: Record<CheckName, () => Promise<string | undefined>> = {
    vicidialApi: apiAnswers(vicidial),
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
      summary: "Ready: VICIdial's API, VICIdial's database and the dashboard's database all answer (503 with the failed checks otherwise)",
      permission: null,
      response: readyResponseSchema,
      async handler({ req }) {
        const results = await Promise.all(CHECK_NAMES.map((name) => run(name, probes[name], req.log)));
        const checks = Object.fromEntries(CHECK_NAMES.map((name, i) => [name, results[i]])) as Record<CheckName, Check>;
        const failed = CHECK_NAMES.filter((name) => !checks[name].ok);
        if (failed.length === 0) return { status: 'ready' as const, checks };
        const message = `Not ready: ${failed.map((name) => `${checkLabels[name]} (${checks[name].reason})`).join('; ')}.`;
        throw new AppError(failed[0] === 'vicidialApi' ? 'VICIDIAL_UNAVAILABLE' : 'DATABASE_UNAVAILABLE', message, {
          status: 503,
          details: { status: 'not_ready', checks },
        });
      },
    }),
  ];
}
