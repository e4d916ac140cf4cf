import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import {
  type PhoneKey,
  type PhoneListQuery,
  phoneDetailSchema,
  phoneListResponseSchema,
} from '@vicidash/contracts/phone';
import { api, segment } from '../../../lib/api-client';

/** Query keys of phones: invalidate `phoneKeys.all` after any phone write. */
export const phoneKeys = {
  all: ['phones'] as const,
  lists: () => [...phoneKeys.all, 'list'] as const,
  list: (query: PhoneListQuery) => [...phoneKeys.lists(), query] as const,
  detail: (key: PhoneKey) => [...phoneKeys.all, 'detail', key.serverIp, key.extension] as const,
};

/** The phone's API path (VICIdial identifies a phone by server and extension). */
export const phoneApiPath = (key: PhoneKey) => `/api/phones/${segment(key.serverIp)}/${segment(key.extension)}`;

export const phoneListQueryOptions = (query: PhoneListQuery) =>
  queryOptions({
    queryKey: phoneKeys.list(query),
    queryFn: ({ signal }) => api.get('/api/phones', { schema: phoneListResponseSchema, query, signal }),
    placeholderData: keepPreviousData,
  });

export const phoneQueryOptions = (key: PhoneKey) =>
  queryOptions({
    queryKey: phoneKeys.detail(key),
    queryFn: ({ signal }) => api.get(phoneApiPath(key), { schema: phoneDetailSchema, signal }),
  });
