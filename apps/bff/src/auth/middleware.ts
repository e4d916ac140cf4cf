import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { type Permission, can, refusalReason } from '@vicidash/contracts/permissions';
import { AppError } from '../errors.js';
import type { Account, Accounts } from './accounts.js';

declare global {
  namespace Express {
    interface Request {
      /** The logged-in person, when the session holds one that is still valid. */
      user?: Account;
    }
  }
}

const destroy = (req: Parameters<RequestHandler>[0]) =>
  new Promise<void>((resolve) => req.session.destroy(() => resolve()));

/**
 * Loads the person behind the session. A session older than the absolute timeout, or whose
 * account was disabled since, is ended here: the next guard then answers 401.
 */
export const authenticate =
  (accounts: Accounts, absoluteMs: number, now: () => number = Date.now): RequestHandler =>
  async (req, _res, next) => {
    const { userId, loggedInAt } = req.session;
    if (userId === undefined) return next();
    const account = await accounts.current(userId);
    if (!account?.active || loggedInAt === undefined || now() - loggedInAt > absoluteMs) {
      await destroy(req);
      return next();
    }
    req.user = account;
    next();
  };

export const requireLogin: RequestHandler = (req, _res, next) => {
  if (!req.user) throw new AppError('UNAUTHENTICATED', 'Your session has ended. Please log in again.');
  next();
};

/** The one guard of every route: logged in, and the role holds the permission. */
export const requirePermission =
  (permission: Permission): RequestHandler =>
  (req, res, next) =>
    requireLogin(req, res, () => {
      const user = req.user as Account;
      if (!can(user.role, permission)) throw new AppError('FORBIDDEN', refusalReason(user.role, permission));
      next();
    });

/**
 * A person logged in with a one-time password (new account, reset) may do nothing but choose a
 * new one (and see their session, log out) until they have.
 */
export const requireOwnPassword =
  (allowed: readonly string[]): RequestHandler =>
  (req, _res, next) => {
    if (!req.user?.mustChangePassword || allowed.includes(req.path)) return next();
    throw new AppError('PASSWORD_CHANGE_REQUIRED', 'Choose a new password first: yours was given to you for one login only.');
  };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';

const sameToken = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Every state-changing request must be JSON, or CSV for an import (a cross-site form can send
 * neither without a CORS preflight, which the BFF never grants) and, once logged in, carry the
 * session's CSRF token.
 */
export const csrfProtection =
  (exempt: readonly string[]): RequestHandler =>
  (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const hasBody = req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0';
    if (hasBody && !req.is(['application/json', 'text/csv', 'application/csv'])) {
      throw new AppError('VALIDATION', 'Requests that change something must send JSON.', { status: 415 });
    }
    const expected = req.session.csrfToken;
    // Without a session there is nothing to forge: the permission guard answers 401 instead.
    if (exempt.includes(req.path) || !expected) return next();
    const sent = req.get(CSRF_HEADER);
    if (!sent || !sameToken(expected, sent)) {
      throw new AppError('CSRF', 'This request is missing its security token. Reload the page and try again.');
    }
    next();
  };
