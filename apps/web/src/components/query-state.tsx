import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { isApiError } from '../lib/api-client';
import { EmptyState, ErrorState, LoadingState } from './states';

export interface QueryStateProps<T> {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  /** Why there is nothing to load (e.g. the address names no record at all), said instead. */
  missing?: string | undefined;
}

/** A page's record as it loads: a spinner, the failure with a retry, then `children` with the record. */
export function QueryState<T>({ query, children, missing }: QueryStateProps<T>) {
  if (missing) return <EmptyState>{missing}</EmptyState>;
  if (query.isPending) return <LoadingState />;
  // A record that is not there (deleted, or never was) will not be there on a second try either.
  if (query.isError) return <ErrorState error={query.error} onRetry={isApiError(query.error, 'NOT_FOUND') ? undefined : () => void query.refetch()} />;
  return children(query.data);
}
