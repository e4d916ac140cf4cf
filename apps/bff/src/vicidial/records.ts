import type { Kysely } from 'kysely';
import type { AppServices } from '../app.js';
import type { DidRouting } from '@vicidash/contracts/did';
import type { PhoneKey } from '@vicidash/contracts/phone';
import { AppError } from '../errors.js';
import { readVicidialDb } from './db-errors.js';
import { aliasesListingLogin, getAlias } from './reader/aliases.js';
import { getDid, getDidByPattern, getDids } from './reader/dids.js';
import { getPhone, getPhoneSecrets } from './reader/phones.js';
import { serversAwaitingRebuild } from './reader/servers.js';
import { missingRouteTarget } from './reader/targets.js';
import type { VicidialReadModel } from './tables.js';

/**
 * The reads the write routes make around each change (the record before, to check its version;
 * after, to answer and audit it), each turning a database outage into 503.
 */
export function vicidialRecords({ vicidialDb: db, settings: { versionKey } }: Pick<AppServices, 'vicidialDb' | 'settings'>) {
  const read =
    <A extends unknown[], T>(reader: (db: Kysely<VicidialReadModel>, ...args: A) => Promise<T>) =>
    (...args: A): Promise<T> =>
      readVicidialDb(() => reader(db, ...args));
  const missingTarget = read(missingRouteTarget);
  return {
    phone: (key: PhoneKey) => readVicidialDb(() => getPhone(db, key, versionKey)),
    phoneSecrets: read(getPhoneSecrets),
    aliasesListingLogin: read(aliasesListingLogin),
    alias: read(getAlias),
    did: read(getDid),
    didByPattern: read(getDidByPattern),
    dids: read(getDids),
    serversAwaitingRebuild: read(serversAwaitingRebuild),
    /**
     * Refuses, before anything is sent, a routing block whose phone, in-group or call menu VICIdial
     * does not have (VICIdial itself accepts any phone extension); no routing block, nothing to check.
     */
    async requireRouteTarget(routing: DidRouting | undefined): Promise<void> {
      const missing = routing && (await missingTarget(routing));
      if (missing) throw new AppError('VALIDATION', missing.message, { field: missing.field });
    },
  };
}
export type VicidialRecords = ReturnType<typeof vicidialRecords>;

/** A change VICIdial made that could not be read back. */
export const changedButUnread = () =>
  new AppError('DATABASE_UNAVAILABLE', 'The change was made, but reading it back from VICIdial failed: reload the page to see it.');

/** Reads a record back after VICIdial changed it; if it cannot be read, says the change was made all the same. */
export async function readBack<T>(read: () => Promise<T | undefined>): Promise<T> {
  const record = await read().catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'DATABASE_UNAVAILABLE') return undefined;
    throw error;
  });
  if (record === undefined) throw changedButUnread();
  return record;
}

/**
 * Lost-update protection: the record as it is now, if it still exists (404) and is still the
 * version the person loaded (409, with the current values so the form can show them).
 */
export function requireVersion<T extends { version: string }>(current: T | undefined, version: string | undefined, what: string): T {
  if (current === undefined) throw new AppError('NOT_FOUND', `This ${what} no longer exists: someone may have deleted it.`);
  if (current.version !== version) {
    throw new AppError('CONFLICT', `This ${what} was changed by someone else since you loaded it. Review the current values and try again.`, {
      details: { current },
    });
  }
  return current;
}
