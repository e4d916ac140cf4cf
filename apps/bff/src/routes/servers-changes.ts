import { serverRefreshResponseSchema } from '@vicidash/contracts/lookups';
import type { AppServices } from '../app.js';
import { auditTargets } from '../audit/write-audit.js';
import { writeRoute } from '../audit/write-route.js';
import type { RouteSpec } from '../http/route.js';
import { readBack, vicidialRecords } from '../vicidial/records.js';
import type { VicidialWriter } from '../vicidial/writer.js';

/** Asking every server to rebuild its configuration (phone changes reach the telephony servers only then). */
export function serverChangeRoutes(services: AppServices, writer: VicidialWriter): RouteSpec[] {
  const records = vicidialRecords(services);
  return [
    writeRoute(services.audit, {
      method: 'post',
      path: '/api/servers/refresh',
      tag: 'servers',
      summary: 'Ask every server to rebuild its configuration',
      permission: 'refresh:servers',
      response: serverRefreshResponseSchema,
      target: auditTargets.servers,
      async handler({ attempt }) {
        const { servers_updated: serversUpdated } = await writer.refreshServers();
        attempt.applied = true;
        attempt.result = { serversUpdated };
        return { serversUpdated, serversAwaitingRebuild: await readBack(() => records.serversAwaitingRebuild()) };
      },
    }),
  ];
}
