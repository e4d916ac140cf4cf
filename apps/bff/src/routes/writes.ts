import type { AppServices } from '../app.js';
import type { RouteSpec } from '../http/route.js';
import { VicidialWriter } from '../vicidial/writer.js';
import { aliasChangeRoutes } from './aliases-changes.js';
import { didChangeRoutes } from './dids-changes.js';
import { importRoutes } from './imports.js';
import { phoneChangeRoutes } from './phones-changes.js';
import { revertRoutes } from './revert.js';
import { serverChangeRoutes } from './servers-changes.js';

/** The write routes (VICIdial's Non-Agent API, every attempt audited), one list per resource. */
export function writeRoutes(services: AppServices): RouteSpec[] {
  const writer = new VicidialWriter(services.vicidial, () => services.lists.invalidate(), services.vicidialAccount);
  return [
    ...phoneChangeRoutes(services, writer),
    ...aliasChangeRoutes(services, writer),
    ...didChangeRoutes(services, writer),
    ...serverChangeRoutes(services, writer),
    ...revertRoutes(services, writer),
    ...importRoutes(services, writer),
  ];
}
