import type { Kysely } from 'kysely';
import { type ServerListResponse, serverListResponseSchema, serverLookupSchema } from '@vicidash/contracts/lookups';
import type { AppServices } from '../app.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { RouteSpec } from '../http/route.js';
import { serverRebuildStates, serversAwaitingRebuild } from '../vicidial/reader/servers.js';
import type { VicidialReadModel } from '../vicidial/tables.js';
import { readRoute } from './read-route.js';

export function serverReadRoutes({ vicidialDb: db, audit }: AppServices): RouteSpec[] {
  return [
    readRoute({
      method: 'get',
      path: '/api/servers',
      tag: 'servers',
      summary: 'Every server, whether it waits to rebuild its configuration, since when and for which dashboard changes',
      permission: 'read:lookups',
      response: serverListResponseSchema,
      handler: () => serverList(db, audit),
    }),
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

/**
 * VICIdial's flag says whether a server waits; VICIdial keeps no time for it, so "since" and "why"
 * come from the dashboard's audit: the phone changes on that server since the last refresh (a phone's
 * audit id is extension@server IP), else the refresh itself.
 */
async function serverList(db: Kysely<VicidialReadModel>, audit: AuditLog): Promise<ServerListResponse> {
  const [states, { refresh, changes }] = await Promise.all([serverRebuildStates(db), audit.phoneChangesSinceRefresh()]);
  return {
    lastRefresh: refresh,
    servers: states.map((server) => {
      const own = server.awaitingRebuild ? changes.filter((change) => change.targetId.endsWith(`@${server.serverIp}`)) : [];
      return {
        ...server,
        waitingSince: server.awaitingRebuild ? (own[0]?.at ?? refresh?.at ?? null) : null,
        changes: own.map(({ at, actor, action, targetId }) => ({
          at,
          actor,
          action,
          extension: targetId.slice(0, targetId.lastIndexOf('@')),
        })),
      };
    }),
  };
}
