import { request } from 'undici';

export interface Session {
  /** Headers a logged-in request carries (cookie, CSRF token, JSON). */
  headers: Record<string, string>;
}

/** Logs in to the dashboard as a demo account. */
export async function login(dashboardUrl: string, username = 'supervisor', password = 'supervisor-demo'): Promise<Session> {
  const res = await request(`${dashboardUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = (await res.body.json()) as { csrfToken?: string };
  const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
  if (res.statusCode !== 200 || !body.csrfToken) throw new Error(`login failed: ${res.statusCode}`);
  return { headers: { cookie, 'x-csrf-token': body.csrfToken, 'content-type': 'application/json' } };
}
