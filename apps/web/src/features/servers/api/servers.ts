import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { serverListResponseSchema, serverRefreshResponseSchema } from '@vicidash/contracts/lookups';
import { api } from '../../../lib/api-client';

export const serverKeys = {
  all: ['servers'] as const,
};

/** Every server and its rebuild state; fetched again whenever the page opens (a phone change may have flagged one). */
export const serverListQueryOptions = () =>
  queryOptions({
    queryKey: serverKeys.all,
    queryFn: ({ signal }) => api.get('/api/servers', { schema: serverListResponseSchema, signal }),
    staleTime: 0,
  });

/** Asks every server to rebuild its configuration; the list is read again afterwards. */
export function useServerRefresh() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/api/servers/refresh', { schema: serverRefreshResponseSchema }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: serverKeys.all }),
  });
}
