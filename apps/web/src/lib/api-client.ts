import type { z } from 'zod';
import {
  type ErrorCode,
  errorBodySchema,
  type FieldIssue,
  validationDetailsSchema,
} from '@vicidash/contracts/errors';

/**
 * The one way the SPA talks to the BFF: same-origin fetch with the session cookie, the CSRF token on
 * every write, answers parsed with the contracts' schemas, and every failure turned into an ApiError.
 */

/** The BFF's codes, plus NETWORK when no answer arrived at all. */
export type ApiErrorCode = ErrorCode | 'NETWORK';

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** HTTP status; 0 when no answer arrived. */
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    /** The request field at fault, when one is. */
    readonly field?: string,
    /** `{ issues }` for VALIDATION, the current record on CONFLICT… */
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** Every problem tied to a field: VALIDATION's list, or the one field the error names. */
  get fieldIssues(): FieldIssue[] {
    const validation = validationDetailsSchema.safeParse(this.details);
    if (validation.success) return validation.data.issues.filter((issue) => issue.field !== undefined);
    return this.field === undefined ? [] : [{ field: this.field, message: this.message }];
  }
}

export const isApiError = (error: unknown, code?: ApiErrorCode): error is ApiError =>
  error instanceof ApiError && (code === undefined || error.code === code);

/** What the client needs from the session, wired in once by the app (keeps this module free of React). */
export interface ApiClientHooks {
  /** The token state-changing requests echo in X-CSRF-Token. */
  csrfToken: () => string | undefined;
  /** Fetches the session again (a new CSRF token), e.g. after a login in another tab. */
  refreshSession: () => Promise<void>;
  /** Any request answered 401 UNAUTHENTICATED: the session ended. */
  onUnauthenticated: () => void;
}

let hooks: ApiClientHooks = {
  csrfToken: () => undefined,
  refreshSession: async () => {},
  onUnauthenticated: () => {},
};

export function configureApiClient(next: ApiClientHooks): void {
  hooks = next;
}

type QueryValue = string | number | boolean | null | undefined;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions<S extends z.ZodType | null> {
  /** Parses the answer; null for answers without a body (204). */
  schema: S;
  /** Query string; empty, null and undefined values are left out. */
  query?: Readonly<Record<string, QueryValue>>;
  body?: unknown;
  /** A CSV file sent as the body instead (an import). */
  csv?: string;
  /** The record's version, sent as If-Match so the BFF refuses to save over a newer change. */
  version?: string;
  signal?: AbortSignal;
}

type Result<S> = S extends z.ZodType ? z.output<S> : undefined;

export function apiUrl(path: string, query?: Readonly<Record<string, QueryValue>>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** A path segment from a value (a phone's server IP, a DID pattern with '+'). */
export const segment = (value: string | number): string => encodeURIComponent(String(value));

const NETWORK_MESSAGE = 'The dashboard server did not answer. Check your connection and try again.';

async function send(method: Method, path: string, options: RequestOptions<z.ZodType | null>): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.csv !== undefined) headers['Content-Type'] = 'text/csv';
  if (method !== 'GET') {
    const token = hooks.csrfToken();
    if (token) headers['X-CSRF-Token'] = token;
  }
  if (options.version !== undefined) headers['If-Match'] = `"${options.version}"`;
  try {
    return await fetch(apiUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.csv ?? (options.body === undefined ? null : JSON.stringify(options.body)),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    // A cancelled request (TanStack Query aborts stale ones) is not a failure to report.
    if (options.signal?.aborted) throw error;
    throw new ApiError(0, 'NETWORK', NETWORK_MESSAGE);
  }
}

async function readJson(response: Response): Promise<unknown> {
  const type = response.headers.get('Content-Type') ?? '';
  if (!type.includes('application/json')) return undefined;
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

async function errorOf(response: Response): Promise<ApiError> {
  const body = errorBodySchema.safeParse(await readJson(response));
  if (body.success) {
    const { code, message, field, details } = body.data;
    return new ApiError(response.status, code, message, field, details);
  }
  // Not the BFF speaking (a proxy, a crash): say what we know.
  const code: ErrorCode = response.status === 401 ? 'UNAUTHENTICATED' : response.status === 404 ? 'NOT_FOUND' : 'INTERNAL';
  return new ApiError(response.status, code, `The dashboard server answered with an error (HTTP ${response.status}).`);
}

async function request<S extends z.ZodType | null>(method: Method, path: string, options: RequestOptions<S>): Promise<Result<S>> {
  let response = await send(method, path, options);
  let error = response.ok ? undefined : await errorOf(response);
  // A stale CSRF token (the session was renewed elsewhere): fetch the current one and try once more.
  if (error?.code === 'CSRF') {
    await hooks.refreshSession();
    response = await send(method, path, options);
    error = response.ok ? undefined : await errorOf(response);
  }
  if (error) {
    if (error.code === 'UNAUTHENTICATED') hooks.onUnauthenticated();
    throw error;
  }
  if (options.schema === null) return undefined as Result<S>;
  const parsed = options.schema.safeParse(await readJson(response));
  if (!parsed.success) {
    console.error(`Unexpected answer from ${method} ${path}`, parsed.error.issues);
    throw new ApiError(response.status, 'INTERNAL', 'The dashboard server answered in an unexpected form.');
  }
  return parsed.data as Result<S>;
}

export const api = {
  get: <S extends z.ZodType | null>(path: string, options: RequestOptions<S>) => request('GET', path, options),
  post: <S extends z.ZodType | null>(path: string, options: RequestOptions<S>) => request('POST', path, options),
  put: <S extends z.ZodType | null>(path: string, options: RequestOptions<S>) => request('PUT', path, options),
  patch: <S extends z.ZodType | null>(path: string, options: RequestOptions<S>) => request('PATCH', path, options),
  delete: <S extends z.ZodType | null>(path: string, options: RequestOptions<S>) => request('DELETE', path, options),
};
