import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { type AliasListQuery, aliasDetailSchema, aliasListResponseSchema } from '@vicidash/contracts/alias';
import { api, segment } from '../../../lib/api-client';

/** Query keys of aliases: invalidate `aliasKeys.all` after any alias write. */
export const aliasKeys = {
  all: ['aliases'] as const,
  lists: () => [...aliasKeys.all, 'list'] as const,
  list: (query: AliasListQuery) => [...aliasKeys.lists(), query] as const,
  detail: (aliasId: string) => [...aliasKeys.all, 'detail', aliasId] as const,
};

export const aliasApiPath = (aliasId: string) => `/api/aliases/${segment(aliasId)}`;

export const aliasListQueryOptions = (query: AliasListQuery) =>
  queryOptions({
    queryKey: aliasKeys.list(query),
    queryFn: ({ signal }) => api.get('/api/aliases', { schema: aliasListResponseSchema, query, signal }),
    placeholderData: keepPreviousData,
  });

export const aliasQueryOptions = (aliasId: string) =>
  queryOptions({
    queryKey: aliasKeys.detail(aliasId),
    queryFn: ({ signal }) => api.get(aliasApiPath(aliasId), { schema: aliasDetailSchema, signal }),
  });
