import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  callMenuLookupSchema,
  campaignLookupSchema,
  inGroupLookupSchema,
  phoneLoginLookupSchema,
  serverLookupSchema,
  templateLookupSchema,
  timeZoneLookupSchema,
  userGroupLookupSchema,
} from '@vicidash/contracts/lookups';
import { api } from './api-client';

/**
 * The pickers' and filters' lists (servers, in-groups…), shared by every feature. They change
 * rarely, so they stay fresh for five minutes.
 */

const LOOKUP_STALE_MS = 5 * 60_000;

const lookup = <T,>(name: string, schema: z.ZodType<T>) =>
  queryOptions({
    queryKey: ['lookups', name],
    queryFn: ({ signal }) => api.get(`/api/lookups/${name}`, { schema, signal }),
    staleTime: LOOKUP_STALE_MS,
  });

export const lookupQueries = {
  servers: () => lookup('servers', serverLookupSchema),
  inGroups: () => lookup('in-groups', inGroupLookupSchema),
  callMenus: () => lookup('call-menus', callMenuLookupSchema),
  campaigns: () => lookup('campaigns', campaignLookupSchema),
  templates: () => lookup('templates', templateLookupSchema),
  userGroups: () => lookup('user-groups', userGroupLookupSchema),
  timeZones: () => lookup('time-zones', timeZoneLookupSchema),
  /** Phone logins starting with `search` (the alias form's chip picker). */
  phoneLogins: (search: string, limit = 20) =>
    queryOptions({
      queryKey: ['lookups', 'phone-logins', search, limit],
      queryFn: ({ signal }) => api.get('/api/lookups/phone-logins', { schema: phoneLoginLookupSchema, query: { search, limit }, signal }),
      staleTime: 30_000,
    }),
};
