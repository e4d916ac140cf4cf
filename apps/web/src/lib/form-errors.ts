import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from './api-client';

/**
 * Puts a refused save's errors where the user looks: each field problem on its field, anything
 * else on the form as a whole (`errors.root.server`). `toField` maps the API's field names to the
 * form's when they differ (e.g. 'routing.inGroup' → 'inGroup'); returning undefined sends the
 * message to the form as a whole.
 */
export function setServerErrors<T extends FieldValues>(
  setError: UseFormSetError<T>,
  error: unknown,
  toField: (apiField: string) => Path<T> | undefined = (apiField) => apiField as Path<T>,
): void {
  if (!(error instanceof ApiError)) {
    setError('root.server', { type: 'server', message: 'Something went wrong. Try again.' });
    return;
  }
  const unplaced: string[] = [];
  let focused = false;
  for (const issue of error.fieldIssues) {
    const field = issue.field === undefined ? undefined : toField(issue.field);
    if (field === undefined) {
      unplaced.push(issue.message);
      continue;
    }
    setError(field, { type: 'server', message: issue.message }, { shouldFocus: !focused });
    focused = true;
  }
  if (!focused || unplaced.length > 0) {
    setError('root.server', { type: error.code, message: unplaced.length > 0 ? unplaced.join(' ') : error.message });
  }
}
