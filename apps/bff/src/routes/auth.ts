import { randomBytes } from 'node:crypto';
import type { Request } from 'express';
import { rateLimit } from 'express-rate-limit';
import { loginRequestSchema, sessionResponseSchema, type SessionResponse } from '@vicidash/contracts/auth';
import { rolePermissions } from '@vicidash/contracts/permissions';
import type { Account, Accounts } from '../auth/accounts.js';
import { AppError } from '../errors.js';
import { rateLimitStore } from '../http/rate-limit-store.js';
import { route } from '../http/route.js';

export interface AuthRouteOptions {
  accounts: Accounts;
  absoluteMs: number;
  now: () => number;
  /** Login attempts per IP address per window, before 429. */
  loginLimit: number;
  loginWindowMs: number;
}

const sessionBody = (user: Account, req: Request, absoluteMs: number): SessionResponse => ({
  user: { username: user.username, displayName: user.displayName, role: user.role, permissions: [...rolePermissions[user.role]] },
  csrfToken: req.session.csrfToken as string,
  expiresAt: (req.session.loggedInAt as number) + absoluteMs,
});

const promisify = (fn: (done: (error?: unknown) => void) => void) =>
  new Promise<void>((resolve, reject) => fn((error) => (error ? reject(error) : resolve())));

export function authRoutes({ accounts, absoluteMs, now, loginLimit, loginWindowMs }: AuthRouteOptions) {
  const loginLimiter = rateLimit({
    windowMs: loginWindowMs,
    limit: loginLimit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    store: rateLimitStore('login'),
    handler: () => {
      throw new AppError('RATE_LIMITED', 'Too many login attempts from here. Wait a few minutes and try again.');
    },
  });

  return [
    route({
      method: 'post',
      path: '/api/auth/login',
      tag: 'auth',
      summary: 'Log in: starts a session (cookie) and returns the CSRF token',
      permission: null,
      before: [loginLimiter],
      body: loginRequestSchema,
      response: sessionResponseSchema,
      async handler({ req, body: { username, password } }) {
        const check = await accounts.checkLogin(username, password);
        if (!check.ok) {
          req.log.warn({ username, reason: check.reason }, 'login refused');
          throw check.reason === 'locked'
            ? new AppError('LOGIN_FAILED', 'Too many wrong passwords for this account. Try again in 15 minutes.')
            : new AppError('LOGIN_FAILED', 'Wrong username or password.');
        }
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
  ];
}
