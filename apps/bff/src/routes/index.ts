import type { AppServices } from '../app.js';
import type { RouteSpec } from '../http/route.js';
import { authRoutes } from './auth.js';
import { healthRoutes } from './health.js';
import { exportRoutes } from './imports.js';
import { readRoutes } from './reads.js';
import { userRoutes } from './users.js';
import { writeRoutes } from './writes.js';

/** Every API route of the BFF: served by mountRoutes, documented by openApiDocument. */
export function apiRoutes(services: AppServices): RouteSpec[] {
  const { accounts, loginThrottle, sessionStore, audit, settings, now } = services;
  return [
    ...healthRoutes(services),
    ...authRoutes({ accounts, loginThrottle, sessionStore, audit, absoluteMs: settings.absoluteMs, now }),
    ...exportRoutes(services),
    ...readRoutes(services),
    ...writeRoutes(services),
    ...userRoutes(services),
  ];
}
