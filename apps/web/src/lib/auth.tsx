import { type QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { type SessionResponse, sessionResponseSchema } from '@vicidash/contracts/auth';
import type { Permission } from '@vicidash/contracts/permissions';
import { api, configureApiClient, isApiError } from './api-client';

/**
 * The session as the SPA knows it: one query (who is logged in, their permissions, the CSRF token).
 * `null` means nobody is logged in; the protected layout then sends the user to the login page.
 */

async function fetchSession(): Promise<SessionResponse | null> {
  try {
    return await api.get('/api/auth/session', { schema: sessionResponseSchema });
  } catch (error) {
    if (isApiError(error, 'UNAUTHENTICATED')) return null;
    throw error;
  }
}

export const sessionQueryOptions = queryOptions({
  queryKey: ['session'],
  queryFn: fetchSession,
  // Only login, logout and a 401 change it.
  staleTime: Infinity,
  refetchOnWindowFocus: false,
});
export const sessionQueryKey = sessionQueryOptions.queryKey;

/** Gives the API client its CSRF token and its reaction to a 401 from the session in `queryClient`. */
export function connectApiClient(queryClient: QueryClient): void {
  configureApiClient({
    csrfToken: () => queryClient.getQueryData(sessionQueryKey)?.csrfToken ?? undefined,
    refreshSession: async () => {
      await queryClient.fetchQuery({ ...sessionQueryOptions, staleTime: 0 });
    },
    onUnauthenticated: () => queryClient.setQueryData(sessionQueryKey, null),
  });
}

/** The session, once known (undefined while loading, null when logged out). */
export function useSession() {
  return useQuery(sessionQueryOptions);
}

/** The logged-in user. Only below the protected layout, which renders nothing without a session. */
export function useUser(): SessionResponse['user'] {
  const { data } = useSession();
  if (!data) throw new Error('useUser() outside the protected layout');
  return data.user;
}

/** Whether the user's role holds `permission`: the SPA hides what the BFF would refuse. */
export function useCan(permission: Permission): boolean {
  return useSession().data?.user.permissions.includes(permission) ?? false;
}

/** Renders its children only for roles that hold `permission`. */
export function Can({ permission, children }: { permission: Permission; children: ReactNode }) {
  return useCan(permission) ? children : null;
}
