import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { aliasRowSchema } from '@vicidash/contracts/alias';
import {
  type CreatePhoneRequest,
  createPhoneResponseSchema,
  deletePhoneResponseSchema,
  type PhoneKey,
  type PhoneListQuery,
  phoneDetailSchema,
  phoneListResponseSchema,
  phoneSecretsSchema,
  type UpdatePhoneRequest,
  updatePhoneResponseSchema,
} from '@vicidash/contracts/phone';
import { z } from 'zod';
import { api, segment } from '../../../lib/api-client';

/** Query keys of phones: invalidate `phoneKeys.all` after any phone write. */
export const phoneKeys = {
  all: ['phones'] as const,
  lists: () => [...phoneKeys.all, 'list'] as const,
  list: (query: PhoneListQuery) => [...phoneKeys.lists(), query] as const,
  detail: (key: PhoneKey) => [...phoneKeys.all, 'detail', key.serverIp, key.extension] as const,
  /** The edit form's own copy, always fetched fresh (its version is what the save is checked against). */
  editing: (key: PhoneKey) => [...phoneKeys.detail(key), 'editing'] as const,
  aliases: (key: PhoneKey) => [...phoneKeys.detail(key), 'aliases'] as const,
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

/**
 * The phone as the edit form starts from: never from the cache, and not refetched behind the user's
 * back (the form keeps the version it loaded; a newer one shows up as a 409 on saving).
 */
export const phoneForEditQueryOptions = (key: PhoneKey) =>
  queryOptions({
    queryKey: phoneKeys.editing(key),
    queryFn: ({ signal }) => api.get(phoneApiPath(key), { schema: phoneDetailSchema, signal }),
    staleTime: 0,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });

/** The aliases whose list holds the phone's login (they keep it when the phone is deleted). */
export const phoneAliasesQueryOptions = (key: PhoneKey) =>
  queryOptions({
    queryKey: phoneKeys.aliases(key),
    queryFn: ({ signal }) => api.get(`${phoneApiPath(key)}/aliases`, { schema: z.array(aliasRowSchema), signal }),
    staleTime: 0,
  });

/** After a write: the lists and details are stale. */
function useInvalidatePhones() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: phoneKeys.all });
}

export function useCreatePhone() {
  const invalidate = useInvalidatePhones();
  return useMutation({
    mutationFn: (body: CreatePhoneRequest) => api.post('/api/phones', { body, schema: createPhoneResponseSchema }),
    onSuccess: invalidate,
  });
}

export function useUpdatePhone(key: PhoneKey) {
  const invalidate = useInvalidatePhones();
  return useMutation({
    mutationFn: ({ changes, version }: { changes: UpdatePhoneRequest; version: string }) =>
      api.patch(phoneApiPath(key), { body: changes, version, schema: updatePhoneResponseSchema }),
    onSuccess: invalidate,
  });
}

export function useDeletePhone(key: PhoneKey) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: string) => api.delete(phoneApiPath(key), { version, schema: deletePhoneResponseSchema }),
    onSuccess: () => {
      // The phone is gone: its open detail is marked stale, not refetched into a 404 before the user moves on.
      void queryClient.invalidateQueries({ queryKey: phoneKeys.detail(key), refetchType: 'none' });
      return queryClient.invalidateQueries({ queryKey: phoneKeys.lists() });
    },
  });
}

/** Reveals the SIP secrets (supervisors; the BFF audits every reveal). Kept in the mutation only, never cached. */
export function useRevealSecrets(key: PhoneKey) {
  return useMutation({
    mutationFn: () => api.post(`${phoneApiPath(key)}/secrets`, { schema: phoneSecretsSchema }),
  });
}

