import type { AppServices } from '../app.js';
import type { RouteSpec } from '../http/route.js';

/** The read routes (VICIdial's database, the audit), one list per resource. */
export function readRoutes(_services: AppServices): RouteSpec[] {
  return [];
}
