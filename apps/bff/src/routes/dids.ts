import { didDetailSchema, didKeySchema, didListQuerySchema, didListResponseSchema } from '@vicidash/contracts/did';
import { z } from 'zod';
import type { AppServices } from '../app.js';
import type { RouteSpec } from '../http/route.js';
import { didsRoutedTo, getDid } from '../vicidial/reader/dids.js';
import { findCallMenu, findInGroup } from '../vicidial/reader/lookups.js';
import { found, readRoute } from './read-route.js';

/** "Where used" lists are DID lists narrowed to one target: search, sort and page still apply. */
const whereUsedQuerySchema = didListQuerySchema.pick({ search: true, sort: true, order: true, page: true, pageSize: true });

export function didReadRoutes({ vicidialDb: db, lists }: AppServices): RouteSpec[] {
  return [
    readRoute({
      method: 'get',
      path: '/api/dids',
      tag: 'dids',
      summary: 'List DIDs with their route targets: search, filters (route, target, in-group, active, recording), sort, page',
      permission: 'read:dids',
      query: didListQuerySchema,
      response: didListResponseSchema,
      handler: ({ query }) => lists.dids.page(query),
    }),
    readRoute({
      method: 'get',
      path: '/api/dids/:didId',
      tag: 'dids',
      summary: 'One DID with every field of its route, and its version (ETag)',
      permission: 'read:dids',
      params: didKeySchema,
      response: didDetailSchema,
      handler: async ({ params }) => found(await getDid(db, params.didId), `No DID with ID ${params.didId}.`),
    }),
    readRoute({
      method: 'get',
      path: '/api/in-groups/:groupId/dids',
      tag: 'dids',
      summary: 'Where an in-group is used: the DIDs routed to it',
      permission: 'read:dids',
      params: z.object({ groupId: z.string().max(20, 'In-group: at most 20 characters') }),
      query: whereUsedQuerySchema,
      response: didListResponseSchema,
      async handler({ params: { groupId }, query }) {
        found(await findInGroup(db, groupId), `No in-group ${groupId}.`);
        return didsRoutedTo(lists.dids, { inGroup: groupId }, query);
      },
    }),
    readRoute({
      method: 'get',
      path: '/api/call-menus/:menuId/dids',
      tag: 'dids',
      summary: 'Where a call menu is used: the DIDs routed to it',
      permission: 'read:dids',
      params: z.object({ menuId: z.string().max(50, 'Call menu: at most 50 characters') }),
      query: whereUsedQuerySchema,
      response: didListResponseSchema,
      async handler({ params: { menuId }, query }) {
        found(await findCallMenu(db, menuId), `No call menu ${menuId}.`);
        return didsRoutedTo(lists.dids, { callMenu: menuId }, query);
      },
    }),
  ];
}
