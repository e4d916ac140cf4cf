import type { Kysely, Selectable } from 'kysely';
import type { VicidialClient, VicidialFailureResult, VicidialResult } from '@vicidash/vicidial-client';
import { AppError } from '../errors.js';
import type { DashboardDatabase, VicidialCredentialsTable } from '../store/schema.js';

/**
 * Whether VICIdial lets the dashboard's API user in, shared by every worker and host through the
 * dashboard database (docs/decisions/0017-vicidial-credentials-guard.md). VICIdial locks a user after
 * 10 failed logins within 15 minutes, for everything that uses it: once it refused the user, nothing
 * is sent until a check passes, and a check with credentials VICIdial refused runs once per 15 minutes.
 */
export type AccountState = Selectable<VicidialCredentialsTable>;

/** An accepted user is checked again this often (each check writes to VICIdial's API log). */
export const CHECK_EVERY_MS = 60_000;
/** After a refused login: one failure per lock window, so the dashboard alone never locks the user. */
export const LOGIN_RETRY_MS = 15 * 60_000;

const LOGIN_REFUSALS = new Set(['LOGIN_INCORRECT', 'ACCOUNT_LOCKED']);
/** Refusals of one action only: the user may do everything else, so writes go on. */
const ACTION_REFUSALS = new Set(['NO_PERMISSION_DELETE_PHONES', 'NO_PERMISSION_DELETE_PHONE_ALIASES', 'NO_PERMISSION_DELETE_DIDS']);

/** The setting to fix for each refusal, in the words of the configuration. */
function refusalMessage(failure: Extract<VicidialFailureResult, { kind: 'auth' }>): string {
  const said = failure.message.replace(/\.$/, '');
  if (failure.code === 'LOGIN_INCORRECT') return `${said}: check VICIDIAL_API_USER and VICIDIAL_API_PASS.`;
  if (failure.code === 'ACCOUNT_LOCKED') return `${said}: check VICIDIAL_API_PASS before it is unlocked.`;
  if (failure.code === 'INVALID_SOURCE') return `${said}: check VICIDIAL_API_SOURCE.`;
  return `${said}: give the user named in VICIDIAL_API_USER the functions and permissions the dashboard needs (see the README).`;
}

interface Options {
  /** HMAC of the configured user and password (never the password itself). */
  credentials: string;
  now: () => number;
  /** The longest a check may take; another worker takes over after it. */
  timeoutMs: number;
}

export class VicidialApiAccount {
  private pending: Promise<AccountState> | undefined;

  constructor(
    private readonly db: Kysely<DashboardDatabase>,
    private readonly client: VicidialClient,
    private readonly options: Options,
  ) {}

  private read(): Promise<AccountState> {
    return this.db.selectFrom('vicidial_credentials').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  }

  private due(state: AccountState, now: number): boolean {
    if (state.outcome === 'unchecked' || state.credentials !== this.options.credentials) return true;
    const every = state.outcome === 'refused' && LOGIN_REFUSALS.has(state.code ?? '') ? LOGIN_RETRY_MS : CHECK_EVERY_MS;
    return now - Number(state.checked_at) >= every;
  }

  private async store(outcome: AccountState['outcome'], code: string | null, message: string | null): Promise<AccountState> {
    const state = { outcome, code, message, credentials: this.options.credentials, checked_at: this.options.now(), claimed_until: 0 };
    await this.db.updateTable('vicidial_credentials').set(state).where('id', '=', 1).execute();
    return { id: 1, ...state };
  }

  /**
   * The last outcome, checking first when a check is due and no other worker is running one (the
   * claim is a conditional update: one worker wins, the others report the last outcome). Callers of
   * one process at the same time share one answer, so they wait for a check under way.
   */
  state(): Promise<AccountState> {
    this.pending ??= this.readOrCheck().finally(() => (this.pending = undefined));
    return this.pending;
  }

  private async readOrCheck(): Promise<AccountState> {
    const state = await this.read();
    const now = this.options.now();
    if (!this.due(state, now) || Number(state.claimed_until) > now) return state;
    const claim = await this.db
      .updateTable('vicidial_credentials')
      .set({ claimed_until: now + this.options.timeoutMs * 2 })
      .where('id', '=', 1)
      .where('checked_at', '=', state.checked_at)
      .where('claimed_until', '=', state.claimed_until)
      .executeTakeFirst();
    return Number(claim.numUpdatedRows) === 1 ? this.check() : state;
  }

  /**
   * Asks VICIdial with calls that need the login and the permission but change nothing: update_did
   * and update_phone without the record's key. VICIdial checks, in this order, the login, the
   * function in api_allowed_functions and the user's flags for DIDs or phones, and only then the
   * required fields: "YOU MUST USE ALL REQUIRED FIELDS" means all of them passed, and the only rows
   * written are VICIdial's own API log. update_phone is asked only when update_did passed, so a wrong
   * password costs one failed login per check.
   */
  private async check(): Promise<AccountState> {
    const timeoutMs = this.options.timeoutMs;
    const calls: Array<() => Promise<VicidialResult<unknown>>> = [
      () => this.client.updateDid({ did_pattern: '' }, { timeoutMs }),
      () => this.client.updatePhone({ extension: '', server_ip: '' }, { timeoutMs }),
    ];
    for (const call of calls) {
      const result = await call();
      if (result.kind === 'auth') return this.store('refused', result.code, refusalMessage(result));
      if (result.kind === 'transport') return this.store('unreachable', result.code, result.message.replace(/\.$/, ''));
      if (result.kind !== 'vicidial_error' || result.code !== 'REQUIRED_FIELDS_MISSING') {
        return this.store('unreachable', 'UNEXPECTED_ANSWER', 'VICIdial answered the credentials check in an unexpected way');
      }
    }
    return this.store('ok', null, null);
  }

  /** Before a write: a 503 without calling VICIdial while it refuses the user (unless a check, when due, now passes). */
  async assertUsable(): Promise<void> {
    const state = await this.state();
    if (state.outcome === 'refused') throw refusedError(`Not sent: VICIdial refuses the dashboard's API user.`, state.message);
  }

  /** After a write VICIdial refused for the user itself: stop every worker from sending more. */
  async refused(failure: Extract<VicidialFailureResult, { kind: 'auth' }>): Promise<AppError | undefined> {
    if (ACTION_REFUSALS.has(failure.code)) return undefined;
    const state = await this.store('refused', failure.code, refusalMessage(failure));
    return refusedError(`VICIdial refused the dashboard's API user; nothing was changed.`, state.message);
  }
}

/** 503: the dashboard cannot write until an administrator fixes the setting the message names. */
const refusedError = (what: string, why: string | null) => new AppError('VICIDIAL_DENIED', `${what} ${why ?? ''}`.trim(), { status: 503 });
