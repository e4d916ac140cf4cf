import type { AppServices } from '../app.js';
import type { RouteSpec } from '../http/route.js';

/** The write routes (VICIdial's Non-Agent API, audited), one list per resource. */
export function writeRoutes(_services: AppServices): RouteSpec[] {
  return [];
}
