import type { ColumnType, Generated } from 'kysely';
import type { AuditOutcome } from '@vicidash/contracts/audit';

/** The dashboard's own database: its people, their sessions, failed logins and the audit of every write attempt. */
export interface DashboardDatabase {
  users: UsersTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  audit_log: AuditLogTable;
  record_locks: RecordLocksTable;
  vicidial_credentials: VicidialCredentialsTable;
  imports: ImportsTable;
  import_results: ImportResultsTable;
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
  /** 1 while the password is a one-time one (new account, reset): every other request waits for a new one. */
  must_change_password: Generated<number>;
  /** ISO time of the last login; null before the first. */
  last_login_at: string | null;
  // failed_logins and locked_until (migration 0001) are no longer used: see migration 0002.
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

/** One row per failed login, and per login being checked (LoginThrottle). */
export interface LoginFailuresTable {
  id: Generated<number>;
  /** SHA-256 (hex) of the username as typed, lower-cased. */
  username_key: string;
  /** The client's address (an IPv6 one as its /56). */
  source: string;
  /** Epoch ms. */
  at: number;
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
  /** A revert's row: the id of the entry it reverts (null for every other row). */
  revert_of: ColumnType<number | null, number | null | undefined, never>;
}

/** A record being saved right now (record-locks.ts): one row per held lock. */
export interface RecordLocksTable {
  /** `type:id`, e.g. `did:5`, `alias:sales`. */
  record_key: string;
  /** `host/pid/random` of the taking. */
  owner: string;
  /** Epoch ms when the lock frees itself unless its holder renews it. */
  expires_at: number;
}

/** The one row (id 1) saying what VICIdial last answered for the API user (vicidial/api-account.ts). */
export interface VicidialCredentialsTable {
  id: number;
  /** `unchecked` until the first check; `unreachable`: no answer (says nothing of the credentials). */
  outcome: 'unchecked' | 'ok' | 'refused' | 'unreachable';
  /** The client's code of a refusal (e.g. LOGIN_INCORRECT). */
  code: string | null;
  /** Plain English, secret-free: why, and which setting to fix. */
  message: string | null;
  /** HMAC of the user and password the outcome is about: other credentials are checked afresh. */
  credentials: string;
  /** Epoch ms of the last answer. */
  checked_at: number;
  /** Epoch ms until which one worker's check is under way (the others report the last outcome). */
  claimed_until: number;
}

/** A CSV import: previewed, then applied (imports/import-store.ts). */
export interface ImportsTable {
  id: string;
  resource: 'dids' | 'phones' | 'aliases';
  actor_id: number;
  state: 'previewed' | 'running' | 'done';
  /** SHA-256 (hex) of the file: an apply carries out the preview of the same file only. */
  file_hash: string;
  /** JSON: the file's header row (the error report repeats it). */
  header: string;
  /** JSON: `{[line]: {key, version}}` of the rows the preview would add (version '') or change. */
  planned: string;
  total: Generated<number>;
  done: Generated<number>;
  /** The apply's request: every audit row of the import carries it. */
  request_id: Generated<string>;
  /** Epoch ms. */
  created_at: number;
  /** Epoch ms of the apply's last sign of life. */
  heartbeat_at: number;
}

/** One row's result of an apply. */
export interface ImportResultsTable {
  import_id: string;
  line: number;
  row_key: string;
  action: 'add' | 'change' | 'invalid';
  ok: number;
  /** JSON error body, when it failed. */
  error: string | null;
  /** JSON: the row's cells as in the file, when it failed (the error report). */
  cells: string | null;
}
