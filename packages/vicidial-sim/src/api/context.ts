import type { Kysely } from 'kysely';
import type { VicidialDatabase } from '../db/schema.js';
import type { ApiReply } from './reply.js';

/** The authenticated API user and the flags the function handlers check themselves. */
export interface ApiUser {
  user: string;
  userLevel: number;
  userGroup: string;
  vdcAgentApiAccess: boolean;
  astAdminAccess: boolean;
  astDeletePhones: boolean;
  modifyInboundDids: boolean;
  deleteInboundDids: boolean;
  /** vicidial_user_groups.admin_viewable_groups of the user's group; null when that row is missing. */
  adminViewableGroups: string | null;
}

/** One vicidial_admin_log row, as the API writes it (event_date, user, ip are filled in for you). */
export interface AdminLogEntry {
  section: 'PHONES' | 'PHONEALIASES' | 'DIDS' | 'SERVERS';
  type: 'ADD' | 'COPY' | 'MODIFY' | 'DELETE' | 'OTHER';
  recordId: string;
  code: string;
  /** The executed SQL with ';' removed; the trailing '|' is added for you. */
  sql: string;
  notes: string;
}

/**
 * What a function handler gets once login, source and allowed-functions checks have passed.
 * `param` returns the URL-decoded value (GET wins over POST) or '' when absent; filtering is the
 * handler's business (filterParam), because the order of checks depends on raw vs filtered values.
 */
export interface HandlerContext {
  db: Kysely<VicidialDatabase>;
  user: ApiUser;
  source: string;
  remoteIp: string;
  /** The request time: the same instant for every row the call writes. */
  now: Date;
  param(name: string): string;
  has(name: string): boolean;
  adminLog(entry: AdminLogEntry): Promise<void>;
}

export type FunctionHandler = (ctx: HandlerContext) => Promise<ApiReply>;
