import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import type { Dialect } from '@vicidash/database';

/** JSON payloads can exceed MySQL's 64 KB TEXT; SQLite has one text type. */
const longText = (dialect: Dialect) => (dialect === 'mysql' ? sql`mediumtext` : sql`text`);

const migrations = (dialect: Dialect): Record<string, Migration> => ({
  '0001_users_sessions_audit': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('users')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('username', 'varchar(64)', (c) => c.notNull().unique())
        .addColumn('display_name', 'varchar(100)', (c) => c.notNull())
        .addColumn('role', 'varchar(20)', (c) => c.notNull())
        .addColumn('password_hash', 'varchar(255)', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_until', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('sessions')
        .addColumn('sid', 'varchar(128)', (c) => c.primaryKey())
        .addColumn('data', longText(dialect), (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_expires_at').on('sessions').column('expires_at').execute();
      await db.schema
        .createTable('audit_log')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('at', 'varchar(30)', (c) => c.notNull())
        .addColumn('actor_id', 'integer', (c) => c.notNull())
        .addColumn('actor_username', 'varchar(64)', (c) => c.notNull())
        .addColumn('actor_name', 'varchar(100)', (c) => c.notNull())
        .addColumn('actor_role', 'varchar(20)', (c) => c.notNull())
        .addColumn('action', 'varchar(40)', (c) => c.notNull())
        .addColumn('target_type', 'varchar(20)', (c) => c.notNull())
        .addColumn('target_id', 'varchar(120)', (c) => c.notNull())
        .addColumn('outcome', 'varchar(10)', (c) => c.notNull())
        .addColumn('fields', longText(dialect), (c) => c.notNull())
        .addColumn('result', longText(dialect), (c) => c.notNull())
        .addColumn('before', longText(dialect))
        .addColumn('after', longText(dialect))
        .addColumn('request_id', 'varchar(64)', (c) => c.notNull())
        .execute();
      for (const columns of [['at'], ['actor_username', 'at'], ['target_type', 'target_id', 'at'], ['action', 'at']]) {
        await db.schema.createIndex(`audit_log_${columns.join('_')}`).on('audit_log').columns(columns).execute();
      }
    },
  },
  // Per-record locks (record-locks.ts). On MariaDB in memory: a lock is never worth a disk write,
  // and a server restart, which ends every holder's connection, may forget them all.
  '0002_record_locks': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('record_locks')
        .addColumn('record_key', 'varchar(190)', (c) => c.primaryKey())
        .addColumn('owner', 'varchar(120)', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .modifyEnd(dialect === 'mysql' ? sql`engine = memory` : sql``)
        .execute();
      await db.schema.createIndex('record_locks_owner').on('record_locks').column('owner').execute();
    },
  },
  // Failed logins slow that username from that address instead of locking the account
  // (docs/decisions/0014-login-throttling.md). users.failed_logins and users.locked_until are no
  // longer used; they stay while instances of the previous version may share the database.
  '0003_login_failures': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('login_failures')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('username_key', 'char(64)', (c) => c.notNull())
        .addColumn('source', 'varchar(64)', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .execute();
      for (const columns of [['username_key', 'source', 'at'], ['source', 'at'], ['at']]) {
        await db.schema.createIndex(`login_failures_${columns.join('_')}`).on('login_failures').columns(columns).execute();
      }
    },
  },
  // What VICIdial last said of the API user (vicidial/api-account.ts): one row, shared by every worker.
  '0005_vicidial_credentials': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('vicidial_credentials')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('outcome', 'varchar(12)', (c) => c.notNull())
        .addColumn('code', 'varchar(40)')
        .addColumn('message', 'varchar(255)')
        .addColumn('credentials', 'varchar(64)', (c) => c.notNull())
        .addColumn('checked_at', 'bigint', (c) => c.notNull())
        .addColumn('claimed_until', 'bigint', (c) => c.notNull())
        .execute();
      await db
        .insertInto('vicidial_credentials' as never)
        .values({ id: 1, outcome: 'unchecked', credentials: '', checked_at: 0, claimed_until: 0 } as never)
        .execute();
    },
  },
  // Accounts made or reset from the users page carry a one-time password, changed at the next login.
  '0006_user_accounts': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('users').addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('users').addColumn('last_login_at', 'varchar(30)').execute();
    },
  },
  // A revert's rows name the entry they revert (docs/decisions/0019-revert.md); a revert finds the
  // entries written under one request by one person (a bulk change, an import) to revert them together.
  '0007_audit_reverts': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('audit_log').addColumn('revert_of', 'integer').execute();
      await db.schema.createIndex('audit_log_revert_of').on('audit_log').column('revert_of').execute();
      await db.schema.createIndex('audit_log_request_id_actor_id').on('audit_log').columns(['request_id', 'actor_id']).execute();
    },
  },
  // CSV imports (imports/import-store.ts): a preview's versions, then an apply's progress and a
  // result per row, here so that any worker or host answers for an import another one runs.
  '0008_imports': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('imports')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('resource', 'varchar(10)', (c) => c.notNull())
        .addColumn('actor_id', 'integer', (c) => c.notNull())
        .addColumn('state', 'varchar(12)', (c) => c.notNull())
        .addColumn('file_hash', 'char(64)', (c) => c.notNull())
        .addColumn('header', longText(dialect), (c) => c.notNull())
        .addColumn('planned', longText(dialect), (c) => c.notNull())
        .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('request_id', 'varchar(64)', (c) => c.notNull().defaultTo(''))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('heartbeat_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('imports_created_at').on('imports').column('created_at').execute();
      await db.schema
        .createTable('import_results')
        .addColumn('import_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('line', 'integer', (c) => c.notNull())
        .addColumn('row_key', 'varchar(190)', (c) => c.notNull())
        .addColumn('action', 'varchar(10)', (c) => c.notNull())
        .addColumn('ok', 'integer', (c) => c.notNull())
        .addColumn('error', 'text')
        .addColumn('cells', 'text')
        .addPrimaryKeyConstraint('import_results_pk', ['import_id', 'line'])
        .execute();
    },
  },
});

/** Brings the dashboard database up to date; safe to run at every start and from several instances. */
export async function migrateDashboardDb(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(dialect) };
  const { error } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) throw error;
}
