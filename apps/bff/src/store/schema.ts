import type { ColumnType, Generated } from 'kysely';
import type { AuditOutcome } from '@vicidash/contracts/audit';

/** The dashboard's own database: its people, their sessions and the audit of every write attempt. */
export interface DashboardDatabase {
  users: UsersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
}

export type Role = 'supervisor' | 'helpdesk' | 'viewer';

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  /** 1 active, 0 disabled (disabled people cannot log in; their sessions end). */
  active: number;
  failed_logins: Generated<number>;
  /** Epoch ms until which logins are refused after repeated failures; 0 when not throttled. */
  locked_until: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  sid: string;
  /** express-session's JSON. */
  data: string;
  /** Epoch ms. */
  expires_at: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  /** ISO 8601 with milliseconds, UTC. */
  at: string;
  actor_id: number;
  actor_username: string;
  actor_name: string;
  actor_role: string;
  /** `action:resource`, e.g. `update:dids`. */
  action: string;
  target_type: string;
  target_id: string;
  outcome: AuditOutcome;
  /** JSON: the fields sent, secrets masked. */
  fields: ColumnType<string, string, never>;
  /** JSON: the translated answer `{code, field?, message}`. */
  result: ColumnType<string, string, never>;
  /** JSON: the record before and after (null when absent), secrets masked. */
  before: ColumnType<string | null, string | null, never>;
  after: ColumnType<string | null, string | null, never>;
  request_id: string;
}
