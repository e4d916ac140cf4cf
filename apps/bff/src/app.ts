import express, { type Express, type RequestHandler, Router } from 'express';
import session from 'express-session';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { Kysely } from 'kysely';
import type { Dialect } from '@vicidash/database';
import type { VicidialClient } from '@vicidash/vicidial-client';
import type { AuditLog } from './audit/audit-log.js';
import type { Accounts } from './auth/accounts.js';
import type { LoginThrottle } from './auth/login-throttle.js';
import { authenticate, csrfProtection, requireOwnPassword } from './auth/middleware.js';
import type { DashboardSessionStore } from './auth/session-store.js';
import type { RecordLocks } from './store/record-locks.js';
import type { VicidialApiAccount } from './vicidial/api-account.js';
import type { Grants } from './vicidial/grants.js';
import type { DashboardDatabase } from './store/schema.js';
import type { ListReadModel } from './vicidial/reader/lists.js';
import type { VicidialReadModel } from './vicidial/tables.js';
import { IMPORT_MAX_BYTES } from '@vicidash/contracts/imports';
import { AppError, errorHandler } from './errors.js';
import { mountRoutes } from './http/mount.js';
import { openApiDocument } from './http/openapi.js';
import { serveSpa } from './http/spa.js';
import { writeRateLimit } from './http/write-limit.js';
import { httpLogger } from './logger.js';
import { apiRoutes } from './routes/index.js';

export const SESSION_COOKIE = 'vicidash.sid';
/** Where the API lives; every route spec's path starts with it. */
const API_PREFIX = '/api';

/**
 * The largest JSON body the API reads. The largest real request is a bulk DID change: BULK_MAX
 * (1,000) DIDs, each a pattern of at most 50 characters that JSON never escapes, so 50 + 2 quotes
 * + 1 comma = 53 bytes each, 53,000 bytes, plus the widest routing block (IN_GROUP with every extra,
 * under 300 bytes) and the other fields: under 54,000 bytes. Every other request is far smaller: a
 * copy's new patterns take at most 2,000 characters joined (under 3,500 bytes as a JSON list), an
 * alias's logins 255, a new phone's 25 fields at most 100 characters each (under 4,000 bytes).
 * 64 KiB leaves room for that, and a refused request can cost the audit no more.
 */
export const JSON_BODY_LIMIT_BYTES = 64 * 1024;

/** API answers hold VICIdial's configuration and the audit: no browser or proxy keeps a copy. */
const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};

export interface AppServices {
  logger: Logger;
  accounts: Accounts;
  /** Slows password guessing (per username and address), counted in the dashboard database. */
  loginThrottle: LoginThrottle;
  sessionStore: DashboardSessionStore;
  audit: AuditLog;
  /** The dashboard's own database (accounts, sessions, audit). */
  dashboardDb: Kysely<DashboardDatabase>;
  /** VICIdial's database, read-only: every read of phones, aliases, DIDs and lookups. */
  vicidialDb: Kysely<VicidialReadModel>;
  vicidialDialect: Dialect;
  /** The phone, alias and DID lists, answered from memory; every write through the dashboard invalidates them. */
  lists: ListReadModel;
  /** Per-record locks shared by every worker and host: a version check and the write it guards are one step. */
  locks: RecordLocks;
  /** VICIdial's Non-Agent API: every write. */
  vicidial: VicidialClient;
  /** Whether VICIdial lets the API user in: writes stop while it refuses it (shared by every worker). */
  vicidialAccount: VicidialApiAccount;
  /** What VICIdial's read-only database user can read beyond what it needs (checked at start). */
  vicidialDbGrants: Grants;
  settings: {
    sessionSecret: string;
    /** Keys the HMAC through which a phone's secrets enter its version (the same on every worker and host). */
    versionKey: string;
    idleMs: number;
    absoluteMs: number;
    trustProxyHops: number;
    /** Changes (POST, PUT, PATCH, DELETE) per person per minute. */
    writeLimit: number;
    /** The built SPA to serve, if any. */
    webDistDir?: string;
  };
  /** The clock of sessions and timeouts (tests move it). */
  now: () => number;
}

/** The Express application, without listening (tests drive it with supertest). */
export function createApp(services: AppServices): Express {
  const { logger, accounts, sessionStore, settings, now } = services;
  const routes = apiRoutes(services);
  const openApi = openApiDocument(routes, { title: 'VICIdial dashboard API', version: '1', sessionCookie: SESSION_COOKIE });
  const app = express();
  app.disable('x-powered-by');
  // Records carry their own ETag (their version); hashing every other answer would only cost.
  app.set('etag', false);
  app.set('trust proxy', settings.trustProxyHops);
  app.use(httpLogger(logger));
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
    }),
  );

  // Everything under /api in one router: a request passes each of its layers without the mount
  // path being matched and cut again for every middleware.
  const api = Router();
  api.use(
    noStore,
    express.json({ limit: JSON_BODY_LIMIT_BYTES }),
    // The import routes' files, as bytes: routes/imports.ts reads them as UTF-8 (and tells of a BOM).
    express.raw({ type: ['text/csv', 'application/csv'], limit: IMPORT_MAX_BYTES }),
    session({
      name: SESSION_COOKIE,
      secret: settings.sessionSecret,
      store: sessionStore,
      resave: false,
      saveUninitialized: false,
      // The cookie lasts as long as the browser; how long the session lasts is decided here (idle and
      // absolute timeouts, see DashboardSessionStore), so the cookie need not be sent again on every answer.
      rolling: false,
      unset: 'destroy',
      cookie: { httpOnly: true, sameSite: 'strict', secure: 'auto', path: '/' },
    }),
    authenticate(accounts, settings.absoluteMs, now),
    csrfProtection(['/auth/login']),
    requireOwnPassword(['/auth/password', '/auth/session', '/auth/logout']),
    writeRateLimit(settings.writeLimit, ['/auth/login', '/auth/logout']),
  );
  api.get('/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  api.use(mountRoutes(routes, API_PREFIX));
  api.use(() => {
    throw new AppError('NOT_FOUND', 'No such API endpoint.');
  });
  app.use(API_PREFIX, api);
  if (settings.webDistDir) app.use(serveSpa(settings.webDistDir));
  app.use(errorHandler);
  return app;
}
