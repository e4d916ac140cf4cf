import { aliasDetailSchema, aliasListQuerySchema, aliasListResponseSchema, staleAliasLoginsSchema } from '@vicidash/contracts/alias';
import { z } from 'zod';
import type { AppServices } from '../app.js';
import type { RouteSpec } from '../http/route.js';
import { getAlias, staleAliasLogins } from '../vicidial/reader/aliases.js';
import { found, readRoute } from './read-route.js';

/** An alias's path (looser than the contract's rule, so that any stored alias can be looked at). */
const storedAliasKeySchema = z.object({ aliasId: z.string().max(20, 'Alias ID: at most 20 characters') });

export function aliasReadRoutes({ vicidialDb: db, lists }: AppServices): RouteSpec[] {
  return [
    readRoute({
      method: 'get',
      path: '/api/aliases',
      tag: 'aliases',
      summary: 'List phone aliases: search (id, name, logins), filter by member login, sort, page',
      permission: 'read:aliases',
      query: aliasListQuerySchema,
      response: aliasListResponseSchema,
      handler: ({ query }) => lists.aliases.page(query),
    }),
    // Before /api/aliases/:aliasId, which would take "stale-logins" for an alias id.
    readRoute({
      method: 'get',
      path: '/api/aliases/stale-logins',
      tag: 'aliases',
      summary: 'Aliases still listing logins that no phone has (VICIdial does not remove a deleted phone from aliases)',
      permission: 'read:aliases',
      response: staleAliasLoginsSchema,
      handler: () => staleAliasLogins(db),
    }),
    readRoute({
      method: 'get',
      path: '/api/aliases/:aliasId',
      tag: 'aliases',
      summary: 'One alias: its logins, those no phone has, and its version (ETag)',
      permission: 'read:aliases',
      params: storedAliasKeySchema,
      response: aliasDetailSchema,
      handler: async ({ params }) => found(await getAlias(db, params.aliasId), `No alias ${params.aliasId}.`),
    }),
  ];
}
