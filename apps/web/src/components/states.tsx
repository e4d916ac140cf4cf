import type { ReactNode } from 'react';
import { isApiError } from '../lib/api-client';

/** While data loads: announced politely, with a visible spinner. */
export function LoadingState({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="state" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

/** Nothing to show: says why, and what to do (e.g. clear the filters). */
export function EmptyState({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div className="state">
      <p>{children}</p>
      {action}
    </div>
  );
}

/** A list without rows: because of the search and filters (with a way to clear them), or really empty. */
export function EmptyList({ filtered, onClear, noMatch, none }: { filtered: boolean; onClear: () => void; noMatch: string; none: string }) {
  return filtered ? (
    <EmptyState
      action={
        <button type="button" className="button" onClick={onClear}>
          Clear search and filters
        </button>
      }
    >
      {noMatch}
    </EmptyState>
  ) : (
    <EmptyState>{none}</EmptyState>
  );
}

/** What the failure means for people (ApiError messages are written for them), with a retry. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <div className="state state--error" role="alert">
      <p>{errorMessage(error)}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function errorMessage(error: unknown): string {
  return isApiError(error) ? error.message : 'Something went wrong. Try again, or reload the page.';
}
