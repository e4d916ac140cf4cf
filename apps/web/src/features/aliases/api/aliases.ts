import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type AliasDetail,
  type AliasListQuery,
  aliasDetailSchema,
  aliasListResponseSchema,
  type CreateAliasRequest,
  createAliasResponseSchema,
  type UpdateAliasRequest,
  updateAliasResponseSchema,
} from '@vicidash/contracts/alias';
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

/** After a write: the saved alias is shown at once, the lists are read again. */
function useAliasSaved() {
  const queryClient = useQueryClient();
  return (alias: AliasDetail) => {
    queryClient.setQueryData(aliasKeys.detail(alias.aliasId), alias);
    void queryClient.invalidateQueries({ queryKey: aliasKeys.lists() });
  };
}

export function useCreateAlias() {
  const saved = useAliasSaved();
  return useMutation({
    mutationFn: (body: CreateAliasRequest) => api.post('/api/aliases', { body, schema: createAliasResponseSchema }),
    onSuccess: saved,
  });
}

/** Replaces the alias's name and/or list, only over `version` (the one the form started from). */
export function useUpdateAlias(aliasId: string) {
  const saved = useAliasSaved();
  return useMutation({
    mutationFn: ({ body, version }: { body: UpdateAliasRequest; version: string }) =>
      api.put(aliasApiPath(aliasId), { body, version, schema: updateAliasResponseSchema }),
    onSuccess: saved,
  });
}

/** Deletes the alias (its phones stay), only if it is still `version`. */
export function useDeleteAlias(aliasId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: string) => api.delete(aliasApiPath(aliasId), { version, schema: null }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: aliasKeys.detail(aliasId) });
      void queryClient.invalidateQueries({ queryKey: aliasKeys.lists() });
    },
  });
}
