import { queryOptions } from '@tanstack/react-query';
import { type HistoryType, historyResponseSchema } from '@vicidash/contracts/history';
import { api, segment } from '../../lib/api-client';

export const historyKeys = {
  all: ['history'] as const,
  record: (type: HistoryType, id: string) => [...historyKeys.all, type, id] as const,
};

/** A record's history; fetched again whenever its page opens, so a change just saved is in it. */
export const historyQueryOptions = (type: HistoryType, id: string) =>
  queryOptions({
    queryKey: historyKeys.record(type, id),
    queryFn: ({ signal }) => api.get(`/api/history/${type}/${segment(id)}`, { schema: historyResponseSchema, signal }),
    staleTime: 0,
  });
