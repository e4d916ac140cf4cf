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
