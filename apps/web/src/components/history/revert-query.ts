import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { type RevertRequest, revertPreviewSchema, revertResponseSchema } from '@vicidash/contracts/revert';
import { api, segment } from '../../lib/api-client';
import { sessionQueryKey } from '../../lib/auth';

const revertPath = (entryId: number) => `/api/audit/${segment(entryId)}/revert`;

/** What reverting an audit entry would do, record by record; read afresh each time the dialog opens. */
export const revertPreviewOptions = (entryId: number) =>
  queryOptions({
    queryKey: ['revert', entryId] as const,
    queryFn: ({ signal }) => api.get(revertPath(entryId), { schema: revertPreviewSchema, signal }),
    staleTime: 0,
    gcTime: 0,
  });

/** What a revert leaves as it was: the person's session, and the preview the dialog shows the results against. */
const UNTOUCHED = new Set<unknown>([sessionQueryKey[0], 'revert']);

/** Applies the revert. It may touch many records: every list, record, history and the audit are read again. */
export function useRevert(entryId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: RevertRequest) => api.post(revertPath(entryId), { body: request, schema: revertResponseSchema }),
    onSettled: () => queryClient.invalidateQueries({ predicate: (query) => !UNTOUCHED.has(query.queryKey[0]) }),
  });
}
