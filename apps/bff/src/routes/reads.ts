import type { AppServices } from '../app.js';
import type { RouteSpec } from '../http/route.js';
import { ListTotals } from '../vicidial/reader/totals.js';
import { aliasReadRoutes } from './aliases.js';
import { auditRoutes } from './audit.js';
import { didReadRoutes } from './dids.js';
import { historyRoutes } from './history.js';
import { lookupRoutes } from './lookups.js';
import { phoneReadRoutes } from './phones.js';
import { serverReadRoutes } from './servers.js';

/** The read routes (VICIdial's database, the audit), one list per resource. */
export function readRoutes(services: AppServices): RouteSpec[] {
  // One memory of list totals for the app: the lists of every person share it.
  const totals = new ListTotals(services.now);
  return [
    ...phoneReadRoutes(services, totals),
    ...aliasReadRoutes(services, totals),
    ...didReadRoutes(services, totals),
    ...lookupRoutes(services),
    ...historyRoutes(services),
    ...serverReadRoutes(services),
    ...auditRoutes(services),
  ];
}
