import { performance } from 'node:perf_hooks';
import { hash, verify } from '@node-rs/argon2';
import type { Kysely, Updateable } from 'kysely';
import { type Role, roleSchema } from '@vicidash/contracts/permissions';
import { displayNameSchema, usernameSchema } from '@vicidash/contracts/users';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { parseInput } from '../validate.js';
import type { DashboardDatabase, UsersTable } from '../store/schema.js';
import { LoginThrottle } from './login-throttle.js';
import { assertStrongPassword } from './password-strength.js';

export interface Account {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
  /** The password is a one-time one: nothing but choosing a new one until then. */
  mustChangePassword: boolean;
  lastLoginAt: string | null;
}

export const passwordSchema = z
  .string()
  .min(10, 'Password: at least 10 characters')
  .max(200, 'Password: at most 200 characters');
export const newAccountSchema = z.object({
  username: usernameSchema,
  displayName: displayNameSchema,
  role: roleSchema,
  password: passwordSchema,
  /** A one-time password (users page): changed at the first login. */
  temporary: z.boolean().optional(),
});

export type LoginCheck = { ok: true; account: Account } | { ok: false };

// Verified against when the username is unknown, so both paths take the same time.
const decoyHash = hash('decoy password that matches nothing');

type AccountRow = Pick<UsersTable, 'username' | 'display_name' | 'role' | 'active' | 'last_login_at'> & { id: number; must_change_password: number };

const toAccount = (row: AccountRow): Account => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  active: row.active === 1,
  mustChangePassword: row.must_change_password === 1,
  lastLoginAt: row.last_login_at,
});

/**
 * How long the session check may reuse an account it read: every request needs the account, and
 * reading it each time was a good part of a list request's cost. A change made through this
 * process (disable, role, password) applies at once; one made by another process (the accounts
 * CLI, another BFF instance) within this long.
 */
export const ACCOUNT_REUSE_MS = 1_000;
/** Accounts remembered at most (more is a sign of something odd: start over). */
const MAX_REMEMBERED = 10_000;

export class Accounts {
  /** Accounts recently read by the session check, by id, with when (monotonic ms). */
  private readonly recent = new Map<number, { account: Account | undefined; at: number }>();
  /** Bumped by every change: a read that started before one is not remembered. */
  private changes = 0;

  constructor(
    private readonly db: Kysely<DashboardDatabase>,
    private readonly now: () => number = Date.now,
  ) {}

  private get columns() {
    return ['id', 'username', 'display_name', 'role', 'active', 'must_change_password', 'last_login_at'] as const;
  }

  async count(): Promise<number> {
    const { n } = await this.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(n);
  }

  async list(): Promise<Account[]> {
    return (await this.db.selectFrom('users').select(this.columns).orderBy('username').execute()).map(toAccount);
  }

  async findById(id: number): Promise<Account | undefined> {
    const row = await this.db.selectFrom('users').select(this.columns).where('id', '=', id).executeTakeFirst();
    return row && toAccount(row);
  }

  /** The account behind a session: findById, read again once older than ACCOUNT_REUSE_MS. */
  async current(id: number): Promise<Account | undefined> {
    const remembered = this.recent.get(id);
    if (remembered && performance.now() - remembered.at < ACCOUNT_REUSE_MS) return remembered.account;
    const at = performance.now();
    const changes = this.changes;
    const account = await this.findById(id);
    if (changes !== this.changes) return account;
    if (this.recent.size >= MAX_REMEMBERED) this.recent.clear();
    this.recent.set(id, { account, at });
    return account;
  }

  async create(input: z.input<typeof newAccountSchema>): Promise<Account> {
    const { username, displayName, role, password, temporary } = parseInput(newAccountSchema, input);
    const exists = await this.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    if (exists) throw new AppError('CONFLICT', `An account named ${username} already exists.`, { field: 'username' });
    const stamp = new Date(this.now()).toISOString();
    await this.db
      .insertInto('users')
      .values({
        username,
        display_name: displayName,
        role,
        password_hash: await hash(password),
        active: 1,
        must_change_password: temporary ? 1 : 0,
        created_at: stamp,
        updated_at: stamp,
      })
      .execute();
    return this.byUsername(username);
  }

  setRole(username: string, role: Role): Promise<Account> {
    return this.change(username, { role });
  }

  setActive(username: string, active: boolean): Promise<Account> {
    return this.change(username, { active });
  }

  /** Name, role and whether it may log in, in one change (the users page). */
  change(username: string, { displayName, role, active }: { displayName?: string; role?: Role; active?: boolean }): Promise<Account> {
    return this.update(username, {
      ...(displayName === undefined ? {} : { display_name: parseInput(displayNameSchema, displayName) }),
      ...(role === undefined ? {} : { role: parseInput(roleSchema, role) }),
      ...(active === undefined ? {} : { active: active ? 1 : 0 }),
    });
  }

  /**
   * A new password; the delays earned by wrong ones (LoginThrottle) end with it. A temporary one
   * (users page) must be changed at the next login.
   */
  async resetPassword(username: string, password: string, { temporary = false } = {}): Promise<Account> {
    const account = await this.update(username, {
      password_hash: await hash(parseInput(passwordSchema, password)),
      must_change_password: temporary ? 1 : 0,
    });
    await new LoginThrottle(this.db, this.now).forget(username);
    return account;
  }

  /** When the person last logged in (shown on the users page; not a change of the account). */
  async recordLogin(id: number): Promise<void> {
    await this.db.updateTable('users').set({ last_login_at: new Date(this.now()).toISOString() }).where('id', '=', id).execute();
  }

  /** One's own new password: the current one must match, the new one be hard to guess. */
  async changePassword(id: number, currentPassword: string, newPassword: string): Promise<Account> {
    const row = await this.db.selectFrom('users').select([...this.columns, 'password_hash']).where('id', '=', id).executeTakeFirst();
    if (!row || !(await verify(row.password_hash, currentPassword))) {
      throw new AppError('VALIDATION', 'Current password: not correct.', { field: 'currentPassword' });
    }
    assertStrongPassword(newPassword, toAccount(row));
    return this.update(row.username, { password_hash: await hash(newPassword), must_change_password: 0 });
  }

  /**
   * Checks a password. Unknown user, wrong password and disabled account are one answer, in about
   * the same time (no account enumeration); slowing guesses is LoginThrottle's job.
   */
  async checkLogin(username: string, password: string): Promise<LoginCheck> {
    const name = username.toLowerCase();
    // A name no account can have is not looked up: outside the column's alphabet, MariaDB may refuse the query.
    const row = usernameSchema.safeParse(name).success
      ? await this.db.selectFrom('users').select([...this.columns, 'password_hash']).where('username', '=', name).executeTakeFirst()
      : undefined;
    const matches = await verify(row?.password_hash ?? (await decoyHash), password);
    return row && matches && row.active === 1 ? { ok: true, account: toAccount(row) } : { ok: false };
  }

  async byUsername(username: string): Promise<Account> {
    const row = await this.db.selectFrom('users').select(this.columns).where('username', '=', username).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', `No account named ${username}.`, { field: 'username' });
    return toAccount(row);
  }

  /**
   * Changes one account. A change that would leave no active supervisor (demoting or disabling the
   * last one) is refused, checked in the same statement as the change so that two supervisors
   * demoting each other at once cannot both succeed.
   */
  private async update(username: string, changes: Updateable<UsersTable>): Promise<Account> {
    const { id, role, active } = await this.byUsername(username);
    const endsASupervisor = role === 'supervisor' && active && ((changes.role ?? role) !== 'supervisor' || changes.active === 0);
    const { numUpdatedRows } = await this.db
      .updateTable('users')
      .set({ ...changes, updated_at: new Date(this.now()).toISOString() })
      .where('username', '=', username)
      .$if(endsASupervisor, (q) =>
        q.where(({ exists, selectFrom }) =>
          // Through a derived table: MariaDB refuses a subquery on the table being updated otherwise.
          exists(
            selectFrom(
              (eb) => eb.selectFrom('users as u').select('u.id').where('u.role', '=', 'supervisor').where('u.active', '=', 1).where('u.username', '<>', username).as('others'),
            ).select('others.id'),
          ),
        ),
      )
      .executeTakeFirst();
    if (endsASupervisor && Number(numUpdatedRows) === 0) {
      throw new AppError('CONFLICT', `${username} is the last active supervisor: make another account a supervisor first.`, {
        field: changes.active === 0 ? 'active' : 'role',
      });
    }
    this.changes += 1;
    this.recent.delete(id);
    return this.byUsername(username);
  }
}
