import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { type DidListQuery, didDetailSchema, didListResponseSchema } from '@vicidash/contracts/did';
import { api, segment } from '../../../lib/api-client';

/** Query keys of DIDs: invalidate `didKeys.all` after any DID write. */
export const didKeys = {
  all: ['dids'] as const,
  lists: () => [...didKeys.all, 'list'] as const,
  list: (query: DidListQuery) => [...didKeys.lists(), query] as const,
  detail: (didId: number) => [...didKeys.all, 'detail', didId] as const,
};

export const didApiPath = (didId: number) => `/api/dids/${segment(didId)}`;

export const didListQueryOptions = (query: DidListQuery) =>
  queryOptions({
    queryKey: didKeys.list(query),
    queryFn: ({ signal }) => api.get('/api/dids', { schema: didListResponseSchema, query, signal }),
    placeholderData: keepPreviousData,
  });

export const didQueryOptions = (didId: number) =>
  queryOptions({
    queryKey: didKeys.detail(didId),
    queryFn: ({ signal }) => api.get(didApiPath(didId), { schema: didDetailSchema, signal }),
  });

/**
 * The DID the page's address names (`:didId`). An address that names no DID ID at all fetches
 * nothing: `missing` says so, for the page to show instead.
 */
export function useDidOfPath() {
  const didId = Number(useParams().didId);
  const valid = Number.isInteger(didId) && didId > 0;
  const did = useQuery({ ...didQueryOptions(didId), enabled: valid });
  return { didId, did, missing: valid ? undefined : 'There is no DID with this ID.' };
}
