import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../errors.js';

/** mysql2 codes (and Node socket codes it passes on) that mean the server could not be used at all. */
const MYSQL_UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'POOL_CLOSED',
  'ER_ACCESS_DENIED_ERROR',
  'ER_DBACCESS_DENIED_ERROR',
  'ER_BAD_DB_ERROR',
  'ER_CON_COUNT_ERROR',
  'ER_TOO_MANY_USER_CONNECTIONS',
  'ER_SERVER_SHUTDOWN',
  'ER_NO_SUCH_TABLE',
]);

/** True when the error says VICIdial's database is down, unreachable or not the expected one. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, fatal, errors } = error as { code?: unknown; fatal?: unknown; errors?: unknown };
  if (fatal === true) return true;
  if (typeof code === 'string' && (MYSQL_UNAVAILABLE.has(code) || /^SQLITE_(CANTOPEN|BUSY|LOCKED|IOERR|NOTADB|CORRUPT)/.test(code))) return true;
  // SQLite's ER_NO_SUCH_TABLE: a file without VICIdial's tables (SQLite creates a missing file, empty).
  if (code === 'SQLITE_ERROR' && /^no such table/.test(String((error as { message?: unknown }).message))) return true;
  // A connection to a host with several addresses fails with one error per address.
  return Array.isArray(errors) && errors.some(isDatabaseUnavailable);
}

/** Another connection holds SQLite's lock (VICIdial's SQLite is opened with no busy wait). */
const isLocked = (error: unknown) => /^SQLITE_(BUSY|LOCKED)/.test(String((error as { code?: unknown } | null)?.code));

/** Waits between tries on a locked database: about 0.7 s in all, the event loop free meanwhile. */
const LOCKED_RETRY_MS = [50, 100, 200, 350];

/**
 * Runs a read of VICIdial's database: when the database cannot be used the answer is 503, not a
 * 500 that looks like a bug. A locked SQLite file is tried again a few times first. Other errors
 * pass unchanged.
 */
export async function readVicidialDb<T>(read: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await read();
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      if (!isLocked(error)) throw new AppError('DATABASE_UNAVAILABLE', "VICIdial's database did not answer. Try again in a moment.");
      const wait = LOCKED_RETRY_MS[attempt];
      if (wait === undefined) throw new AppError('DATABASE_UNAVAILABLE', "VICIdial's database is locked by another program. Try again in a moment.");
      await sleep(wait);
    }
  }
}
