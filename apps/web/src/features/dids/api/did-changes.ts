import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type BulkUpdateDidsRequest,
  bulkUpdateDidsResponseSchema,
  type CopyDidRequest,
  type CreateDidRequest,
  copyDidResponseSchema,
  createDidResponseSchema,
  type DidDetail,
  type UpdateDidRequest,
  updateDidResponseSchema,
} from '@vicidash/contracts/did';
import { api } from '../../../lib/api-client';
import { didApiPath, didKeys } from './dids';

/**
 * After a write every DID query is fetched again, except the one DID `known` (saved: its answer is
 * its current state; deleted: there is nothing left to fetch).
 */
async function afterWrite(queryClient: QueryClient, known?: { didId: number; saved?: DidDetail }): Promise<void> {
  if (known?.saved) queryClient.setQueryData(didKeys.detail(known.didId), known.saved);
  const knownKey = known && didKeys.detail(known.didId);
  await queryClient.invalidateQueries({
    queryKey: didKeys.all,
    predicate: ({ queryKey }) => !knownKey || queryKey.length !== knownKey.length || queryKey.some((part, i) => part !== knownKey[i]),
  });
}

export function useCreateDid() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateDidRequest) => api.post('/api/dids', { body: request, schema: createDidResponseSchema }),
    onSuccess: (did) => afterWrite(queryClient, { didId: did.didId, saved: did }),
  });
}

/** Sends only the changes, with the version they were made against (If-Match). */
export function useUpdateDid(didId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ request, version }: { request: UpdateDidRequest; version: string }) =>
      api.patch(didApiPath(didId), { body: request, version, schema: updateDidResponseSchema }),
    onSuccess: (did) => afterWrite(queryClient, { didId: did.didId, saved: did }),
  });
}

export function useDeleteDid(didId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: string) => api.delete(didApiPath(didId), { version, schema: null }),
    onSuccess: () => afterWrite(queryClient, { didId }),
  });
}

export function useCopyDid(didId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CopyDidRequest) => api.post(`${didApiPath(didId)}/copy`, { body: request, schema: copyDidResponseSchema }),
    onSuccess: () => afterWrite(queryClient),
  });
}

export function useBulkUpdateDids() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: BulkUpdateDidsRequest) => api.post('/api/dids/bulk', { body: request, schema: bulkUpdateDidsResponseSchema }),
    onSuccess: () => afterWrite(queryClient),
  });
}
