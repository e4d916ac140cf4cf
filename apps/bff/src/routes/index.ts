import type { AppServices } from '../app.js';
import type { RouteSpec } from '../http/route.js';
import { authRoutes } from './auth.js';
import { healthRoutes } from './health.js';
import { readRoutes } from './reads.js';
import { writeRoutes } from './writes.js';

/** Every API route of the BFF: served by mountRoutes, documented by openApiDocument. */
export function apiRoutes(services: AppServices): RouteSpec[] {
  const { accounts, settings, now } = services;
  return [
    ...healthRoutes(services),
    ...authRoutes({
      accounts,
      absoluteMs: settings.absoluteMs,
      now,
      loginLimit: settings.loginLimit ?? 20,
      loginWindowMs: settings.loginWindowMs ?? 5 * 60 * 1000,
    }),
    ...readRoutes(services),
    ...writeRoutes(services),
  ];
}
