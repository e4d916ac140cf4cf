import { vi } from 'vitest';

/**
 * The network edge for unit tests: `fetch` answered by `answer`, every request recorded. The code
 * under test runs unchanged above it (real Request/Response objects, real JSON).
 */
export function fakeFetch(answer: (request: Request) => Response | Promise<Response>) {
  const requests: Request[] = [];
  vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
    const request = new Request(new URL(input, 'http://dashboard.test'), init);
    requests.push(request.clone());
    return answer(request);
  });
  return requests;
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers } });
