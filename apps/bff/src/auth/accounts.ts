import { performance } from 'node:perf_hooks';
import { hash, verify } from '@node-rs/argon2';
import type { Kysely, Updateable } from 'kysely';
import { type Role, roleSchema } from '@vicidash/contracts/permissions';
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
}

export const usernameSchema = z
  .string()
  .regex(/^[a-z0-9._-]{3,64}$/, 'Username: 3 to 64 lower-case letters, digits, dot, dash or underscore');
export const passwordSchema = z
  .string()
  .min(10, 'Password: at least 10 characters')
  .max(200, 'Password: at most 200 characters');
export const newAccountSchema = z.object({
  username: usernameSchema,
  displayName: z.string().trim().min(1, 'Name: required').max(100, 'Name: at most 100 characters'),
  role: roleSchema,
  password: passwordSchema,
});

export type LoginCheck = { ok: true; account: Account } | { ok: false };

// Verified against when the username is unknown, so both paths take the same time.
const decoyHash = hash('decoy password that matches nothing');

const toAccount = (row: { id: number; username: string; display_name: string; role: Role; active: number }): Account => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  active: row.active === 1,
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
    return ['id', 'username', 'display_name', 'role', 'active'] as const;
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
    const { username, displayName, role, password } = parseInput(newAccountSchema, input);
    const exists = await this.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    if (exists) throw new AppError('CONFLICT', `An account named ${username} already exists.`, { field: 'username' });
    const stamp = new Date(this.now()).toISOString();
    await this.db
      .insertInto('users')
      .values({ username, display_name: displayName, role, password_hash: await hash(password), active: 1, created_at: stamp, updated_at: stamp })
      .execute();
    return this.byUsername(username);
  }

  setRole(username: string, role: Role): Promise<Account> {
    return this.update(username, { role: parseInput(roleSchema, role) });
  }

  setActive(username: string, active: boolean): Promise<Account> {
    return this.update(username, { active: active ? 1 : 0 });
  }

  /** A new password; the delays earned by wrong ones (LoginThrottle) end with it. */
  async resetPassword(username: string, password: string): Promise<Account> {
    const account = await this.update(username, { password_hash: await hash(parseInput(passwordSchema, password)) });
    await new LoginThrottle(this.db, this.now).forget(username);
    return account;
  }

  /** One's own new password: the current one must match, the new one be hard to guess. */
  async changePassword(id: number, currentPassword: string, newPassword: string): Promise<Account> {
    const row = await this.db.selectFrom('users').select([...this.columns, 'password_hash']).where('id', '=', id).executeTakeFirst();
    if (!row || !(await verify(row.password_hash, currentPassword))) {
      throw new AppError('VALIDATION', 'Current password: not correct.', { field: 'currentPassword' });
    }
    assertStrongPassword(newPassword, toAccount(row));
    return this.update(row.username, { password_hash: await hash(newPassword) });
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

  private async byUsername(username: string): Promise<Account> {
    const row = await this.db.selectFrom('users').select(this.columns).where('username', '=', username).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', `No account named ${username}.`, { field: 'username' });
    return toAccount(row);
  }

  private async update(username: string, changes: Updateable<UsersTable>): Promise<Account> {
    const { id } = await this.byUsername(username);
    await this.db
      .updateTable('users')
      .set({ ...changes, updated_at: new Date(this.now()).toISOString() })
      .where('username', '=', username)
      .execute();
    this.changes += 1;
    this.recent.delete(id);
    return this.byUsername(username);
  }
}
