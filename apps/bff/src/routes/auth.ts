import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { loginRequestSchema, sessionResponseSchema, type SessionResponse } from '@vicidash/contracts/auth';
import { rolePermissions } from '@vicidash/contracts/permissions';
import { changePasswordRequestSchema } from '@vicidash/contracts/users';
import type { AuditLog } from '../audit/audit-log.js';
import { auditTargets } from '../audit/write-audit.js';
import { writeRoute } from '../audit/write-route.js';
import type { Account, Accounts } from '../auth/accounts.js';
import { loginSource, type LoginThrottle } from '../auth/login-throttle.js';
import type { DashboardSessionStore } from '../auth/session-store.js';
import { AppError } from '../errors.js';
import { route } from '../http/route.js';

export interface AuthRouteOptions {
  accounts: Accounts;
  loginThrottle: LoginThrottle;
  sessionStore: DashboardSessionStore;
  audit: AuditLog;
  absoluteMs: number;
  now: () => number;
}

const sessionBody = (user: Account, req: Request, absoluteMs: number): SessionResponse => ({
  user: {
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    permissions: [...rolePermissions[user.role]],
    mustChangePassword: user.mustChangePassword,
  },
  csrfToken: req.session.csrfToken as string,
  expiresAt: (req.session.loggedInAt as number) + absoluteMs,
});

const promisify = (fn: (done: (error?: unknown) => void) => void) =>
  new Promise<void>((resolve, reject) => fn((error) => (error ? reject(error) : resolve())));

/** "30 seconds", "1 minute", "15 minutes": a wait as a person reads it. */
const inWords = (seconds: number) => {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
};

export function authRoutes({ accounts, loginThrottle, sessionStore, audit, absoluteMs, now }: AuthRouteOptions) {
  /** A password about to be checked counts against the throttle; 429 while its username must wait from this address. */
  const startAttempt = async (req: Request, res: Response, username: string) => {
    const attempt = { username, source: loginSource(req) };
    const waitSeconds = Math.ceil((await loginThrottle.start(attempt)) / 1000);
    if (waitSeconds > 0) {
      req.log.warn({ username, source: attempt.source, waitSeconds }, 'password refused: too many failures');
      res.setHeader('Retry-After', String(waitSeconds));
      throw new AppError('RATE_LIMITED', `Too many failed logins from here. Try again in ${inWords(waitSeconds)}.`);
    }
    return attempt;
  };
  return [
    route({
      method: 'post',
      path: '/api/auth/login',
      tag: 'auth',
      summary: 'Log in: starts a session (cookie) and returns the CSRF token',
      permission: null,
      body: loginRequestSchema,
      response: sessionResponseSchema,
      errors: {
        401: 'Wrong username or password: one answer whether or not the account exists.',
        429: 'Too many failed logins from this address (for this username, or in all): Retry-After says how long to wait.',
      },
      async handler({ req, res, body: { username, password } }) {
        // Whether the account exists changes nothing below but the outcome of a right password.
        const attempt = await startAttempt(req, res, username);
        const check = await accounts.checkLogin(username, password);
        if (!check.ok) {
          req.log.warn({ username, source: attempt.source }, 'login refused');
          throw new AppError('LOGIN_FAILED', 'Wrong username or password.');
        }
        await loginThrottle.succeeded(attempt);
        await accounts.recordLogin(check.account.id);
        // A new session id at login: a session fixed before login is worth nothing after it.
        await promisify((done) => req.session.regenerate(done));
        req.session.userId = check.account.id;
        req.session.loggedInAt = now();
        req.session.csrfToken = randomBytes(32).toString('base64url');
        await promisify((done) => req.session.save(done));
        req.log.info({ username: check.account.username }, 'login');
        return sessionBody(check.account, req, absoluteMs);
      },
    }),
    route({
      method: 'get',
      path: '/api/auth/session',
      tag: 'auth',
      summary: 'Who is logged in, their permissions and CSRF token',
      permission: 'authenticated',
      response: sessionResponseSchema,
      handler: async ({ req, user }) => sessionBody(user, req, absoluteMs),
    }),
    route({
      method: 'post',
      path: '/api/auth/logout',
      tag: 'auth',
      summary: 'Log out: ends the session',
      permission: null,
      response: null,
      async handler({ req, res }) {
        await promisify((done) => req.session.destroy(done));
        res.clearCookie('vicidash.sid', { path: '/' });
      },
    }),
    writeRoute(audit, {
      method: 'post',
      path: '/api/auth/password',
      tag: 'auth',
      summary: "Change one's own password: ends one's other sessions",
      permission: 'change:own-password',
      body: changePasswordRequestSchema,
      response: null,
      errors: {
        400: 'The current password is wrong (field currentPassword), or the new one is too short or easy to guess (field newPassword).',
        429: 'Too many wrong current passwords (counted with failed logins): Retry-After says how long to wait.',
      },
      target: ({ actor }) => auditTargets.user(actor.username),
      async handler({ req, res, user, body: { currentPassword, newPassword } }) {
        // Guessing the current password through a session left open is slowed like guessing at login.
        const attempt = await startAttempt(req, res, user.username);
        try {
          await accounts.changePassword(user.id, currentPassword, newPassword);
        } catch (error) {
          // Only a wrong current password counts as a failure.
          if (!(error instanceof AppError && error.options.field === 'currentPassword')) await loginThrottle.succeeded(attempt);
          throw error;
        }
        await loginThrottle.succeeded(attempt);
        await sessionStore.destroyForUser(user.id, req.sessionID);
      },
    }),
  ];
}
