/**
 * After login the user goes back where they were: the protected pages send them to
 * `/login?next=<path and query>`, and the login page follows `next` only within the app.
 */

export const LOGIN_PATH = '/login';

export function loginPath(location: { pathname: string; search: string }): string {
  const here = location.pathname + location.search;
  return here === '/' ? LOGIN_PATH : `${LOGIN_PATH}?next=${encodeURIComponent(here)}`;
}

/** Where to go after login: `next` if it is a path of this app, else the home page. */
export function afterLoginPath(next: string | null): string {
  // '//host' and '/\host' would leave the app; only plain absolute paths are followed.
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next === LOGIN_PATH || next.startsWith(`${LOGIN_PATH}?`)) return '/';
  return next;
}
