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
  const placed: { field: Path<T>; message: string }[] = [];
  for (const issue of error.fieldIssues) {
    const field = issue.field === undefined ? undefined : toField(issue.field);
    if (field === undefined) unplaced.push(issue.message);
    else placed.push({ field, message: issue.message });
  }
  // The server lists problems in its own order: the person is taken to the first one on the form.
  const first = firstOnPage(placed.map((issue) => issue.field));
  for (const { field, message } of placed) setError(field, { type: 'server', message }, { shouldFocus: field === first });
  if (placed.length === 0 || unplaced.length > 0) {
    setError('root.server', { type: error.code, message: unplaced.length > 0 ? unplaced.join(' ') : error.message });
  }
}

/** Of the named fields, the one that comes first on the page (those not on it come last, in their order). */
function firstOnPage<N extends string>(names: readonly N[]): N | undefined {
  const element = (name: N) => document.getElementsByName(name)[0];
  return [...names].sort((a, b) => {
    const [x, y] = [element(a), element(b)];
    if (!x || !y) return x ? -1 : y ? 1 : 0;
    return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  })[0];
}
