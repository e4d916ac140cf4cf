// Test support for the phone and alias handlers: the recorded session's seed in an in-memory SQLite
// database, and calls that go straight to a handler (login, source and allowed functions are the
// dispatcher's business and tested there).
import type { Kysely } from 'kysely';
import { createSchema, openVicidialDb } from '../db/connect.js';
import type { VicidialDatabase } from '../db/schema.js';
import { seedConformance } from '../seeds/conformance.js';
import { writeAdminLog } from './admin-log.js';
import { loadApiUser } from './auth.js';
import type { ApiUser, FunctionHandler } from './context.js';
import type { ApiReply } from './reply.js';

export interface PhoneFixture {
  db: Kysely<VicidialDatabase>;
  /** Calls a handler as API user `user` (default 6666, who may do everything) with these parameters. */
  call(handler: FunctionHandler, params: Record<string, string>, user?: string | ApiUser): Promise<ApiReply>;
  close(): Promise<void>;
}

export async function openPhoneFixture(): Promise<PhoneFixture> {
  const { db, dialect, close } = await openVicidialDb(':memory:');
  await createSchema(db, dialect);
  await seedConformance(db, dialect);
  return {
    db,
    close,
    async call(handler, params, user = '6666') {
      const apiUser = typeof user === 'string' ? await loadApiUser(db, user) : user;
      const now = new Date();
      return handler({
        db,
        user: apiUser,
        source: 'test',
        remoteIp: '127.0.0.1',
        now,
        param: (name) => params[name] ?? '',
        has: (name) => name in params,
        adminLog: (entry) => writeAdminLog(db, { user: apiUser.user, ip: '127.0.0.1', now }, entry),
      });
    },
  };
}

/** The body of a one-line answer, without its newline. */
export const lineOf = (reply: ApiReply): string => reply.body.replace(/\n$/, '');
