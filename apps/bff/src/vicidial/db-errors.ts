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

/**
 * Runs a read of VICIdial's database: when the database cannot be used the answer is 503, not a
 * 500 that looks like a bug. Other errors pass unchanged.
 */
export async function readVicidialDb<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    throw new AppError('DATABASE_UNAVAILABLE', "VICIdial's database did not answer. Try again in a moment.");
  }
}
