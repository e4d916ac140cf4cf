import express, { type Express } from 'express';
import session from 'express-session';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { Accounts } from './auth/accounts.js';
import { authenticate, csrfProtection } from './auth/middleware.js';
import type { DashboardSessionStore } from './auth/session-store.js';
import { AppError, errorHandler } from './errors.js';
import { authRoutes } from './routes/auth.js';

export const SESSION_COOKIE = 'vicidash.sid';

export interface AppServices {
  logger: Logger;
  accounts: Accounts;
  sessionStore: DashboardSessionStore;
  settings: {
    sessionSecret: string;
    idleMs: number;
    absoluteMs: number;
    trustProxyHops: number;
    loginLimit?: number;
    loginWindowMs?: number;
  };
  /** The clock of sessions and timeouts (tests move it). */
  now: () => number;
}

/** The Express application, without listening (tests drive it with supertest). */
export function createApp({ logger, accounts, sessionStore, settings, now }: AppServices): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', settings.trustProxyHops);
  app.use(pinoHttp({ logger }));
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

  app.get('/api/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.use(
    '/api',
    express.json({ limit: '1mb' }),
    session({
      name: SESSION_COOKIE,
      secret: settings.sessionSecret,
      store: sessionStore,
      resave: false,
      saveUninitialized: false,
      rolling: true,
      unset: 'destroy',
      cookie: { httpOnly: true, sameSite: 'strict', secure: 'auto', maxAge: settings.idleMs, path: '/' },
    }),
    authenticate(accounts, settings.absoluteMs, now),
    csrfProtection(['/auth/login']),
  );
  app.use(
    '/api/auth',
    authRoutes({
      accounts,
      absoluteMs: settings.absoluteMs,
      now,
      loginLimit: settings.loginLimit ?? 20,
      loginWindowMs: settings.loginWindowMs ?? 5 * 60 * 1000,
    }),
  );

  app.use('/api', () => {
    throw new AppError('NOT_FOUND', 'No such API endpoint.');
  });
  app.use(errorHandler);
  return app;
}
