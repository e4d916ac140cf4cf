import { serverLookupSchema } from '@vicidash/contracts/lookups';
import type { AppServices } from '../app.js';
import type { RouteSpec } from '../http/route.js';
import { serversAwaitingRebuild } from '../vicidial/reader/servers.js';
import { readRoute } from './read-route.js';

export function serverReadRoutes({ vicidialDb: db }: AppServices): RouteSpec[] {
  return [
    readRoute({
      method: 'get',
      path: '/api/servers/rebuild',
      tag: 'servers',
      summary: 'Servers waiting to rebuild their configuration (phone changes reach them only after it)',
      permission: 'read:lookups',
      response: serverLookupSchema,
      handler: () => serversAwaitingRebuild(db),
    }),
  ];
}
