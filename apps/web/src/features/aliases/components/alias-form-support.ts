/**
 * Small pieces both alias forms share: where the API's field names land, and the message of the
 * logins list (zod reports a bad login as 'logins.2', an item of the list).
 */

/** Maps an API field ('logins.2', 'name') to the form field it belongs to, or undefined for the form as a whole. */
export const formFieldOf =
  <F extends string>(fields: readonly F[]) =>
  (apiField: string): F | undefined =>
    fields.find((field) => apiField === field || apiField.startsWith(`${field}.`));

/** The message of a list field: the list's own, else the first of its items'. */
export function listErrorMessage(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  if ('message' in error && typeof error.message === 'string' && error.message !== '') return error.message;
  if ('root' in error) {
    const root = listErrorMessage(error.root);
    if (root) return root;
  }
  for (const item of Array.isArray(error) ? error : []) {
    const message = listErrorMessage(item);
    if (message) return message;
  }
  return undefined;
}
