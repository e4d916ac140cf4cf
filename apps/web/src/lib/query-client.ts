import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-client';

/** Codes worth a second try: nothing answered, or VICIdial / its database was briefly away. */
const TRANSIENT = new Set(['NETWORK', 'VICIDIAL_UNAVAILABLE', 'VICIDIAL_TIMEOUT', 'DATABASE_UNAVAILABLE']);

export function shouldRetry(failureCount: number, error: unknown): boolean {
  return failureCount < 2 && isApiError(error) && TRANSIENT.has(error.code);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Lists change under other people's hands; half a minute keeps paging back and forth instant.
        staleTime: 30_000,
        retry: shouldRetry,
      },
      // A write is never repeated behind the user's back (VICIdial might have applied it).
      mutations: { retry: false },
    },
  });
}
