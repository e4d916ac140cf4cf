import type { AppServices } from '../app.js';
import type { RouteSpec } from '../http/route.js';
import { aliasReadRoutes } from './aliases.js';
import { auditRoutes } from './audit.js';
import { didReadRoutes } from './dids.js';
import { historyRoutes } from './history.js';
import { lookupRoutes } from './lookups.js';
import { phoneReadRoutes } from './phones.js';
import { serverReadRoutes } from './servers.js';

/** The read routes (VICIdial's database, the audit), one list per resource. */
export function readRoutes(services: AppServices): RouteSpec[] {
  return [
    ...phoneReadRoutes(services),
    ...aliasReadRoutes(services),
    ...didReadRoutes(services),
    ...lookupRoutes(services),
    ...historyRoutes(services),
    ...serverReadRoutes(services),
    ...auditRoutes(services),
  ];
}
